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

// Normalisation, format hints, PIDF-LO and postal lines (facade_features.cc).
std::string NormalizeAddress(const std::string& constraints, const std::string& address) {
  return btalk::normalize_address_json(constraints, address);
}
std::string FormatExample(const std::string& pattern) { return btalk::format_example_json(pattern); }
std::string CivicAddressXml(const std::string& address, const std::string& country, const std::string& lang) {
  return btalk::civic_address_xml_json(address, country, lang);
}
std::string PidfLo(const std::string& address, const std::string& entity, const std::string& country,
                   const std::string& lang, const std::string& tuple_id, const std::string& timestamp,
                   const std::string& retention_expiry, bool retransmission_allowed, const std::string& method) {
  btalk::PidfLoOptions options;
  options.civic = {country, lang};
  options.entity = entity;
  if (!tuple_id.empty()) options.tuple_id = tuple_id;
  options.timestamp = timestamp;
  options.retention_expiry = retention_expiry;
  options.retransmission_allowed = retransmission_allowed;
  options.method = method;
  return btalk::pidf_lo_json(address, options);
}
std::string FormatAddress(const std::string& address, const std::string& country, const std::string& constraints) {
  return btalk::format_address_json(address, country, constraints);
}

}  // namespace

EMSCRIPTEN_BINDINGS(btalk_core) {
  emscripten::function("version", &btalk::core_version);
  emscripten::function("addressForm", &AddressForm);
  emscripten::function("validateAddress", &ValidateAddress);
  emscripten::function("validateOrder", &ValidateOrder);
  emscripten::function("buildOrderRequest", &BuildOrderRequest);
  emscripten::function("parseResponse", &ParseResponse);
  emscripten::function("normalizeAddress", &NormalizeAddress);
  emscripten::function("formatExample", &FormatExample);
  emscripten::function("civicAddressXml", &CivicAddressXml);
  emscripten::function("pidfLo", &PidfLo);
  emscripten::function("formatAddress", &FormatAddress);
}
