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

// `value` (letters and digits only) with the one separator (space or hyphen)
// the pattern's own sample shows, inserted at the one place the pattern
// accepts it ("SW1A1AA" -> "SW1A 1AA", "1100148" -> "1100-148"); "" when
// there is no such place or more than one.
std::string WithSeparator(const ElementConstraint& element, const std::string& value, MatchBudget& budget) {
  if (value.size() < 2 || value.size() > kMaxExampleLength) return std::string();
  for (char c : value) {
    if (!IsAsciiAlnum(c)) return std::string();
  }
  PatternExample computed;
  const PatternExample& sample = element.example.empty() ? (computed = FormatExample(element.value_regexp))
                                                         : element.example;
  bool tried[2] = {false, false};
  std::string found, candidate;
  for (char separator : sample.example) {
    const int kind = separator == ' ' ? 0 : separator == '-' ? 1 : -1;
    if (kind < 0 || tried[kind]) continue;
    tried[kind] = true;
    for (std::size_t i = 1; i < value.size(); ++i) {
      candidate.assign(value.data(), i);
      candidate += separator;
      candidate.append(value.data() + i, value.size() - i);
      if (element.regex->FullMatch(candidate, budget) != Regex::MatchResult::kMatch) continue;
      if (!found.empty()) return std::string();  // two places: leave it
      found = candidate;
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
  if (element->error || !element->is_enumeration()) return std::string();
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

// The street split's state: a6's words, the prd/sts/pod elements the country
// has (in element order) and what each gets.
struct StreetSplit {
  const AddressConstraints& constraints;
  const Address& address;
  std::size_t street;                       // a6's index
  std::vector<std::string_view> words;      // a6 keeps words [first, last)
  std::size_t first = 0, last = 0;
  std::size_t slots[3] = {0, 0, 0}, count = 0;
  std::string values[3];

  // Takes words from one end (the start: the slots before a6, in element
  // order; the end: those after it, backwards) while one slot alone knows
  // the next word and is empty.
  void Take(bool from_start) {
    std::size_t order[3], n = 0;
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t slot = from_start ? k : count - 1 - k;
      if ((slots[slot] < street) == from_start) order[n++] = slot;
    }
    for (std::size_t next = 0; next < n && last - first > 1;) {
      const std::string_view word = from_start ? words[first] : words[last - 1];
      std::size_t match = n;
      std::string value;
      for (std::size_t i = next; i < n; ++i) {
        std::string named = StreetPart(&constraints.elements[slots[order[i]]], word);
        if (named.empty()) continue;
        if (match != n) return;  // two elements know the word: leave it
        match = i;
        value = std::move(named);
      }
      if (match == n || !IsEmpty(address, constraints.elements[slots[order[match]]].name)) return;
      values[order[match]] = std::move(value);
      from_start ? ++first : --last;
      next = match + 1;  // what lies beyond it on this side can no longer come
    }
  }
};

// `value` becomes `to`, and the change is recorded under `rule`.
void Change(NormalizedAddress& result, const std::string& field, std::string& value, std::string to, const char* rule) {
  result.changes.push_back(NormalizationChange{field, value, to, rule});
  value = std::move(to);
}

void SetStreetPart(NormalizedAddress& result, const std::string& name, std::string value) {
  auto found = result.address.find(name);
  if (found == result.address.end()) found = result.address.emplace(name, AddressValue()).first;
  found->second.is_text = true;  // (only empty values are split into)
  Change(result, name, found->second.text, std::move(value), "street");
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
  StreetSplit split{constraints, result.address, street, {}, 0, 0, {0, 0, 0}, 0, {}};
  // CollapseWhitespace leaves single spaces between words.
  for (std::size_t start = 0, end = 0; end <= line.size() && split.words.size() <= kMaxStreetTokens; ++end) {
    if (end < line.size() && line[end] != ' ') continue;
    split.words.push_back(std::string_view(line.data() + start, end - start));
    start = end + 1;
  }
  if (split.words.size() < 2 || split.words.size() > kMaxStreetTokens) return;
  for (std::size_t i = 0; i < constraints.elements.size() && split.count < 3; ++i) {
    const std::string& name = constraints.elements[i].name;
    if (name == "prd" || name == "sts" || name == "pod") split.slots[split.count++] = i;
  }
  split.last = split.words.size();
  // The end first: when both sides want the last free word, the type wins
  // ("North Avenue" is a6 North, sts AVE).
  split.Take(false);
  split.Take(true);
  if (split.last - split.first == split.words.size()) return;
  std::string rest;
  for (std::size_t i = split.first; i < split.last; ++i) {
    if (!rest.empty()) rest += ' ';
    rest.append(split.words[i].data(), split.words[i].size());
  }
  // In element order.
  for (std::size_t i = 0; i < constraints.elements.size(); ++i) {
    if (i == street) SetStreetPart(result, constraints.elements[i].name, std::move(rest));
    for (std::size_t k = 0; k < split.count; ++k) {
      if (split.slots[k] == i && !split.values[k].empty()) SetStreetPart(result, constraints.elements[i].name, std::move(split.values[k]));
    }
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
    std::string collapsed = CollapseWhitespace(value);
    if (collapsed != value) Change(result, element.name, value, std::move(collapsed), "whitespace");
    if (value.empty() || element.error) continue;
    // A display ("Kärnten") may be longer than the stored value's maxLength ("2").
    const std::size_t limit = element.is_enumeration() ? kHardMaxLength : LengthLimit(element);
    if (CodePointCount(value) > limit) continue;
    if (element.is_enumeration()) {
      std::string storage;
      if (const std::string* stored = MatchEnumeration(element, value, storage)) {
        Change(result, element.name, value, *stored, "enumeration");
      }
      continue;
    }
    if (element.value_type == ValueType::kFreeNumerical && !AllDigits(value)) {
      std::string digits = WithoutSpaces(value);
      if (AllDigits(digits)) Change(result, element.name, value, std::move(digits), "digits");
    }
    if (!element.regex) continue;
    if (!element.regex->FullMatch(value)) {
      // Upper case alone, or with a separator ("k1a0b1" -> "K1A 0B1"), may be what the pattern wants.
      std::string upper = UpperAscii(value);
      if (upper != value && (element.regex->FullMatch(upper) || !WithSeparator(element, upper, budget).empty())) {
        Change(result, element.name, value, std::move(upper), "upperCase");
      }
    }
    std::string spaced = WithSeparator(element, value, budget);
    if (!spaced.empty()) Change(result, element.name, value, std::move(spaced), "separator");
  }
  return result;
}

}  // namespace btalk
