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
#include "btalk/regex.h"
#include "btalk/regex_ast.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "btalk/utf8.h"

namespace btalk {
namespace {

constexpr std::size_t kMaxPatternBytes = 4096;
constexpr int kMaxNesting = 100;
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

bool IsWordChar(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Built-in sets, already sorted and disjoint.
constexpr Range kDigitRanges[] = {{'0', '9'}};
constexpr Range kWordRanges[] = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
// ECMAScript WhiteSpace + LineTerminator.
constexpr Range kSpaceRanges[] = {
    {0x09, 0x0D},     {0x20, 0x20},     {0xA0, 0xA0},   {0x1680, 0x1680},
    {0x2000, 0x200A}, {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F},
    {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};
// Everything but the line terminators \n \r U+2028 U+2029: what `.` matches.
constexpr Range kDotRanges[] = {
    {0, 0x09}, {0x0B, 0x0C}, {0x0E, 0x2027}, {0x202A, kMaxCodePoint}};

// A push_back loop: vector::insert instantiates far more code.
void Append(std::vector<Range>& to, const Range* from, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) to.push_back(from[i]);
}

// Sorts and merges `r` in place, then complements it when `negate`.
void Normalize(std::vector<Range>& r, bool negate) {
  // Shell sort: a few lines of wasm where std::sort costs kilobytes, and
  // still fast on the largest class a 4096-byte pattern can write.
  for (std::size_t gap = r.size() / 2; gap > 0; gap = gap == 2 ? 1 : gap * 5 / 11) {
    for (std::size_t i = gap; i < r.size(); ++i) {
      const Range x = r[i];
      std::size_t j = i;
      for (; j >= gap && r[j - gap].lo > x.lo; j -= gap) r[j] = r[j - gap];
      r[j] = x;
    }
  }
  std::size_t out = 0;
  for (const Range& x : r) {
    if (out > 0 && x.lo <= r[out - 1].hi + 1) {
      r[out - 1].hi = std::max(r[out - 1].hi, x.hi);
    } else {
      r[out++] = x;
    }
  }
  r.resize(out);
  if (!negate) return;
  std::vector<Range> inv;
  char32_t next = 0;
  for (const Range& x : r) {
    if (x.lo > next) inv.push_back({next, x.lo - 1});
    next = x.hi + 1;
  }
  if (next <= kMaxCodePoint) inv.push_back({next, kMaxCodePoint});
  r.swap(inv);
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

class Parser {
 public:
  explicit Parser(std::string_view p) : p_(p) {}

  // Returns the root node, or kNoNode with error() set.
  std::uint32_t Parse() {
    std::uint32_t root = ParseAlternation(0);
    if (root != kNoNode && pos_ < p_.size()) {
      // Only an unmatched ')' stops the top-level alternation early.
      return Fail("unmatched ')'", pos_);
    }
    return root;
  }

  const RegexError& error() const { return error_; }
  std::vector<Node>& nodes() { return nodes_; }
  std::vector<Range>& ranges() { return ranges_; }

 private:
  std::uint32_t Fail(const char* message, std::size_t offset) {
    if (!failed_) error_ = RegexError{message, offset};
    failed_ = true;
    return kNoNode;
  }

  std::uint32_t Add(Node::Kind kind, std::size_t offset, std::uint32_t a = 0,
                    std::uint32_t b = 0) {
    Node n;
    n.kind = kind;
    n.a = a;
    n.b = b;
    n.offset = static_cast<std::uint32_t>(offset);
    nodes_.push_back(std::move(n));
    return static_cast<std::uint32_t>(nodes_.size() - 1);
  }

  std::uint32_t AddClass(std::vector<Range>& r, bool negate, std::size_t offset) {
    Normalize(r, negate);
    const auto begin = static_cast<std::uint32_t>(ranges_.size());
    Append(ranges_, r.data(), r.size());
    return Add(Node::kClass, offset, begin,
               static_cast<std::uint32_t>(ranges_.size()));
  }

  bool AtEnd() const { return pos_ >= p_.size(); }
  char Peek() const { return AtEnd() ? '\0' : p_[pos_]; }

  std::uint32_t ParseAlternation(int depth) {
    const std::size_t start = pos_;
    std::vector<std::uint32_t> alts;
    for (;;) {
      std::uint32_t c = ParseConcatenation(depth);
      if (c == kNoNode) return kNoNode;
      alts.push_back(c);
      if (Peek() != '|') break;
      ++pos_;
    }
    if (alts.size() == 1) return alts[0];
    std::uint32_t n = Add(Node::kAlt, start);
    nodes_[n].kids = std::move(alts);
    return n;
  }

  std::uint32_t ParseConcatenation(int depth) {
    const std::size_t start = pos_;
    std::vector<std::uint32_t> items;
    while (!AtEnd() && Peek() != '|' && Peek() != ')') {
      std::uint32_t item = ParseQuantified(depth);
      if (item == kNoNode) return kNoNode;
      items.push_back(item);
    }
    if (items.size() == 1) return items[0];
    std::uint32_t n = Add(items.empty() ? Node::kEmpty : Node::kConcat, start);
    nodes_[n].kids = std::move(items);
    return n;
  }

  // Parses `{n}`, `{n,}` or `{n,m}` at pos_. Returns false, consuming
  // nothing, when the text there is not a quantifier (then `{` is a literal).
  bool ParseBraces(std::uint32_t& min, std::uint32_t& max) {
    std::size_t i = pos_ + 1;
    auto number = [&](std::uint32_t& out) {
      const std::size_t begin = i;
      std::uint32_t v = 0;
      for (; i < p_.size() && IsDigit(p_[i]); ++i) {
        if (v <= kMaxRepeatCount) v = v * 10 + static_cast<std::uint32_t>(p_[i] - '0');
      }
      out = v;
      return i > begin;
    };
    if (!number(min)) return false;
    max = min;
    if (i < p_.size() && p_[i] == ',') {
      ++i;
      if (!number(max)) max = kInfinite;
    }
    if (i >= p_.size() || p_[i] != '}') return false;
    pos_ = i + 1;
    return true;
  }

  // True when a quantifier starts at pos_ (used to reject `a**`, `^*`).
  bool AtQuantifier() {
    const char c = Peek();
    if (c == '*' || c == '+' || c == '?') return true;
    if (c != '{') return false;
    const std::size_t save = pos_;
    std::uint32_t lo, hi;
    const bool is = ParseBraces(lo, hi);
    pos_ = save;
    return is;
  }

  std::uint32_t ParseQuantified(int depth) {
    const std::size_t start = pos_;
    if (AtQuantifier()) return Fail("nothing to repeat", pos_);
    bool repeatable = true;
    std::uint32_t atom = ParseAtom(depth, repeatable);
    if (atom == kNoNode || !AtQuantifier()) return atom;
    if (!repeatable) return Fail("nothing to repeat", pos_);
    const std::size_t qpos = pos_;
    std::uint32_t min = 0, max = kInfinite;
    switch (Peek()) {
      case '*': ++pos_; break;
      case '+': ++pos_; min = 1; break;
      case '?': ++pos_; max = 1; break;
      default:
        ParseBraces(min, max);
        if (min > kMaxRepeatCount || (max != kInfinite && max > kMaxRepeatCount)) {
          return Fail("repetition count is over 1000", qpos);
        }
        if (min > max) return Fail("numbers out of order in {} quantifier", qpos);
    }
    if (Peek() == '?') ++pos_;  // lazy: same answer for a full match
    if (AtQuantifier()) return Fail("nothing to repeat", pos_);
    std::uint32_t n = Add(Node::kRepeat, start, min, max);
    nodes_[n].kids.push_back(atom);
    return n;
  }

  std::uint32_t ParseAtom(int depth, bool& repeatable) {
    const std::size_t start = pos_;
    switch (Peek()) {
      case '(':
        return ParseGroup(depth);
      case '[':
        return ParseClass();
      case ']':
        return Fail("unmatched ']'", pos_);
      case '.': {
        ++pos_;
        std::vector<Range> r;
        Append(r, kDotRanges, std::size(kDotRanges));
        return AddClass(r, false, start);
      }
      case '^':
      case '$':
        ++pos_;
        repeatable = false;
        return Add(Node::kAssert, start, p_[start] == '^' ? kBegin : kEnd);
      case '\\': {
        if (pos_ + 1 < p_.size() && (p_[pos_ + 1] == 'b' || p_[pos_ + 1] == 'B')) {
          repeatable = false;
          pos_ += 2;
          return Add(Node::kAssert, start, p_[start + 1] == 'b' ? kWordB : kNotWordB);
        }
        std::vector<Range> r;
        char32_t cp;
        int kind = ParseEscape(false, cp, r);
        if (kind < 0) return kNoNode;
        if (kind == 1) return AddClass(r, false, start);
        return Add(Node::kChar, start, cp);
      }
      default: {
        char32_t cp;
        DecodeNext(p_, pos_, cp);
        return Add(Node::kChar, start, cp);
      }
    }
  }

  std::uint32_t ParseGroup(int depth) {
    const std::size_t start = pos_;
    if (depth + 1 > kMaxNesting) return Fail("groups are nested more than 100 deep", start);
    ++pos_;
    if (Peek() == '?') {
      const char c = pos_ + 1 < p_.size() ? p_[pos_ + 1] : '\0';
      const char c2 = pos_ + 2 < p_.size() ? p_[pos_ + 2] : '\0';
      if (c == ':') {
        pos_ += 2;
      } else if (c == '=' || c == '!') {
        return Fail("lookahead is not supported", start);
      } else if (c == '<' && (c2 == '=' || c2 == '!')) {
        return Fail("lookbehind is not supported", start);
      } else if (c == '<') {
        pos_ += 2;
        const std::size_t name = pos_;
        while (!AtEnd() && Peek() != '>') {
          const char n = Peek();
          const bool ok = n == '_' || n == '$' || (n >= 'a' && n <= 'z') ||
                          (n >= 'A' && n <= 'Z') || (pos_ > name && IsDigit(n)) ||
                          static_cast<unsigned char>(n) >= 0x80;
          if (!ok) break;
          ++pos_;
        }
        if (pos_ == name || Peek() != '>') return Fail("invalid group name", name);
        ++pos_;
      } else if ((c >= 'a' && c <= 'z') || c == '-') {
        return Fail("inline flags are not supported", start);
      } else {
        return Fail("invalid group: '(?' must be followed by ':' or '<name>'", start);
      }
    }
    std::uint32_t inner = ParseAlternation(depth + 1);
    if (inner == kNoNode) return kNoNode;
    if (Peek() != ')') return Fail("unmatched '('", start);
    ++pos_;
    return inner;
  }

  std::uint32_t ParseClass() {
    const std::size_t start = pos_;
    ++pos_;
    bool negate = false;
    if (Peek() == '^') {
      negate = true;
      ++pos_;
    }
    std::vector<Range> r;
    for (;;) {
      if (AtEnd()) return Fail("unmatched '['", start);
      if (Peek() == ']') break;
      const std::size_t lo_pos = pos_;
      char32_t lo;
      if (!ParseClassAtom(lo, r)) return kNoNode;
      // `-` makes a range unless it is last (`[a-]`); `[a-]` and `[-a]` hold '-'.
      if (Peek() == '-' && pos_ + 1 < p_.size() && p_[pos_ + 1] != ']') {
        ++pos_;
        char32_t hi;
        if (!ParseClassAtom(hi, r)) return kNoNode;
        if (lo == kInfinite || hi == kInfinite) {
          // Annex B: with a set such as \d at either end, `-` is a literal
          // (`[\w-.]` is \w, '-' and '.'); the sets are already in `r`.
          r.push_back({'-', '-'});
          if (lo != kInfinite) r.push_back({lo, lo});
          if (hi != kInfinite) r.push_back({hi, hi});
          continue;
        }
        if (lo > hi) return Fail("class range out of order", lo_pos);
        r.push_back({lo, hi});
      } else if (lo != kInfinite) {
        r.push_back({lo, lo});
      }
    }
    ++pos_;
    return AddClass(r, negate, start);
  }

  // One class member: a code point in `cp`, or (cp = kInfinite) a set such
  // as \d already appended to `r`.
  bool ParseClassAtom(char32_t& cp, std::vector<Range>& r) {
    if (Peek() != '\\') {
      DecodeNext(p_, pos_, cp);
      return true;
    }
    std::vector<Range> set;
    int kind = ParseEscape(true, cp, set);
    if (kind < 0) return false;
    if (kind == 1) {
      Append(r, set.data(), set.size());
      cp = kInfinite;
    }
    return true;
  }

  // Reads \uXXXX or \u{X...} after the `u`; returns false when malformed.
  bool ParseUnicodeEscape(char32_t& cp) {
    if (Peek() == '{') {
      std::size_t i = pos_ + 1;
      char32_t v = 0;
      for (; i < p_.size() && HexValue(p_[i]) >= 0; ++i) {
        v = v * 16 + static_cast<char32_t>(HexValue(p_[i]));
        if (v > kMaxCodePoint) return false;
      }
      if (i == pos_ + 1 || i >= p_.size() || p_[i] != '}') return false;
      pos_ = i + 1;
      cp = v;
      return true;
    }
    if (pos_ + 4 > p_.size()) return false;
    char32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      const int h = HexValue(p_[pos_ + i]);
      if (h < 0) return false;
      v = v * 16 + static_cast<char32_t>(h);
    }
    pos_ += 4;
    cp = v;
    return true;
  }

  // Parses the escape at pos_ (a backslash). Returns 0 for a single code
  // point in `cp`, 1 for a set appended to `set`, -1 on error.
  int ParseEscape(bool in_class, char32_t& cp, std::vector<Range>& set) {
    const std::size_t start = pos_;
    ++pos_;
    if (AtEnd()) return FailInt("pattern ends with a backslash", start);
    const char c = p_[pos_++];
    const Range* table = nullptr;
    std::size_t count = 0;
    switch (c) {
      case 'd': case 'D': table = kDigitRanges; count = std::size(kDigitRanges); break;
      case 'w': case 'W': table = kWordRanges; count = std::size(kWordRanges); break;
      case 's': case 'S': table = kSpaceRanges; count = std::size(kSpaceRanges); break;
      case 't': cp = '\t'; return 0;
      case 'n': cp = '\n'; return 0;
      case 'r': cp = '\r'; return 0;
      case 'v': cp = '\v'; return 0;
      case 'f': cp = '\f'; return 0;
      case 'b':  // only reached inside a class, where it is backspace
        cp = 0x08;
        return 0;
      case '0':
        if (!AtEnd() && IsDigit(Peek())) return FailInt("octal escapes are not supported", start);
        cp = 0;
        return 0;
      case 'c':
        if (!AtEnd() && ((Peek() >= 'a' && Peek() <= 'z') || (Peek() >= 'A' && Peek() <= 'Z'))) {
          cp = static_cast<char32_t>(p_[pos_++] % 32);
          return 0;
        }
        return FailInt("invalid control escape \\c", start);
      case 'x': {
        const int h1 = pos_ < p_.size() ? HexValue(p_[pos_]) : -1;
        const int h2 = pos_ + 1 < p_.size() ? HexValue(p_[pos_ + 1]) : -1;
        if (h1 < 0 || h2 < 0) return FailInt("invalid \\x escape: needs two hex digits", start);
        pos_ += 2;
        cp = static_cast<char32_t>(h1 * 16 + h2);
        return 0;
      }
      case 'u': {
        if (!ParseUnicodeEscape(cp)) return FailInt("invalid \\u escape", start);
        // A UTF-16 surrogate pair written as two escapes is one code point.
        if (cp >= 0xD800 && cp <= 0xDBFF && pos_ + 1 < p_.size() && p_[pos_] == '\\' &&
            p_[pos_ + 1] == 'u') {
          const std::size_t save = pos_;
          pos_ += 2;
          char32_t low;
          if (ParseUnicodeEscape(low) && low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else {
            pos_ = save;
          }
        }
        return 0;
      }
      case 'k':
        return FailInt("backreferences are not supported", start);
      case 'p': case 'P':
        return FailInt("Unicode property escapes (\\p) are not supported", start);
      case 'B':
        return FailInt("\\B is not allowed in a class", start);
      default:
        if (c >= '1' && c <= '9') {
          return FailInt(in_class ? "octal escapes are not supported"
                                  : "backreferences are not supported", start);
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
          return FailInt("unknown escape", start);
        }
        // Escaped punctuation or any other character stands for itself.
        pos_ = start + 1;
        DecodeNext(p_, pos_, cp);
        return 0;
    }
    std::vector<Range> r;
    Append(r, table, count);
    Normalize(r, c == 'D' || c == 'W' || c == 'S');
    Append(set, r.data(), r.size());
    return 1;
  }

  int FailInt(const char* message, std::size_t offset) {
    Fail(message, offset);
    return -1;
  }

  std::string_view p_;
  std::size_t pos_ = 0;
  std::vector<Node> nodes_;
  std::vector<Range> ranges_;
  RegexError error_;
  bool failed_ = false;
};

// Turns the AST into instructions, stopping as soon as the program would
// exceed Regex::kMaxProgramSize so `(a{1000}){1000}` costs no more than the cap.
class Emitter {
 public:
  Emitter(const std::vector<Node>& nodes, std::vector<Inst>& out) : nodes_(nodes), out_(out) {}

  bool Run(std::uint32_t root) {
    Emit(root);
    if (!failed_) out_.push_back({kMatch, 0, 0});  // Push kept room for it
    return !failed_;
  }
  std::uint32_t failed_offset() const { return failed_offset_; }

 private:
  std::uint32_t Pc() const { return static_cast<std::uint32_t>(out_.size()); }

  void Push(Inst inst) {
    if (out_.size() + 1 >= Regex::kMaxProgramSize) {
      failed_ = true;
      return;
    }
    out_.push_back(inst);
  }

  void Emit(std::uint32_t id) {
    if (failed_) return;
    const Node& n = nodes_[id];
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
  std::vector<Inst>& out_;
  bool failed_ = false;
  std::uint32_t failed_offset_ = 0;
};

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
void AddThread(const Inst* insts, std::uint32_t* list, std::uint32_t& size, std::uint32_t* mark,
               std::uint32_t gen, std::uint32_t* stack, std::uint32_t start, const Position& at) {
  std::uint32_t top = 0;
  stack[top++] = start;
  while (top > 0) {
    const std::uint32_t pc = stack[--top];
    if (mark[pc] == gen) continue;
    mark[pc] = gen;
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

struct Regex::Program {
  std::vector<Inst> insts;
  std::vector<Range> ranges;

  bool InClass(const Inst& inst, char32_t c) const {
    // Binary search over the sorted, disjoint ranges.
    const Range* r = ranges.data();
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

std::variant<Regex, RegexError> Regex::Compile(std::string_view pattern) {
  if (pattern.size() > kMaxPatternBytes) {
    return RegexError{"pattern is longer than 4096 bytes", kMaxPatternBytes};
  }
  if (const std::size_t valid = ValidUtf8Prefix(pattern); valid < pattern.size()) {
    return RegexError{"pattern is not valid UTF-8", valid};
  }
  Parser parser(pattern);
  const std::uint32_t root = parser.Parse();
  if (root == kNoNode) return parser.error();
  auto program = std::make_unique<Program>();
  Emitter emitter(parser.nodes(), program->insts);
  if (!emitter.Run(root)) {
    return RegexError{"pattern is too large once repetitions are expanded (over 20000 instructions)",
                      emitter.failed_offset()};
  }
  program->ranges = std::move(parser.ranges());
  program->insts.shrink_to_fit();
  return Regex(std::string(pattern), std::move(program));
}

bool Regex::FullMatch(std::string_view text) const {
  if (!program_) return false;  // moved-from
  const Program& prog = *program_;
  const std::size_t n = prog.insts.size();
  const Inst* insts = prog.insts.data();
  // One buffer: two thread lists of n, the closure stack (2n + 1), marks (n).
  std::vector<std::uint32_t> buffer(5 * n + 1, 0);
  std::uint32_t* current = buffer.data();
  std::uint32_t* next = current + n;
  std::uint32_t* mark = next + n;
  std::uint32_t* stack = mark + n;
  std::uint32_t current_size = 0, next_size = 0;
  std::uint32_t gen = 1;

  char32_t c = 0;
  std::size_t after = 0;  // byte offset just past `c`
  bool has_c = NextCodePoint(text, after, c);
  AddThread(insts, current, current_size, mark, gen, stack, 0,
            Position{true, !has_c, false, has_c && IsWordChar(c)});
  while (has_c) {
    if (current_size == 0) return false;
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
    for (std::uint32_t i = 0; i < current_size; ++i) {
      const std::uint32_t pc = current[i];
      const Inst& inst = insts[pc];
      const bool step = inst.op == kChar ? inst.x == c
                        : inst.op == kClass ? prog.InClass(inst, c)
                                            : false;
      if (step) AddThread(insts, next, next_size, mark, gen, stack, pc + 1, at);
    }
    std::swap(current, next);
    current_size = next_size;
    after = after_following;
    c = following;
    has_c = has_following;
  }
  for (std::uint32_t i = 0; i < current_size; ++i) {
    if (insts[current[i]].op == kMatch) return true;
  }
  return false;
}

}  // namespace btalk

// --- Parse-tree access (regex_ast.h): a copy of the parser's nodes. --------
namespace btalk {

static_assert(RegexAst::kRepeat == static_cast<RegexAst::Kind>(Node::kRepeat) &&
                  RegexAst::kChar == static_cast<RegexAst::Kind>(Node::kChar),
              "RegexAst::Kind mirrors Node::Kind");

std::optional<RegexAst> ParseRegexAst(std::string_view pattern) {
  if (pattern.size() > kMaxPatternBytes || ValidUtf8Prefix(pattern) < pattern.size()) return std::nullopt;
  Parser parser(pattern);
  const std::uint32_t root = parser.Parse();
  if (root == kNoNode) return std::nullopt;
  RegexAst ast;
  ast.root = root;
  ast.nodes.reserve(parser.nodes().size());
  for (Node& n : parser.nodes()) {
    std::uint32_t a = n.a;
    if (n.kind == Node::kAssert) {
      a = n.a == kBegin ? RegexAst::kBegin
          : n.a == kEnd ? RegexAst::kEnd
          : n.a == kWordB ? RegexAst::kWordBoundary
                          : RegexAst::kNotWordBoundary;
    }
    ast.nodes.push_back({static_cast<RegexAst::Kind>(n.kind), a, n.b, std::move(n.kids)});
  }
  for (const Range& r : parser.ranges()) ast.ranges.push_back({r.lo, r.hi});
  return ast;
}

}  // namespace btalk
