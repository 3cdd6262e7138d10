#include "btalk/normalizer.h"

#include <algorithm>
#include <utility>

#include "btalk/json_util.h"
#include "btalk/utf8.h"

namespace btalk {
namespace {

// Base letters of U+00C0..U+017F, lower case; '*' = see kWide, '=' = keep.
constexpr char kLatinFold[] =
    "aaaaaa*ceeeeiiiidnooooo=ouuuuy**"  // U+00C0
    "aaaaaa*ceeeeiiiidnooooo=ouuuuy*y"  // U+00E0
    "aaaaaaccccccccdd"                  // U+0100
    "ddeeeeeeeeeegggg"                  // U+0110
    "gggghhhhiiiiiiii"                  // U+0120
    "ii**jjkkklllllll"                  // U+0130
    "lllnnnnnnnnnoooo"                  // U+0140
    "oo**rrrrrrssssss"                  // U+0150
    "ssttttttuuuuuuuu"                  // U+0160
    "uuuuwwyyyzzzzzzs";                 // U+0170

// The two-letter folds.
const char* WideFold(char32_t cp) {
  switch (cp) {
    case 0xC6: case 0xE6: return "ae";
    case 0xDE: case 0xFE: return "th";
    case 0xDF: return "ss";
    case 0x132: case 0x133: return "ij";
    case 0x152: case 0x153: return "oe";
  }
  return nullptr;
}

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string WithoutSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ') out += c;
  }
  return out;
}

// The one stored value that `text` names, or nullptr (none, or ambiguous).
const std::string* MatchEnumeration(const ElementConstraint& element, std::string_view text,
                                    std::string& storage) {
  for (const PossibleValue& possible : element.possible_values) {
    if (TrimUnicode(possible.value) == text) return nullptr;  // already canonical
  }
  const std::string key = FoldForMatch(text);
  if (key.empty()) return nullptr;
  bool found = false;
  for (const PossibleValue& possible : element.possible_values) {
    if (FoldForMatch(possible.value) != key && FoldForMatch(possible.display) != key) continue;
    const std::string_view value = TrimUnicode(possible.value);
    if (found && storage != value) return nullptr;  // two different answers: leave it
    storage = std::string(value);
    found = true;
  }
  return found ? &storage : nullptr;
}

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  text = TrimUnicode(text);
  std::string out;
  out.reserve(text.size());
  bool space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    char32_t cp;
    DecodeNext(text, pos, cp);
    if (IsUnicodeSpace(cp)) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out.append(text.substr(start, pos - start));  // the bytes as given, even invalid ones
  }
  return out;
}

std::string FoldForMatch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  std::size_t pos = 0, start = 0;
  char32_t cp;
  for (; DecodeNext(text, pos, cp); start = pos) {
    if (IsUnicodeSpace(cp)) {
      space = !out.empty();
      continue;
    }
    if (cp >= 0x300 && cp <= 0x36F) continue;  // combining marks (decomposed accents)
    if (space) out += ' ';
    space = false;
    if (cp >= 'A' && cp <= 'Z') {
      out += static_cast<char>(cp - 'A' + 'a');
    } else if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (const char* wide = WideFold(cp)) {
      out += wide;
    } else if (cp >= 0xC0 && cp <= 0x17F && kLatinFold[cp - 0xC0] != '=') {
      out += kLatinFold[cp - 0xC0];
    } else if (cp >= 0x218 && cp <= 0x21B) {  // Romanian comma-below s and t
      out += cp < 0x21A ? 's' : 't';
    } else if (cp == 0x2019 || cp == 0x2018) {
      out += '\'';
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

NormalizedAddress NormalizeAddress(const AddressConstraints& constraints, const Address& address) {
  NormalizedAddress result;
  result.address = address;
  // In element order, so the changes come out in the form's order.
  for (const ElementConstraint& element : constraints.elements) {
    auto it = result.address.find(element.name);
    if (it == result.address.end() || !it->second.is_text) continue;
    std::string& value = it->second.text;
    auto change = [&](std::string to, const char* rule) {
      result.changes.push_back(NormalizationChange{element.name, value, to, rule});
      value = std::move(to);
    };
    std::string collapsed = CollapseWhitespace(value);
    if (collapsed != value) change(std::move(collapsed), "whitespace");
    if (value.empty() || element.error) continue;
    // A display ("Kärnten") may be longer than the stored value's maxLength ("2").
    const std::size_t limit = element.is_enumeration()
                                  ? kHardMaxLength
                                  : std::min(element.max_length.value_or(kHardMaxLength), kAbsoluteMaxLength);
    if (CodePointCount(value) > limit) continue;
    if (element.is_enumeration()) {
      std::string storage;
      if (const std::string* stored = MatchEnumeration(element, value, storage)) change(*stored, "enumeration");
      continue;
    }
    if (element.value_type == ValueType::kFreeNumerical && !AllDigits(value)) {
      std::string digits = WithoutSpaces(value);
      if (AllDigits(digits)) change(std::move(digits), "digits");
    }
    if (element.regex && !element.regex->FullMatch(value)) {
      std::string upper = UpperAscii(value);
      if (upper != value && element.regex->FullMatch(upper)) change(std::move(upper), "upperCase");
    }
  }
  return result;
}

}  // namespace btalk
