// embind bindings of the full module (btalk-core) on top of wasm/address_bindings.cc:
// orders (one call validates and builds), every response kind, PIDF-LO and postal lines.
// A thin pass-through to the core's JSON-text facade; all logic lives in core/ (facade.h).
#include <emscripten/bind.h>

#include <string>

#include "btalk/civic_address.h"
#include "btalk/facade.h"

namespace {

// One call validates and builds (order.h PrepareOrder): web/core-loader/core-order.js
// makes validateOrder, buildOrderRequest and orderRequest of it.
std::string OrderRequest(const std::string& order) { return btalk::order_request_json(order); }
std::string ParseResponse(const std::string& kind, const std::string& body) {
  return btalk::parse_response_json(kind, body);
}

// PIDF-LO and postal lines (facade_features.cc).
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
  emscripten::function("orderRequest", &OrderRequest);
  emscripten::function("parseResponse", &ParseResponse);
  emscripten::function("pidfLo", &PidfLo);
  emscripten::function("formatAddress", &FormatAddress);
}
