#include "btalk/address_validator.h"

#include <algorithm>
#include <cstdint>
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

// The one problem of element `index`'s value, if any, as numbers (texts are
// built by ExpandProblem, only when read). `text` is trimmed; `value` is
// nullptr when absent. A hint that follows what was typed goes to `texts`.
std::optional<CompactProblem> CheckElement(const ElementConstraint& element, std::uint32_t index,
                                           const FieldValue* value, std::string_view text, MatchBudget& budget,
                                           std::vector<std::string>& texts) {
  auto problem = [index](ProblemCode code, std::int32_t detail = 0) { return CompactProblem{index, code, detail}; };
  if (value != nullptr && !value->is_text) return problem(ProblemCode::kTypeMismatch, 0);
  if (text.empty()) {
    // An empty optional field satisfies any rule, even one we cannot read:
    // a broken rule on it must not make the whole address unsaveable.
    if (element.usage == Usage::kMandatory) return problem(ProblemCode::kValueMissing);
    return std::nullopt;
  }
  if (element.error) return problem(ProblemCode::kConstraintError);
  if (element.is_enumeration()) {
    for (const PossibleValue& possible : element.possible_values) {
      if (TrimUnicode(possible.value) == text) return std::nullopt;
    }
    return problem(ProblemCode::kNotAllowed, -1);
  }
  const std::size_t limit = LengthLimit(element);
  const std::size_t length = CodePointCount(text);
  if (length > limit) return problem(ProblemCode::kTooLong, static_cast<std::int32_t>(limit));
  if (length < element.min_length) {
    return problem(ProblemCode::kTooShort, static_cast<std::int32_t>(element.min_length));
  }
  if (element.value_type == ValueType::kFreeNumerical && !IsAsciiDigits(text)) {
    return problem(ProblemCode::kTypeMismatch, 1);
  }
  if (element.regex) {
    switch (element.regex->FullMatch(text, budget)) {
      case Regex::MatchResult::kMatch:
        break;
      case Regex::MatchResult::kNoMatch: {
        // CompiledConstraints works out the unguided sample once; a pattern
        // with choices follows what was typed (the SW1A of "SW1A 1A"), which
        // costs sample runs and a proof match: left for when it is read.
        if (!element.example.empty() && !element.example.varies) return problem(ProblemCode::kPatternMismatch, -1);
        if (!element.example.empty()) {
          // Worked out only when read (ExpandProblem, or web/core-loader/core-problems.js
          // through formatExample): a batch of refusals mostly goes unread.
          const auto at = static_cast<std::int32_t>(texts.size());
          texts.emplace_back(text);
          return problem(ProblemCode::kPatternMismatch, -2 - at);
        }
        // No hint of its own (none exists, or it was not worked out): worked out now.
        PatternExample computed = MismatchHint(element, text);
        const auto at = static_cast<std::int32_t>(texts.size());
        texts.push_back(std::move(computed.format));
        texts.push_back(std::move(computed.example));
        texts.push_back(std::move(computed.legend));
        return problem(ProblemCode::kPatternMismatch, at);
      }
      case Regex::MatchResult::kTooComplex:
        return problem(ProblemCode::kTooComplex);
    }
  }
  return std::nullopt;
}

