#include "btalk/civic_address.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "btalk/utf8.h"
#include "feature_test_util.h"

namespace btalk {
namespace {

// A small XML 1.0 well-formedness checker (enough for what we write):
// balanced, properly nested tags; quoted, escaped attributes; text with only
// the five predefined entities or character references; no forbidden
// characters; exactly one root. On success `texts` holds each leaf
// element's unescaped text, keyed by its qualified name.
struct XmlCheck {
  bool ok = false;
  std::string error;
  std::vector<std::pair<std::string, std::string>> texts;
  std::vector<std::pair<std::string, std::string>> attributes;  // name=value, all elements
};

bool NameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' || c == '_' ||
         c == '-' || c == '.';
}

bool Unescape(std::string_view raw, std::string& out) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '<') return false;
    if (raw[i] != '&') {
      out += raw[i];
      continue;
    }
    const std::size_t semi = raw.find(';', i);
    if (semi == std::string_view::npos) return false;
    const std::string_view name = raw.substr(i + 1, semi - i - 1);
    if (name == "amp") out += '&';
    else if (name == "lt") out += '<';
    else if (name == "gt") out += '>';
    else if (name == "quot") out += '"';
    else if (name == "apos") out += '\'';
    else return false;
    i = semi;
  }
  return true;
}

XmlCheck CheckXml(std::string_view xml) {
  XmlCheck r;
  auto fail = [&](std::string why) {
    r.error = std::move(why);
    return r;
  };
  std::size_t pos = 0;
  char32_t cp;
  while (pos < xml.size()) {
    const std::size_t at = pos;
    DecodeNext(xml, pos, cp);
    if (cp == kReplacementCharacter && xml.substr(at, 3) != "\xEF\xBF\xBD") return fail("invalid UTF-8");
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) {
      return fail("forbidden character");
    }
  }
  std::size_t i = 0;
  if (xml.substr(0, 5) == "<?xml") {
    i = xml.find("?>");
    if (i == std::string_view::npos) return fail("unterminated declaration");
    i += 2;
  }
  std::vector<std::string> stack;
  bool root_seen = false;
  std::string text;
  while (i < xml.size()) {
    if (xml[i] != '<') {
      const std::size_t lt = xml.find('<', i);
      const std::string_view raw = xml.substr(i, lt == std::string_view::npos ? xml.npos : lt - i);
      if (stack.empty() && raw.find_first_not_of(" \t\r\n") != std::string_view::npos) return fail("text outside root");
      if (!Unescape(raw, text)) return fail("bad entity in text");
      if (lt == std::string_view::npos) break;
      i = lt;
      continue;
    }
    const bool closing = i + 1 < xml.size() && xml[i + 1] == '/';
    std::size_t j = i + (closing ? 2 : 1);
    const std::size_t name_start = j;
    while (j < xml.size() && NameChar(xml[j])) ++j;
    const std::string name(xml.substr(name_start, j - name_start));
    if (name.empty()) return fail("empty tag name");
    if (closing) {
      while (j < xml.size() && xml[j] == ' ') ++j;
      if (j >= xml.size() || xml[j] != '>') return fail("bad end tag");
      if (stack.empty() || stack.back() != name) return fail("mismatched </" + name + ">");
      r.texts.push_back({name, text});
      text.clear();
      stack.pop_back();
      i = j + 1;
      continue;
    }
    if (stack.empty() && root_seen) return fail("two roots");
    root_seen = true;
    // attributes
    for (;;) {
      while (j < xml.size() && (xml[j] == ' ' || xml[j] == '\n')) ++j;
      if (j >= xml.size()) return fail("unterminated tag");
      if (xml[j] == '>' || (xml[j] == '/' && j + 1 < xml.size() && xml[j + 1] == '>')) break;
      const std::size_t an = j;
      while (j < xml.size() && NameChar(xml[j])) ++j;
      if (j == an || j >= xml.size() || xml[j] != '=') return fail("bad attribute");
      const std::string attr(xml.substr(an, j - an));
      ++j;
      if (j >= xml.size() || (xml[j] != '"' && xml[j] != '\'')) return fail("unquoted attribute");
      const char quote = xml[j++];
      const std::size_t end = xml.find(quote, j);
      if (end == std::string_view::npos) return fail("unterminated attribute");
      std::string value;
      if (!Unescape(xml.substr(j, end - j), value)) return fail("bad entity in attribute");
      for (const auto& seen : r.attributes) {
        (void)seen;
      }
      r.attributes.push_back({attr, value});
      j = end + 1;
    }
    text.clear();
    if (xml[j] == '/') {
      j += 2;
    } else {
      stack.push_back(name);
      ++j;
    }
    i = j;
  }
  if (!stack.empty()) return fail("unclosed <" + stack.back() + ">");
  if (!root_seen) return fail("no root");
  r.ok = true;
  return r;
}

