#include "btalk/civic_address.h"

#include <algorithm>
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

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigitChar(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigitChar(c); }

DocumentError BadOption(std::string message) { return DocumentError{"invalidOptions", std::move(message)}; }

// A character XML 1.0 forbids (C0 controls) or discourages (DEL, C1, U+FFFE/F).
bool IsRefusedInXml(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF;
}

// The field's text ready for XML content, or an error naming the field.
std::variant<std::string, DocumentError> CleanText(std::string_view field, const AddressValue& value) {
  const std::string label = "\"" + Abbreviate(field, 40) + "\"";
  if (!value.is_text) return DocumentError{"invalidText", "The address field " + label + " must be text"};
  if (!IsValidUtf8(value.text)) {
    return DocumentError{"invalidText", "The address field " + label + " is not valid UTF-8"};
  }
  std::string text = CollapseWhitespace(value.text);
  if (CodePointCount(text) > kHardMaxLength) {
    return DocumentError{"invalidText", "The address field " + label + " is longer than " +
                                            std::to_string(kHardMaxLength) + " characters"};
  }
  std::size_t pos = 0;
  char32_t cp;
  while (DecodeNext(text, pos, cp)) {
    if (IsRefusedInXml(cp)) {
      return DocumentError{"invalidText",
                           "The address field " + label + " holds a control character, which XML cannot carry"};
    }
  }
  return EscapeXml(text);
}

bool IsRfc3339(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
  auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > t.size()) return false;
    for (std::size_t i = at; i < at + n; ++i) {
      if (!IsAsciiDigitChar(t[i])) return false;
    }
    return true;
  };
  if (t.size() > 40 || !digits(0, 4) || t.size() < 20 || t[4] != '-' || !digits(5, 2) || t[7] != '-' ||
      !digits(8, 2) || (t[10] != 'T' && t[10] != 't') || !digits(11, 2) || t[13] != ':' || !digits(14, 2) ||
      t[16] != ':' || !digits(17, 2)) {
    return false;
  }
  std::size_t i = 19;
  if (i < t.size() && t[i] == '.') {
    const std::size_t start = ++i;
    while (i < t.size() && IsAsciiDigitChar(t[i])) ++i;
    if (i == start) return false;
  }
  if (i < t.size() && (t[i] == 'Z' || t[i] == 'z')) return i + 1 == t.size();
  return i + 6 == t.size() && (t[i] == '+' || t[i] == '-') && digits(i + 1, 2) && t[i + 3] == ':' &&
         digits(i + 4, 2);
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

std::variant<Body, DocumentError> Prepare(const Address& address, const CivicAddressOptions& options) {
  Body body;
  const std::string_view country = TrimUnicode(options.country);
  if (country.size() != 2 || !IsAsciiAlpha(country[0]) || !IsAsciiAlpha(country[1])) {
    return BadOption("country must be an ISO 3166 alpha-2 code such as \"FR\"");
  }
  body.country = UpperAscii(std::string(country));
  if (!options.lang.empty()) {
    if (!IsLanguageTagShape(options.lang)) {
      return BadOption("lang must be a language tag such as \"fr\" or \"de-CH\"");
    }
    body.lang = options.lang;
  }
  for (const char* field : kCivicFields) {
    auto it = address.find(field);
    if (it == address.end()) continue;
    std::variant<std::string, DocumentError> text = CleanText(field, it->second);
    if (auto* error = std::get_if<DocumentError>(&text)) return std::move(*error);
    std::string& escaped = std::get<std::string>(text);
    if (!escaped.empty()) body.elements.push_back({UpperAscii(field), std::move(escaped)});
  }
  for (const auto& [name, value] : address) {
    if (name == kDialZoneField) continue;
    bool known = false;
    for (const char* field : kCivicFields) known = known || name == field;
    if (known || (value.is_text && IsBlank(value.text))) continue;
    body.omitted.push_back(name);
  }
  return body;
}

// `indent` before each line; `prefix` "" (default namespace declared here)
// or "ca:" (declared by the enclosing document).
void WriteCivic(std::string& out, const Body& body, const std::string& indent, const std::string& prefix) {
  out += indent + "<" + prefix + "civicAddress";
  if (prefix.empty()) out += " xmlns=\"" + std::string(kCivicAddressNamespace) + "\"";
  if (!body.lang.empty()) out += " xml:lang=\"" + EscapeXml(body.lang) + "\"";
  out += ">\n";
  auto element = [&](const std::string& name, const std::string& text) {
    out += indent + "  <" + prefix + name + ">" + text + "</" + prefix + name + ">\n";
  };
  element("country", body.country);
  for (const auto& [name, text] : body.elements) element(name, text);
  out += indent + "</" + prefix + "civicAddress>\n";
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
  std::variant<Body, DocumentError> body = Prepare(address, options);
  if (auto* error = std::get_if<DocumentError>(&body)) return std::move(*error);
  CivicAddressXml result;
  WriteCivic(result.xml, std::get<Body>(body), "", "");
  result.omitted = std::move(std::get<Body>(body).omitted);
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
  std::variant<Body, DocumentError> prepared = Prepare(address, options.civic);
  if (auto* error = std::get_if<DocumentError>(&prepared)) return std::move(*error);
  const Body& body = std::get<Body>(prepared);
  CivicAddressXml result;
  std::string& out = result.xml;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"\n"
         "    xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\"\n"
         "    xmlns:gbp=\"urn:ietf:params:xml:ns:pidf:geopriv10:basicPolicy\"\n"
         "    xmlns:ca=\"";
  out += kCivicAddressNamespace;
  out += "\"\n    entity=\"" + EscapeXml(options.entity) + "\">\n";
  out += "  <tuple id=\"" + options.tuple_id + "\">\n    <status>\n      <gp:geopriv>\n        <gp:location-info>\n";
  WriteCivic(out, body, "          ", "ca:");
  out += "        </gp:location-info>\n        <gp:usage-rules>\n";
  out += std::string("          <gbp:retransmission-allowed>") + (options.retransmission_allowed ? "true" : "false") +
         "</gbp:retransmission-allowed>\n";
  if (!options.retention_expiry.empty()) {
    out += "          <gbp:retention-expiry>" + options.retention_expiry + "</gbp:retention-expiry>\n";
  }
  out += "        </gp:usage-rules>\n";
  if (!options.method.empty()) out += "        <gp:method>" + options.method + "</gp:method>\n";
  out += "      </gp:geopriv>\n    </status>\n";
  if (!options.timestamp.empty()) out += "    <timestamp>" + options.timestamp + "</timestamp>\n";
  out += "  </tuple>\n</presence>\n";
  result.omitted = body.omitted;
  return result;
}

}  // namespace btalk
