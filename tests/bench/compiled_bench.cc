// The compiled path natively, on the very work `npm run bench:wasm` gives the
// wasm module: scripts/bench-wasm.js writes, per country, the schema, the geo
// area tree, the one address it validates per call and the 10,000-address
// batch of validateMany to $BTALK_BENCH_DATA/<ISO2>.json; they are packed
// here (untimed) as web/core.js packs them. Without that variable these
// benchmarks skip.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "btalk/compiled_constraints.h"
#include "btalk/json_util.h"

namespace {

struct Work {
  std::optional<btalk::CompiledConstraints> compiled;
  btalk::Address address;  // the one address, as a C++ consumer holds it
  std::string one;    // one packed address
  std::string batch;  // the packed batch
  std::vector<btalk::Address> addresses;  // the batch, as a C++ consumer holds it
  std::size_t batch_size = 0;
  std::string error;
};

// Stores the /geoareas tree as web/core.js's setGeoAreas calls do.
void AddAreas(btalk::CompiledConstraints& compiled, const btalk::Json& list, int level,
              std::vector<std::string>& parents) {
  if (!list.is_array() || level > btalk::kGeoLevels) return;
  std::vector<std::string> values;
  for (const btalk::Json& node : list) {
    const btalk::Json* value = btalk::FindMember(node, "value");
    if (value && value->is_string()) values.push_back(value->get<std::string>());
  }
  compiled.SetGeoAreas(level, parents, values);
  for (const btalk::Json& node : list) {
    const btalk::Json* value = btalk::FindMember(node, "value");
    const btalk::Json* children = btalk::FindMember(node, "children");
    if (!value || !value->is_string() || !children) continue;
    parents.push_back(value->get<std::string>());
    AddAreas(compiled, *children, level + 1, parents);
    parents.pop_back();
  }
}

// One record of the packed format (compiled_constraints.h, ValidatePacked).
std::string Pack(const btalk::CompiledConstraints& compiled, const btalk::Json& object) {
  auto read = btalk::AddressFromJson(object);
  const btalk::Address* address = std::get_if<btalk::Address>(&read);
  if (address == nullptr) return std::string();
  const std::size_t count = compiled.field_count();
  std::string flags(count + 1, '0');
  std::string texts, unknown;
  std::size_t unknown_count = 0;
  for (std::size_t i = 0; i <= count; ++i) {
    auto it = address->find(i < count ? compiled.field_name(i) : std::string(btalk::kDialZoneField));
    if (it == address->end() || (i == count && compiled.dial_zone_is_field())) continue;
    if (!it->second.is_text) {
      flags[i] = 'x';
    } else {
      flags[i] = 't';
      texts += it->second.text + '\0';
    }
  }
  for (const auto& [name, value] : *address) {
    if (name == btalk::kDialZoneField || compiled.FieldIndex(name) < count) continue;
    unknown += name + '\0';
    ++unknown_count;
  }
  return flags + std::to_string(unknown_count) + '\0' + texts + unknown;
}

Work Load(const char* iso2) {
  Work work;
  const char* dir = std::getenv("BTALK_BENCH_DATA");
  if (dir == nullptr) {
    work.error = "set BTALK_BENCH_DATA (npm run bench:wasm does)";
    return work;
  }
  std::ifstream in(std::string(dir) + "/" + iso2 + ".json", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = btalk::ParseJson(text.str());
  const btalk::Json* doc = std::get_if<btalk::Json>(&parsed);
  if (doc == nullptr) {
    work.error = std::string("cannot read ") + dir + "/" + iso2 + ".json";
    return work;
  }
  auto compiled = btalk::CompiledConstraints::FromText((*doc)["constraints"].dump(), (*doc)["geo"].dump());
  if (auto* error = std::get_if<btalk::DocumentError>(&compiled)) {
    work.error = error->message;
    return work;
  }
  work.compiled.emplace(std::move(std::get<btalk::CompiledConstraints>(compiled)));
  std::vector<std::string> parents;
  AddAreas(*work.compiled, (*doc)["geoAreas"], 1, parents);
  work.one = Pack(*work.compiled, (*doc)["one"]);
  auto address = btalk::AddressFromJson((*doc)["one"]);
  if (auto* read = std::get_if<btalk::Address>(&address)) work.address = std::move(*read);
  for (const btalk::Json& address : (*doc)["batch"]) {
    work.batch += Pack(*work.compiled, address);
    auto read = btalk::AddressFromJson(address);
    if (auto* map = std::get_if<btalk::Address>(&read)) work.addresses.push_back(std::move(*map));
  }
  work.batch_size = (*doc)["batch"].size();
  return work;
}

// The country's work, or nothing after telling the benchmark why it is skipped.
std::optional<Work> LoadOrSkip(benchmark::State& state, const char* iso2) {
  Work work = Load(iso2);
  if (!work.error.empty()) {
    state.SkipWithError(work.error.c_str());
    return std::nullopt;
  }
  return work;
}

// ValidatePacked over `packed` (the one address or the batch) for as long as the benchmark runs; how many
// addresses the last run found invalid.
std::size_t ValidatePackedWhileRunning(benchmark::State& state, const Work& work, const std::string& packed) {
  std::vector<std::pair<std::size_t, std::vector<btalk::Problem>>> invalid;
  for (auto _ : state) {
    invalid.clear();
    benchmark::DoNotOptimize(btalk::ValidatePacked(*work.compiled, packed, invalid));
  }
  return invalid.size();
}

void BM_CompiledValidate(benchmark::State& state, const char* iso2) {
  std::optional<Work> loaded = LoadOrSkip(state, iso2);
  if (!loaded) return;
  if (ValidatePackedWhileRunning(state, *loaded, loaded->one) != 0) state.SkipWithError("the sample address is not valid");
}

// The native API a C++ consumer calls: Validate(const Address&).
void BM_CompiledValidateAddress(benchmark::State& state, const char* iso2) {
  std::optional<Work> loaded = LoadOrSkip(state, iso2);
  if (!loaded) return;
  Work& work = *loaded;
  for (auto _ : state) benchmark::DoNotOptimize(work.compiled->Validate(work.address));
  if (!work.compiled->Validate(work.address).empty()) state.SkipWithError("the sample address is not valid");
}

void BM_CompiledValidateMany(benchmark::State& state, const char* iso2) {
  std::optional<Work> loaded = LoadOrSkip(state, iso2);
  if (!loaded) return;
  const Work& work = *loaded;
  const std::size_t invalid = ValidatePackedWhileRunning(state, work, work.batch);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * work.batch_size));
  state.SetLabel(std::to_string(work.batch_size) + " addresses, " + std::to_string(invalid) + " invalid");
}

