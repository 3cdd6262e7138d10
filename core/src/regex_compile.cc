// AST -> NFA program: the exact size measured first (saturating), then the
// emitter, whose every visit counts against Regex::kMaxCompileWork.
#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "regex_internal.h"
#include "btalk/utf8.h"

namespace btalk {
using namespace regex_internal;
namespace {

std::uint64_t SatAdd(std::uint64_t a, std::uint64_t b) { return a > kUnbounded - b ? kUnbounded : a + b; }
std::uint64_t SatMul(std::uint64_t a, std::uint64_t b) {
  if (a == 0 || b == 0) return 0;
  return a > kUnbounded / b ? kUnbounded : a * b;
}

// What a node compiles to, known before anything is emitted: the exact
// instruction count and the shortest and longest text it can match (code
// points; kUnbounded = no limit). Saturating, so `((a{1000}){1000}){1000}`
// costs one pass over its nodes instead of 10^9 copies.
struct Shape {
  std::uint64_t size = 0, min_len = 0, max_len = 0;
};

// One pass in node order: the parser adds a node's kids before the node.
// Concatenation kids that emit nothing (`(?:)`, `(?:a{0}){1000}`) are
// dropped here, so the emitter never visits them again and again.
std::vector<Shape> Measure(std::vector<Node>& nodes) {
  std::vector<Shape> shapes(nodes.size());
  for (std::size_t id = 0; id < nodes.size(); ++id) {
    Node& n = nodes[id];
    Shape& s = shapes[id];
    switch (n.kind) {
      case Node::kEmpty:
        break;
      case Node::kChar:
      case Node::kClass:
        s = {1, 1, 1};
        break;
      case Node::kAssert:
        s = {1, 0, 0};
        break;
      case Node::kConcat: {
        std::size_t kept = 0;
        for (std::uint32_t k : n.kids) {
          const Shape& c = shapes[k];
          s.size = SatAdd(s.size, c.size);
          s.min_len = SatAdd(s.min_len, c.min_len);
          s.max_len = SatAdd(s.max_len, c.max_len);
          if (c.size > 0) n.kids[kept++] = k;
        }
        n.kids.resize(kept);
        break;
      }
      case Node::kAlt: {
        s.min_len = kUnbounded;
        for (std::uint32_t k : n.kids) {
          const Shape& c = shapes[k];
          s.size = SatAdd(s.size, c.size);
          s.min_len = std::min(s.min_len, c.min_len);
          s.max_len = std::max(s.max_len, c.max_len);
        }
        s.size = SatAdd(s.size, 2 * (n.kids.size() - 1));  // a split and a jmp per alternative but the last
        break;
      }
      case Node::kRepeat: {
        const Shape& c = shapes[n.kids[0]];
        if (c.size == 0) break;  // repeating nothing is nothing
        const std::uint32_t min = n.a, max = n.b;
        s.min_len = SatMul(c.min_len, min);
        if (max == kInfinite) {
          s.size = min > 0 ? SatAdd(SatMul(c.size, min), 1) : SatAdd(c.size, 2);
          s.max_len = c.max_len == 0 ? 0 : kUnbounded;
        } else {
          s.size = SatAdd(SatMul(c.size, min), SatMul(SatAdd(c.size, 1), max - min));
          s.max_len = SatMul(c.max_len, max);
        }
        break;
      }
    }
  }
  return shapes;
}

// Where a program too large for `room` instructions overflows: the outermost
// repetition on the way to the instruction that crosses it.
std::uint32_t OverflowOffset(const std::vector<Node>& nodes, const std::vector<Shape>& shapes,
                             std::uint32_t id, std::uint64_t room) {
  for (;;) {
    const Node& n = nodes[id];
    if (n.kind != Node::kConcat && n.kind != Node::kAlt) return n.offset;
    const std::uint64_t extra = n.kind == Node::kAlt ? 2 : 0;
    std::uint64_t before = 0;
    std::uint32_t next = kNoNode;
    for (std::uint32_t k : n.kids) {
      if (SatAdd(before, shapes[k].size) > room) {
        next = k;
        break;
      }
      before = SatAdd(before, SatAdd(shapes[k].size, extra));
    }
    if (next == kNoNode || before > room) return n.offset;
    room -= before;
    id = next;
  }
}

// Turns the measured AST into instructions. The program's size is checked
// before this runs; what this bounds is the work: every Emit call counts,
// and past Regex::kMaxCompileWork the compile stops with an error, whatever
// shape the pattern has.
class Emitter {
 public:
  Emitter(const std::vector<Node>& nodes, const std::vector<Shape>& shapes, std::vector<Inst>& out)
      : nodes_(nodes), shapes_(shapes), out_(out) {}

  bool Run(std::uint32_t root) {
    Emit(root);
    if (!failed_) out_.push_back({kMatch, 0, 0});  // Push kept room for it
    return !failed_;
  }
  std::uint32_t failed_offset() const { return failed_offset_; }
  std::uint64_t work() const { return work_; }

 private:
  std::uint32_t Pc() const { return static_cast<std::uint32_t>(out_.size()); }

  void Push(Inst inst) {
    if (out_.size() + 1 >= Regex::kMaxProgramSize) {  // never trips after Measure; kept as a guard
      failed_ = true;
      return;
    }
    out_.push_back(inst);
  }

