#include "btalk/problem.h"

namespace btalk {

const char* ProblemCodeName(ProblemCode code) {
  switch (code) {
    case ProblemCode::kValueMissing: return "valueMissing";
    case ProblemCode::kTooShort: return "tooShort";
    case ProblemCode::kTooLong: return "tooLong";
    case ProblemCode::kTypeMismatch: return "typeMismatch";
    case ProblemCode::kPatternMismatch: return "patternMismatch";
    case ProblemCode::kNotAllowed: return "notAllowed";
    case ProblemCode::kUnknownField: return "unknownField";
    case ProblemCode::kConstraintError: return "constraintError";
    case ProblemCode::kTooComplex: return "tooComplex";
    case ProblemCode::kBadInput: return "badInput";
  }
  return "constraintError";
}

}  // namespace btalk
