// A short sample of what a pattern accepts, to explain a patternMismatch:
// "expected format: 9999 AA (for example 1234 AB)".
//
// Built from the pattern's parse tree (regex_ast.h): each repetition is taken
// its minimum number of times (an optional single separator such as ` ?` or
// `-?` once), the first workable branch of an alternation, and one character
// per class: 9 for a digit, A for a letter, a for a small letter, X for a
// letter or digit. The example is then checked with the pattern itself, so it
// is never something the pattern refuses. Where no honest sample exists within
// a small budget (free-text classes such as `[A-Za-z ]+`, huge repetitions,
// control characters), the result is empty: say nothing rather than something
// false.
#ifndef BTALK_FORMAT_EXAMPLE_H_
#define BTALK_FORMAT_EXAMPLE_H_

#include <string>
#include <string_view>

namespace btalk {

class Regex;
struct RegexAst;

struct PatternExample {
  // The shape, e.g. "A9 9AA"; "" when it would mislead (a literal digit or
  // placeholder letter such as `^973[0-9]{2}$`) or says nothing more than
  // the example.
  std::string format;
  // A concrete value the pattern accepts, e.g. "A1 2BC"; "" = nothing to say.
  std::string example;
  // What the placeholders of `format` mean, e.g. "9 = digit, A = capital letter".
  std::string legend;
  // The pattern offers choices (branches, repetition counts) that a typed
  // value can steer: FormatExample(pattern, typed) may then differ.
  bool varies = false;

  bool empty() const { return example.empty(); }
};

// Samples longer than this many code points are not offered.
inline constexpr std::size_t kMaxExampleLength = 40;

// Never fails: a pattern the engine refuses, or one with no short honest
// sample, gives an empty PatternExample. Work is bounded by a fixed budget.
PatternExample FormatExample(std::string_view pattern);

// The same, following what the user typed as far as the pattern lets it: at
// a branch, the one whose start matches the most of `typed`; at a repetition,
// as many turns as `typed` fills (then its minimum). ASCII letters match in
// either case. So "SW1A 1A" against the UK postcode pattern gives AA9X 9AA,
// not A9 9AA. `compiled`, when given, must be `pattern` compiled (it saves a
// compilation). Only the first kMaxExampleLength + 1 code points are read.
PatternExample FormatExample(std::string_view pattern, std::string_view typed, const Regex* compiled = nullptr);

// The same from the pattern's parse tree (regex_ast.h) and its compiled
// form, both made once (CompiledConstraints keeps them): no parse per call.
PatternExample FormatExample(const RegexAst& ast, std::string_view typed, const Regex& compiled);

}  // namespace btalk

#endif  // BTALK_FORMAT_EXAMPLE_H_
