// Pattern -> AST: recursive descent, nesting capped (see regex_internal.h).
#include <algorithm>
#include <iterator>
#include <utility>

#include "regex_internal.h"
#include "btalk/utf8.h"

namespace btalk {
namespace regex_internal {
namespace {

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

class Parser {
 public:
  Parser(std::string_view p, ParsedPattern& out) : p_(p), nodes_(out.nodes), ranges_(out.ranges), error_(out.error) {}

  // Returns the root node, or kNoNode with error() set.
  std::uint32_t Parse() {
    std::uint32_t root = ParseAlternation(0);
    if (root != kNoNode && pos_ < p_.size()) {
      // Only an unmatched ')' stops the top-level alternation early.
      return Fail("unmatched ')'", pos_);
    }
    return root;
  }


 private:
  std::uint32_t Fail(const char* message, std::size_t offset) {
    if (!failed_) error_ = RegexError{message, offset};
    failed_ = true;
    return kNoNode;
  }

  std::uint32_t Add(Node::Kind kind, std::size_t offset, std::uint32_t a = 0,
                    std::uint32_t b = 0) {
    if (nodes_.size() >= kMaxNodes) return Fail("pattern is too complex (too many parts)", offset);
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
    if (n == kNoNode) return kNoNode;
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
    if (n == kNoNode) return kNoNode;
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
    if (n == kNoNode) return kNoNode;
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
  std::vector<Node>& nodes_;
  std::vector<Range>& ranges_;
  RegexError& error_;
  bool failed_ = false;
};

}  // namespace

std::uint32_t ParsePattern(std::string_view pattern, ParsedPattern& out) {
  Parser parser(pattern, out);
  return parser.Parse();
}

}  // namespace regex_internal
}  // namespace btalk
