#include "btalk/form_model.h"

#include <cstdint>
#include <utility>

namespace btalk {
namespace {

const char* ControlName(Control control) {
  switch (control) {
    case Control::kNumeric: return "numeric";
    case Control::kSelect: return "select";
    case Control::kText: break;
  }
  return "text";
}

// Absent optional fields are null in the contract, never missing.
template <typename T>
Json OrNull(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

// Whole positions print as 10, not 10.0.
Json PositionJson(const std::optional<double>& position) {
  if (!position) return Json(nullptr);
  const double p = *position;
  if (p > -9.0e15 && p < 9.0e15 && p == static_cast<double>(static_cast<std::int64_t>(p))) {
    return Json(static_cast<std::int64_t>(p));
  }
  return Json(p);
}

}  // namespace

bool IsSafeHttpUrl(std::string_view url) {
  const bool http = url.size() > 7 && EqualsIgnoreCase(url.substr(0, 7), "http://");
  const bool https = url.size() > 8 && EqualsIgnoreCase(url.substr(0, 8), "https://");
  if (!http && !https) return false;
  for (char c : url) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) return false;
  }
  return true;
}

FormModel BuildFormModel(const AddressConstraints& constraints, const GeographicalConstraints* geo) {
  FormModel model;
  model.fields.reserve(constraints.elements.size());
  for (const ElementConstraint& element : constraints.elements) {
    FormField field;
    field.name = element.name;
    field.label = ElementLabel(element);
    field.description = element.default_description;
    field.required = element.usage == Usage::kMandatory;
    field.value_type = element.value_type;
    field.options = element.possible_values;
    field.min_length = element.min_length;
    field.max_length = element.max_length;
    if (element.regex) field.pattern = element.value_regexp;
    if (IsSafeHttpUrl(element.reference_url)) field.reference_url = element.reference_url;
    field.position = element.position;
    if (geo) field.geo_level = geo->LevelOf(element.name);
    if (element.is_enumeration() || field.geo_level) {
      field.control = Control::kSelect;
    } else if (element.value_type == ValueType::kFreeNumerical) {
      field.control = Control::kNumeric;
    }
    model.fields.push_back(std::move(field));
  }
  model.constraint_errors = ConstraintErrors(constraints);
  if (geo) {
    model.dial_zone = geo->dial_zone;
    for (const Problem& error : geo->errors) model.constraint_errors.push_back(error);  // (no range insert: size)
  }
  return model;
}

Json ProblemsToJson(const std::vector<Problem>& problems) {
  Json list = Json::array();
  for (const Problem& problem : problems) {
    list.push_back(
        JsonObject({{"field", problem.field}, {"code", ProblemCodeName(problem.code)}, {"message", problem.message}}));
    if (!problem.example.empty()) {
      list.back()["format"] = problem.format;
      list.back()["example"] = problem.example;
      list.back()["legend"] = problem.legend;
    }
  }
  return list;
}

Json FormModelToJson(const FormModel& model) {
  Json fields = Json::array();
  for (const FormField& field : model.fields) {
    Json options = Json::array();
    for (const PossibleValue& option : field.options) {
      options.push_back(JsonObject({{"value", option.value}, {"display", option.display}}));
    }
    Json out = Json::object();
    out["name"] = field.name;
    out["label"] = field.label;
    out["description"] = field.description;
    out["required"] = field.required;
    out["control"] = ControlName(field.control);
    out["valueType"] = ValueTypeName(field.value_type);
    out["options"] = std::move(options);
    out["minLength"] = field.min_length;
    out["maxLength"] = OrNull(field.max_length);
    out["pattern"] = OrNull(field.pattern);
    out["referenceUrl"] = OrNull(field.reference_url);
    out["position"] = PositionJson(field.position);
    out["geoLevel"] = OrNull(field.geo_level);
    fields.push_back(std::move(out));
  }
  Json result = Json::object();
  result["fields"] = std::move(fields);
  result["dialZone"] = model.dial_zone ? Json(DialZoneSelectionName(*model.dial_zone)) : Json(nullptr);
  result["constraintErrors"] = ProblemsToJson(model.constraint_errors);
  return result;
}

}  // namespace btalk
