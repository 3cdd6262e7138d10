// Shared by the regex engine's parts (not a public header): the parser
// (regex_parse.cc), the size measure and emitter (regex_compile.cc), the Pike
// VM (regex_match.cc) and the AST export (regex_ast.cc).
//
// Pattern -> AST (recursive descent, nesting capped) -> NFA program -> Pike VM.
//
// Only "does the whole text match" is ever asked, so the VM keeps no capture
// slots: a thread is just a program counter, and a thread list is a set of
// pcs. Each text position visits each pc at most once, which is what makes
// matching O(len(text) * program size) whatever the pattern.
//
// Dialect notes (ECMAScript with the `u` flag, plus friendly Annex B bits):
// - `{` and `}` that do not form a quantifier are literals (`a{`, `{,5}`);
//   a well-formed quantifier with nothing before it is an error.
// - A lone `]` is an error (unbalanced bracket), unlike Annex B.
// - Unknown letter escapes (`\q`, `\p{L}`) are errors, not literal letters,
//   so a pattern written for another engine fails loudly instead of silently
//   matching something else. Escaped punctuation is always a literal.
// - Group names are checked for syntax only; groups never capture.
#ifndef BTALK_REGEX_INTERNAL_H_
#define BTALK_REGEX_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "btalk/regex.h"

namespace btalk {
namespace regex_internal {

constexpr int kMaxNesting = 100;
// Each node consumes at least one pattern byte except the empty alternatives
// and groups, so a 4096-byte pattern never needs more; the cap makes the
// parse's memory a constant whatever the parser's future.
constexpr std::size_t kMaxNodes = 2 * Regex::kMaxPatternBytes + 2;
// Saturating sizes and lengths: anything above the caps is "too much".
constexpr std::uint64_t kUnbounded = ~std::uint64_t{0};
constexpr std::uint32_t kMaxRepeatCount = 1000;
constexpr std::uint32_t kInfinite = 0xFFFFFFFF;
constexpr char32_t kMaxCodePoint = 0x10FFFF;

struct Range {
  char32_t lo, hi;
};

enum Op : std::uint8_t {
  kChar,      // x: code point
  kClass,     // [x, y): sorted disjoint ranges in Program::ranges
  kSplit,     // continue at x and at y
  kJmp,       // continue at x
  kBegin,     // ^
  kEnd,       // $
  kWordB,     // \b
  kNotWordB,  // \B
  kMatch,
};

struct Inst {
  Op op;
  std::uint32_t x, y;
};

inline bool IsWordChar(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

struct Node {
  enum Kind : std::uint8_t { kEmpty, kChar, kClass, kAssert, kConcat, kAlt, kRepeat };
  Kind kind = kEmpty;
  std::uint32_t a = 0, b = 0;  // char: cp; class: [a,b) ranges; assert: Op;
                               // repeat: min, max (kInfinite = no max)
  std::uint32_t offset = 0;    // where it starts in the pattern (for errors)
  std::vector<std::uint32_t> kids;
};

constexpr std::uint32_t kNoNode = 0xFFFFFFFF;

// The parser's output: the AST in node order (a node's kids come before it)
// and the class ranges; `error` is set when the pattern is invalid.
struct ParsedPattern {
  std::vector<Node> nodes;
  std::vector<Range> ranges;
  RegexError error;
};

// Parses `pattern` (at most Regex::kMaxPatternBytes of valid UTF-8) into
// `out`; returns the root node, or kNoNode with out.error set.
std::uint32_t ParsePattern(std::string_view pattern, ParsedPattern& out);

}  // namespace regex_internal

struct Regex::Program {
  std::vector<regex_internal::Inst> insts;
  std::vector<regex_internal::Range> ranges;
  // Lengths (code points) of the shortest and longest text the pattern can
  // match; kUnbounded = no limit. A text outside them fails with no VM run.
  std::uint64_t min_len = 0, max_len = regex_internal::kUnbounded;

  bool InClass(const regex_internal::Inst& inst, char32_t c) const {
    // Binary search over the sorted, disjoint ranges.
    const regex_internal::Range* r = ranges.data();
    std::uint32_t lo = inst.x, hi = inst.y;
    while (lo < hi) {
      const std::uint32_t mid = lo + (hi - lo) / 2;
      if (c < r[mid].lo) {
        hi = mid;
      } else if (c > r[mid].hi) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }
};

}  // namespace btalk

#endif  // BTALK_REGEX_INTERNAL_H_