std::string TextOf(const XmlCheck& check, const std::string& name) {
  for (const auto& [n, t] : check.texts) {
    if (n == name) return t;
  }
  return "<missing>";
}

std::string Xml(const Address& address, const std::string& country, const std::string& lang = "") {
  std::variant<CivicAddressXml, DocumentError> r = ToCivicAddressXml(address, {country, lang});
  if (auto* e = std::get_if<DocumentError>(&r)) return "error:" + e->code + ":" + e->message;
  return std::get<CivicAddressXml>(r).xml;
}

Address Of(std::initializer_list<std::pair<const char*, const char*>> fields) {
  Address address;
  for (const auto& [name, value] : fields) address[name].text = value;
  return address;
}

TEST(CivicAddressTest, MapsFieldsInSchemaOrder) {
  const std::string xml = Xml(Of({{"pc", "75015"}, {"a3", "Paris"}, {"hno", "78"}, {"a6", "Rue de Vaugirard"},
                                   {"unit", "B"}, {"a1", "IDF"}, {"pobox", "12"}, {"sts", "Rue"}}),
                              "fr", "fr");
  EXPECT_EQ(xml,
            "<civicAddress xmlns=\"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr\" xml:lang=\"fr\">\n"
            "  <country>FR</country>\n"
            "  <A1>IDF</A1>\n"
            "  <A3>Paris</A3>\n"
            "  <A6>Rue de Vaugirard</A6>\n"
            "  <STS>Rue</STS>\n"
            "  <HNO>78</HNO>\n"
            "  <PC>75015</PC>\n"
            "  <UNIT>B</UNIT>\n"
            "  <POBOX>12</POBOX>\n"
            "</civicAddress>\n");
  EXPECT_TRUE(CheckXml(xml).ok);
}

TEST(CivicAddressTest, EveryMappedElement) {
  const char* fields[] = {"a1", "a2", "a3", "a4", "a5", "a6", "prd", "sts", "pod",
                          "hno", "hns", "flr", "pc", "bld", "unit", "room", "pcn", "pobox"};
  Address address;
  for (const char* f : fields) address[f].text = std::string("v-") + f;
  const std::string xml = Xml(address, "US");
  const XmlCheck check = CheckXml(xml);
  ASSERT_TRUE(check.ok) << check.error;
  std::string order;
  for (const auto& [name, text] : check.texts) order += name + " ";
  EXPECT_EQ(order, "country A1 A2 A3 A4 A5 A6 PRD STS POD HNO HNS FLR PC BLD UNIT ROOM PCN POBOX civicAddress ");
  EXPECT_EQ(TextOf(check, "PRD"), "v-prd");
}

TEST(CivicAddressTest, EscapesAndRoundTripsHostileText) {
  const std::string nasty = "<b>&amp; \"x\" 'y' ]]> </civicAddress><x>";
  const std::string xml = Xml(Of({{"a6", nasty.c_str()}, {"a3", "  São\tPaulo \n"}}), "BR");
  const XmlCheck check = CheckXml(xml);
  ASSERT_TRUE(check.ok) << check.error << "\n" << xml;
  EXPECT_EQ(TextOf(check, "A6"), nasty);
  EXPECT_EQ(TextOf(check, "A3"), "São Paulo");  // whitespace collapsed
  EXPECT_EQ(xml.find("<b>"), std::string::npos);
}