  void Emit(std::uint32_t id) {
    if (failed_) return;
    const Node& n = nodes_[id];
    if (++work_ > Regex::kMaxCompileWork) {
      failed_ = true;
      failed_offset_ = n.offset;
      return;
    }
    if (shapes_[id].size == 0) return;
    switch (n.kind) {
      case Node::kEmpty:
        break;
      case Node::kChar:
        Push({kChar, n.a, 0});
        break;
      case Node::kClass:
        Push({kClass, n.a, n.b});
        break;
      case Node::kAssert:
        Push({static_cast<Op>(n.a), 0, 0});
        break;
      case Node::kConcat:
        for (std::uint32_t k : n.kids) Emit(k);
        break;
      case Node::kAlt: {
        // split L1, next; L1: a; jmp end; next: split L2, next2; ... last
        std::vector<std::uint32_t> jumps;
        for (std::size_t i = 0; i < n.kids.size() && !failed_; ++i) {
          std::uint32_t split = Pc();
          const bool last = i + 1 == n.kids.size();
          if (!last) Push({kSplit, split + 1, 0});
          Emit(n.kids[i]);
          if (!last) {
            jumps.push_back(Pc());
            Push({kJmp, 0, 0});
            if (!failed_) out_[split].y = Pc();
          }
        }
        if (failed_) break;
        for (std::uint32_t j : jumps) out_[j].x = Pc();
        break;
      }
      case Node::kRepeat:
        EmitRepeat(n);
        break;
    }
    // Unwinding overwrites this, so it ends at the outermost repetition.
    if (failed_ && n.kind == Node::kRepeat) failed_offset_ = n.offset;
  }

  void EmitRepeat(const Node& n) {
    const std::uint32_t kid = n.kids[0];
    const std::uint32_t min = n.a, max = n.b;
    if (max == kInfinite) {
      if (min > 0) {
        // x{n,} = x{n-1} then x+ (the last copy loops).
        for (std::uint32_t i = 0; i + 1 < min && !failed_; ++i) Emit(kid);
        const std::uint32_t body = Pc();
        Emit(kid);
        Push({kSplit, body, Pc() + 1});
      } else {
        // L: split body, out; body: x; jmp L; out:
        const std::uint32_t loop = Pc();
        Push({kSplit, loop + 1, 0});
        Emit(kid);
        Push({kJmp, loop, 0});
        if (!failed_) out_[loop].y = Pc();
      }
      return;
    }
    for (std::uint32_t i = 0; i < min && !failed_; ++i) Emit(kid);
    // Optional copies: split body, end; body: x; split body2, end; ...
    std::vector<std::uint32_t> splits;
    for (std::uint32_t i = min; i < max && !failed_; ++i) {
      splits.push_back(Pc());
      Push({kSplit, Pc() + 1, 0});
      Emit(kid);
    }
    if (failed_) return;
    for (std::uint32_t s : splits) out_[s].y = Pc();
  }

  const std::vector<Node>& nodes_;
  const std::vector<Shape>& shapes_;
  std::vector<Inst>& out_;
  bool failed_ = false;
  std::uint32_t failed_offset_ = 0;
  std::uint64_t work_ = 0;
};


}  // namespace


Regex::Regex(std::string pattern, std::unique_ptr<Program> program)
    : pattern_(std::move(pattern)), program_(std::move(program)) {}
Regex::Regex(const Regex& other)
    : pattern_(other.pattern_),
      program_(other.program_ ? std::make_unique<Program>(*other.program_) : nullptr) {}
Regex& Regex::operator=(const Regex& other) {
  if (this != &other) *this = Regex(other);
  return *this;
}
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;
Regex::~Regex() = default;

std::size_t Regex::program_size() const { return program_ ? program_->insts.size() : 0; }
std::size_t Regex::budget_cost() const {
  return program_ ? program_->insts.size() + program_->ranges.size() : 0;
}

std::variant<Regex, RegexError> Regex::Compile(std::string_view pattern, CompileBudget* budget) {
  if (pattern.size() > kMaxPatternBytes) {
    return RegexError{"pattern is longer than 4096 bytes", kMaxPatternBytes};
  }
  if (const std::size_t valid = ValidUtf8Prefix(pattern); valid < pattern.size()) {
    return RegexError{"pattern is not valid UTF-8", valid};
  }
  ParsedPattern parser;
  const std::uint32_t root = ParsePattern(pattern, parser);
  if (root == kNoNode) return parser.error;
  const std::vector<Shape> shapes = Measure(parser.nodes);
  const std::uint64_t size = SatAdd(shapes[root].size, 1);  // + the final kMatch
  if (size > kMaxProgramSize) {
    return RegexError{"pattern is too large once repetitions are expanded (over 20000 instructions)",
                      OverflowOffset(parser.nodes, shapes, root, kMaxProgramSize - 1)};
  }
  // Refused before a single instruction is emitted: the document's patterns
  // together would take more memory than it may.
  const std::uint64_t cost = size + parser.ranges.size();
  if (budget != nullptr && cost > budget->program_left) {
    budget->exhausted = true;
    static_assert(kMaxDocumentProgramSize == 250000, "update the message");
    return RegexError{"the document's patterns together are too large to compile "
                      "(over 250000 instructions and class ranges)", 0, true};
  }
  auto program = std::make_unique<Program>();
  program->insts.reserve(static_cast<std::size_t>(size));
  Emitter emitter(parser.nodes, shapes, program->insts);
  if (!emitter.Run(root)) {
    static_assert(kMaxCompileWork == 500000, "update the message");
    return RegexError{"pattern is too complex to compile (over 500000 steps)", emitter.failed_offset()};
  }
  if (budget != nullptr) {
    budget->program_left -= static_cast<std::size_t>(cost);
    budget->compile_work += emitter.work();
  }
  program->ranges = std::move(parser.ranges);
  program->min_len = shapes[root].min_len;
  program->max_len = shapes[root].max_len;
  return Regex(std::string(pattern), std::move(program));
}

}  // namespace btalk
