// Puts an address in the canonical form its country's rules expect, and says
// what changed, so a form can apply it visibly (on blur or paste, never while
// the user types). Rules, in order, per field:
//   whitespace   trim, and collapse each inner run of whitespace to one space;
//   upperCase    the pattern rejects the value but accepts it upper-cased
//                (GB "sw1a 1aa" -> "SW1A 1AA"; ASCII letters only);
//   enumeration  an enumeration value matched case- and accent-insensitively
//                to one stored value or display ("zurich" -> "ZH"); several
//                different matches change nothing;
//   digits       a freenumerical value that is all digits once its spaces
//                are removed ("1 000" -> "1000").
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
  std::string rule;  // "whitespace", "upperCase", "enumeration", "digits"
};

struct NormalizedAddress {
  Address address;
  std::vector<NormalizationChange> changes;  // in element order, each field's rules in order
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
