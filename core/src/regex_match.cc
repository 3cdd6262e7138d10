// The Pike VM: whole-text matching in O(len(text) * program size).
#include <algorithm>
#include <utility>

#include "regex_internal.h"
#include "btalk/utf8.h"

namespace btalk {
using namespace regex_internal;
namespace {

// What the zero-width assertions need to know about a text position.
struct Position {
  bool at_begin, at_end, word_before, word_after;
};

// Appends `start` and everything reachable from it without consuming input
// to `list` (growing `size`). Only consuming instructions and kMatch land in
// `list`; `mark[pc] == gen` means pc was already visited at this text
// position, which dedups threads and stops epsilon loops such as `(x*)*`.
// Iterative with an explicit stack (each visited pc pushes at most two
// entries, so 2n+1 slots suffice): no recursion proportional to the program.
// Raw arrays because -Oz inlines almost nothing and this is the hot loop.
// Returns how many pcs it visited: the match-step count.
std::uint32_t AddThread(const Inst* insts, std::uint32_t* list, std::uint32_t& size, std::uint32_t* mark,
                        std::uint32_t gen, std::uint32_t* stack, std::uint32_t start, const Position& at) {
  std::uint32_t top = 0, visited = 0;
  stack[top++] = start;
  while (top > 0) {
    const std::uint32_t pc = stack[--top];
    if (mark[pc] == gen) continue;
    mark[pc] = gen;
    ++visited;
    const Inst& inst = insts[pc];
    switch (inst.op) {
      case kChar:
      case kClass:
      case kMatch:
        list[size++] = pc;
        break;
      case kSplit:
        stack[top++] = inst.y;
        stack[top++] = inst.x;
        break;
      case kJmp:
        stack[top++] = inst.x;
        break;
      case kBegin:
        if (at.at_begin) stack[top++] = pc + 1;
        break;
      case kEnd:
        if (at.at_end) stack[top++] = pc + 1;
        break;
      case kWordB:
      case kNotWordB:
        if ((at.word_before != at.word_after) == (inst.op == kWordB)) stack[top++] = pc + 1;
        break;
    }
  }
  return visited;
}

// DecodeNext with the ASCII case inline: most address text is ASCII.
inline bool NextCodePoint(std::string_view text, std::size_t& pos, char32_t& cp) {
  if (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) {
    cp = static_cast<unsigned char>(text[pos++]);
    return true;
  }
  return DecodeNext(text, pos, cp);
}

}  // namespace

bool Regex::FullMatch(std::string_view text) const {
  MatchBudget budget(kUnbounded);  // still linear: O(len(text) * program size)
  return FullMatch(text, budget) == MatchResult::kMatch;
}

Regex::MatchResult Regex::FullMatch(std::string_view text, MatchBudget& budget) const {
  if (!program_) return MatchResult::kNoMatch;  // moved-from
  const Program& prog = *program_;
  if (prog.min_len > 0 || prog.max_len != kUnbounded) {
    const std::size_t length = CodePointCount(text);
    if (length < prog.min_len || length > prog.max_len) return MatchResult::kNoMatch;
  }
  if (budget.steps_left == 0) return MatchResult::kTooComplex;
  const std::size_t n = prog.insts.size();
  const Inst* insts = prog.insts.data();
  // One buffer: two thread lists of n, the closure stack (2n + 1), marks (n).
  // Small programs (every address pattern seen so far) match without touching
  // the heap: one allocation per field and keystroke adds up in wasm.
  std::uint32_t local[5 * 64 + 1];
  std::vector<std::uint32_t> heap(n <= 64 ? 0 : 5 * n + 1, 0);
  std::uint32_t* current = n <= 64 ? local : heap.data();
  std::uint32_t* next = current + n;
  std::uint32_t* mark = next + n;
  std::uint32_t* stack = mark + n;
  // Only the marks are read before they are written.
  if (n <= 64) std::fill(mark, mark + n, 0);
  std::uint32_t current_size = 0, next_size = 0;
  std::uint32_t gen = 1;
  // Steps: threads stepped plus pcs visited, checked after each character,
  // so a call overshoots its budget by at most one position's work (3n).
  std::uint64_t steps = 0;
  const auto spend = [&]() {
    const std::uint64_t spent = std::min<std::uint64_t>(steps, budget.steps_left);
    budget.steps_left -= spent;
    budget.steps_used += steps;
  };

  char32_t c = 0;
  std::size_t after = 0;  // byte offset just past `c`
  bool has_c = NextCodePoint(text, after, c);
  steps += AddThread(insts, current, current_size, mark, gen, stack, 0,
                     Position{true, !has_c, false, has_c && IsWordChar(c)});
  while (has_c) {
    if (current_size == 0) {
      spend();
      return MatchResult::kNoMatch;
    }
    if (steps > budget.steps_left) {
      spend();
      return MatchResult::kTooComplex;
    }
    char32_t following = 0;
    std::size_t after_following = after;
    const bool has_following = NextCodePoint(text, after_following, following);
    const Position at{false, !has_following, IsWordChar(c),
                      has_following && IsWordChar(following)};
    if (++gen == 0) {  // wrapped after 4G positions: forget old marks
      std::fill(mark, mark + n, 0);
      gen = 1;
    }
    next_size = 0;
    steps += current_size;
    for (std::uint32_t i = 0; i < current_size; ++i) {
      const std::uint32_t pc = current[i];
      const Inst& inst = insts[pc];
      const bool step = inst.op == kChar ? inst.x == c
                        : inst.op == kClass ? prog.InClass(inst, c)
                                            : false;
      if (step) steps += AddThread(insts, next, next_size, mark, gen, stack, pc + 1, at);
    }
    std::swap(current, next);
    current_size = next_size;
    after = after_following;
    c = following;
    has_c = has_following;
  }
  spend();
  for (std::uint32_t i = 0; i < current_size; ++i) {
    if (insts[current[i]].op == kMatch) return MatchResult::kMatch;
  }
  return MatchResult::kNoMatch;
}

}  // namespace btalk
