// Small helpers that keep nlohmann::json total under JSON_NOEXCEPTION:
// every accessor checks the type first, so nothing can throw (= abort).
#ifndef BTALK_JSON_UTIL_H_
#define BTALK_JSON_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <nlohmann/json.hpp>

#include "btalk/problem.h"

namespace btalk {

using Json = nlohmann::json;

// Documents larger than this are refused before parsing.
inline constexpr std::size_t kMaxDocumentBytes = 4u * 1024u * 1024u;
// Deeper nesting is refused before parsing (no API document needs it, and
// recursive walks such as dump() must not exhaust the wasm stack).
inline constexpr std::size_t kMaxJsonDepth = 256;

// Parses JSON text; never throws. Errors use code "invalidJson".
std::variant<Json, DocumentError> ParseJson(std::string_view text);

// True when `text` is empty or only whitespace.
bool IsBlank(std::string_view text);

// An object of (key, value) pairs. Use it instead of nlohmann's
// initializer-list constructor (Json{{"k", v}, ...}), which builds a
// two-element array per pair, then checks whether the whole list looks like an
// object, all inlined at every call site (~0.8 KB of gzip wasm in api_responses.cc alone).
Json JsonObject(std::initializer_list<std::pair<const char*, Json>> members);

// Serialises with invalid UTF-8 replaced (never throws).
std::string DumpJson(const Json& value);

// A document value as messages quote it: its JSON spelling, abbreviated to
// 40 code points.
std::string QuotedJson(const Json& value);

// The member `key` of object `obj`: exact match first, then ASCII
// case-insensitive (APIs vary between voiceSiteId / voicesiteId). nullptr
// when `obj` is not an object or has no such member.
const Json* FindMember(const Json& obj, std::string_view key);

// Text of a scalar: strings as is, numbers in their JSON spelling (75001,
// 1.5), booleans/null/arrays/objects -> nullopt.
std::optional<std::string> ScalarText(const Json& value);

// A whole number >= 0 from a number or a numeric string ("5", " 5 ", 5.0).
// nullopt for anything else (negative, fractional, "abc", > 2^53).
std::optional<std::uint64_t> NonNegativeInteger(const Json& value);

// A number from a number or a numeric string ("10", "-2.5").
std::optional<double> NumberOf(const Json& value);

// `text` without Unicode whitespace (White_Space property plus U+FEFF) at
// either end.
std::string_view TrimUnicode(std::string_view text);

// True for the Unicode White_Space code points (and U+FEFF, as JS trim()).
bool IsUnicodeSpace(char32_t cp);

// ASCII-only case-insensitive equality.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// `text` with ASCII a-z upper-cased; every other byte is kept (ISO codes).
std::string UpperAscii(std::string text);

// At most `max_code_points` code points of `text`, with "..." when cut, so
// user values quoted in messages stay short.
std::string Abbreviate(std::string_view text, std::size_t max_code_points);

}  // namespace btalk

#endif  // BTALK_JSON_UTIL_H_
