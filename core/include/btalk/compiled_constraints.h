// A country's address rules compiled once and used for many validations, as
// libaddressinput's AddressValidator: the constraints (and optional
// geographical constraints) are parsed, their patterns compiled and the form
// model built when the object is made; the geographical area lists are added
// once with SetGeoAreas. Validate() then does no JSON parsing and, for a
// valid address, no allocation beyond the result vector.
//
//   auto compiled = btalk::CompiledConstraints::FromText(constraints_json, geo_json);
//   if (auto* c = std::get_if<btalk::CompiledConstraints>(&compiled)) {
//     c->SetGeoAreas(1, {}, {"VD", "ZH"});
//     c->SetGeoAreas(2, {"VD"}, {"Lausanne", "Morges"});
//     std::vector<btalk::Problem> problems = c->Validate(address);
//   }
//
// The object is immutable during Validate (const, no hidden state), so one
// object can serve many threads once its areas are set.
#ifndef BTALK_COMPILED_CONSTRAINTS_H_
#define BTALK_COMPILED_CONSTRAINTS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "btalk/address_constraints.h"
#include "btalk/address_validator.h"
#include "btalk/compact_problem.h"
#include "btalk/form_model.h"
#include "btalk/geographical_constraints.h"
#include "btalk/normalizer.h"
#include "btalk/problem.h"

namespace btalk {

class CompiledConstraints {
 public:
  // Area values stored over all SetGeoAreas calls; more is refused.
  static constexpr std::size_t kMaxGeoAreaValues = 200000;

  // From parsed documents (`geo` may be empty).
  CompiledConstraints(AddressConstraints constraints, std::optional<GeographicalConstraints> geo);
  // From the API's JSON texts; geo_json "" or "null" = none. DocumentError
  // as address_form_json reports it ("Address constraints: ..." /
  // "Geographical constraints: ..." in the message).
  static std::variant<CompiledConstraints, DocumentError> FromText(std::string_view constraints_json,
                                                                  std::string_view geo_json);

  CompiledConstraints(CompiledConstraints&&) noexcept;
  CompiledConstraints& operator=(CompiledConstraints&&) noexcept;
  CompiledConstraints(const CompiledConstraints&) = delete;
  CompiledConstraints& operator=(const CompiledConstraints&) = delete;
  ~CompiledConstraints();

  const AddressConstraints& constraints() const { return constraints_; }
  const GeographicalConstraints* geo() const { return geo_ ? &*geo_ : nullptr; }
  const FormModel& form() const { return form_; }
  // The elements in validation order (what Validate's `values` follow).
  std::size_t field_count() const { return constraints_.elements.size(); }
  const std::string& field_name(std::size_t i) const { return constraints_.elements[i].name; }
  // Index of `name` among the fields, or field_count().
  std::size_t FieldIndex(std::string_view name) const;
  // True when dialZone is one of the fields (then it is never the reserved key).
  bool dial_zone_is_field() const { return check_.dial_zone_is_element; }

  // The values the API offers for area level `level` (1..4) once the earlier
  // mapped levels hold `parents` (area1's value first; {} for level 1).
  // Values are compared trimmed. Replaces an earlier list for the same path.
  // False (nothing stored) when `level` is out of range, `parents` is longer
  // than level - 1, or kMaxGeoAreaValues would be exceeded.
  bool SetGeoAreas(int level, const std::vector<std::string>& parents, const std::vector<std::string>& values);
  void ClearGeoAreas();
  std::size_t geo_area_value_count() const { return area_value_count_; }

  // Validates an address map (as AddressFromJson reads it), with the stored
  // areas, or with `options.area_values` for the levels it supplies.
  // `options.geo` is ignored: the geographical constraints are compiled in.
  std::vector<Problem> Validate(const Address& address, const ValidationOptions& options = ValidationOptions()) const;

  // The fast form: values[i] is field i's value (field_count() of them),
  // `unknown` the other keys of the address except dialZone (any order).
  // Appends to `problems`; returns how many it appended.
  std::size_t ValidateValues(const FieldValue* values, const FieldValue& dial_zone,
                             std::vector<std::string_view> unknown, std::vector<Problem>& problems,
                             const ValidationOptions* options = nullptr) const;
  // The same as numbers (compact_problem.h; ExpandProblem with constraints()
  // gives the Problems): appends to `out`, returns how many problems.
  std::size_t ValidateValues(const FieldValue* values, const FieldValue& dial_zone,
                             std::vector<std::string_view> unknown, CompactProblems& out,
                             const ValidationOptions* options = nullptr) const;

  // NormalizeAddress (normalizer.h) with the compiled object's constraints:
  // the same result, without parsing the schema again (the form's blur path).
  NormalizedAddress Normalize(const Address& address) const;

 private:
  struct AreaNode;
  class StoredAreas;

  AddressConstraints constraints_;
  std::optional<GeographicalConstraints> geo_;
  FormModel form_;
  FieldCheck check_;
  std::vector<std::string_view> sorted_names_;  // views into constraints_
  std::vector<std::vector<std::string_view>> sorted_values_;  // per element, trimmed possible values
  std::unique_ptr<AreaNode> areas_;
  std::size_t area_value_count_ = 0;
};

// The packed address format of the wasm boundary (one string, no JSON), as
// written by web/core.js. One record per address:
//   <flags><unknown count>\0  then each text value\0  then each unknown key\0
// flags: one character per field in compiled order, then one for dialZone:
// '0' absent or null, 't' text, 'x' not text (array, object, boolean),
// 'u' text that held a lone surrogate (sent with U+FFFD in its place; the
// field gets badInput, as AddressFromJsonText reports it).
// Only 't' and 'u' fields have a text segment. Values and keys never hold
// '\0' (web/core.js sends such addresses as JSON instead).
//
// Validates every record of `packed`, appending {record index, problems}
// for each invalid one to `invalid`. Returns the number of records read, or
// -1 when `packed` is malformed (which web/core.js never sends).
long ValidatePacked(const CompiledConstraints& compiled, std::string_view packed,
                    std::vector<std::pair<std::size_t, std::vector<Problem>>>& invalid,
                    const ValidationOptions* options = nullptr);
// The same as numbers, the cheap path of the wasm boundary: appends every
// problem to `out` and its record index to `records` (same order).
long ValidatePacked(const CompiledConstraints& compiled, std::string_view packed, CompactProblems& out,
                    std::vector<std::uint32_t>& records, const ValidationOptions* options = nullptr);

}  // namespace btalk

#endif  // BTALK_COMPILED_CONSTRAINTS_H_
