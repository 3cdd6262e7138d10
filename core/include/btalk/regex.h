// A linear-time regular expression matcher for the API's `valueRegexp`.
//
// Patterns come from the API and are untrusted: backtracking engines
// (std::regex, JS RegExp) take exponential time on `^(a+)+$`, and std::regex
// costs ~110 KB of wasm. This is a Thompson-NFA / Pike-VM over the ECMAScript
// subset that address patterns use, matching Unicode code points of UTF-8 text.
// Supported: literals, `.`, escapes (\d \D \w \W \s \S \. \\ \/ \- \t \n \r
// \uXXXX \xXX and escaped punctuation), classes `[...]` `[^...]` with ranges
// and escapes, groups `(...)` `(?:...)` and named `(?<n>...)`, alternation `|`,
// quantifiers `* + ? {n} {n,} {n,m}` (lazy `?` suffix accepted, same result for a
// full match), anchors `^` `$`, word boundaries `\b` `\B`.
// Rejected with a RegexError: backreferences, lookaround, invalid syntax,
// and programs larger than a fixed cap (e.g. `(a{1000}){1000}`).
// Limits: patterns up to 4096 bytes, groups nested up to 100 deep, counts up
// to 1000. As in ECMAScript Annex B, a `{` or `}` that does not form a
// quantifier is a literal (`a{,5}`), and `-` next to \d/\w/\s in a class is a
// literal (`[\w-.]`); unknown letter escapes (`\q`, `\p{L}`) and a lone `]`
// are errors. Groups never capture: only whole-text matching is offered.
#ifndef BTALK_REGEX_H_
#define BTALK_REGEX_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace btalk {

struct RegexError {
  std::string message;  // e.g. "lookahead is not supported"
  std::size_t offset;   // byte offset in the pattern where the problem starts
};

class Regex {
 public:
  // Never throws, never aborts: a pattern it cannot compile gives a RegexError.
  static std::variant<Regex, RegexError> Compile(std::string_view pattern);

  // True when the pattern matches the whole of `text` (UTF-8; invalid bytes
  // are treated as U+FFFD). Time is O(len(text) * program size).
  bool FullMatch(std::string_view text) const;

  const std::string& pattern() const { return pattern_; }
  std::size_t program_size() const;

  Regex(const Regex&);
  Regex& operator=(const Regex&);
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;
  ~Regex();

  // Upper bound on compiled instructions; larger programs are a RegexError.
  static constexpr std::size_t kMaxProgramSize = 20000;

 private:
  struct Program;
  explicit Regex(std::string pattern, std::unique_ptr<Program> program);
  std::string pattern_;
  std::unique_ptr<Program> program_;
};

}  // namespace btalk

#endif  // BTALK_REGEX_H_
