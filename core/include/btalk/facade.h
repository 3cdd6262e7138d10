// The core's JSON-text facade: the one surface the wasm bindings expose.
//
// Every function takes JSON text and returns JSON text, never throws and never
// aborts. The answer is an envelope:
//   {"ok": <result>}                                      on success
//   {"error": {"code": "...", "message": "...", ...}}     on bad input
// Keeping the boundary to strings keeps the bindings thin (no embind handles
// for callers to delete()) and lets native tests exercise exactly what JS sees.
#ifndef BTALK_FACADE_H_
#define BTALK_FACADE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "btalk/civic_address.h"

namespace btalk {

class CompiledConstraints;

// The library version, e.g. "0.1.0".
std::string core_version();

// constraints_json: the /addressconstraints document.
// geo_json: the /geographicalconstraints document, or "" / "null" for none.
// ok -> {"fields":[Field...], "dialZone":"manual"|"automatic"|null,
//        "constraintErrors":[{"field","code","message"}]}
std::string address_form_json(std::string_view constraints_json,
                              std::string_view geo_json);

// address_json: {"a1": "...", ...} (strings; numbers are accepted as text).
// options_json: {} or {"geographicalConstraints": {...},
//                      "geoAreas": {"area1": [...], "area2": [...], ...}}
// ok -> {"valid": bool, "problems": [{"field","code","message"}]}
std::string validate_address_json(std::string_view constraints_json,
                                  std::string_view address_json,
                                  std::string_view options_json);

// order_json: {"customerOrderReference","technicalSiteName",
//              "customerSiteLabel","country","vpnId"}
// Validates and builds in one pass (PrepareOrder, order.h):
// ok -> {"valid": true, "problems": [], "body": {...API request body...}}
//    or {"valid": false, "problems": [{"field","code","message"}, ...]}
// An order that is not a JSON object is an error envelope (invalidJson: not
// JSON, over 4 MB or too deep; invalidDocument: not an object).
// web/core-loader/core-order.js builds validateOrder and buildOrderRequest on it.
std::string order_request_json(std::string_view order_json);

// Normalises an API response body of the given kind (see api_responses.h).
std::string parse_response_json(std::string_view kind, std::string_view body);

// parse_response_json limited to the kinds an address form reads (IsAddressResponseKind):
// what the address-only wasm module binds as parseResponse. Another known kind (me,
// customers, orderResponse...) is error "notInAddressCore"; an unknown one "unknownKind".
std::string parse_address_response_json(std::string_view kind, std::string_view body);

// ---- Compiled constraints (compiled_constraints.h) over the same envelope --

// Compiles the documents of address_form_json into *out (left empty on error).
// ok -> {"fields":["a6","hno",...] (validation order), "dialZoneIsField": bool}
std::string compile_constraints_json(std::string_view constraints_json, std::string_view geo_json,
                                     std::unique_ptr<CompiledConstraints>* out);

// ok -> the address_form_json result, built when the object was compiled.
std::string compiled_form_json(const CompiledConstraints& compiled);

// level 1..4; parents_json: [] or ["VD", ...] (area1's value first);
// values_json: [values | {"value", "display"}] (a /geoareas list).
// ok -> {"stored": <values kept for this path>}
std::string compiled_set_geo_areas_json(CompiledConstraints& compiled, int level, std::string_view parents_json,
                                        std::string_view values_json);

// As validate_address_json with the compiled schema; options_json may hold
// "geoAreas" (per-call lists, used instead of the stored ones for the levels
// they give); "geographicalConstraints" is ignored (it is compiled in).
std::string compiled_validate_json(const CompiledConstraints& compiled, std::string_view address_json,
                                   std::string_view options_json);

// Validates the packed records of ValidatePacked (compiled_constraints.h).
// Returns how many records are invalid; then *answer is
// {"ok":[[record index, [problems]], ...]} (left alone when 0). Returns -1
// with an error envelope in *answer for malformed input.
long compiled_validate_packed(const CompiledConstraints& compiled, std::string_view packed,
                              std::string_view options_json, std::string* answer);

// The cheap form of compiled_validate_packed (no options): the problems as
// numbers (compact_problem.h), laid out for web/core-loader/core-problems.js.
// *words = [problem count, text count, then record index, field, code,
// detail for each problem, then the end byte offset in *texts of each text].
// Returns how many problems; -1 with an error envelope in *texts for
// malformed input.
long compiled_validate_compact(const CompiledConstraints& compiled, std::string_view packed,
                               std::vector<std::int32_t>* words, std::string* texts);

// What JS needs to spell out compact problems, once per compiled object:
// ok -> {"codes": ["valueMissing", ...] (by ProblemCode number),
//        "fields": [{"label", "messages": {"<code>:<detail>": message, ...},
//                    "format"?, "example"?, "legend"?, "pattern"?}, ...]}
// Fields in validation order, then the dial zone; "messages" holds every
// message that depends only on the field, the code and the detail, spelled
// by ExpandProblem; format/example/legend: the field's own pattern hint;
// pattern: its valueRegexp when the hint follows what was typed (a detail
// -2 - k, compact_problem.h: format_example_json(pattern, texts[k]) when read).
std::string compiled_problem_table_json(const CompiledConstraints& compiled);

// --- Normalisation, format hints, PIDF-LO, postal lines (facade_features.cc) ---
// Options are plain arguments here (the JS wrapper checks their types): no
// options document to parse keeps the wasm small.

// ok -> {"changes": [{"field","from","to","rule"}]}   (normalizer.h; the JS
// wrapper applies them to the address it was given)
std::string normalize_address_json(std::string_view constraints_json, std::string_view address_json);

// normalize_address_json with the compiled schema (CompiledConstraints::Normalize):
// the same answer for the same documents, without parsing the constraints again.
std::string compiled_normalize_json(const CompiledConstraints& compiled, std::string_view address_json);

// pattern: the valueRegexp itself (plain text, not JSON); typed: what was typed,
// which the sample follows where the pattern offers choices ("" = none).
// ok -> {"format": "9999 AA", "example": "1234 AB", "legend": "9 = digit, ..."}
//       or null when no honest sample exists (format_example.h)
std::string format_example_json(std::string_view pattern, std::string_view typed = {});

// ok -> {"xml": "<civicAddress ...>", "omitted": ["addrExtInfo1", ...]}   (civic_address.h)
// lang "" = no xml:lang.
std::string civic_address_xml_json(std::string_view address_json, std::string_view country, std::string_view lang);

// ok -> {"xml": "<?xml ...><presence ...>", "omitted": [...]}
std::string pidf_lo_json(std::string_view address_json, const PidfLoOptions& options);

// constraints_json: the addressconstraints document, or "" / "null" for none.
// ok -> {"lines": ["78 Rue de Vaugirard", "75015 Paris"]}   (address_format.h)
std::string format_address_json(std::string_view address_json, std::string_view country,
                                std::string_view constraints_json);

}  // namespace btalk

#endif  // BTALK_FACADE_H_
