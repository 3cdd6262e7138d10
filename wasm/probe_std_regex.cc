// Size probe only (BTALK_PROBE_STD_REGEX, never shipped): what std::regex would
// add to the module if patterns were matched with it instead of btalk::Regex.
#include <emscripten/bind.h>

#include <regex>
#include <string>

namespace {
bool StdRegexFullMatch(const std::string& pattern, const std::string& text) {
  std::regex re(pattern, std::regex::ECMAScript);
  return std::regex_match(text, re);
}
}  // namespace

EMSCRIPTEN_BINDINGS(btalk_probe_std_regex) {
  emscripten::function("probeStdRegexFullMatch", &StdRegexFullMatch);
}
