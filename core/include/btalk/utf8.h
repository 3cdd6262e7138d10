// A tiny UTF-8 decoder shared by the regex engine and the length checks.
//
// Lengths and patterns count Unicode code points (what a user sees as
// characters, near enough), not bytes. Invalid input never fails: each
// maximal invalid subsequence (as in the WHATWG Encoding standard) decodes to
// one U+FFFD, so counts and matches are defined for any byte string.
#ifndef BTALK_UTF8_H_
#define BTALK_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace btalk {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes the code point starting at byte `pos` of `s` into `cp` and moves
// `pos` past it. Returns false (leaving `pos` and `cp` alone) when `pos` is at
// or past the end. Invalid, overlong, surrogate or truncated sequences give
// U+FFFD and consume at least one byte, so a loop always terminates.
bool DecodeNext(std::string_view s, std::size_t& pos, char32_t& cp);

// Number of code points in `s` (invalid sequences count as one each).
std::size_t CodePointCount(std::string_view s);

// Byte length of the longest well-formed UTF-8 prefix of `s`: s.size() when
// `s` is well-formed, else the offset where the first invalid sequence starts
// (a literal U+FFFD is well-formed; only substitutions count).
std::size_t ValidUtf8Prefix(std::string_view s);

// True when `s` is well-formed UTF-8 (no U+FFFD substitution needed).
bool IsValidUtf8(std::string_view s);

// What stands for a lone UTF-16 surrogate once JSON text is made parseable:
// U+10FFFF, a noncharacter, never valid in an address either.
inline constexpr std::string_view kLoneSurrogateMark = "\xF4\x8F\xBF\xBF";

// JS strings may hold lone surrogates; JSON.stringify writes them as `\ud800`
// escapes and Emscripten's UTF-8 conversion as ED A0..BF xx bytes, and the
// JSON parser refuses both. Returns `json_text` with each lone surrogate (an
// escape without its pair, or those three bytes) replaced by the escape or the
// bytes of kLoneSurrogateMark, and false in `found` when there was none (then
// the result is empty and `json_text` can be used as is). Linear time.
std::string MarkLoneSurrogates(std::string_view json_text, bool& found);

// Replaces each kLoneSurrogateMark in `s` by U+FFFD, in place; true when there was one.
bool UnmarkLoneSurrogates(std::string& s);

}  // namespace btalk

#endif  // BTALK_UTF8_H_
