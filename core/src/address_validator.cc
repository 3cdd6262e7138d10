#include "btalk/address_validator.h"

#include <algorithm>
#include <utility>

#include "btalk/format_example.h"
#include "btalk/small_sort.h"
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

constexpr const char* kBadInputMessage =
    " contains a character that is not valid text (a lone UTF-16 surrogate); please retype it";

// The element's label, spelled out only when a message needs it: valid
// values (the common case) allocate nothing.
struct LazyLabel {
  const ElementConstraint& element;
};
std::string operator+(const LazyLabel& label, const char* text) { return ElementLabel(label.element) + text; }

// The one problem of an element's value, if any. `text` is trimmed; `value`
// is nullptr when absent.
std::optional<Problem> CheckElement(const ElementConstraint& element, const FieldValue* value,
                                    std::string_view text, MatchBudget& budget) {
  const LazyLabel label{element};  // built only when a problem is reported
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
  if (element.regex) {
    switch (element.regex->FullMatch(text, budget)) {
      case Regex::MatchResult::kMatch:
        break;
      case Regex::MatchResult::kNoMatch: {
        // Only on a mismatch: the sample costs a parse and one match of the
        // pattern. CompiledConstraints works out the unguided one once; a
        // pattern with choices follows what was typed (the SW1A of "SW1A 1A").
        PatternExample computed;
        const PatternExample* hint = &element.example;
        if (element.example.empty() || element.example.varies) {
          computed = FormatExample(element.value_regexp, text, &*element.regex);
          if (!computed.empty() || element.example.empty()) hint = &computed;
        }
        std::string message = label + " does not have the expected format";
        if (!hint->format.empty()) message += ": " + hint->format;
        if (!hint->example.empty()) message += " (for example " + hint->example + ")";
        Problem mismatch = problem(ProblemCode::kPatternMismatch, std::move(message));
        mismatch.format = hint->format;
        mismatch.example = hint->example;
        mismatch.legend = hint->legend;
        return mismatch;
      }
      case Regex::MatchResult::kTooComplex:
        return problem(ProblemCode::kTooComplex,
                       label + " cannot be checked: its format rule from the API needs too much work "
                               "for this address (try a shorter value)");
    }
  }
  return std::nullopt;
}

