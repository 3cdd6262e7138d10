// parse_response_json for every response kind on the same body, plus the
// order functions (they parse a body of the same JSON shape).
#include <cstdint>
#include <string_view>

#include "btalk/facade.h"
#include "fuzz_util.h"

namespace {
constexpr std::string_view kKinds[] = {"me",          "customers",      "vpns",      "country",
                                       "countries",   "orderResponse",  "voicesites", "geoAreas",
                                       "addressCandidates", "dialZones", "apiError",  "postalCodes",
                                       "parishes",    "notAKind"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  // Small bodies go through every kind; large ones (country files) through
  // one, picked by size, so the run stays fast and still reaches them all.
  constexpr std::size_t kCount = sizeof(kKinds) / sizeof(kKinds[0]);
  if (size <= 8192) {
    for (std::string_view kind : kKinds) btalk::fuzz::CheckEnvelope(btalk::parse_response_json(kind, body));
  } else {
    btalk::fuzz::CheckEnvelope(btalk::parse_response_json(kKinds[size % kCount], body));
  }
  btalk::fuzz::CheckEnvelope(btalk::order_request_json(body));
  return 0;
}
