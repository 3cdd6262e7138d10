// Puts an address in the canonical form its country's rules expect, and says
// what changed, so a form can apply it visibly (on blur or paste, never while
// the user types). First, across fields:
//   street       a6 typed with its type and direction ("Pennsylvania Avenue
//                NW") is split into the country's elements: a6
//                "Pennsylvania", sts "AVE", pod "NW". Elements placed before
//                a6 (prd, or sts where the type leads: "Calle Mayor") take
//                words from its start, those after it from its end; a word
//                goes only to an empty enumeration that alone knows it (value
//                or display, as for `enumeration`), and a6 keeps one word.
// Then, per field, in order:
//   whitespace   trim, and collapse each inner run of whitespace to one space;
//   upperCase    the pattern rejects the value but accepts it upper-cased
//                (GB "sw1a 1aa" -> "SW1A 1AA"; ASCII letters only);
//   enumeration  an enumeration value matched case- and accent-insensitively
//                to one stored value or display ("zurich" -> "ZH"); several
//                different matches change nothing;
//   digits       a freenumerical value that is all digits once its spaces
//                are removed ("1 000" -> "1000");
//   separator    a value of letters and digits only gets the space or hyphen
//                that the pattern's sample shows, where the pattern accepts
//                it at exactly one place (GB "SW1A1AA" -> "SW1A 1AA", PT
//                "1100148" -> "1100-148"); with upperCase when both are needed.
// Non-text values and fields the country does not define are kept as they
// are (validation reports the latter). Bounded: values longer than the
// validator's caps are only trimmed.
#ifndef BTALK_NORMALIZER_H_
#define BTALK_NORMALIZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "btalk/address_constraints.h"
#include "btalk/address_validator.h"

namespace btalk {

struct NormalizationChange {
  std::string field;
  std::string from;
  std::string to;
  std::string rule;  // "street", "whitespace", "upperCase", "enumeration", "digits", "separator"
};

struct NormalizedAddress {
  Address address;
  // The street split first (in element order), then each field's rules, in
  // element order. A split may add fields the address did not hold.
  std::vector<NormalizationChange> changes;
};

NormalizedAddress NormalizeAddress(const AddressConstraints& constraints, const Address& address);

// `text` trimmed, with each run of Unicode whitespace made one ASCII space.
std::string CollapseWhitespace(std::string_view text);

// A comparison key: lower-case, Latin accents removed (é -> e, ß -> ss,
// ø -> o, å -> a, œ -> oe, ł -> l...), combining marks dropped, ’ -> ',
// whitespace collapsed. Other scripts are kept as they are.
std::string FoldForMatch(std::string_view text);

}  // namespace btalk

#endif  // BTALK_NORMALIZER_H_
