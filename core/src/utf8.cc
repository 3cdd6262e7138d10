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

namespace {

// The value of the `\uXXXX` escape at s[i] (i at the backslash), or -1.
long UnicodeEscapeAt(std::string_view s, std::size_t i) {
  if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return -1;
  long v = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    const char c = s[k];
    int h = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

bool IsEncodedSurrogate(std::string_view s, std::size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xED &&
         static_cast<unsigned char>(s[i + 1]) >= 0xA0 && static_cast<unsigned char>(s[i + 1]) <= 0xBF &&
         static_cast<unsigned char>(s[i + 2]) >= 0x80 && static_cast<unsigned char>(s[i + 2]) <= 0xBF;
}

}  // namespace

std::string MarkLoneSurrogates(std::string_view s, bool& found) {
  found = false;
  std::string out;
  std::size_t copied = 0;  // s[copied, i) is still to be copied to `out`
  const auto replace = [&](std::size_t i, std::size_t length, std::string_view with) {
    if (!found) out.reserve(s.size() + 16);
    found = true;
    out.append(s.data() + copied, i - copied);
    out.append(with);
    copied = i + length;
  };
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '\\') {
      const long v = UnicodeEscapeAt(s, i);
      if (v < 0xD800 || v > 0xDFFF) {
        i += 2;  // any other escape, `\\` included, is two bytes at least
        continue;
      }
      const long low = v <= 0xDBFF ? UnicodeEscapeAt(s, i + 6) : -1;
      if (low >= 0xDC00 && low <= 0xDFFF) {
        i += 12;  // a proper pair
        continue;
      }
      replace(i, 6, "\\udbff\\udfff");
      i += 6;
    } else if (IsEncodedSurrogate(s, i)) {
      replace(i, 3, kLoneSurrogateMark);
      i += 3;
    } else {
      ++i;
    }
  }
  if (found) out.append(s.data() + copied, s.size() - copied);
  return out;
}

bool UnmarkLoneSurrogates(std::string& s) {
  // The 4-byte mark becomes the 3-byte U+FFFD: compact in one pass.
  std::size_t out = 0;
  bool found = false;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, kLoneSurrogateMark.size(), kLoneSurrogateMark) == 0) {
      s[out++] = '\xEF';
      s[out++] = '\xBF';
      s[out++] = '\xBD';
      i += kLoneSurrogateMark.size();
      found = true;
    } else {
      s[out++] = s[i++];
    }
  }
  s.resize(out);
  return found;
}

}  // namespace btalk
