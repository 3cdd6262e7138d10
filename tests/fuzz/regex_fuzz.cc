// Regex compile + match: pattern \0 text. Checks the budgets' promises: a
// compile never exceeds its program and work caps, a match never runs far
// past its step budget, and the budgeted and plain matches agree.
#include <cstdint>
#include <cstdlib>
#include <variant>

#include "btalk/regex.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [pattern, text] = btalk::fuzz::Split<2>(data, size);
  btalk::CompileBudget budget;
  auto compiled = btalk::Regex::Compile(pattern, &budget);
  const btalk::Regex* re = std::get_if<btalk::Regex>(&compiled);
  if (re == nullptr) {
    const btalk::RegexError& error = std::get<btalk::RegexError>(compiled);
    if (error.message.empty() || error.offset > pattern.size()) std::abort();
    return 0;
  }
  if (re->program_size() > btalk::Regex::kMaxProgramSize) std::abort();
  if (budget.compile_work > btalk::Regex::kMaxCompileWork) std::abort();
  if (budget.program_left + re->budget_cost() != btalk::Regex::kMaxDocumentProgramSize) std::abort();

  btalk::MatchBudget steps;
  const btalk::Regex::MatchResult result = re->FullMatch(text, steps);
  if (steps.steps_used > btalk::Regex::kMaxMatchSteps + 3 * re->program_size() + 1) std::abort();
  if (result != btalk::Regex::MatchResult::kTooComplex &&
      (result == btalk::Regex::MatchResult::kMatch) != re->FullMatch(text)) {
    std::abort();
  }
  // A copy compiles to the same program.
  const btalk::Regex copy = *re;
  if (copy.program_size() != re->program_size()) std::abort();
  return 0;
}
