// The /countries/{iso2}/addressconstraints document, parsed and checked.
//
// The document comes from the API and is untrusted: every element is checked
// on its own, and an element whose rule cannot be used (maxLength "abc",
// unknown valueType, a regex the engine refuses...) is kept with `error` set,
// so one broken element never hides the others.
#ifndef BTALK_ADDRESS_CONSTRAINTS_H_
#define BTALK_ADDRESS_CONSTRAINTS_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "btalk/json_util.h"
#include "btalk/problem.h"
#include "btalk/format_example.h"
#include "btalk/regex.h"
#include "btalk/regex_ast.h"

namespace btalk {

enum class Usage { kMandatory, kOptional };

enum class ValueType { kFreeString, kFreeNumerical, kEnumeration, kEnumerationAssociative };

// "freestring", "freenumerical", "enumeration", "enumerationAssociative".
const char* ValueTypeName(ValueType type);

struct PossibleValue {
  std::string value;    // what is stored and checked
  std::string display;  // what the user sees (== value for plain strings)
};

struct ElementConstraint {
  std::string name;  // PIDF-LO element: "a1", "pc", "addrExtInfo3"...
  Usage usage = Usage::kOptional;
  ValueType value_type = ValueType::kFreeString;
  std::size_t min_length = 0;
  std::optional<std::size_t> max_length;
  std::string value_regexp;    // as given; "" = none
  std::optional<Regex> regex;  // compiled value_regexp, when usable
  std::vector<PossibleValue> possible_values;
  std::string default_label;
  std::string default_description;
  std::string reference_url;
  std::optional<double> position;  // absent: sorted after the others
  // Set when the element's rule is broken; the first reason found.
  std::optional<std::string> error;
  // FormatExample(value_regexp) when worked out once (CompiledConstraints
  // does); empty: worked out on each mismatch.
  PatternExample example;
  // value_regexp's parse tree, kept (by CompiledConstraints) when a mismatch
  // needs a hint that follows what was typed: no parse per refusal.
  std::shared_ptr<const RegexAst> pattern_tree;

  bool is_enumeration() const {
    return value_type == ValueType::kEnumeration || value_type == ValueType::kEnumerationAssociative;
  }
};

struct AddressConstraints {
  // In `position` order (absent positions last), ties by name.
  std::vector<ElementConstraint> elements;
  // Entries that could not become an element (no name, duplicate name).
  std::vector<Problem> entry_errors;

  const ElementConstraint* Find(std::string_view name) const;
  // Index in `elements`, or elements.size() when absent.
  std::size_t IndexOf(std::string_view name) const;
};

// Accepts {"a1": {...}, ...}, the same wrapped as {"addressConstraints": ...},
// or an array of {"name"|"element": "a1", ...}. Unknown keys are ignored.
// DocumentError "invalidDocument" when the shape is none of these.
std::variant<AddressConstraints, DocumentError> ParseAddressConstraints(const Json& document);
// Same from text; DocumentError "invalidJson" for malformed text.
std::variant<AddressConstraints, DocumentError> ParseAddressConstraintsText(std::string_view json_text);

// The English name of a PIDF-LO element ("pc" -> "Postal code"), or "" when
// the element is not a standard one.
std::string_view BuiltinElementLabel(std::string_view element);

// What messages call the element: its defaultLabel, else the built-in name,
// else the element name itself.
std::string ElementLabel(const ElementConstraint& element);

// The constraint errors: one per broken element, in element order, then
// the entry errors.
std::vector<Problem> ConstraintErrors(const AddressConstraints& constraints);

}  // namespace btalk

#endif  // BTALK_ADDRESS_CONSTRAINTS_H_
