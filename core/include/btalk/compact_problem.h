// What validation found, as numbers: the engine's own form of a Problem
// (problem.h). A refusal then costs about what an acceptance costs: no text
// is built until someone reads it. ExpandProblem gives the (field, code,
// message) Problem that native consumers use; web/core-loader/core-problems.js
// builds the same texts in JS from a table made once per compiled schema
// (compiled_problem_table_json, facade.h), so only these numbers cross the
// wasm boundary.
#ifndef BTALK_COMPACT_PROBLEM_H_
#define BTALK_COMPACT_PROBLEM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "btalk/address_constraints.h"
#include "btalk/problem.h"

namespace btalk {

struct CompactProblem {
  // Index of the element in AddressConstraints::elements; elements.size()
  // for the dial zone; elements.size() + 1 for a key that is not a field.
  std::uint32_t field = 0;
  ProblemCode code = ProblemCode::kValueMissing;
  // What the message needs besides the field and the code:
  //   kTooLong, kTooShort: the limit in characters;
  //   kTypeMismatch: 0 not text, 1 not only digits;
  //   kPatternMismatch: -1 the element's own hint (ElementConstraint::example);
  //     -2 - k: the hint follows what was typed, worked out only when read
  //     (MismatchHint), texts[k] = the typed text, trimmed; otherwise
  //     texts[detail .. detail + 2] = format, example, legend (worked out
  //     already: the element has no hint of its own);
  //   kNotAllowed: -1 not a proposed value (dial zone: must be left empty),
  //     otherwise texts[detail] = the typed area, abbreviated to 60 code points;
  //   kUnknownField: texts[detail] = the key, texts[detail + 1] = the key
  //     abbreviated to 40 code points;
  //   other codes: 0.
  std::int32_t detail = 0;
};

// The problems of one or more addresses and the texts their details point at.
struct CompactProblems {
  std::vector<CompactProblem> problems;
  std::vector<std::string> texts;

  void clear() {
    problems.clear();
    texts.clear();
  }
};

// The hint a mismatch of `typed` (trimmed) shows for an element whose own hint
// varies: FormatExample following `typed`, or the element's own when none.
PatternExample MismatchHint(const ElementConstraint& element, std::string_view typed);

// The Problem (field, code, English message, format hint) `problem` stands for.
Problem ExpandProblem(const AddressConstraints& constraints, const CompactProblem& problem,
                      const std::vector<std::string>& texts);

// Every problem of `compact`, expanded in order and appended to `problems`.
void ExpandProblems(const AddressConstraints& constraints, const CompactProblems& compact,
                    std::vector<Problem>& problems);

}  // namespace btalk

#endif  // BTALK_COMPACT_PROBLEM_H_
