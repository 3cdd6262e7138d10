// What validation reports: (field, problem) pairs, as in libaddressinput.
#ifndef BTALK_PROBLEM_H_
#define BTALK_PROBLEM_H_

#include <string>
#include <vector>

namespace btalk {

// The codes mirror the HTML constraint-validation names the web side uses.
enum class ProblemCode {
  kValueMissing,     // mandatory and empty (reported alone for the field)
  kTooShort,         // fewer code points than minLength
  kTooLong,          // more code points than maxLength (or the hard cap)
  kTypeMismatch,     // numerical field with non-digits, or a non-text value
  kPatternMismatch,  // valueRegexp does not match the whole value
  kNotAllowed,       // not one of the possible values / known areas
  kUnknownField,     // the address holds a field the country does not define
  kConstraintError,  // the API's rule for this field is broken
  kTooComplex,       // the value could not be checked within the match budget (regex.h)
  kBadInput,         // the value holds a lone UTF-16 surrogate: not text
};

// "valueMissing", "tooShort", ... as used in the JSON contract.
const char* ProblemCodeName(ProblemCode code);

struct Problem {
  std::string field;
  ProblemCode code;
  std::string message;  // English, human, names the field by its label
  // patternMismatch only, when the pattern has a short sample (format_example.h):
  // the shape ("9999 AA", may be "") and an accepted value ("1234 AB"), both
  // following what was typed, and what the shape's placeholders mean.
  std::string format = {};
  std::string example = {};
  std::string legend = {};
};

// A whole-document failure (the input is not something we can work with).
// code: "invalidJson", "invalidDocument", or "tooComplex" (over a budget).
struct DocumentError {
  std::string code;
  std::string message;
};

}  // namespace btalk

#endif  // BTALK_PROBLEM_H_