std::optional<CompactProblem> CheckDialZone(DialZoneSelection selection, const FieldValue& value,
                                            std::uint32_t index) {
  if (value.present && !value.is_text) return CompactProblem{index, ProblemCode::kTypeMismatch, 0};
  if (value.present && value.bad_input) return CompactProblem{index, ProblemCode::kBadInput, 0};
  const std::string_view text = value.present ? TrimUnicode(value.text) : std::string_view();
  if (selection == DialZoneSelection::kManual) {
    if (text.empty()) return CompactProblem{index, ProblemCode::kValueMissing, 0};
    if (CodePointCount(text) > kHardMaxLength) {
      return CompactProblem{index, ProblemCode::kTooLong, static_cast<std::int32_t>(kHardMaxLength)};
    }
  } else if (!text.empty()) {
    return CompactProblem{index, ProblemCode::kNotAllowed, -1};
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
                    const std::string_view* unknown, std::size_t unknown_count, CompactProblems& out) {
  const AddressConstraints& constraints = *check.constraints;
  const std::size_t count = constraints.elements.size();
  std::vector<CompactProblem>& problems = out.problems;
  const std::size_t first = problems.size();
  // One match budget for the whole call, the caller's when it gives one.
  MatchBudget own_budget;
  MatchBudget& budget = check.budget != nullptr ? *check.budget : own_budget;
  // Problems come out in element order, so no sort is needed: the one
  // problem a geographical area may add is inserted at its field's place.
  for (std::size_t i = 0; i < count; ++i) {
    const ElementConstraint& element = constraints.elements[i];
    const FieldValue& value = values[i];
    const auto index = static_cast<std::uint32_t>(i);
    if (value.present && value.is_text && value.bad_input) {
      problems.push_back({index, ProblemCode::kBadInput, 0});
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
    if (std::optional<CompactProblem> problem = CheckElement(element, index, given, text, budget, out.texts)) {
      problems.push_back(*problem);
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
        // At most one problem per field; the others are in element order.
        const auto place = std::lower_bound(
            problems.begin() + static_cast<std::ptrdiff_t>(first), problems.end(), index,
            [](const CompactProblem& problem, std::size_t field) { return problem.field < field; });
        if (place == problems.end() || place->field != index) {
          const auto at = static_cast<std::int32_t>(out.texts.size());
          out.texts.push_back(Abbreviate(text, 60));
          problems.insert(place, CompactProblem{static_cast<std::uint32_t>(index), ProblemCode::kNotAllowed, at});
        }
        break;
      }
      parents[parent_count++] = text;
    }
  }

  if (!check.dial_zone_is_element && check.geo != nullptr && check.geo->dial_zone) {
    if (std::optional<CompactProblem> problem =
            CheckDialZone(*check.geo->dial_zone, dial_zone, static_cast<std::uint32_t>(count))) {
      problems.push_back(*problem);
    }
  }

  for (std::size_t i = 0; i < unknown_count; ++i) {
    const auto at = static_cast<std::int32_t>(out.texts.size());
    out.texts.emplace_back(unknown[i]);
    out.texts.push_back(Abbreviate(unknown[i], 40));
    problems.push_back(CompactProblem{static_cast<std::uint32_t>(count + 1), ProblemCode::kUnknownField, at});
  }
}

void ValidateFields(const FieldCheck& check, const FieldValue* values, const FieldValue& dial_zone,
                    const std::string_view* unknown, std::size_t unknown_count, std::vector<Problem>& problems) {
  CompactProblems compact;
  ValidateFields(check, values, dial_zone, unknown, unknown_count, compact);
  ExpandProblems(*check.constraints, compact, problems);
}

void ExpandProblems(const AddressConstraints& constraints, const CompactProblems& compact,
                    std::vector<Problem>& problems) {
  problems.reserve(problems.size() + compact.problems.size());
  for (const CompactProblem& problem : compact.problems) {
    problems.push_back(ExpandProblem(constraints, problem, compact.texts));
  }
}

PatternExample MismatchHint(const ElementConstraint& element, std::string_view typed) {
  PatternExample computed;
  if (element.regex) {
    computed = element.pattern_tree ? FormatExample(*element.pattern_tree, typed, *element.regex)
                                    : FormatExample(element.value_regexp, typed, &*element.regex);
  }
  return computed.empty() ? element.example : computed;
}

Problem ExpandProblem(const AddressConstraints& constraints, const CompactProblem& compact,
                      const std::vector<std::string>& texts) {
  const std::size_t count = constraints.elements.size();
  const auto text = [&texts](std::int32_t at) -> const std::string& { return texts[static_cast<std::size_t>(at)]; };
  if (compact.field > count) {  // kUnknownField
    return Problem{text(compact.detail), ProblemCode::kUnknownField,
                   "\"" + text(compact.detail + 1) + "\" is not an address field for this country"};
  }
  const bool dial = compact.field == count;
  const ElementConstraint* element = dial ? nullptr : &constraints.elements[compact.field];
  Problem problem{dial ? std::string(kDialZoneField) : element->name, compact.code, {}};
  const std::string label = dial ? "Dial zone" : ElementLabel(*element);
  std::string& message = problem.message;
  switch (compact.code) {
    case ProblemCode::kValueMissing:
      message = label + (dial ? " is required for this country" : " is required");
      break;
    case ProblemCode::kTooShort:
      message = label + " must be at least " + Characters(static_cast<std::size_t>(compact.detail));
      break;
    case ProblemCode::kTooLong:
      message = label + " must be at most " + Characters(static_cast<std::size_t>(compact.detail));
      break;
    case ProblemCode::kTypeMismatch:
      message = label + (compact.detail == 1 ? " must contain only digits (0 to 9)" : " must be text");
      break;
    case ProblemCode::kPatternMismatch: {
      if (compact.detail < 0) {
        PatternExample hint =
            compact.detail == -1 ? element->example : MismatchHint(*element, text(-2 - compact.detail));
        problem.format = std::move(hint.format);
        problem.example = std::move(hint.example);
        problem.legend = std::move(hint.legend);
      } else {
        problem.format = text(compact.detail);
        problem.example = text(compact.detail + 1);
        problem.legend = text(compact.detail + 2);
      }
      message = label + " does not have the expected format";
      if (!problem.format.empty()) message += ": " + problem.format;
      if (!problem.example.empty()) message += " (for example " + problem.example + ")";
      break;
    }
    case ProblemCode::kNotAllowed:
      if (compact.detail >= 0) {
        message = "\"" + text(compact.detail) + "\" is not a known " + label;
      } else {
        message = label + (dial ? " is chosen automatically for this country and must be left empty"
                                : " must be one of the proposed values");
      }
      break;
    case ProblemCode::kConstraintError:
      message = label + " cannot be checked because its rule from the API is invalid: " + element->error.value_or("");
      break;
    case ProblemCode::kTooComplex:
      message = label + " cannot be checked: its format rule from the API needs too much work "
                        "for this address (try a shorter value)";
      break;
    case ProblemCode::kBadInput:
      message = label + kBadInputMessage;
      break;
    case ProblemCode::kUnknownField:
      break;  // handled above
  }
  return problem;
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
