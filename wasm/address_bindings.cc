// embind bindings shared by both wasm modules: what an address form uses (compiled
// constraints, address form, validation, normalisation, format hints, civic XML).
// A thin pass-through to the core's JSON-text facade; all logic lives in core/ (facade.h).
// The full module (btalk-core) adds wasm/bindings.cc; the address-only module
// (btalk-address-core) adds wasm/address_module.cc.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "btalk/compiled_constraints.h"
#include "btalk/facade.h"

namespace {

std::string AddressForm(const std::string& constraints, const std::string& geo) {
  return btalk::address_form_json(constraints, geo);
}
std::string ValidateAddress(const std::string& constraints, const std::string& address,
                            const std::string& options) {
  return btalk::validate_address_json(constraints, address, options);
}

// ---- compiled constraints: integer handles with explicit release ----------
// A handle is slot index + generation, so a released (or reused) handle is
// refused instead of reaching another object. The table lives here, not in
// core/ (the core keeps no globals); web/core.js owns every handle it gets.
constexpr int kMaxCompiled = 4096;  // live objects; more is an error
constexpr int kSlotBits = 12;       // 4096 slots

struct Slot {
  std::unique_ptr<btalk::CompiledConstraints> object;
  int generation = 0;
};
std::vector<Slot> slots;
std::vector<int> free_slots;
std::string last_answer;  // the details of the last packed validation

btalk::CompiledConstraints* Lookup(int handle) {
  const int index = handle & ((1 << kSlotBits) - 1);
  if (handle <= 0 || index >= static_cast<int>(slots.size())) return nullptr;
  Slot& slot = slots[index];
  return slot.object && slot.generation == (handle >> kSlotBits) ? slot.object.get() : nullptr;
}

const char kReleased[] =
    "{\"error\":{\"code\":\"disposed\",\"message\":\"The compiled constraints were disposed\"}}";

// ok -> {"handle": n, "fields": [...], "dialZoneIsField": bool}
std::string Compile(const std::string& constraints, const std::string& geo) {
  std::unique_ptr<btalk::CompiledConstraints> object;
  std::string answer = btalk::compile_constraints_json(constraints, geo, &object);
  if (!object) return answer;
  if (free_slots.empty() && slots.size() >= kMaxCompiled) {
    return "{\"error\":{\"code\":\"tooMany\",\"message\":\"Too many compiled constraints are alive (the limit is "
           "4096); dispose() the ones no longer used\"}}";
  }
  int index;
  if (free_slots.empty()) {
    index = static_cast<int>(slots.size());
    slots.emplace_back();
  } else {
    index = free_slots.back();
    free_slots.pop_back();
  }
  Slot& slot = slots[index];
  slot.generation = slot.generation % ((1 << (30 - kSlotBits)) - 1) + 1;
  slot.object = std::move(object);
  // {"ok":{...}} -> {"ok":{"handle":n,...}}: the envelope is ours, so splice.
  const int handle = (slot.generation << kSlotBits) | index;
  return answer.insert(7, "\"handle\":" + std::to_string(handle) + ",");
}

bool Release(int handle) {
  if (Lookup(handle) == nullptr) return false;
  const int index = handle & ((1 << kSlotBits) - 1);
  slots[index].object.reset();
  free_slots.push_back(index);
  return true;
}

std::string Form(int handle) {
  const btalk::CompiledConstraints* object = Lookup(handle);
  return object ? btalk::compiled_form_json(*object) : kReleased;
}

std::string SetGeoAreas(int handle, int level, const std::string& parents, const std::string& values) {
  btalk::CompiledConstraints* object = Lookup(handle);
  return object ? btalk::compiled_set_geo_areas_json(*object, level, parents, values) : kReleased;
}

std::string ClearGeoAreas(int handle) {
  btalk::CompiledConstraints* object = Lookup(handle);
  if (object == nullptr) return kReleased;
  object->ClearGeoAreas();
  return "{\"ok\":null}";
}

std::string ValidateJson(int handle, const std::string& address, const std::string& options) {
  const btalk::CompiledConstraints* object = Lookup(handle);
  return object ? btalk::compiled_validate_json(*object, address, options) : kReleased;
}

// What web/core-loader/core-problems.js needs to spell out compact problems.
std::string ProblemTable(int handle) {
  const btalk::CompiledConstraints* object = Lookup(handle);
  return object ? btalk::compiled_problem_table_json(*object) : kReleased;
}

std::string LastAnswer() {
  std::string answer;
  answer.swap(last_answer);
  return answer;
}

// The packed-input buffer: web/core.js encodes straight into it (TextEncoder
// encodeInto on the module's memory), so a validation passes two integers
// and nothing is copied or allocated at the boundary.
std::string input;

// Normalisation, format hints and civic XML (facade_features.cc).
std::string NormalizeAddress(const std::string& constraints, const std::string& address) {
  return btalk::normalize_address_json(constraints, address);
}
// The form's blur path: normalisation with the compiled schema (no re-parse).
std::string NormalizeCompiled(int handle, const std::string& address) {
  const btalk::CompiledConstraints* object = Lookup(handle);
  return object ? btalk::compiled_normalize_json(*object, address) : kReleased;
}
std::string FormatExample(const std::string& pattern, const std::string& typed) {
  return btalk::format_example_json(pattern, typed);
}
std::string CivicAddressXml(const std::string& address, const std::string& country, const std::string& lang) {
  return btalk::civic_address_xml_json(address, country, lang);
}
}  // namespace

