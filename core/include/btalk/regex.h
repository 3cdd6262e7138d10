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
// and patterns over one of the budgets below (e.g. `(a{1000}){1000}`).
// Limits: patterns up to 4096 bytes, groups nested up to 100 deep, counts up
// to 1000.
//
// Budgets: every piece of work is bounded by a constant, whatever the pattern.
// - Parse: linear in the pattern (at most 4096 bytes, 8194 AST nodes).
// - Program size: measured on the AST before anything is emitted (exact,
//   saturating); over kMaxProgramSize (20,000 instructions) is a RegexError.
// - Compile work: every emitter visit counts, including those of parts that
//   emit nothing (`(?:(?:(?:){1000}){1000}){1000}` used to take seconds);
//   over kMaxCompileWork (500,000 visits) is a RegexError.
// - Per document: a CompileBudget shared by all of a document's patterns caps
//   their total at kMaxDocumentProgramSize (250,000 instructions plus class
//   ranges, at most 3 MB); a pattern that would cross it is refused before it
//   is emitted, with `over_budget` set, so the caller refuses the document.
// - Matching: a MatchBudget counts VM steps (threads stepped plus pcs
//   visited, checked after each character); a caller shares one across a
//   whole validation (kMaxMatchSteps, 2,000,000 steps). When it runs out the
//   match answers kTooComplex instead of running on. A text shorter or longer
//   than anything the pattern can match fails before the VM runs. As in ECMAScript Annex B, a `{` or `}` that does not form a
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
  // True when the pattern itself is fine but the CompileBudget it was given
  // has no room left for it: the document as a whole is too large.
  bool over_budget = false;
};

// Shared by all the patterns of one document (see "Budgets" above).
struct CompileBudget {
  std::size_t program_left;     // instructions + class ranges still allowed
  bool exhausted = false;       // a pattern was refused for lack of room
  std::uint64_t compile_work = 0;  // emitter visits spent so far (for tests, benchmarks)
  CompileBudget();
};

// Shared by all the matches of one validation (see "Budgets" above).
struct MatchBudget {
  std::uint64_t steps_left;
  std::uint64_t steps_used = 0;  // spent so far (for tests, benchmarks)
  MatchBudget();
  explicit MatchBudget(std::uint64_t steps) : steps_left(steps) {}
};

class Regex {
 public:
  static constexpr std::size_t kMaxPatternBytes = 4096;
  // Upper bound on compiled instructions; larger programs are a RegexError.
  static constexpr std::size_t kMaxProgramSize = 20000;
  // Upper bound on emitter visits per pattern.
  static constexpr std::uint64_t kMaxCompileWork = 500000;
  // Default CompileBudget: instructions + class ranges per document.
  static constexpr std::size_t kMaxDocumentProgramSize = 250000;
  // Default MatchBudget: VM steps per validation.
  static constexpr std::uint64_t kMaxMatchSteps = 2000000;

  // Never throws, never aborts: a pattern it cannot compile gives a RegexError.
  // With a budget, the program's cost is taken from it (or the pattern is
  // refused with over_budget when it does not fit).
  static std::variant<Regex, RegexError> Compile(std::string_view pattern,
                                                 CompileBudget* budget = nullptr);

  enum class MatchResult { kNoMatch, kMatch, kTooComplex };

  // Whether the pattern matches the whole of `text` (UTF-8; invalid bytes are
  // treated as U+FFFD), spending steps from `budget`; kTooComplex when the
  // budget ran out first. Time is O(len(text) * program size), and never more
  // than the budget plus one character's work.
  MatchResult FullMatch(std::string_view text, MatchBudget& budget) const;
  // The same without a step budget (the caller bounds the text): still
  // linear, O(len(text) * program size).
  bool FullMatch(std::string_view text) const;

  const std::string& pattern() const { return pattern_; }
  std::size_t program_size() const;
  // What the pattern takes from a CompileBudget: instructions + class ranges.
  std::size_t budget_cost() const;

  Regex(const Regex&);
  Regex& operator=(const Regex&);
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;
  ~Regex();

 private:
  struct Program;
  explicit Regex(std::string pattern, std::unique_ptr<Program> program);
  std::string pattern_;
  std::unique_ptr<Program> program_;
};

inline CompileBudget::CompileBudget() : program_left(Regex::kMaxDocumentProgramSize) {}
inline MatchBudget::MatchBudget() : steps_left(Regex::kMaxMatchSteps) {}

}  // namespace btalk

#endif  // BTALK_REGEX_H_
