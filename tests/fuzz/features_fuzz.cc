// libFuzzer target for the normaliser, format examples, PIDF-LO export and
// postal lines: any bytes must give an answer (never a crash, a hang or
// unbounded memory), and every example must pass its own pattern.
// Build and run (clang 14, from the repository root):
//   clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -DJSON_NOEXCEPTION -Icore/include \
//     tests/fuzz/features_fuzz.cc core/src/*.cc -o /tmp/features_fuzz && /tmp/features_fuzz -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "btalk/facade.h"
#include "btalk/format_example.h"
#include "btalk/regex.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The pattern alone.
  btalk::PatternExample example = btalk::FormatExample(input);
  if (!example.empty()) {
    std::variant<btalk::Regex, btalk::RegexError> regex = btalk::Regex::Compile(input);
    if (!std::holds_alternative<btalk::Regex>(regex) || !std::get<btalk::Regex>(regex).FullMatch(example.example)) {
      std::abort();  // a sample the pattern refuses
    }
  }
  // Split in two: constraints / address documents.
  const std::size_t cut = input.find('\n');
  const std::string_view first = input.substr(0, cut);
  const std::string_view second = cut == std::string_view::npos ? std::string_view() : input.substr(cut + 1);
  btalk::normalize_address_json(first, second);
  btalk::civic_address_xml_json(second, "FR", "fr");
  btalk::format_address_json(second, "US", first);
  btalk::PidfLoOptions options;
  options.civic.country = "CH";
  options.entity = "pres:a@b";
  btalk::pidf_lo_json(second, options);
  return 0;
}
