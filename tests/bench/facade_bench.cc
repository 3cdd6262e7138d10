// Cost of what the browser does per keystroke: validate a whole address
// through the JSON facade (parse schema + address, compile patterns, check).
#include <benchmark/benchmark.h>

#include <string>

#include "btalk/facade.h"

namespace {

// A realistic schema: 20 fields, a third of them with patterns, two enumerations.
std::string Schema() {
  std::string s = "{";
  for (int i = 1; i <= 20; ++i) {
    if (i > 1) s += ",";
    std::string name = "addrExtInfo" + std::to_string(i <= 10 ? i : i - 10);
    if (i > 10) name = std::string("a") + std::to_string(i - 10 <= 6 ? i - 10 : 6) + "x" + std::to_string(i);
    s += "\"" + name + "\":{\"usage\":\"optional\",\"defaultLabel\":\"Field " + std::to_string(i) +
         "\",\"valueType\":\"freestring\",\"minLength\":0,\"maxLength\":100,\"position\":" +
         std::to_string(i * 10) + ",\"valueRegexp\":\"" +
         (i % 3 == 0 ? "^[A-Za-z\\u00C0-\\u00FF' -]{1,100}$" : "") + "\"}";
  }
  s += ",\"pc\":{\"usage\":\"mandatory\",\"valueType\":\"freestring\",\"minLength\":4,\"maxLength\":8,"
       "\"valueRegexp\":\"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$\",\"position\":5}";
  s += ",\"a1\":{\"usage\":\"mandatory\",\"valueType\":\"enumerationAssociative\",\"possibleValues\":[";
  for (int i = 0; i < 60; ++i) {
    if (i) s += ",";
    s += "{\"value\":\"S" + std::to_string(i) + "\",\"display\":\"State " + std::to_string(i) + "\"}";
  }
  s += "],\"position\":1}}";
  return s;
}

std::string Address() {
  std::string s = "{\"pc\":\"SW1A 1AA\",\"a1\":\"S42\"";
  for (int i = 1; i <= 10; ++i) s += ",\"addrExtInfo" + std::to_string(i) + "\":\"Rue de l'Église\"";
  return s + "}";
}

void BM_ValidateAddress(benchmark::State& state) {
  const std::string schema = Schema();
  const std::string address = Address();
  for (auto _ : state) {
    benchmark::DoNotOptimize(btalk::validate_address_json(schema, address, "{}"));
  }
  state.SetLabel(std::to_string(schema.size()) + " B schema");
}
BENCHMARK(BM_ValidateAddress);

void BM_AddressForm(benchmark::State& state) {
  const std::string schema = Schema();
  for (auto _ : state) benchmark::DoNotOptimize(btalk::address_form_json(schema, ""));
}
BENCHMARK(BM_AddressForm);

}  // namespace
