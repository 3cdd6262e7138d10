// An address as postal lines, in its country's conventional order:
//   FR  "78 Rue de Vaugirard" / "75015 Paris"
//   US  "1600 Pennsylvania AVE NW" / "Washington, DC 20500"
// One line template per country for the 30 countries of the API's table
// (from each postal administration's published addressing rules), and a
// generic fallback for the others.
//
// Template language (compact, in address_format.cc):
//   |        a new line
//   %name    the field's display (an enumeration's display text when the
//            constraints are given and the value is one of its values)
//   #name    the field's stored value (codes such as US "DC", DK "tv")
//   %ext     addrExtInfo1..10, joined with ", "
//   %dd %cty IE (An Post): the Dublin postal district of a post town of just
//            "Dublin", from the Eircode (D02 -> "2", D6W -> "6W"); the county
//            (a2) unless it is the post town itself ("Dublin 2", "Cork")
//   {...}    a group: its literal text appears only with its fields ("Co. %cty")
//   other    a separator, written only between two non-empty parts of a line;
//            of several in a row, the last one before the next part wins.
// Values are trimmed and whitespace collapsed; empty lines are dropped.
#ifndef BTALK_ADDRESS_FORMAT_H_
#define BTALK_ADDRESS_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "btalk/address_constraints.h"
#include "btalk/address_validator.h"

namespace btalk {

// `constraints` may be null (values are then shown as stored). `country` is
// case-insensitive; unknown or empty countries use the generic template.
std::vector<std::string> FormatAddressLines(const Address& address, std::string_view country,
                                            const AddressConstraints* constraints = nullptr);

// The template used for `country` (for tests and documentation).
std::string_view AddressTemplate(std::string_view country);

}  // namespace btalk

#endif  // BTALK_ADDRESS_FORMAT_H_
