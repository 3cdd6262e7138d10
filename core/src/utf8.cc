#include "btalk/utf8.h"

namespace btalk {
namespace {

// Decodes one code point; `valid` tells a real U+FFFD from a substitution.
bool Decode(std::string_view s, std::size_t& pos, char32_t& cp, bool& valid) {
  if (pos >= s.size()) return false;
  const unsigned char lead = static_cast<unsigned char>(s[pos]);
  valid = false;
  if (lead < 0x80) {
    cp = lead;
    ++pos;
    valid = true;
    return true;
  }
  std::size_t need;
  char32_t value;
  // The first continuation byte's range excludes overlongs, surrogates and
  // values above U+10FFFF, so later bytes only need the plain 80..BF check.
  unsigned char lo = 0x80, hi = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    value = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    value = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    cp = kReplacementCharacter;
    ++pos;
    return true;
  }
  std::size_t i = pos + 1;
  for (std::size_t k = 0; k < need; ++k, ++i) {
    if (i >= s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < lo || c > hi) break;
    lo = 0x80;
    hi = 0xBF;
    value = (value << 6) | (c & 0x3F);
    if (k + 1 == need) {
      cp = value;
      pos = i + 1;
      valid = true;
      return true;
    }
  }
  // Truncated or broken: the lead and the continuation bytes accepted so far
  // form one maximal invalid subsequence.
  cp = kReplacementCharacter;
  pos = i;
  return true;
}

}  // namespace

bool DecodeNext(std::string_view s, std::size_t& pos, char32_t& cp) {
  bool valid;
  return Decode(s, pos, cp, valid);
}

std::size_t CodePointCount(std::string_view s) {
  std::size_t count = 0;
  std::size_t pos = 0;
  char32_t cp;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {  // ASCII: one byte, one code point
      ++pos;
    } else if (!DecodeNext(s, pos, cp)) {
      break;
    }
    ++count;
  }
  return count;
}

std::size_t ValidUtf8Prefix(std::string_view s) {
  std::size_t pos = 0;
  char32_t cp;
  bool valid;
  for (std::size_t before = 0; Decode(s, pos, cp, valid); before = pos) {
    if (!valid) return before;
  }
  return s.size();
}

bool IsValidUtf8(std::string_view s) { return ValidUtf8Prefix(s) == s.size(); }

}  // namespace btalk
