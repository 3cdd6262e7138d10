#include "btalk/civic_address.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <utility>

#include "btalk/address_constraints.h"
#include "btalk/json_util.h"
#include "btalk/normalizer.h"
#include "btalk/utf8.h"

namespace btalk {
namespace {

// RFC 5139's schema order; each element is its field name upper-cased.
constexpr const char* kCivicFields[] = {"a1",  "a2",  "a3",  "a4",  "a5",  "a6",   "prd",  "sts", "pod",
                                        "hno", "hns", "flr", "pc",  "bld", "unit", "room", "pcn", "pobox"};

// One out-of-line appender instead of operator+ chains: far less wasm.
void Cat(std::string& out, std::initializer_list<std::string_view> parts) {
  for (std::string_view part : parts) out.append(part.data(), part.size());
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigitChar(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigitChar(c); }

DocumentError BadOption(std::string message) { return DocumentError{"invalidOptions", std::move(message)}; }

// A character XML 1.0 forbids (C0 controls) or discourages (DEL, C1, U+FFFE/F).
bool IsRefusedInXml(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF;
}

// Writes the field's text, escaped, to `out`; or returns why it cannot be.
const char* CleanText(const AddressValue& value, std::string& out) {
  if (!value.is_text) return "must be text";
  if (!IsValidUtf8(value.text)) return "is not valid UTF-8";
  const std::string text = CollapseWhitespace(value.text);
  if (CodePointCount(text) > kHardMaxLength) return "is longer than 1000 characters";
  std::size_t pos = 0;
  char32_t cp;
  while (DecodeNext(text, pos, cp)) {
    if (IsRefusedInXml(cp)) return "holds a control character, which XML cannot carry";
  }
  out = EscapeXml(text);
  return nullptr;
}

// YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
bool IsRfc3339(std::string_view t) {
  auto shape = [](std::string_view text, const char* mask) {  // 9 = a digit
    std::size_t i = 0;
    for (; mask[i] != '\0'; ++i) {
      if (i >= text.size() || (mask[i] == '9' ? !IsAsciiDigitChar(text[i]) : text[i] != mask[i])) return false;
    }
    return i == text.size();
  };
  if (t.size() < 20 || t.size() > 40 || !shape(t.substr(0, 19), "9999-99-99T99:99:99")) return false;
  std::size_t i = 19;
  if (t[i] == '.') {
    while (++i < t.size() && IsAsciiDigitChar(t[i])) {
    }
    if (i == 20) return false;
  }
  const std::string_view zone = t.substr(i);
  return zone == "Z" || shape(zone, "+99:99") || shape(zone, "-99:99");
}

bool IsNcName(std::string_view s) {
  if (s.empty() || s.size() > 64 || !(IsAsciiAlpha(s[0]) || s[0] == '_')) return false;
  for (char c : s) {
    if (!IsAsciiAlnum(c) && c != '_' && c != '-' && c != '.') return false;
  }
  return true;
}

bool IsUriShape(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= s.size() || s.size() > 1000 ||
      !IsAsciiAlpha(s[0])) {
    return false;
  }
  for (std::size_t i = 0; i < colon; ++i) {
    if (!IsAsciiAlnum(s[i]) && s[i] != '+' && s[i] != '-' && s[i] != '.') return false;
  }
  // RFC 3986 characters only (non-ASCII must be percent-encoded).
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F || c == '<' || c == '>' || c == '"' || c == '\\' || c == '^' || c == '`' ||
        c == '{' || c == '|' || c == '}') {
      return false;
    }
  }
  return true;
}

struct Body {
  std::string country;
  std::string lang;
  std::vector<std::pair<std::string, std::string>> elements;  // element, escaped text
  std::vector<std::string> omitted;
};

std::optional<DocumentError> Prepare(const Address& address, const CivicAddressOptions& options, Body& body) {
  const std::string_view country = TrimUnicode(options.country);
  if (country.size() != 2 || !IsAsciiAlpha(country[0]) || !IsAsciiAlpha(country[1])) {
    return BadOption("country must be an ISO 3166 alpha-2 code such as \"FR\"");
  }
  body.country = UpperAscii(std::string(country));
  if (!options.lang.empty() && !IsLanguageTagShape(options.lang)) {
    return BadOption("lang must be a language tag such as \"fr\" or \"de-CH\"");
  }
  body.lang = options.lang;
  for (const auto& [name, value] : address) {
    if (name == kDialZoneField) continue;
    bool known = false;
    for (const char* field : kCivicFields) known = known || name == field;
    if (!known) {
      if (!value.is_text || !IsBlank(value.text)) body.omitted.push_back(name);
      continue;
    }
    std::string escaped;
    if (const char* reason = CleanText(value, escaped)) {
      DocumentError error{"invalidText", "The address field \""};
      Cat(error.message, {name, "\" ", reason});
      return error;
    }
  }
  // Schema order, not the address's (alphabetical) order.
  for (const char* field : kCivicFields) {
    auto it = address.find(field);
    std::string escaped;
    if (it != address.end() && CleanText(it->second, escaped) == nullptr && !escaped.empty()) {
      body.elements.push_back({UpperAscii(field), std::move(escaped)});
    }
  }
  return std::nullopt;
}

