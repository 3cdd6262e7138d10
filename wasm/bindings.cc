// embind bindings: a thin pass-through to the core's JSON-text facade.
// All logic, validation and error handling live in core/; see facade.h.
#include <emscripten/bind.h>

#include <string>

#include "btalk/facade.h"

namespace {

std::string AddressForm(const std::string& constraints, const std::string& geo) {
  return btalk::address_form_json(constraints, geo);
}
std::string ValidateAddress(const std::string& constraints, const std::string& address,
                            const std::string& options) {
  return btalk::validate_address_json(constraints, address, options);
}
std::string ValidateOrder(const std::string& order) { return btalk::validate_order_json(order); }
std::string BuildOrderRequest(const std::string& order) {
  return btalk::build_order_request_json(order);
}
std::string ParseResponse(const std::string& kind, const std::string& body) {
  return btalk::parse_response_json(kind, body);
}

}  // namespace

EMSCRIPTEN_BINDINGS(btalk_core) {
  emscripten::function("version", &btalk::core_version);
  emscripten::function("addressForm", &AddressForm);
  emscripten::function("validateAddress", &ValidateAddress);
  emscripten::function("validateOrder", &ValidateOrder);
  emscripten::function("buildOrderRequest", &BuildOrderRequest);
  emscripten::function("parseResponse", &ParseResponse);
}