TEST(CivicAddressTest, RefusesWhatXmlCannotCarry) {
  for (const char* bad : {"a\x01" "b", "a\x1b[31m", "\x7f", "a\xc2\x85" "b" /* NEL is whitespace: ok */, "\xef\xbf\xbe",
                          "\xff", "\xc0\xaf"}) {
    const std::string xml = Xml(Of({{"a6", bad}}), "FR");
    if (std::string(bad) == "a\xc2\x85" "b") {
      EXPECT_TRUE(CheckXml(xml).ok) << xml;
      continue;
    }
    EXPECT_EQ(xml.rfind("error:invalidText:", 0), 0u) << xml;
    EXPECT_NE(xml.find("\"a6\""), std::string::npos) << xml;  // names the field
  }
  Address not_text;
  not_text["pc"].is_text = false;
  EXPECT_EQ(Xml(not_text, "FR").rfind("error:invalidText:", 0), 0u);
  EXPECT_EQ(Xml(Of({{"a6", std::string(1001, 'x').c_str()}}), "FR").rfind("error:invalidText:", 0), 0u);
}

TEST(CivicAddressTest, ChecksCountryAndLanguage) {
  for (const char* country : {"", "FRA", "F1", "<a"}) {
    EXPECT_EQ(Xml(Of({}), country).rfind("error:invalidOptions:", 0), 0u) << country;
  }
  for (const char* language : {"fr\"><x", "f", "fr--CH", "verylongsubtag"}) {
    EXPECT_EQ(Xml(Of({}), "FR", language).rfind("error:invalidOptions:", 0), 0u) << language;
  }
  for (const char* tag : {"de-CH", "zh-Hant-HK", "x-private", "es-419"}) EXPECT_TRUE(IsLanguageTagShape(tag)) << tag;
  for (const char* tag : {"1fr", "fr-"}) EXPECT_FALSE(IsLanguageTagShape(tag)) << tag;
  EXPECT_NE(Xml(Of({}), " fr ").find("<country>FR</country>"), std::string::npos);
  EXPECT_EQ(Xml(Of({}), "FR").find("xml:lang"), std::string::npos);
}

TEST(CivicAddressTest, ListsWhatIsNotExported) {
  Address address = Of({{"a3", "Praha"}, {"addrExtInfo1", "3"}, {"zz", "x"}, {"dialZone", "+420"}, {"addrExtInfo2", " "}});
  std::variant<CivicAddressXml, DocumentError> r = ToCivicAddressXml(address, {"CZ", ""});
  ASSERT_TRUE(std::holds_alternative<CivicAddressXml>(r));
  EXPECT_EQ(std::get<CivicAddressXml>(r).omitted, (std::vector<std::string>{"addrExtInfo1", "zz"}));
  EXPECT_EQ(std::get<CivicAddressXml>(r).xml.find("addrExtInfo"), std::string::npos);
}

TEST(CivicAddressTest, PidfLoDocument) {
  PidfLoOptions options;
  options.civic = {"FR", "fr"};
  options.entity = "pres:site-42@example.com";
  options.timestamp = "2026-12-01T09:00:00Z";
  options.retention_expiry = "2027-01-01T00:00:00.5+01:00";
  std::variant<CivicAddressXml, DocumentError> r = ToPidfLo(Of({{"a3", "Paris"}, {"pc", "75015"}}), options);
  ASSERT_TRUE(std::holds_alternative<CivicAddressXml>(r)) << std::get<DocumentError>(r).message;
  const std::string& xml = std::get<CivicAddressXml>(r).xml;
  const XmlCheck check = CheckXml(xml);
  ASSERT_TRUE(check.ok) << check.error << "\n" << xml;
  std::string order;
  for (const auto& [name, text] : check.texts) order += name + " ";
  EXPECT_EQ(order,
            "ca:country ca:A3 ca:PC ca:civicAddress gp:location-info gbp:retransmission-allowed "
            "gbp:retention-expiry gp:usage-rules gp:method gp:geopriv status timestamp tuple presence ");
  EXPECT_EQ(TextOf(check, "gbp:retransmission-allowed"), "false");
  EXPECT_EQ(TextOf(check, "gp:method"), "Manual");
  EXPECT_EQ(TextOf(check, "timestamp"), "2026-12-01T09:00:00Z");
  EXPECT_NE(xml.find("entity=\"pres:site-42@example.com\""), std::string::npos);
  EXPECT_NE(xml.find("xmlns=\"urn:ietf:params:xml:ns:pidf\""), std::string::npos);
  EXPECT_NE(xml.find("xmlns:ca=\"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr\""), std::string::npos);
  EXPECT_NE(xml.find("<ca:civicAddress xml:lang=\"fr\">"), std::string::npos);
}

