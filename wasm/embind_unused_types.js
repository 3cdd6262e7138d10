// Emscripten JS library (linked with --js-library after embind's own): embind
// registers every built-in C++ type at start-up, and each registration pulls
// its JS marshalling into the glue. The bindings (wasm/*.cc) only cross the
// boundary with void, bool, int and std::string, so the registrations of the
// types below are no-ops here and their marshalling code (UTF-16/UTF-32
// strings, typed-array views, floats, emscripten::val handles, BigInt) is not
// in the glue: -1.0 KB gzip.
// A binding that takes or returns one of them fails loudly, at the first call:
// "Cannot call <name> due to unbound types: ...". Remove its line to use it.
mergeInto(LibraryManager.library, {
  _embind_register_std_wstring__deps: [],
  _embind_register_std_wstring: function() {},  // std::wstring, std::u16string, std::u32string
  _embind_register_memory_view__deps: [],
  _embind_register_memory_view: function() {},  // emscripten::memory_view<T>
  _embind_register_float__deps: [],
  _embind_register_float: function() {},  // float, double
  _embind_register_emval__deps: [],
  _embind_register_emval: function() {},  // emscripten::val
  _embind_register_bigint__deps: [],
  _embind_register_bigint: function() {},  // int64_t, uint64_t
});
