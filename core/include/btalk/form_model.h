// What a form needs to render a country's address: fields in order, with
// labels, controls and limits (the `addressForm` shape of docs/contract.md).
#ifndef BTALK_FORM_MODEL_H_
#define BTALK_FORM_MODEL_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "btalk/address_constraints.h"
#include "btalk/geographical_constraints.h"
#include "btalk/json_util.h"
#include "btalk/problem.h"

namespace btalk {

enum class Control { kText, kNumeric, kSelect };

struct FormField {
  std::string name;
  std::string label;        // defaultLabel, else the built-in English name
  std::string description;
  bool required = false;
  Control control = Control::kText;
  ValueType value_type = ValueType::kFreeString;
  std::vector<PossibleValue> options;
  std::size_t min_length = 0;
  std::optional<std::size_t> max_length;
  std::optional<std::string> pattern;        // the usable valueRegexp
  std::optional<std::string> reference_url;  // only http(s) URLs
  std::optional<double> position;
  std::optional<int> geo_level;  // 1..4: values come from /geoareas level N
};

struct FormModel {
  std::vector<FormField> fields;
  std::optional<DialZoneSelection> dial_zone;
  std::vector<Problem> constraint_errors;
};

// `geo` may be null (no geographical constraints for the country).
FormModel BuildFormModel(const AddressConstraints& constraints, const GeographicalConstraints* geo);

// {"fields": [...], "dialZone": "manual"|"automatic"|null, "constraintErrors": [...]}
Json FormModelToJson(const FormModel& model);

// [{"field","code","message"}...]
Json ProblemsToJson(const std::vector<Problem>& problems);

// True for http:// and https:// URLs without spaces or control characters;
// anything else (javascript:, relative, "") is not offered as a link.
bool IsSafeHttpUrl(std::string_view url);

}  // namespace btalk

#endif  // BTALK_FORM_MODEL_H_