// The btalk_* functions are plain wasm exports (Module._btalk_input_buffer ...), not
// embind functions: a direct call, the cheapest crossing there is.

// The buffer's address, grown to at least `bytes` (0 when `bytes` is not positive).
extern "C" EMSCRIPTEN_KEEPALIVE int btalk_input_buffer(int bytes) {
  if (bytes <= 0) return 0;
  if (input.size() < static_cast<std::size_t>(bytes)) input.resize(static_cast<std::size_t>(bytes));
  return static_cast<int>(reinterpret_cast<std::uintptr_t>(input.data()));
}

// The compact problems of the last btalk_validate_input (compiled_validate_compact
// in facade.h): JS reads the words and texts straight from the module's memory.
namespace {
std::vector<std::int32_t> compact_words;
std::string compact_texts;
}  // namespace

// ValidatePacked (compiled_constraints.h) over the first `length` bytes of the
// input buffer: how many problems were found, their numbers at
// btalk_compact_words() and the texts they point at at btalk_compact_texts();
// or -1 with the error envelope in compiledLastAnswer().
extern "C" EMSCRIPTEN_KEEPALIVE int btalk_validate_input(int handle, int length) {
  const btalk::CompiledConstraints* object = Lookup(handle);
  if (object == nullptr) {
    last_answer = kReleased;
    return -1;
  }
  if (length < 0 || static_cast<std::size_t>(length) > input.size()) length = 0;
  const long found = btalk::compiled_validate_compact(
      *object, std::string_view(input.data(), static_cast<std::size_t>(length)), &compact_words, &compact_texts);
  if (found < 0) last_answer.swap(compact_texts);
  return static_cast<int>(found);
}

extern "C" EMSCRIPTEN_KEEPALIVE int btalk_compact_words() {
  return static_cast<int>(reinterpret_cast<std::uintptr_t>(compact_words.data()));
}
extern "C" EMSCRIPTEN_KEEPALIVE int btalk_compact_texts() {
  return static_cast<int>(reinterpret_cast<std::uintptr_t>(compact_texts.data()));
}

EMSCRIPTEN_BINDINGS(btalk_address) {
  emscripten::function("version", &btalk::core_version);
  emscripten::function("addressForm", &AddressForm);
  emscripten::function("validateAddress", &ValidateAddress);
  emscripten::function("compileConstraints", &Compile);
  emscripten::function("releaseCompiled", &Release);
  emscripten::function("compiledForm", &Form);
  emscripten::function("compiledSetGeoAreas", &SetGeoAreas);
  emscripten::function("compiledClearGeoAreas", &ClearGeoAreas);
  emscripten::function("compiledValidate", &ValidateJson);
  emscripten::function("compiledLastAnswer", &LastAnswer);
  emscripten::function("compiledProblemTable", &ProblemTable);
  emscripten::function("normalizeAddress", &NormalizeAddress);
  emscripten::function("compiledNormalize", &NormalizeCompiled);
  emscripten::function("formatExample", &FormatExample);
  emscripten::function("civicAddressXml", &CivicAddressXml);
}
