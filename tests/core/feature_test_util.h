// Shared by the normaliser / format-example / PIDF-LO / postal-line tests:
// the stand-in's country files and every pattern file, read at run time.
#ifndef BTALK_TESTS_CORE_FEATURE_TEST_UTIL_H_
#define BTALK_TESTS_CORE_FEATURE_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "btalk/address_validator.h"
#include "btalk/json_util.h"

namespace btalk::test {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// BTALK_PATTERN_FILES: absolute paths separated by '|' (from CMake's glob).
inline std::vector<std::string> PatternFiles() {
  std::vector<std::string> files;
  const std::string list = BTALK_PATTERN_FILES;
  std::size_t start = 0;
  while (start < list.size()) {
    std::size_t end = list.find('|', start);
    if (end == std::string::npos) end = list.size();
    files.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return files;
}

inline Json CountryFile(const std::string& iso2) {
  std::variant<Json, DocumentError> parsed =
      ParseJson(ReadFile(std::string(BTALK_STANDIN_COUNTRIES_DIR) + "/" + iso2 + ".json"));
  if (auto* json = std::get_if<Json>(&parsed)) return std::move(*json);
  ADD_FAILURE() << "cannot read the stand-in file of " << iso2;
  return Json::object();
}

inline Address AddressOf(const Json& object) {
  std::variant<Address, DocumentError> address = AddressFromJson(object);
  if (auto* value = std::get_if<Address>(&address)) return std::move(*value);
  ADD_FAILURE() << "not an address: " << DumpJson(object);
  return Address();
}

// The 30 countries of the API's table (seed): each has a sampleAddress.
inline const std::vector<std::string>& TableCountries() {
  static const std::vector<std::string> codes = {"AT", "AU", "BE", "BL", "CH", "CZ", "DE", "DK", "ES", "FI",
                                                 "FR", "GB", "GF", "GP", "HK", "IE", "IT", "LU", "MF", "MQ",
                                                 "NL", "NO", "NZ", "PL", "PT", "RE", "SE", "SJ", "US", "YT"};
  return codes;
}

}  // namespace btalk::test

#endif  // BTALK_TESTS_CORE_FEATURE_TEST_UTIL_H_
