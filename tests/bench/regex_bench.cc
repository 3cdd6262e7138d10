// Regex engine figures: compile cost and match throughput, including the
// patterns that make backtracking engines explode. Prints numbers only.
#include <benchmark/benchmark.h>

#include <string>
#include <variant>

#include "btalk/regex.h"

namespace {

const char* const kUkPostcode = "^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$";
const char* const kFrenchName = "^[a-zA-ZÀ-ÖØ-öø-ÿ' -]+$";

btalk::Regex Compile(const char* pattern) {
  auto result = btalk::Regex::Compile(pattern);
  return std::get<btalk::Regex>(std::move(result));
}

void BM_CompileUkPostcode(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(btalk::Regex::Compile(kUkPostcode));
}
BENCHMARK(BM_CompileUkPostcode);

void BM_CompileLargeExpansion(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(btalk::Regex::Compile("(a{1000}){19}"));
}
BENCHMARK(BM_CompileLargeExpansion);

void BM_CompileRejectedExpansion(benchmark::State& state) {
  // Must stop at the cap, not expand 10^9 copies.
  for (auto _ : state) benchmark::DoNotOptimize(btalk::Regex::Compile("((a{1000}){1000}){1000}"));
}
BENCHMARK(BM_CompileRejectedExpansion);

void BM_MatchUkPostcode(benchmark::State& state) {
  const btalk::Regex re = Compile(kUkPostcode);
  for (auto _ : state) benchmark::DoNotOptimize(re.FullMatch("SW1A 1AA"));
}
BENCHMARK(BM_MatchUkPostcode);

void BM_MatchFrenchName(benchmark::State& state) {
  const btalk::Regex re = Compile(kFrenchName);
  for (auto _ : state) benchmark::DoNotOptimize(re.FullMatch("L'Haÿ-les-Roses"));
}
BENCHMARK(BM_MatchFrenchName);

// ^(a+)+$ on a...a! : exponential for backtracking, linear here.
void BM_NestedPlusNoMatch(benchmark::State& state) {
  const btalk::Regex re = Compile("^(a+)+$");
  const std::string text = std::string(static_cast<std::size_t>(state.range(0)), 'a') + "!";
  for (auto _ : state) benchmark::DoNotOptimize(re.FullMatch(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_NestedPlusNoMatch)->RangeMultiplier(10)->Range(10, 100000);

void BM_AltStarNoMatch(benchmark::State& state) {
  const btalk::Regex re = Compile("(a|aa)*b");
  const std::string text(static_cast<std::size_t>(state.range(0)), 'a');
  for (auto _ : state) benchmark::DoNotOptimize(re.FullMatch(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_AltStarNoMatch)->RangeMultiplier(10)->Range(10, 100000);

// Throughput on 1 MB of mixed ASCII / 2-byte UTF-8 text.
void BM_OneMegabyte(benchmark::State& state) {
  const btalk::Regex re = Compile("^([a-zé]+ )*$");
  std::string text;
  while (text.size() + 6 <= (1 << 20)) text += "ab\xC3\xA9" "c ";
  for (auto _ : state) benchmark::DoNotOptimize(re.FullMatch(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_OneMegabyte);

// Worst case for the VM: a wide program where every pc stays live.
void BM_WideProgram(benchmark::State& state) {
  const btalk::Regex re = Compile("(a?){500}a{500}");
  const std::string text(750, 'a');
  for (auto _ : state) benchmark::DoNotOptimize(re.FullMatch(text));
  state.counters["program_size"] = static_cast<double>(re.program_size());
}
BENCHMARK(BM_WideProgram);

}  // namespace
