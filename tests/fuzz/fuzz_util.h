// Shared by the libFuzzer harnesses: splitting one input into the documents a
// facade function takes. Parts are separated by NUL bytes (JSON text never
// holds a raw NUL), so seeds are readable files: part1 \0 part2 \0 part3.
#ifndef BTALK_TESTS_FUZZ_FUZZ_UTIL_H_
#define BTALK_TESTS_FUZZ_FUZZ_UTIL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

namespace btalk::fuzz {

template <std::size_t N>
std::array<std::string_view, N> Split(const std::uint8_t* data, std::size_t size) {
  std::array<std::string_view, N> parts{};
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  for (std::size_t i = 0; i + 1 < N; ++i) {
    const std::size_t nul = rest.find('\0');
    if (nul == std::string_view::npos) {
      parts[i] = rest;
      return parts;
    }
    parts[i] = rest.substr(0, nul);
    rest.remove_prefix(nul + 1);
  }
  parts[N - 1] = rest;
  return parts;
}

// Every facade answer is one JSON object: {"ok": ...} or {"error": {code, message}}.
inline void CheckEnvelope(const std::string& text) {
  const nlohmann::json envelope = nlohmann::json::parse(text, nullptr, false);
  if (envelope.is_discarded() || !envelope.is_object() || envelope.size() != 1) std::abort();
  if (envelope.contains("error")) {
    const nlohmann::json& error = envelope["error"];
    if (!error.is_object() || !error.contains("code") || !error["code"].is_string() ||
        !error.contains("message") || !error["message"].is_string()) {
      std::abort();
    }
  } else if (!envelope.contains("ok")) {
    std::abort();
  }
}

}  // namespace btalk::fuzz

#endif  // BTALK_TESTS_FUZZ_FUZZ_UTIL_H_
