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

#include <nlohmann/json.hpp>

#include "btalk/address_constraints.h"
#include "btalk/geographical_constraints.h"
#include "btalk/json_util.h"

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

// The value `from_json` reads from the JSON text (an address, an order...), or an empty one after
// recording a test failure.
template <typename T, typename FromJson>
T FromJsonText(std::string_view json_text, FromJson from_json) {
  std::variant<Json, DocumentError> doc = ParseJson(json_text);
  if (!std::holds_alternative<Json>(doc)) {
    ADD_FAILURE() << "not JSON: " << json_text;
    return T();
  }
  return MustHold<T>(from_json(std::get<Json>(doc)), json_text);
}

// A facade answer, which must be a JSON envelope with exactly "ok" or "error" (an empty object
// after recording a test failure).
inline nlohmann::json Envelope(const std::string& text) {
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << text.substr(0, 200);
  EXPECT_TRUE(parsed.is_object()) << text.substr(0, 200);
  EXPECT_EQ(parsed.size(), 1u) << text.substr(0, 200);
  return parsed.is_object() ? parsed : nlohmann::json::object();
}

inline AddressConstraints Constraints(std::string_view text) {
  return MustHold<AddressConstraints>(ParseAddressConstraintsText(text), text);
}

inline GeographicalConstraints Geo(std::string_view text) {
  return MustHold<GeographicalConstraints>(ParseGeographicalConstraintsText(text), text);
}

}  // namespace btalk::test

#endif  // BTALK_TESTS_CORE_TEST_UTIL_H_
