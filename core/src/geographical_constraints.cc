#include "btalk/geographical_constraints.h"

#include <utility>

namespace btalk {

const char* DialZoneSelectionName(DialZoneSelection selection) {
  return selection == DialZoneSelection::kManual ? "manual" : "automatic";
}

std::optional<int> GeographicalConstraints::LevelOf(std::string_view element) const {
  for (int level = 0; level < kGeoLevels; ++level) {
    if (area_elements[level] && *area_elements[level] == element) return level + 1;
  }
  return std::nullopt;
}

std::variant<GeographicalConstraints, DocumentError> ParseGeographicalConstraints(const Json& document) {
  const Json* root = &document;
  if (const Json* inner = FindMember(document, "geographicalConstraints"); inner && inner->is_object()) {
    root = inner;
  }
  if (!root->is_object()) {
    return DocumentError{"invalidDocument", "The geographical constraints must be a JSON object"};
  }
  GeographicalConstraints geo;

  if (const Json* rules = FindMember(*root, "emergencyAreaRules"); rules && !rules->is_null()) {
    if (!rules->is_object()) {
      geo.errors.push_back({"emergencyAreaRules", ProblemCode::kConstraintError,
                            "emergencyAreaRules must be an object; geographical areas are not checked"});
    } else {
      for (int level = 0; level < kGeoLevels; ++level) {
        const std::string key = "area" + std::to_string(level + 1) + "_pidflo";
        const Json* value = FindMember(*rules, key);
        if (value == nullptr || value->is_null()) continue;
        if (!value->is_string()) {
          geo.errors.push_back({key, ProblemCode::kConstraintError,
                                key + " must be an address element name or \"notUsed\""});
          continue;
        }
        const std::string_view element = TrimUnicode(value->get_ref<const std::string&>());
        if (element.empty() || EqualsIgnoreCase(element, "notUsed")) continue;
        if (geo.LevelOf(element)) {
          geo.errors.push_back({std::string(element), ProblemCode::kConstraintError,
                                key + " maps " + std::string(element) +
                                    " again; only the first area level is used"});
          continue;
        }
        geo.area_elements[level] = std::string(element);
      }
    }
  }

  if (const Json* selection = FindMember(*root, "dialZoneSelection"); selection && !selection->is_null()) {
    const std::string_view text =
        selection->is_string() ? TrimUnicode(selection->get_ref<const std::string&>()) : std::string_view();
    if (EqualsIgnoreCase(text, "manual")) {
      geo.dial_zone = DialZoneSelection::kManual;
    } else if (EqualsIgnoreCase(text, "automatic")) {
      geo.dial_zone = DialZoneSelection::kAutomatic;
    } else {
      geo.errors.push_back({"dialZone", ProblemCode::kConstraintError,
                            "dialZoneSelection must be \"manual\" or \"automatic\", not " +
                                QuotedJson(*selection)});
    }
  }
  return geo;
}

std::variant<GeographicalConstraints, DocumentError> ParseGeographicalConstraintsText(std::string_view json_text) {
  std::variant<Json, DocumentError> parsed = ParseJson(json_text);
  if (auto* error = std::get_if<DocumentError>(&parsed)) return std::move(*error);
  return ParseGeographicalConstraints(std::get<Json>(parsed));
}

}  // namespace btalk
