#include "btalk/format_example.h"

#include <cstdint>
#include <optional>
#include <variant>

#include "btalk/regex.h"
#include "btalk/regex_ast.h"
#include "btalk/utf8.h"

namespace btalk {
namespace {

constexpr int kMaxSteps = 4000;  // tree visits, repetitions included
constexpr int kMaxDepth = 400;

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
// What a sample may show as a literal: printable, not a control or a format
// character (C0, DEL, C1, soft hyphen, bidi and zero-width controls).
bool IsShowable(char32_t c) {
  return c >= 0x20 && !(c >= 0x7F && c <= 0xA0) && c != 0xAD && !(c >= 0x200B && c <= 0x200F) &&
         !(c >= 0x2028 && c <= 0x202F) && !(c >= 0x2060 && c <= 0x206F) && c != 0xFEFF &&
         !(c >= 0xD800 && c <= 0xDFFF) && c < 0xFFF0;
}
bool IsSeparator(char32_t c) { return c == ' ' || c == '-' || c == '/' || c == '.' || c == ','; }

// Placeholder kinds, in legend order of first use.
enum Kind : std::uint8_t { kDigit, kCapital, kLetter, kSmall, kAlnum, kKinds };
constexpr const char kSymbol[kKinds] = {'9', 'A', 'A', 'a', 'X'};
constexpr const char* kMeaning[kKinds] = {"digit", "capital letter", "letter", "small letter",
                                          "letter or digit"};

// ASCII letters of the other case, so a guide typed in small letters still
// follows a pattern of capitals ("sw1a" takes the branch of "SW1A").
char32_t OtherCase(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 'a' + 'A';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 'a';
  return c;
}

// What the user typed, as code points (a sample is never longer).
struct Guide {
  char32_t cps[kMaxExampleLength + 1];
  std::size_t size = 0;
};

class Sampler {
 public:
  // strict: refuse any branch whose literals would make the format
  // misleading, so `(?:0[1-9]|[1-8][0-9])` is shown as 99 rather than not at all.
  // guide: what the user typed (code points); the sample follows it as far
  // as the pattern lets it (see FormatExample below). Empty: no guide.
  Sampler(const RegexAst& ast, bool strict, const Guide& guide) : ast_(ast), guide_(guide), strict_(strict) {}

  bool Run() { return Walk(ast_.root, 0) && ok_; }

  std::string example, format;
  bool format_honest = true;
  bool has_placeholder = false;
  int used_order[kKinds] = {0, 0, 0, 0, 0};  // 0 = unused, else 1-based order of first use
  // The walk met a choice (a branch, a repetition count) that a guide could change.
  bool varies = false;

  // How many code points of the guide the sample follows.
  std::size_t followed() const { return pos_; }

 private:
  struct State {
    std::size_t example_size, format_size, length, pos;
    unsigned digits, letters;
    bool format_honest, has_placeholder, lost;
    int used_order[kKinds];
    int uses;
  };
  State Save() const {
    State s{example.size(), format.size(), length_, pos_, digits_, letters_, format_honest, has_placeholder, lost_, {}, uses_};
    for (int k = 0; k < kKinds; ++k) s.used_order[k] = used_order[k];
    return s;
  }
  void Restore(const State& s) {
    example.resize(s.example_size);
    format.resize(s.format_size);
    length_ = s.length;
    pos_ = s.pos;
    digits_ = s.digits;
    letters_ = s.letters;
    format_honest = s.format_honest;
    has_placeholder = s.has_placeholder;
    lost_ = s.lost;
    for (int k = 0; k < kKinds; ++k) used_order[k] = s.used_order[k];
    uses_ = s.uses;
  }

  // True while the guide still has a character the sample has not followed.
  bool Guided() const { return !lost_ && pos_ < guide_.size; }
  // The next guide character, when the literal `cp` or the class `cls` takes
  // it (either ASCII case): followed; otherwise the guide is lost for the rest
  // of the walk.
  void Follow(char32_t cp, const RegexAst::Node* cls) {
    if (!Guided()) return;
    const char32_t c = guide_.cps[pos_], other = OtherCase(c);
    const bool takes = cls != nullptr ? Contains(*cls, c) || Contains(*cls, other) : c == cp || other == cp;
    if (takes) {
      ++pos_;
    } else {
      lost_ = true;
    }
  }

  bool Emit(char32_t example_cp, char32_t format_cp) {
    if (++length_ > kMaxExampleLength) return false;
    AppendUtf8(example, example_cp);
    AppendUtf8(format, format_cp);
    return true;
  }

  bool Literal(char32_t cp) {
    if (!IsShowable(cp)) return false;
    Follow(cp, nullptr);
    return Show(cp);
  }

