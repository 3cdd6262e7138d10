// Helpers shared by the core's GoogleTest files: fixture reading and
// "this must parse" shortcuts that fail the test instead of aborting.
#ifndef BTALK_TESTS_CORE_TEST_UTIL_H_
#define BTALK_TESTS_CORE_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <gtest/gtest.h>

#include "btalk/address_constraints.h"
#include "btalk/geographical_constraints.h"

namespace btalk::test {

// A fixture from tests/core/data (read through NODERAWFS in the wasm build).
inline std::string ReadData(const std::string& name) {
  std::ifstream in(std::string(BTALK_TEST_DATA_DIR) + "/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The parsed value, or an empty one after recording a test failure.
template <typename T, typename Parsed>
T MustHold(Parsed&& parsed, std::string_view context) {
  if (auto* value = std::get_if<T>(&parsed)) return std::move(*value);
  ADD_FAILURE() << "did not parse: " << context << ": " << std::get<DocumentError>(parsed).message;
  return T();
}

inline AddressConstraints Constraints(std::string_view text) {
  return MustHold<AddressConstraints>(ParseAddressConstraintsText(text), text);
}

inline GeographicalConstraints Geo(std::string_view text) {
  return MustHold<GeographicalConstraints>(ParseGeographicalConstraintsText(text), text);
}

}  // namespace btalk::test

#endif  // BTALK_TESTS_CORE_TEST_UTIL_H_
