// Cost of what the browser does per keystroke: validate a whole address
// through the JSON facade (parse schema + address, compile patterns, check).
#include <benchmark/benchmark.h>

#include <string>

#include "btalk/facade.h"

namespace {

// A realistic schema: 20 fields, a third of them with patterns, two enumerations.
std::string Schema() {
  static const char* const kNames[] = {"a2", "a3", "a4", "a5", "a6", "hno", "hns", "sts", "flr", "bld",
                                       "room", "pcn", "pobox", "unit", "addrExtInfo1", "addrExtInfo2",
                                       "addrExtInfo3", "addrExtInfo4"};
  std::string s = "{";
  int i = 0;
  for (const char* name : kNames) {
    ++i;
    s += std::string("\"") + name + "\":{\"usage\":\"optional\",\"defaultLabel\":\"Field " +
         std::to_string(i) + "\",\"valueType\":\"freestring\",\"minLength\":0,\"maxLength\":100,\"position\":" +
         std::to_string(i * 10) + ",\"valueRegexp\":\"" +
         (i % 3 == 0 ? "^[A-Za-z\\u00C0-\\u00FF' -]{1,100}$" : "") + "\"},";
  }
  s += "\"pc\":{\"usage\":\"mandatory\",\"valueType\":\"freestring\",\"minLength\":4,\"maxLength\":8,"
       "\"valueRegexp\":\"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$\",\"position\":5}";
  s += ",\"a1\":{\"usage\":\"mandatory\",\"valueType\":\"enumerationAssociative\",\"possibleValues\":[";
  for (int k = 0; k < 60; ++k) {
    if (k) s += ",";
    s += "{\"value\":\"S" + std::to_string(k) + "\",\"display\":\"State " + std::to_string(k) + "\"}";
  }
  s += "],\"position\":1}}";
  return s;
}

std::string Address() {
  std::string s = "{\"pc\":\"SW1A 1AA\",\"a1\":\"S42\",\"hno\":\"12\",\"room\":\"B-204\"";
  for (const char* name : {"a3", "a6", "addrExtInfo1", "addrExtInfo2", "bld", "unit"}) {
    s += std::string(",\"") + name + "\":\"Rue de l'Église\"";
  }
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