  // A literal shown as itself, the guide left alone.
  bool Show(char32_t cp) {
    if (!IsShowable(cp)) return false;
    // A literal 9, A, a or X (or any digit) would read as a placeholder.
    if (IsAsciiDigit(cp) || cp == 'A' || cp == 'a' || cp == 'X') {
      if (strict_) return false;
      format_honest = false;
    }
    return Emit(cp, cp);
  }

  void Use(Kind kind) {
    has_placeholder = true;
    if (used_order[kind] == 0) used_order[kind] = ++uses_;
  }

  bool Contains(const RegexAst::Node& n, char32_t c) const {
    for (std::uint32_t i = n.a; i < n.b; ++i) {
      if (c >= ast_.ranges[i].lo && c <= ast_.ranges[i].hi) return true;
    }
    return false;
  }

  // The first member of the class in [from, from + span) counting cyclically
  // from `base + start`, or 0 when none.
  char32_t Pick(const RegexAst::Node& n, char32_t base, unsigned span, unsigned start) const {
    for (unsigned i = 0; i < span; ++i) {
      const char32_t c = base + (start + i) % span;
      if (Contains(n, c)) return c;
    }
    return 0;
  }

  bool Class(const RegexAst::Node& n) {
    std::uint64_t count = 0, digits = 0, uppers = 0, lowers = 0;
    auto overlap = [](const RegexAst::Range& r, char32_t lo, char32_t hi) -> std::uint64_t {
      const char32_t a = r.lo > lo ? r.lo : lo, b = r.hi < hi ? r.hi : hi;
      return a <= b ? b - a + 1 : 0;
    };
    for (std::uint32_t i = n.a; i < n.b; ++i) {
      const RegexAst::Range r = ast_.ranges[i];
      count += r.hi - r.lo + 1;
      digits += overlap(r, '0', '9');
      uppers += overlap(r, 'A', 'Z');
      lowers += overlap(r, 'a', 'z');
    }
    const bool digit = digits > 0, upper = uppers > 0, lower = lowers > 0;
    const bool other = count > digits + uppers + lowers;
    if (!other && count > 1) Follow(0, &n);
    if (other) {
      // Only a small set of separators, such as [ -], is shown as itself.
      if (digit || upper || lower || count > 4) return false;
      Follow(0, &n);
      for (char32_t c : {U' ', U'-', U'/', U'.'}) {
        if (Contains(n, c)) return Show(c);
      }
      return Show(ast_.ranges[n.a].lo);
    }
    if (count == 1) return Literal(ast_.ranges[n.a].lo);
    if (digit && !upper && !lower) {
      const char32_t c = Pick(n, '0', 10, ++digits_);
      Use(kDigit);
      return Emit(c, '9');
    }
    const bool letters_only = !digit;
    const char32_t c = upper ? Pick(n, 'A', 26, letters_++) : Pick(n, 'a', 26, letters_++);
    Kind kind = !letters_only ? kAlnum : upper && lower ? kLetter : upper ? kCapital : kSmall;
    Use(kind);
    return Emit(c, static_cast<char32_t>(kSymbol[kind]));
  }

  // A `?`-like repetition of one separator is shown (`9999 AA`, not `9999AA`).
  bool IsOptionalSeparator(const RegexAst::Node& n) const {
    if (n.a != 0) return false;
    const RegexAst::Node& kid = ast_.nodes[n.kids[0]];
    if (kid.kind == RegexAst::kChar) return IsSeparator(kid.a);
    return false;
  }

