// Checks an address (element -> text) against a country's constraints, and
// optionally against the geographical areas the API offered.
#ifndef BTALK_ADDRESS_VALIDATOR_H_
#define BTALK_ADDRESS_VALIDATOR_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "btalk/address_constraints.h"
#include "btalk/compact_problem.h"
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

// How long `element`'s value may be: its maxLength, else kHardMaxLength, never more than
// kAbsoluteMaxLength. The validator's tooLong detail, so the problem table must use the same.
inline std::size_t LengthLimit(const ElementConstraint& element) {
  return std::min(element.max_length.value_or(kHardMaxLength), kAbsoluteMaxLength);
}

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

// ---- The engine behind ValidateAddress and CompiledConstraints ------------

// One field's value as the engine sees it (a view: nothing is copied).
struct FieldValue {
  std::string_view text;    // untrimmed; "" when absent
  bool present = false;     // false: absent or null
  bool is_text = true;      // false: an array, object or boolean
  bool bad_input = false;   // the text held a lone UTF-16 surrogate (now U+FFFD): badInput
};

// The engine's view of `address[name]` (absent: not present). A view: `address` must outlive it.
FieldValue FieldValueOf(const Address& address, std::string_view name);

// Where the geographical area lists come from, level by level.
class AreaSource {
 public:
  // `level` is 0-based; `parents` are the trimmed values of the earlier
  // mapped levels. Sets `*checked` to false when that level is not checked
  // (no list); otherwise returns whether `value` (trimmed) is in the list.
  virtual bool Contains(int level, const std::string_view* parents, std::size_t parent_count,
                        std::string_view value, bool* checked) const = 0;

 protected:
  ~AreaSource() = default;
};

// The per-call lists of ValidationOptions::area_values (parents ignored).
class OptionAreaSource final : public AreaSource {
 public:
  explicit OptionAreaSource(const ValidationOptions& options) : options_(options) {}
  bool Contains(int level, const std::string_view* parents, std::size_t parent_count, std::string_view value,
                bool* checked) const override;

 private:
  const ValidationOptions& options_;
};

// What the engine needs besides the values.
struct FieldCheck {
  const AddressConstraints* constraints = nullptr;
  const GeographicalConstraints* geo = nullptr;
  const AreaSource* areas = nullptr;  // nullptr: no area is checked
  // area_index[level]: index in constraints->elements of the element area
  // `level` constrains, or elements.size() when unmapped.
  std::array<std::size_t, kGeoLevels> area_index{};
  bool dial_zone_is_element = false;
  // Optional: per element, its possible values trimmed and sorted, so an
  // enumeration is a binary search (CompiledConstraints fills it).
  const std::vector<std::vector<std::string_view>>* sorted_values = nullptr;
  // Optional: the match budget the whole call shares (regex.h, "Budgets");
  // nullptr: a default MatchBudget for this call.
  MatchBudget* budget = nullptr;
};

// Fills area_index and dial_zone_is_element from constraints and geo.
void PrepareFieldCheck(FieldCheck& check);

// values[i] belongs to constraints->elements[i]; `unknown` are the address
// keys that are neither elements nor dialZone, sorted bytewise. Appends the
// problems (same order and texts as ValidateAddress) to `problems`.
void ValidateFields(const FieldCheck& check, const FieldValue* values, const FieldValue& dial_zone,
                    const std::string_view* unknown, std::size_t unknown_count, std::vector<Problem>& problems);
// The same as numbers (compact_problem.h): appends to out.problems, and to
// out.texts what their details point at. Builds no message.
void ValidateFields(const FieldCheck& check, const FieldValue* values, const FieldValue& dial_zone,
                    const std::string_view* unknown, std::size_t unknown_count, CompactProblems& out);

}  // namespace btalk

#endif  // BTALK_ADDRESS_VALIDATOR_H_