// `indent` before each line; `prefix` "" (default namespace declared here)
// or "ca:" (declared by the enclosing document).
void WriteCivic(std::string& out, const Body& body, std::string_view indent, std::string_view prefix) {
  Cat(out, {indent, "<", prefix, "civicAddress"});
  if (prefix.empty()) Cat(out, {" xmlns=\"", kCivicAddressNamespace, "\""});
  if (!body.lang.empty()) Cat(out, {" xml:lang=\"", body.lang, "\""});  // checked: needs no escaping
  out += ">\n";
  auto element = [&](std::string_view name, std::string_view text) {
    Cat(out, {indent, "  <", prefix, name, ">", text, "</", prefix, name, ">\n"});
  };
  element("country", body.country);
  for (const auto& [name, text] : body.elements) element(name, text);
  Cat(out, {indent, "</", prefix, "civicAddress>\n"});
}

}  // namespace

bool IsLanguageTagShape(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return false;
  std::size_t start = 0;
  bool first = true;
  for (;;) {
    const std::size_t dash = tag.find('-', start);
    const std::string_view part = tag.substr(start, dash == std::string_view::npos ? tag.size() - start : dash - start);
    if (part.empty() || part.size() > 8) return false;
    for (char c : part) {
      if (first ? !IsAsciiAlpha(c) : !IsAsciiAlnum(c)) return false;
    }
    if (first && part.size() == 1 && part != "x" && part != "X" && part != "i" && part != "I") return false;
    first = false;
    if (dash == std::string_view::npos) return true;
    start = dash + 1;
  }
}

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::variant<CivicAddressXml, DocumentError> ToCivicAddressXml(const Address& address,
                                                               const CivicAddressOptions& options) {
  Body body;
  if (std::optional<DocumentError> error = Prepare(address, options, body)) return std::move(*error);
  CivicAddressXml result;
  WriteCivic(result.xml, body, "", "");
  result.omitted = std::move(body.omitted);
  return result;
}

std::variant<CivicAddressXml, DocumentError> ToPidfLo(const Address& address, const PidfLoOptions& options) {
  if (!IsUriShape(options.entity)) {
    return BadOption("entity must be a URI such as \"pres:site-42@example.com\" (ASCII, no spaces)");
  }
  if (!IsNcName(options.tuple_id)) {
    return BadOption("tupleId must be an XML name: a letter or _, then letters, digits, _ - or .");
  }
  if (!options.timestamp.empty() && !IsRfc3339(options.timestamp)) {
    return BadOption("timestamp must be an RFC 3339 date-time such as \"2026-12-01T09:00:00Z\"");
  }
  if (!options.retention_expiry.empty() && !IsRfc3339(options.retention_expiry)) {
    return BadOption("retentionExpiry must be an RFC 3339 date-time such as \"2026-12-31T00:00:00Z\"");
  }
  if (options.method.size() > 32 || !std::all_of(options.method.begin(), options.method.end(), [](char c) {
        return IsAsciiAlnum(c) || c == '-' || c == '.' || c == '_';
      })) {
    return BadOption("method must be a method token such as \"Manual\"");
  }
  Body body;
  if (std::optional<DocumentError> error = Prepare(address, options.civic, body)) return std::move(*error);
  CivicAddressXml result;
  std::string& out = result.xml;
  Cat(out, {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"\n"
            "    xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\"\n"
            "    xmlns:gbp=\"urn:ietf:params:xml:ns:pidf:geopriv10:basicPolicy\"\n"
            "    xmlns:ca=\"",
            kCivicAddressNamespace, "\"\n    entity=\"", EscapeXml(options.entity), "\">\n  <tuple id=\"",
            options.tuple_id, "\">\n    <status>\n      <gp:geopriv>\n        <gp:location-info>\n"});
  WriteCivic(out, body, "          ", "ca:");
  Cat(out, {"        </gp:location-info>\n        <gp:usage-rules>\n          <gbp:retransmission-allowed>",
            options.retransmission_allowed ? "true" : "false", "</gbp:retransmission-allowed>\n"});
  if (!options.retention_expiry.empty()) {
    Cat(out, {"          <gbp:retention-expiry>", options.retention_expiry, "</gbp:retention-expiry>\n"});
  }
  out += "        </gp:usage-rules>\n";
  if (!options.method.empty()) Cat(out, {"        <gp:method>", options.method, "</gp:method>\n"});
  out += "      </gp:geopriv>\n    </status>\n";
  if (!options.timestamp.empty()) Cat(out, {"    <timestamp>", options.timestamp, "</timestamp>\n"});
  out += "  </tuple>\n</presence>\n";
  result.omitted = body.omitted;
  return result;
}

}  // namespace btalk
