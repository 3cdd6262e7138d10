// embind bindings of the address-only module (btalk-address-core) on top of
// wasm/address_bindings.cc: parseResponse limited to the kinds an address form reads
// (parse_address_response_json), so LTO drops the order and customer parsers. Orders,
// PIDF-LO and postal lines are not bound: web/core.js answers those calls with a clear error.
#include <emscripten/bind.h>

#include <string>

#include "btalk/facade.h"

namespace {

std::string ParseResponse(const std::string& kind, const std::string& body) {
  return btalk::parse_address_response_json(kind, body);
}

}  // namespace

EMSCRIPTEN_BINDINGS(btalk_address_core) {
  emscripten::function("parseResponse", &ParseResponse);
}
