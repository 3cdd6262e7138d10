#include "btalk/normalizer.h"

#include <algorithm>
#include <utility>

#include "btalk/format_example.h"
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


bool IsAsciiAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// The separators (space, hyphen) the pattern's own sample shows, in order.
std::string SampleSeparators(const ElementConstraint& element) {
  PatternExample computed;
  const PatternExample& sample = element.example.empty() ? (computed = FormatExample(element.value_regexp))
                                                         : element.example;
  std::string out;
  for (char c : sample.example) {
    if ((c == ' ' || c == '-') && out.find(c) == std::string::npos) out += c;
  }
  return out;
}

// `value` (letters and digits only) with the one separator the pattern's
// sample shows inserted at the one place the pattern accepts it
// ("SW1A1AA" -> "SW1A 1AA", "1100148" -> "1100-148"); "" when there is no
// such place or more than one.
std::string WithSeparator(const ElementConstraint& element, const std::string& value, MatchBudget& budget) {
  if (value.size() < 2 || value.size() > kMaxExampleLength) return std::string();
  if (!std::all_of(value.begin(), value.end(), IsAsciiAlnum)) return std::string();
  const std::string separators = SampleSeparators(element);
  std::string found;
  for (char separator : separators) {
    for (std::size_t i = 1; i < value.size(); ++i) {
      std::string candidate = value.substr(0, i) + separator + value.substr(i);
      if (element.regex->FullMatch(candidate, budget) != Regex::MatchResult::kMatch) continue;
      if (!found.empty()) return std::string();  // two places: leave it
      found = std::move(candidate);
    }
  }
  return found;
}

// ---- The street line split into its elements --------------------------------

constexpr std::size_t kMaxStreetTokens = 16;

// The stored value of an enumeration that the street word `word` names, or
// "" (none, several, or a broken element). A trailing full stop is optional
// ("Ave." = "Ave"), unless the stored value has it ("ul.").
std::string StreetPart(const ElementConstraint* element, std::string_view word) {
  if (element == nullptr || element->error || !element->is_enumeration()) return std::string();
  std::string storage;
  for (std::string_view text : {word, word.size() > 1 && word.back() == '.' ? word.substr(0, word.size() - 1)
                                                                            : std::string_view()}) {
    if (text.empty()) continue;
    for (const PossibleValue& possible : element->possible_values) {
      if (TrimUnicode(possible.value) == text) return std::string(text);
    }
    if (const std::string* stored = MatchEnumeration(*element, text, storage)) return *stored;
  }
  return std::string();
}

bool IsEmpty(const Address& address, std::string_view name) {
  auto it = address.find(name);
  return it == address.end() || (it->second.is_text && TrimUnicode(it->second.text).empty());
}

// A street typed with its type and direction in a6 ("Pennsylvania Avenue
// NW") split into the country's elements (a6 "Pennsylvania", sts "AVE", pod
// "NW"). The elements' positions tell which side each part is on: those
// before a6 (prd; sts where the type leads, as in "Calle Mayor") take words
// from its start, those after it (sts, pod) from its end. A word is taken
// only when exactly one of the candidate elements knows it, that element is
// empty, and a6 keeps at least one word.
void SplitStreet(const AddressConstraints& constraints, NormalizedAddress& result) {
  const std::size_t street = constraints.IndexOf("a6");
  if (street == constraints.elements.size() || constraints.elements[street].is_enumeration()) return;
  auto it = result.address.find("a6");
  if (it == result.address.end() || !it->second.is_text || it->second.bad_input) return;
  const std::size_t limit = std::min(constraints.elements[street].max_length.value_or(kHardMaxLength), kHardMaxLength);
  if (CodePointCount(it->second.text) > limit) return;
  const std::string line = CollapseWhitespace(it->second.text);
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start < line.size() && words.size() <= kMaxStreetTokens;) {
    std::size_t end = line.find(' ', start);
    if (end == std::string::npos) end = line.size();
    words.emplace_back(line.data() + start, end - start);
    start = end + 1;
  }
  if (words.size() < 2 || words.size() > kMaxStreetTokens) return;
  std::vector<const ElementConstraint*> before, after;  // in element order
  for (const char* name : {"prd", "sts", "pod"}) {
    const std::size_t index = constraints.IndexOf(name);
    if (index == constraints.elements.size()) continue;
    (index < street ? before : after).push_back(&constraints.elements[index]);
  }
  std::sort(before.begin(), before.end(),
            [&](auto* a, auto* b) { return constraints.IndexOf(a->name) < constraints.IndexOf(b->name); });
  std::sort(after.begin(), after.end(),
            [&](auto* a, auto* b) { return constraints.IndexOf(a->name) < constraints.IndexOf(b->name); });
  std::vector<std::pair<const ElementConstraint*, std::string>> parts;
  std::size_t first = 0, last = words.size();  // a6 keeps words [first, last)
  // One side: `candidates` in the order they are met from that end.
  auto take = [&](std::vector<const ElementConstraint*> candidates, bool from_start) {
    while (!candidates.empty() && last - first > 1) {
      const std::string_view word = from_start ? words[first] : words[last - 1];
      std::size_t match = candidates.size();
      std::string value;
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        std::string named = StreetPart(candidates[i], word);
        if (named.empty()) continue;
        if (match != candidates.size()) return;  // two elements know the word: leave it
        match = i;
        value = std::move(named);
      }
      if (match == candidates.size() || !IsEmpty(result.address, candidates[match]->name)) return;
      parts.emplace_back(candidates[match], std::move(value));
      from_start ? ++first : --last;
      // What lies beyond it on this side can no longer come.
      candidates.erase(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(match) + 1);
    }
  };
  // The end first: when both sides want the last free word, the type wins
  // ("North Avenue" is a6 North, sts AVE).
  take(std::vector<const ElementConstraint*>(after.rbegin(), after.rend()), false);
  take(before, true);
  if (parts.empty()) return;
  std::string rest;
  for (std::size_t i = first; i < last; ++i) {
    if (!rest.empty()) rest += ' ';
    rest.append(words[i]);
  }
  parts.emplace_back(&constraints.elements[street], std::move(rest));
  std::sort(parts.begin(), parts.end(), [&](const auto& a, const auto& b) {
    return constraints.IndexOf(a.first->name) < constraints.IndexOf(b.first->name);
  });
  for (auto& [element, value] : parts) {
    AddressValue& target = result.address[element->name];
    result.changes.push_back(NormalizationChange{element->name, target.is_text ? target.text : std::string(), value, "street"});
    target = AddressValue{std::move(value)};
  }
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
  SplitStreet(constraints, result);
  MatchBudget budget;  // the separator rule's matches, for the whole address
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
    if (!element.regex) continue;
    if (!element.regex->FullMatch(value)) {
      std::string upper = UpperAscii(value);
      if (upper != value && element.regex->FullMatch(upper)) {
        change(std::move(upper), "upperCase");
      } else if (upper != value) {
        // Upper case with a separator may be what the pattern wants ("k1a0b1" -> "K1A 0B1").
        std::string spaced = WithSeparator(element, upper, budget);
        if (!spaced.empty()) {
          change(std::move(upper), "upperCase");
          change(std::move(spaced), "separator");
          continue;
        }
      }
    }
    std::string spaced = WithSeparator(element, value, budget);
    if (!spaced.empty()) change(std::move(spaced), "separator");
  }
  return result;
}

}  // namespace btalk