// The batch through the native API a C++ consumer calls: Validate(const
// Address&) for each of its Address maps (what the wasm side's validateMany
// starts from is the JS objects, which it packs itself).
void BM_CompiledValidateAddressMany(benchmark::State& state, const char* iso2) {
  std::optional<Work> loaded = LoadOrSkip(state, iso2);
  if (!loaded) return;
  Work& work = *loaded;
  std::size_t invalid = 0;
  for (auto _ : state) {
    invalid = 0;
    for (const btalk::Address& address : work.addresses) invalid += !work.compiled->Validate(address).empty();
    benchmark::DoNotOptimize(invalid);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * work.addresses.size()));
  state.SetLabel(std::to_string(work.addresses.size()) + " addresses, " + std::to_string(invalid) + " invalid");
}

// Each benchmark for France, Switzerland and the United States, named as BENCHMARK_CAPTURE names them
// (BM_CompiledValidate/FR ...): scripts/bench-wasm.js reads those names.
[[maybe_unused]] const bool kRegistered = [] {
  using Benchmark = void (*)(benchmark::State&, const char*);
  const std::pair<const char*, Benchmark> benchmarks[] = {
      {"BM_CompiledValidate", BM_CompiledValidate},
      {"BM_CompiledValidateAddress", BM_CompiledValidateAddress},
      {"BM_CompiledValidateMany", BM_CompiledValidateMany},
      {"BM_CompiledValidateAddressMany", BM_CompiledValidateAddressMany},
  };
  for (const auto& [name, run] : benchmarks) {
    for (const char* iso2 : {"FR", "CH", "US"}) {
      benchmark::RegisterBenchmark((std::string(name) + "/" + iso2).c_str(), run, iso2);
    }
  }
  return true;
}();

}  // namespace
