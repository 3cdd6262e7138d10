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

#include <string>
#include <string_view>

namespace btalk {

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
// ok -> {"valid": bool, "problems": [...]}
std::string validate_order_json(std::string_view order_json);

// ok -> {"body": {...API request body...}}; error code "invalidOrder" with
// "problems" when the order does not validate.
std::string build_order_request_json(std::string_view order_json);

// Normalises an API response body of the given kind (see api_responses.h).
std::string parse_response_json(std::string_view kind, std::string_view body);

}  // namespace btalk

#endif  // BTALK_FACADE_H_
