// Checks an address (element -> text) against a country's constraints, and
// optionally against the geographical areas the API offered.
#ifndef BTALK_ADDRESS_VALIDATOR_H_
#define BTALK_ADDRESS_VALIDATOR_H_

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "btalk/address_constraints.h"
#include "btalk/geographical_constraints.h"
#include "btalk/json_util.h"
#include "btalk/problem.h"

namespace btalk {

// The reserved address key for the dial zone (never an unknown field).
inline constexpr std::string_view kDialZoneField = "dialZone";

// Values longer than this are tooLong even without a maxLength, and no regex
// ever runs on more: the work per keystroke stays bounded.
inline constexpr std::size_t kHardMaxLength = 1000;
// Even a larger maxLength never lets a regex run on more than this.
inline constexpr std::size_t kAbsoluteMaxLength = 10000;

// One address entry as typed. `is_text` is false for arrays, objects and
// booleans, which can never be a valid element value.
struct AddressValue {
  std::string text;
  bool is_text = true;
  // The text held a lone UTF-16 surrogate (now U+FFFD): reported as badInput.
  bool bad_input = false;
};

using Address = std::map<std::string, AddressValue, std::less<>>;

// {"a1": "..."}: strings as is, numbers in their JSON spelling, null = empty.
// DocumentError "invalidDocument" when `document` is not an object.
std::variant<Address, DocumentError> AddressFromJson(const Json& document);
// The same from text. Lone UTF-16 surrogates (see MarkLoneSurrogates) do not
// make the text invalid: the values that hold one get `bad_input`.
std::variant<Address, DocumentError> AddressFromJsonText(std::string_view json_text);

struct ValidationOptions {
  const GeographicalConstraints* geo = nullptr;
  // area_values[0] = the values /geoareas returned for area1, and so on;
  // nullopt = not supplied (that level is not checked).
  std::array<std::optional<std::vector<std::string>>, kGeoLevels> area_values;
};

// Reads {"geographicalConstraints": {...}, "geoAreas": {"area1": [...], ...}}
// into `geo_storage` (which must outlive the options) and the options.
std::variant<ValidationOptions, DocumentError> ValidationOptionsFromJson(
    const Json& document, std::optional<GeographicalConstraints>& geo_storage);

// Problems in field position order, then the dial zone, then unknown fields.
// At most one problem per field: the first failing check of valueMissing,
// tooLong, tooShort, typeMismatch, patternMismatch / notAllowed, then the
// geographical area check.
// Regex matching for one call shares one MatchBudget (regex.h, "Budgets"): a
// field whose match runs out of it gets a tooComplex problem, never a hang.
std::vector<Problem> ValidateAddress(const AddressConstraints& constraints, const Address& address,
                                     const ValidationOptions& options = ValidationOptions());
std::vector<Problem> ValidateAddress(const AddressConstraints& constraints, const Address& address,
                                     const ValidationOptions& options, MatchBudget& budget);

}  // namespace btalk

#endif  // BTALK_ADDRESS_VALIDATOR_H_