TEST(CivicAddressTest, PidfLoOptionsAreChecked) {
  auto code = [](PidfLoOptions o) {
    std::variant<CivicAddressXml, DocumentError> r = ToPidfLo(Address(), o);
    return std::holds_alternative<DocumentError>(r) ? std::get<DocumentError>(r).code : "ok";
  };
  PidfLoOptions good;
  good.civic.country = "FR";
  good.entity = "pres:a@b";
  EXPECT_EQ(code(good), "ok");
  for (const char* entity : {"", "no-scheme", ":x", "pres:", "pres:a b", "pres:\"><x", "pres:é", "1a:b"}) {
    PidfLoOptions o = good;
    o.entity = entity;
    EXPECT_EQ(code(o), "invalidOptions") << entity;
  }
  for (const char* id : {"", "1a", "a b", "a\"", "a:b"}) {
    PidfLoOptions o = good;
    o.tuple_id = id;
    EXPECT_EQ(code(o), "invalidOptions") << id;
  }
  for (const char* t : {"2026-12-01", "2026-12-01T09:00:00", "2026-12-01T09:00:00+0100", "2026-12-01T09:00:00Zjunk",
                        "2026-12-01T09:00:00.Z", "x"}) {
    PidfLoOptions o = good;
    o.timestamp = t;
    EXPECT_EQ(code(o), "invalidOptions") << t;
    o = good;
    o.retention_expiry = t;
    EXPECT_EQ(code(o), "invalidOptions") << t;
  }
  PidfLoOptions o = good;
  o.method = "<Manual>";
  EXPECT_EQ(code(o), "invalidOptions");
  o = good;
  o.civic.country = "";
  EXPECT_EQ(code(o), "invalidOptions");
}

TEST(CivicAddressTest, EveryTableCountrySampleRoundTrips) {
  for (const std::string& iso2 : test::TableCountries()) {
    const Json country = test::CountryFile(iso2);
    const Json& sample = *FindMember(country, "sampleAddress");
    const Address address = test::AddressOf(sample);
    PidfLoOptions options;
    options.civic = {iso2, "en"};
    options.entity = "pres:" + iso2 + "@example.com";
    for (int pidf = 0; pidf < 2; ++pidf) {
      std::variant<CivicAddressXml, DocumentError> r =
          pidf ? ToPidfLo(address, options) : ToCivicAddressXml(address, options.civic);
      ASSERT_TRUE(std::holds_alternative<CivicAddressXml>(r)) << iso2;
      const CivicAddressXml& xml = std::get<CivicAddressXml>(r);
      const XmlCheck check = CheckXml(xml.xml);
      ASSERT_TRUE(check.ok) << iso2 << ": " << check.error;
      const std::string prefix = pidf ? "ca:" : "";
      EXPECT_EQ(TextOf(check, prefix + "country"), iso2);
      for (auto it = sample.begin(); it != sample.end(); ++it) {
        const std::string name = it.key();
        if (name.rfind("addrExtInfo", 0) == 0) {
          EXPECT_NE(std::find(xml.omitted.begin(), xml.omitted.end(), name), xml.omitted.end()) << iso2 << name;
          continue;
        }
        EXPECT_EQ(TextOf(check, prefix + UpperAscii(name)), it.value().get<std::string>()) << iso2 << " " << name;
      }
    }
  }
}

}  // namespace
}  // namespace btalk
