// ParseJson walks the JSON grammar itself over nlohmann's lexer (smaller than
// nlohmann's parser in the wasm). Differential: on every input it must agree
// with nlohmann's own parser, except where ParseJson refuses up front by its
// documented limits (size, blank text, nesting depth).
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "btalk/json_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto ours = btalk::ParseJson(text);
  const btalk::Json theirs = btalk::Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false,
                                                /*ignore_comments=*/false);
  if (const btalk::Json* value = std::get_if<btalk::Json>(&ours)) {
    // Accepted: nlohmann accepts it too, with the same value and spelling.
    if (theirs.is_discarded() || *value != theirs || value->dump() != theirs.dump()) std::abort();
    return 0;
  }
  const btalk::DocumentError& error = std::get<btalk::DocumentError>(ours);
  if (error.code != "invalidJson") std::abort();
  // Refused as not JSON: nlohmann must refuse it too. (The size, blank and
  // depth refusals are limits of ours, checked before any parsing.)
  if (error.message == "The document is not valid JSON" && !theirs.is_discarded()) std::abort();
  return 0;
}