  bool Walk(std::uint32_t id, int depth) {
    if (++steps_ > kMaxSteps || depth > kMaxDepth) return ok_ = false;
    const RegexAst::Node& n = ast_.nodes[id];
    switch (n.kind) {
      case RegexAst::kEmpty:
      case RegexAst::kAssert:  // checked by matching the example at the end
        return true;
      case RegexAst::kChar:
        return Literal(n.a);
      case RegexAst::kClass:
        return Class(n);
      case RegexAst::kConcat:
        for (std::uint32_t kid : n.kids) {
          if (!Walk(kid, depth + 1)) return false;
        }
        return true;
      case RegexAst::kAlt: {
        if (n.kids.size() > 1) varies = true;
        // Unguided: the first workable branch. Guided: the workable branch
        // that follows the most of the guide (the first of equals), walked again.
        const bool guided = Guided();
        std::size_t best = n.kids.size(), best_pos = 0;
        for (std::size_t i = 0; i < n.kids.size(); ++i) {
          const State saved = Save();
          const bool workable = Walk(n.kids[i], depth + 1);
          if (!workable && steps_ > kMaxSteps) return false;
          if (workable && !guided) return true;
          if (workable && (best == n.kids.size() || pos_ > best_pos)) {
            best = i;
            best_pos = pos_;
          }
          Restore(saved);
        }
        return best < n.kids.size() && Walk(n.kids[best], depth + 1);
      }
      case RegexAst::kRepeat: {
        if (IsOptionalSeparator(n)) {  // always shown; followed when typed
          const char32_t separator = ast_.nodes[n.kids[0]].a;
          if (Guided() && guide_.cps[pos_] == separator) ++pos_;
          return Show(separator);
        }
        const std::uint32_t times = n.a;
        if (times > kMaxExampleLength) return false;
        if (n.b != n.a) varies = true;
        for (std::uint32_t i = 0; i < times; ++i) {
          if (!Walk(n.kids[0], depth + 1)) return false;
        }
        // More repetitions only while each follows more of the guide.
        for (std::uint32_t i = times; i < n.b && Guided(); ++i) {
          const State saved = Save();
          if (!Walk(n.kids[0], depth + 1) || pos_ == saved.pos) {
            if (steps_ > kMaxSteps) return false;
            Restore(saved);
            break;
          }
        }
        return true;
      }
    }
    return false;
  }

  const RegexAst& ast_;
  const Guide& guide_;
  std::size_t pos_ = 0;
  bool lost_ = false;
  int steps_ = 0;
  int uses_ = 0;
  std::size_t length_ = 0;
  unsigned digits_ = 0, letters_ = 0;
  const bool strict_;
  bool ok_ = true;
};

// FormatExample over a parsed tree; `compiled` may be nullptr (then `pattern`
// is compiled, only when a sample needs its proof).
PatternExample Sample(const RegexAst& tree, std::string_view typed, const Regex* compiled, std::string_view pattern) {
  PatternExample result;
  const RegexAst* ast = &tree;
  // The guide: the typed text's first code points (a sample is never longer).
  Guide guide;
  for (std::size_t pos = 0; guide.size < kMaxExampleLength + 1;) {
    char32_t cp;
    if (!DecodeNext(typed, pos, cp)) break;
    guide.cps[guide.size++] = cp;
  }
  Sampler strict(*ast, true, guide), lenient(*ast, false, guide);
  const bool strict_ok = strict.Run() && !strict.example.empty();
  Sampler* chosen = strict_ok ? &strict : nullptr;
  // Without a strict sample, the lenient one; with a guide, the lenient one
  // too when it follows all of it and the strict one does not (`GIR 0A` is
  // shown as GIR 0AA, not A9 9AA), but not for a mere start (`00000` keeps
  // 99999 rather than an example of the 0[1-9] branch).
  if (!strict_ok || guide.size > 0) {
    const bool lenient_ok = lenient.Run() && !lenient.example.empty();
    if (lenient_ok && (!strict_ok || (lenient.followed() == guide.size && strict.followed() < guide.size))) {
      chosen = &lenient;
    }
  }
  if (chosen == nullptr) return result;
  Sampler& sampler = *chosen;
  // The proof: the pattern itself must accept the example.
  std::optional<std::variant<Regex, RegexError>> own;
  if (compiled == nullptr) {
    own.emplace(Regex::Compile(pattern));
    compiled = std::get_if<Regex>(&*own);
  }
  if (compiled == nullptr || !compiled->FullMatch(sampler.example)) return result;
  result.varies = strict.varies || lenient.varies;
  result.example = std::move(sampler.example);
  if (sampler.format_honest && sampler.has_placeholder) {
    result.format = std::move(sampler.format);
    for (int order = 1; order <= kKinds; ++order) {
      for (int kind = 0; kind < kKinds; ++kind) {
        if (sampler.used_order[kind] != order) continue;
        // Capitals and letters of either case share the symbol A.
        if (kind == kCapital && sampler.used_order[kLetter] != 0) continue;
        if (!result.legend.empty()) result.legend += ", ";
        result.legend += kSymbol[kind];
        result.legend += " = ";
        result.legend += kMeaning[kind];
      }
    }
  }
  return result;
}

}  // namespace

PatternExample FormatExample(std::string_view pattern) { return FormatExample(pattern, std::string_view()); }

PatternExample FormatExample(std::string_view pattern, std::string_view typed, const Regex* compiled) {
  std::optional<RegexAst> ast = ParseRegexAst(pattern);
  if (!ast) return PatternExample();
  return Sample(*ast, typed, compiled, pattern);
}

PatternExample FormatExample(const RegexAst& ast, std::string_view typed, const Regex& compiled) {
  return Sample(ast, typed, &compiled, std::string_view());
}

}  // namespace btalk
