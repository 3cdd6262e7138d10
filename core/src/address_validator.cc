#include "btalk/address_validator.h"

#include <algorithm>
#include <utility>

#include "btalk/format_example.h"
#include "btalk/utf8.h"

namespace btalk {
namespace {

std::string Characters(std::size_t n) { return std::to_string(n) + (n == 1 ? " character" : " characters"); }

bool IsAsciiDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool InValues(std::string_view value, const std::vector<std::string>& values) {
  for (const std::string& candidate : values) {
    if (TrimUnicode(candidate) == value) return true;
  }
  return false;
}

// A problem plus where it sorts: the field's index among the elements.
struct Ranked {
  std::size_t rank;
  Problem problem;
};

// The one problem of an element's value, if any. `text` is trimmed.
std::optional<Problem> CheckElement(const ElementConstraint& element, const AddressValue* value,
                                    std::string_view text) {
  const std::string label = ElementLabel(element);
  auto problem = [&](ProblemCode code, std::string message) {
    return Problem{element.name, code, std::move(message)};
  };
  if (value != nullptr && !value->is_text) return problem(ProblemCode::kTypeMismatch, label + " must be text");
  if (text.empty()) {
    // An empty optional field satisfies any rule, even one we cannot read:
    // a broken rule on it must not make the whole address unsaveable.
    if (element.usage == Usage::kMandatory) return problem(ProblemCode::kValueMissing, label + " is required");
    return std::nullopt;
  }
  if (element.error) {
    return problem(ProblemCode::kConstraintError,
                   label + " cannot be checked because its rule from the API is invalid: " + *element.error);
  }
  if (element.is_enumeration()) {
    for (const PossibleValue& possible : element.possible_values) {
      if (TrimUnicode(possible.value) == text) return std::nullopt;
    }
    return problem(ProblemCode::kNotAllowed, label + " must be one of the proposed values");
  }
  const std::size_t limit =
      std::min(element.max_length.value_or(kHardMaxLength), kAbsoluteMaxLength);
  const std::size_t length = CodePointCount(text);
  if (length > limit) return problem(ProblemCode::kTooLong, label + " must be at most " + Characters(limit));
  if (length < element.min_length) {
    return problem(ProblemCode::kTooShort, label + " must be at least " + Characters(element.min_length));
  }
  if (element.value_type == ValueType::kFreeNumerical && !IsAsciiDigits(text)) {
    return problem(ProblemCode::kTypeMismatch, label + " must contain only digits (0 to 9)");
  }
  if (element.regex && !element.regex->FullMatch(text)) {
    // Only on a mismatch: the sample costs a parse and one match of the pattern.
    PatternExample hint = FormatExample(element.value_regexp);
    std::string message = label + " does not have the expected format";
    if (!hint.format.empty()) message += ": " + hint.format;
    if (!hint.example.empty()) message += " (for example " + hint.example + ")";
    Problem mismatch = problem(ProblemCode::kPatternMismatch, std::move(message));
    mismatch.format = std::move(hint.format);
    mismatch.example = std::move(hint.example);
    return mismatch;
  }
  return std::nullopt;
}

std::optional<Problem> CheckDialZone(DialZoneSelection selection, const AddressValue* value) {
  const std::string label = "Dial zone";
  const std::string field(kDialZoneField);
  if (value != nullptr && !value->is_text) return Problem{field, ProblemCode::kTypeMismatch, label + " must be text"};
  const std::string_view text = value ? TrimUnicode(value->text) : std::string_view();
  if (selection == DialZoneSelection::kManual) {
    if (text.empty()) return Problem{field, ProblemCode::kValueMissing, label + " is required for this country"};
    if (CodePointCount(text) > kHardMaxLength) {
      return Problem{field, ProblemCode::kTooLong, label + " must be at most " + Characters(kHardMaxLength)};
    }
  } else if (!text.empty()) {
    return Problem{field, ProblemCode::kNotAllowed,
                   label + " is chosen automatically for this country and must be left empty"};
  }
  return std::nullopt;
}

// The texts of a /geoareas list; items that are neither text nor {value} are skipped.
std::vector<std::string> AreaValues(const Json& list) {
  std::vector<std::string> values;
  values.reserve(list.size());
  for (const Json& item : list) {
    std::optional<std::string> text = ScalarText(item);
    if (!text) {
      if (const Json* value = FindMember(item, "value")) text = ScalarText(*value);
    }
    if (text) values.push_back(std::move(*text));
  }
  return values;
}

}  // namespace

std::variant<Address, DocumentError> AddressFromJson(const Json& document) {
  if (!document.is_object()) {
    return DocumentError{"invalidDocument", "The address must be a JSON object of element names to values"};
  }
  Address address;
  for (auto it = document.begin(); it != document.end(); ++it) {
    AddressValue value;
    if (std::optional<std::string> text = ScalarText(it.value())) {
      value.text = std::move(*text);
    } else if (!it.value().is_null()) {
      value.is_text = false;
    }
    address.emplace(it.key(), std::move(value));
  }
  return address;
}

std::variant<ValidationOptions, DocumentError> ValidationOptionsFromJson(
    const Json& document, std::optional<GeographicalConstraints>& geo_storage) {
  ValidationOptions options;
  if (document.is_null()) return options;
  if (!document.is_object()) return DocumentError{"invalidDocument", "The validation options must be a JSON object"};
  if (const Json* geo = FindMember(document, "geographicalConstraints"); geo && !geo->is_null()) {
    std::variant<GeographicalConstraints, DocumentError> parsed = ParseGeographicalConstraints(*geo);
    if (auto* error = std::get_if<DocumentError>(&parsed)) return std::move(*error);
    geo_storage = std::move(std::get<GeographicalConstraints>(parsed));
    options.geo = &*geo_storage;
  }
  if (const Json* areas = FindMember(document, "geoAreas"); areas && !areas->is_null()) {
    if (!areas->is_object()) {
      return DocumentError{"invalidDocument", "geoAreas must be an object such as {\"area1\": [...]}"};
    }
    for (int level = 0; level < kGeoLevels; ++level) {
      const std::string key = "area" + std::to_string(level + 1);
      const Json* list = FindMember(*areas, key);
      if (list == nullptr || list->is_null()) continue;
      if (!list->is_array()) return DocumentError{"invalidDocument", "geoAreas." + key + " must be a list"};
      options.area_values[level] = AreaValues(*list);
    }
  }
  return options;
}

std::vector<Problem> ValidateAddress(const AddressConstraints& constraints, const Address& address,
                                     const ValidationOptions& options) {
  const std::size_t count = constraints.elements.size();
  std::vector<Ranked> ranked;
  std::vector<bool> has_problem(count, false);

  for (std::size_t i = 0; i < count; ++i) {
    const ElementConstraint& element = constraints.elements[i];
    auto it = address.find(element.name);
    const AddressValue* value = it == address.end() ? nullptr : &it->second;
    const std::string_view text = value ? TrimUnicode(value->text) : std::string_view();
    if (std::optional<Problem> problem = CheckElement(element, value, text)) {
      has_problem[i] = true;
      ranked.push_back({i, std::move(*problem)});
    }
  }

  // Areas are hierarchical: each list was fetched for the parent values the
  // user chose, so checking stops at the first empty or unknown level.
  if (options.geo != nullptr) {
    for (int level = 0; level < kGeoLevels; ++level) {
      const std::optional<std::string>& name = options.geo->area_elements[level];
      if (!name) continue;
      const std::size_t index = constraints.IndexOf(*name);
      if (index >= count) continue;
      auto it = address.find(*name);
      if (it == address.end() || !it->second.is_text) break;
      const std::string_view text = TrimUnicode(it->second.text);
      if (text.empty()) break;
      const std::optional<std::vector<std::string>>& values = options.area_values[level];
      if (!values) continue;
      if (!InValues(text, *values)) {
        if (!has_problem[index]) {
          ranked.push_back({index, Problem{*name, ProblemCode::kNotAllowed,
                                           "\"" + Abbreviate(text, 60) + "\" is not a known " +
                                               ElementLabel(constraints.elements[index])}});
        }
        break;
      }
    }
  }

  // Sorted names: the unknown-field pass stays O(n log n) for hostile sizes.
  std::vector<std::string_view> names;
  names.reserve(count);
  for (const ElementConstraint& element : constraints.elements) names.push_back(element.name);
  std::sort(names.begin(), names.end());
  auto is_element = [&](std::string_view name) { return std::binary_search(names.begin(), names.end(), name); };

  const bool dial_zone_is_element = is_element(kDialZoneField);
  if (!dial_zone_is_element && options.geo != nullptr && options.geo->dial_zone) {
    auto it = address.find(kDialZoneField);
    if (std::optional<Problem> problem =
            CheckDialZone(*options.geo->dial_zone, it == address.end() ? nullptr : &it->second)) {
      ranked.push_back({count, std::move(*problem)});
    }
  }

  for (const auto& [name, value] : address) {
    if (name == kDialZoneField || is_element(name)) continue;
    ranked.push_back({count + 1, Problem{name, ProblemCode::kUnknownField,
                                         "\"" + Abbreviate(name, 40) + "\" is not an address field for this country"}});
  }

  // A stable counting sort on the rank (0..count+1): linear, and a few
  // hundred bytes of wasm where std::stable_sort costs about 3 KB.
  std::vector<std::size_t> next(count + 3, 0);
  for (const Ranked& entry : ranked) ++next[entry.rank + 1];
  for (std::size_t i = 1; i < next.size(); ++i) next[i] += next[i - 1];
  std::vector<Problem> problems(ranked.size());
  for (Ranked& entry : ranked) problems[next[entry.rank]++] = std::move(entry.problem);
  return problems;
}

}  // namespace btalk
