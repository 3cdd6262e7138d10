// address_form_json: constraints \0 geographical constraints.
#include <cstdint>

#include "btalk/facade.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [constraints, geo] = btalk::fuzz::Split<2>(data, size);
  btalk::fuzz::CheckEnvelope(btalk::address_form_json(constraints, geo));
  return 0;
}
