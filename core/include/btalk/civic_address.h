// An address as a PIDF-LO civic address (RFC 4119, RFC 5139, RFC 5491), for
// emergency-services and location integrations.
//
// Element mapping (API -> RFC 5139), written in the schema's order:
//   country, a1..a6 -> A1..A6, prd -> PRD, sts -> STS, pod -> POD, hno -> HNO,
//   hns -> HNS, flr -> FLR, pc -> PC, bld -> BLD, unit -> UNIT, room -> ROOM,
//   pcn -> PCN, pobox -> POBOX.
// Not exported (listed in `omitted`): addrExtInfo1..10, which have no RFC 5139
// element and none of RFC 6848's registered extensions (PN, MP, STP, HNP,
// LMKP, LMKS) means what they hold, and any other unknown field. dialZone is
// not a location and is ignored.
//
// Text: trimmed, whitespace runs (tab, newline...) made one space, then
// escaped (& < > " '). A value that is not valid UTF-8, or holds a character
// XML 1.0 forbids or discourages (C0/C1 controls, U+FFFE, U+FFFF), is refused
// with an error naming the field: nothing is silently dropped.
#ifndef BTALK_CIVIC_ADDRESS_H_
#define BTALK_CIVIC_ADDRESS_H_

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "btalk/address_validator.h"
#include "btalk/problem.h"

namespace btalk {

inline constexpr std::string_view kCivicAddressNamespace = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";

struct CivicAddressOptions {
  std::string country;  // ISO 3166 alpha-2 (case-insensitive), required
  std::string lang;     // BCP 47 tag such as "fr" or "de-CH"; "" = no xml:lang
};

struct CivicAddressXml {
  std::string xml;
  std::vector<std::string> omitted;  // fields with a value that have no element
};

// DocumentError "invalidOptions" (country, lang) or "invalidText" (a value).
std::variant<CivicAddressXml, DocumentError> ToCivicAddressXml(const Address& address,
                                                               const CivicAddressOptions& options);

struct PidfLoOptions {
  CivicAddressOptions civic;
  std::string entity;         // the presentity URI, e.g. "pres:site-42@example.com" (required)
  std::string tuple_id = "address";  // an XML NCName
  std::string timestamp;      // RFC 3339 date-time, e.g. "2026-12-01T09:00:00Z"; "" = none
  bool retransmission_allowed = false;
  std::string retention_expiry;  // RFC 3339 date-time; "" = none
  std::string method = "Manual";  // IANA method token; "" = none
};

// A complete PIDF-LO document: presence / tuple / status / geopriv /
// location-info / civicAddress, usage-rules, method, timestamp.
std::variant<CivicAddressXml, DocumentError> ToPidfLo(const Address& address, const PidfLoOptions& options);

// True for a language tag of BCP 47's shape: 2-8 letters (or x / i), then
// subtags of 1-8 letters or digits, at most 64 characters.
bool IsLanguageTagShape(std::string_view tag);

// `text` with & < > " ' escaped for XML content and attributes.
std::string EscapeXml(std::string_view text);

}  // namespace btalk

#endif  // BTALK_CIVIC_ADDRESS_H_
