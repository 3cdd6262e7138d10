// validate_address_json: constraints \0 address \0 options.
#include <cstdint>

#include "btalk/facade.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [constraints, address, options] = btalk::fuzz::Split<3>(data, size);
  btalk::fuzz::CheckEnvelope(btalk::validate_address_json(constraints, address, options));
  return 0;
}
