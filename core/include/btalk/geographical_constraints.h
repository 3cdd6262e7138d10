// The /countries/{iso2}/geographicalconstraints document: which address
// elements must be one of the /geoareas values (emergencyAreaRules), and
// whether the dial zone is chosen by the customer (dialZoneSelection).
#ifndef BTALK_GEOGRAPHICAL_CONSTRAINTS_H_
#define BTALK_GEOGRAPHICAL_CONSTRAINTS_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "btalk/json_util.h"
#include "btalk/problem.h"

namespace btalk {

enum class DialZoneSelection { kManual, kAutomatic };

// "manual" / "automatic".
const char* DialZoneSelectionName(DialZoneSelection selection);

inline constexpr int kGeoLevels = 4;

struct GeographicalConstraints {
  // area_elements[0] is the element constrained by area1, etc.; nullopt for
  // "notUsed" (or absent).
  std::array<std::optional<std::string>, kGeoLevels> area_elements;
  std::optional<DialZoneSelection> dial_zone;
  // Parts of the document that could not be used (reported with the form).
  std::vector<Problem> errors;

  // 1..4 when `element` is constrained by a geographical area level.
  std::optional<int> LevelOf(std::string_view element) const;
};

// Tolerant: unknown keys are ignored, {"geographicalConstraints": {...}} is
// unwrapped, and bad parts become `errors`. DocumentError "invalidDocument"
// only when the document is not an object.
std::variant<GeographicalConstraints, DocumentError> ParseGeographicalConstraints(const Json& document);
std::variant<GeographicalConstraints, DocumentError> ParseGeographicalConstraintsText(std::string_view json_text);

}  // namespace btalk

#endif  // BTALK_GEOGRAPHICAL_CONSTRAINTS_H_
