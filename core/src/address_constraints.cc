#include "btalk/address_constraints.h"

#include <algorithm>
#include <set>
#include <utility>

namespace btalk {
namespace {

struct BuiltinLabel {
  const char* element;
  const char* label;
};

// The seed's PIDF-LO table, in words a form can show.
constexpr BuiltinLabel kBuiltinLabels[] = {
    {"a1", "State or region"},     {"a2", "County or district"},
    {"a3", "City"},                {"a4", "City district"},
    {"a5", "Neighbourhood"},       {"a6", "Street name"},
    {"hno", "Street number"},      {"hns", "Street number suffix"},
    {"sts", "Street type"},        {"flr", "Floor"},
    {"bld", "Building"},           {"room", "Room"},
    {"pc", "Postal code"},         {"pcn", "Postal community name"},
    {"pobox", "PO box"},           {"prd", "Leading street direction"},
    {"pod", "Trailing street suffix"}, {"unit", "Unit"},
    {"dialZone", "Dial zone"},
    {"addrExtInfo1", "Additional information 1"}, {"addrExtInfo2", "Additional information 2"},
    {"addrExtInfo3", "Additional information 3"}, {"addrExtInfo4", "Additional information 4"},
    {"addrExtInfo5", "Additional information 5"}, {"addrExtInfo6", "Additional information 6"},
    {"addrExtInfo7", "Additional information 7"}, {"addrExtInfo8", "Additional information 8"},
    {"addrExtInfo9", "Additional information 9"}, {"addrExtInfo10", "Additional information 10"},
};

// Records the first reason an element is broken.
void Fail(ElementConstraint& element, std::string reason) {
  if (!element.error) element.error = std::move(reason);
}

void ParseUsage(const Json* value, ElementConstraint& element) {
  if (value == nullptr || value->is_null()) return;  // tolerated: optional
  if (value->is_string()) {
    const std::string_view text = TrimUnicode(value->get_ref<const std::string&>());
    if (EqualsIgnoreCase(text, "mandatory") || EqualsIgnoreCase(text, "required")) {
      element.usage = Usage::kMandatory;
      return;
    }
    if (EqualsIgnoreCase(text, "optional")) {
      element.usage = Usage::kOptional;
      return;
    }
  }
  Fail(element, "usage must be \"mandatory\" or \"optional\", not " + QuotedJson(*value));
}

void ParseValueType(const Json* value, ElementConstraint& element) {
  if (value == nullptr || value->is_null()) return;  // tolerated: freestring
  if (value->is_string()) {
    const std::string_view text = TrimUnicode(value->get_ref<const std::string&>());
    constexpr ValueType kTypes[] = {ValueType::kFreeString, ValueType::kFreeNumerical,
                                    ValueType::kEnumeration, ValueType::kEnumerationAssociative};
    for (ValueType type : kTypes) {
      if (EqualsIgnoreCase(text, ValueTypeName(type))) {
        element.value_type = type;
        return;
      }
    }
  }
  Fail(element, "valueType must be freestring, freenumerical, enumeration or enumerationAssociative, not " +
                    QuotedJson(*value));
}

// min/maxLength: a whole number >= 0 (numeric strings accepted); null or ""
// means "not given".
std::optional<std::size_t> ParseLength(const Json* value, const char* key, ElementConstraint& element) {
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (value->is_string() && TrimUnicode(value->get_ref<const std::string&>()).empty()) return std::nullopt;
  const std::optional<std::uint64_t> n = NonNegativeInteger(*value);
  if (!n) {
    Fail(element, std::string(key) + " must be a whole number of at least 0, not " + QuotedJson(*value));
    return std::nullopt;
  }
  return static_cast<std::size_t>(*n);
}

void ParseRegexp(const Json* value, ElementConstraint& element, CompileBudget& budget) {
  if (value == nullptr || value->is_null()) return;
  if (!value->is_string()) {
    Fail(element, "valueRegexp must be text, not " + QuotedJson(*value));
    return;
  }
  element.value_regexp = value->get_ref<const std::string&>();
  if (element.value_regexp.empty()) return;
  std::variant<Regex, RegexError> compiled = Regex::Compile(element.value_regexp, &budget);
  if (auto* regex = std::get_if<Regex>(&compiled)) {
    element.regex = std::move(*regex);
  } else {
    Fail(element, "valueRegexp cannot be used: " + std::get<RegexError>(compiled).message);
  }
}

void ParsePossibleValues(const Json* value, ElementConstraint& element) {
  if (value != nullptr && !value->is_null()) {
    if (!value->is_array()) {
      Fail(element, "possibleValues must be a list, not " + QuotedJson(*value));
      return;
    }
    element.possible_values.reserve(value->size());
    std::size_t index = 0;
    for (const Json& item : *value) {
      ++index;
      std::optional<std::string> text = ScalarText(item);
      PossibleValue possible;
      if (text) {
        possible.value = *text;
        possible.display = std::move(*text);
      } else if (const Json* stored = FindMember(item, "value"); stored && ScalarText(*stored)) {
        possible.value = *ScalarText(*stored);
        const Json* display = FindMember(item, "display");
        if (display == nullptr) display = FindMember(item, "label");
        std::optional<std::string> shown = display ? ScalarText(*display) : std::nullopt;
        possible.display = shown && !TrimUnicode(*shown).empty() ? std::move(*shown) : possible.value;
      } else {
        Fail(element, "possibleValues item " + std::to_string(index) +
                          " must be text or {\"value\", \"display\"}, not " + QuotedJson(item));
        continue;
      }
      element.possible_values.push_back(std::move(possible));
    }
  }
  if (element.is_enumeration() && element.possible_values.empty() && !element.error) {
    Fail(element, std::string(ValueTypeName(element.value_type)) + " needs a non-empty possibleValues list");
  }
}

std::string OptionalText(const Json* value) {
  // Display texts are tolerant: a wrong type only loses the text.
  if (value != nullptr && value->is_string()) return value->get_ref<const std::string&>();
  return std::string();
}

ElementConstraint ParseElement(std::string name, const Json& spec, CompileBudget& budget) {
  ElementConstraint element;
  element.name = std::move(name);
  if (!spec.is_object()) {
    Fail(element, "the rule must be an object, not " + QuotedJson(spec));
    return element;
  }
  ParseUsage(FindMember(spec, "usage"), element);
  ParseValueType(FindMember(spec, "valueType"), element);
  element.min_length = ParseLength(FindMember(spec, "minLength"), "minLength", element).value_or(0);
  element.max_length = ParseLength(FindMember(spec, "maxLength"), "maxLength", element);
  if (element.max_length && element.min_length > *element.max_length) {
    Fail(element, "minLength (" + std::to_string(element.min_length) + ") is greater than maxLength (" +
                      std::to_string(*element.max_length) + ")");
  }
  ParseRegexp(FindMember(spec, "valueRegexp"), element, budget);
  ParsePossibleValues(FindMember(spec, "possibleValues"), element);
  element.default_label = std::string(TrimUnicode(OptionalText(FindMember(spec, "defaultLabel"))));
  element.default_description = OptionalText(FindMember(spec, "defaultDescription"));
  element.reference_url = std::string(TrimUnicode(OptionalText(FindMember(spec, "referenceUrl"))));
  if (const Json* position = FindMember(spec, "position"); position && !position->is_null()) {
    element.position = NumberOf(*position);
    if (!element.position) Fail(element, "position must be a number, not " + QuotedJson(*position));
  }
  return element;
}

// The element map itself, unwrapping {"addressConstraints": ...}.
const Json& Unwrap(const Json& document) {
  if (document.is_object()) {
    const Json* inner = FindMember(document, "addressConstraints");
    if (inner != nullptr && (inner->is_object() || inner->is_array())) return *inner;
  }
  return document;
}

// The document-wide compile budget ran out on `element`: the document is
// refused as a whole, before it takes more memory (see regex.h, "Budgets").
DocumentError TooComplex(const std::string& element) {
  static_assert(Regex::kMaxDocumentProgramSize == 250000, "update the message");
  return DocumentError{"tooComplex",
                       "The constraints' patterns together are too large to use (over 250000 compiled "
                       "instructions; refused at " + Abbreviate(element, 40) + ")"};
}

}  // namespace

const char* ValueTypeName(ValueType type) {
  switch (type) {
    case ValueType::kFreeString: return "freestring";
    case ValueType::kFreeNumerical: return "freenumerical";
    case ValueType::kEnumeration: return "enumeration";
    case ValueType::kEnumerationAssociative: return "enumerationAssociative";
  }
  return "freestring";
}

std::variant<AddressConstraints, DocumentError> ParseAddressConstraints(const Json& document) {
  const Json& map = Unwrap(document);
  AddressConstraints constraints;
  CompileBudget budget;
  if (map.is_object()) {
    constraints.elements.reserve(map.size());
    for (auto it = map.begin(); it != map.end(); ++it) {
      constraints.elements.push_back(ParseElement(it.key(), it.value(), budget));
      if (budget.exhausted) return TooComplex(it.key());
    }
  } else if (map.is_array()) {
    constraints.elements.reserve(map.size());
    std::set<std::string> seen;
    std::size_t index = 0;
    for (const Json& item : map) {
      ++index;
      const Json* name = FindMember(item, "name");
      if (name == nullptr || !name->is_string()) name = FindMember(item, "element");
      if (name == nullptr || !name->is_string() || TrimUnicode(name->get_ref<const std::string&>()).empty()) {
        constraints.entry_errors.push_back(
            {"", ProblemCode::kConstraintError,
             "Constraint entry " + std::to_string(index) + " has no element name, so it was ignored"});
        continue;
      }
      const std::string element_name(TrimUnicode(name->get_ref<const std::string&>()));
      if (!seen.insert(element_name).second) {
        constraints.entry_errors.push_back({element_name, ProblemCode::kConstraintError,
                                            "The constraints define " + element_name +
                                                " more than once; the first definition is used"});
        continue;
      }
      constraints.elements.push_back(ParseElement(element_name, item, budget));
      if (budget.exhausted) return TooComplex(element_name);
    }
  } else {
    return DocumentError{"invalidDocument",
                         "The address constraints must be a JSON object mapping element names to rules"};
  }
  // Names are unique, so (position, name) is a total order and any sort gives
  // the same result. A shell sort of indices (as in regex_parse.cc) is a few hundred
  // bytes of wasm where std::stable_sort of ElementConstraint costs kilobytes.
  std::vector<ElementConstraint>& elements = constraints.elements;
  auto before = [&](std::size_t x, std::size_t y) {
    const ElementConstraint& a = elements[x];
    const ElementConstraint& b = elements[y];
    if (a.position.has_value() != b.position.has_value()) return a.position.has_value();
    if (a.position && *a.position != *b.position) return *a.position < *b.position;
    return a.name < b.name;
  };
  std::vector<std::size_t> order(elements.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (std::size_t gap = order.size() / 2; gap > 0; gap = gap == 2 ? 1 : gap * 5 / 11) {
    for (std::size_t i = gap; i < order.size(); ++i) {
      const std::size_t x = order[i];
      std::size_t j = i;
      for (; j >= gap && before(x, order[j - gap]); j -= gap) order[j] = order[j - gap];
      order[j] = x;
    }
  }
  std::vector<ElementConstraint> sorted;
  sorted.reserve(elements.size());
  for (std::size_t i : order) sorted.push_back(std::move(elements[i]));
  elements.swap(sorted);
  return constraints;
}

std::variant<AddressConstraints, DocumentError> ParseAddressConstraintsText(std::string_view json_text) {
  std::variant<Json, DocumentError> parsed = ParseJson(json_text);
  if (auto* error = std::get_if<DocumentError>(&parsed)) return std::move(*error);
  return ParseAddressConstraints(std::get<Json>(parsed));
}

const ElementConstraint* AddressConstraints::Find(std::string_view name) const {
  const std::size_t index = IndexOf(name);
  return index < elements.size() ? &elements[index] : nullptr;
}

std::size_t AddressConstraints::IndexOf(std::string_view name) const {
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (elements[i].name == name) return i;
  }
  return elements.size();
}

std::string_view BuiltinElementLabel(std::string_view element) {
  for (const BuiltinLabel& entry : kBuiltinLabels) {
    if (element == entry.element) return entry.label;
  }
  return std::string_view();
}

std::string ElementLabel(const ElementConstraint& element) {
  if (!element.default_label.empty()) return element.default_label;
  const std::string_view builtin = BuiltinElementLabel(element.name);
  if (!builtin.empty()) return std::string(builtin);
  return element.name;
}

std::vector<Problem> ConstraintErrors(const AddressConstraints& constraints) {
  std::vector<Problem> errors;
  for (const ElementConstraint& element : constraints.elements) {
    if (element.error) {
      errors.push_back({element.name, ProblemCode::kConstraintError,
                        "The rule for " + ElementLabel(element) + " (" + element.name +
                            ") is invalid: " + *element.error});
    }
  }
  // A loop, not a range insert: that template is ~0.5 KB of wasm on its own.
  for (const Problem& error : constraints.entry_errors) errors.push_back(error);
  return errors;
}

}  // namespace btalk