std::optional<Problem> CheckDialZone(DialZoneSelection selection, const FieldValue& value) {
  const std::string label = "Dial zone";
  const std::string field(kDialZoneField);
  if (value.present && !value.is_text) return Problem{field, ProblemCode::kTypeMismatch, label + " must be text"};
  if (value.present && value.bad_input) return Problem{field, ProblemCode::kBadInput, label + kBadInputMessage};
  const std::string_view text = value.present ? TrimUnicode(value.text) : std::string_view();
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

bool OptionAreaSource::Contains(int level, const std::string_view*, std::size_t, std::string_view value,
                                bool* checked) const {
  const std::optional<std::vector<std::string>>& values = options_.area_values[level];
  *checked = values.has_value();
  return values && InValues(value, *values);
}

void PrepareFieldCheck(FieldCheck& check) {
  const AddressConstraints& constraints = *check.constraints;
  const std::size_t count = constraints.elements.size();
  for (int level = 0; level < kGeoLevels; ++level) {
    const std::optional<std::string>* name = check.geo ? &check.geo->area_elements[level] : nullptr;
    check.area_index[level] = name && *name ? constraints.IndexOf(**name) : count;
  }
  check.dial_zone_is_element = constraints.IndexOf(kDialZoneField) < count;
}

void ValidateFields(const FieldCheck& check, const FieldValue* values, const FieldValue& dial_zone,
                    const std::string_view* unknown, std::size_t unknown_count, std::vector<Problem>& problems) {
  const AddressConstraints& constraints = *check.constraints;
  const std::size_t count = constraints.elements.size();
  const std::size_t first = problems.size();
  // One match budget for the whole call, the caller's when it gives one.
  MatchBudget own_budget;
  MatchBudget& budget = check.budget != nullptr ? *check.budget : own_budget;
  // Problems come out in element order, so no sort is needed: the one
  // problem a geographical area may add is inserted at its field's place.
  // `fields` holds the element index of each element problem (it only grows
  // when there is a problem: a valid address allocates nothing).
  std::vector<std::size_t> fields;
  for (std::size_t i = 0; i < count; ++i) {
    const ElementConstraint& element = constraints.elements[i];
    const FieldValue& value = values[i];
    if (value.present && value.is_text && value.bad_input) {
      problems.push_back({element.name, ProblemCode::kBadInput, ElementLabel(element) + kBadInputMessage});
      fields.push_back(i);
      continue;
    }
    if (check.sorted_values != nullptr && element.is_enumeration() && !element.error && value.present &&
        value.is_text) {
      // A known value is valid whatever else: skip straight to the next field.
      const std::vector<std::string_view>& sorted = (*check.sorted_values)[i];
      const std::string_view text = TrimUnicode(value.text);
      if (!text.empty() && std::binary_search(sorted.begin(), sorted.end(), text)) continue;
    }
    const FieldValue* given = value.present ? &value : nullptr;
    const std::string_view text = value.present && value.is_text ? TrimUnicode(value.text) : std::string_view();
    if (std::optional<Problem> problem = CheckElement(element, given, text, budget)) {
      problems.push_back(std::move(*problem));
      fields.push_back(i);
    }
  }

  // Areas are hierarchical: each list was fetched for the parent values the
  // user chose, so checking stops at the first empty or unknown level.
  if (check.geo != nullptr && check.areas != nullptr) {
    std::string_view parents[kGeoLevels];
    std::size_t parent_count = 0;
    for (int level = 0; level < kGeoLevels; ++level) {
      const std::size_t index = check.area_index[level];
      if (index >= count) continue;
      const FieldValue& value = values[index];
      if (!value.present || !value.is_text || value.bad_input) break;
      const std::string_view text = TrimUnicode(value.text);
      if (text.empty()) break;
      bool checked = false;
      const bool known = check.areas->Contains(level, parents, parent_count, text, &checked);
      if (checked && !known) {
        const std::string& name = constraints.elements[index].name;
        // At most one problem per field; the others are in element order.
        const auto place = std::lower_bound(fields.begin(), fields.end(), index);
        const std::size_t at = first + static_cast<std::size_t>(place - fields.begin());
        if (place == fields.end() || *place != index) {
          problems.insert(problems.begin() + static_cast<std::ptrdiff_t>(at),
                          Problem{name, ProblemCode::kNotAllowed,
                                  "\"" + Abbreviate(text, 60) + "\" is not a known " +
                                      ElementLabel(constraints.elements[index])});
        }
        break;
      }
      parents[parent_count++] = text;
    }
  }

  if (!check.dial_zone_is_element && check.geo != nullptr && check.geo->dial_zone) {
    if (std::optional<Problem> problem = CheckDialZone(*check.geo->dial_zone, dial_zone)) {
      problems.push_back(std::move(*problem));
    }
  }

  for (std::size_t i = 0; i < unknown_count; ++i) {
    problems.push_back(Problem{std::string(unknown[i]), ProblemCode::kUnknownField,
                               "\"" + Abbreviate(unknown[i], 40) + "\" is not an address field for this country"});
  }
}

FieldValue FieldValueOf(const Address& address, std::string_view name) {
  FieldValue value;
  if (auto it = address.find(name); it != address.end()) {
    value.present = true;
    value.is_text = it->second.is_text;
    value.text = it->second.text;
    value.bad_input = it->second.bad_input;
  }
  return value;
}

std::variant<Address, DocumentError> AddressFromJsonText(std::string_view json_text) {
  bool marked = false;
  const std::string text = MarkLoneSurrogates(json_text, marked);
  std::variant<Json, DocumentError> parsed = ParseJson(marked ? std::string_view(text) : json_text);
  if (auto* error = std::get_if<DocumentError>(&parsed)) return std::move(*error);
  std::variant<Address, DocumentError> address = AddressFromJson(std::get<Json>(parsed));
  if (!marked || std::holds_alternative<DocumentError>(address)) return address;
  // The mark becomes U+FFFD again, in names and values alike.
  Address& parsed_address = std::get<Address>(address);
  Address cleaned;
  for (auto& [name, value] : parsed_address) {
    std::string key = name;
    UnmarkLoneSurrogates(key);
    value.bad_input = UnmarkLoneSurrogates(value.text);
    cleaned.emplace(std::move(key), std::move(value));
  }
  return cleaned;
}

std::vector<Problem> ValidateAddress(const AddressConstraints& constraints, const Address& address,
                                     const ValidationOptions& options) {
  MatchBudget budget;
  return ValidateAddress(constraints, address, options, budget);
}

std::vector<Problem> ValidateAddress(const AddressConstraints& constraints, const Address& address,
                                     const ValidationOptions& options, MatchBudget& budget) {
  const std::size_t count = constraints.elements.size();
  FieldCheck check;
  check.budget = &budget;
  check.constraints = &constraints;
  check.geo = options.geo;
  const OptionAreaSource areas(options);
  check.areas = &areas;
  PrepareFieldCheck(check);

  std::vector<FieldValue> values(count);
  for (std::size_t i = 0; i < count; ++i) {
    values[i] = FieldValueOf(address, constraints.elements[i].name);
  }
  const FieldValue dial_zone = FieldValueOf(address, kDialZoneField);
  // Sorted names: the unknown-field pass stays O(n log n) for hostile sizes.
  std::vector<std::string_view> names;
  names.reserve(count);
  for (const ElementConstraint& element : constraints.elements) names.push_back(element.name);
  SmallSort(names);
  // The map is sorted, so the unknown names come out sorted too.
  std::vector<std::string_view> unknown;
  for (const auto& entry : address) {
    const std::string& name = entry.first;
    if (name == kDialZoneField || std::binary_search(names.begin(), names.end(), std::string_view(name))) continue;
    unknown.push_back(name);
  }
  std::vector<Problem> problems;
  ValidateFields(check, values.data(), dial_zone, unknown.data(), unknown.size(), problems);
  return problems;
}

}  // namespace btalk
