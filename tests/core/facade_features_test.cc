#include <string>

#include <gtest/gtest.h>

#include "btalk/facade.h"
#include "btalk/json_util.h"

namespace btalk {
namespace {

Json Parse(const std::string& text) {
  std::variant<Json, DocumentError> parsed = ParseJson(text);
  EXPECT_TRUE(std::holds_alternative<Json>(parsed)) << text;
  return std::holds_alternative<Json>(parsed) ? std::get<Json>(parsed) : Json();
}

std::string ErrorCode(const std::string& envelope) {
  const Json json = Parse(envelope);
  if (!json.contains("error")) return "ok";
  return json["error"]["code"].get<std::string>();
}

constexpr const char* kConstraints = R"({
  "pc": {"valueType": "freestring", "valueRegexp": "^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", "position": 1},
  "a1": {"valueType": "enumerationAssociative", "position": 2,
         "possibleValues": [{"value": "ZH", "display": "Zürich"}]}})";

TEST(FacadeFeaturesTest, NormalizeAddress) {
  const Json ok = Parse(normalize_address_json(kConstraints, R"({"pc": " sw1a  1aa", "a1": "zurich",
                                                                  "zz": null, "n": 5, "list": [1]})"));
  ASSERT_TRUE(ok.contains("ok")) << ok.dump();
  ASSERT_EQ(ok["ok"]["changes"].size(), 3u);
  EXPECT_EQ(ok["ok"]["changes"][0], Parse(R"({"field": "pc", "from": " sw1a  1aa", "to": "sw1a 1aa", "rule": "whitespace"})"));
  EXPECT_EQ(ok["ok"]["changes"][1], Parse(R"({"field": "pc", "from": "sw1a 1aa", "to": "SW1A 1AA", "rule": "upperCase"})"));
  EXPECT_EQ(ok["ok"]["changes"][2], Parse(R"({"field": "a1", "from": "zurich", "to": "ZH", "rule": "enumeration"})"));
  EXPECT_EQ(ErrorCode(normalize_address_json("{", "{}")), "invalidJson");
  EXPECT_EQ(ErrorCode(normalize_address_json(kConstraints, "[]")), "invalidDocument");
}

TEST(FacadeFeaturesTest, FormatExample) {
  EXPECT_EQ(Parse(format_example_json("^[0-9]{4} ?[A-Z]{2}$"))["ok"],
            Parse(R"({"format": "9999 AA", "example": "1234 AB", "legend": "9 = digit, A = capital letter"})"));
  EXPECT_TRUE(Parse(format_example_json("^[a-z ]+$"))["ok"].is_null());
  EXPECT_TRUE(Parse(format_example_json("(?=x)"))["ok"].is_null());
  EXPECT_TRUE(Parse(format_example_json(std::string(100000, '(')))["ok"].is_null());
}

PidfLoOptions Pidf(std::string entity) {
  PidfLoOptions options;
  options.civic.country = "FR";
  options.entity = std::move(entity);
  return options;
}

TEST(FacadeFeaturesTest, CivicAddressAndPidfLo) {
  const Json civic = Parse(civic_address_xml_json(R"({"a3": "Paris", "addrExtInfo1": "x"})", "fr", ""));
  ASSERT_TRUE(civic.contains("ok")) << civic.dump();
  EXPECT_NE(civic["ok"]["xml"].get<std::string>().find("<A3>Paris</A3>"), std::string::npos);
  EXPECT_EQ(civic["ok"]["omitted"], Parse(R"(["addrExtInfo1"])"));
  EXPECT_EQ(ErrorCode(civic_address_xml_json("{}", "", "")), "invalidOptions");
  EXPECT_EQ(ErrorCode(civic_address_xml_json("{}", "FR", "1")), "invalidOptions");
  EXPECT_EQ(ErrorCode(civic_address_xml_json("{", "FR", "")), "invalidJson");
  EXPECT_EQ(ErrorCode(civic_address_xml_json("[]", "FR", "")), "invalidDocument");
  EXPECT_EQ(ErrorCode(civic_address_xml_json(R"({"a6": "\u0001"})", "FR", "")), "invalidText");
  EXPECT_EQ(ErrorCode(civic_address_xml_json(R"({"a6": ["x"]})", "FR", "")), "invalidText");

  PidfLoOptions options = Pidf("pres:a@b");
  options.civic.lang = "fr";
  options.tuple_id = "t1";
  options.timestamp = "2026-12-01T09:00:00Z";
  options.retransmission_allowed = true;
  options.method = "GPS";
  const Json pidf = Parse(pidf_lo_json(R"({"a3": "Paris"})", options));
  ASSERT_TRUE(pidf.contains("ok")) << pidf.dump();
  const std::string xml = pidf["ok"]["xml"].get<std::string>();
  EXPECT_NE(xml.find("<tuple id=\"t1\">"), std::string::npos);
  EXPECT_NE(xml.find("<gbp:retransmission-allowed>true</gbp:retransmission-allowed>"), std::string::npos);
  EXPECT_NE(xml.find("<gp:method>GPS</gp:method>"), std::string::npos);
  options.method = "";
  EXPECT_EQ(Parse(pidf_lo_json("{}", options))["ok"]["xml"].get<std::string>().find("gp:method"), std::string::npos);
  EXPECT_EQ(ErrorCode(pidf_lo_json("{}", Pidf(""))), "invalidOptions");
}

TEST(FacadeFeaturesTest, FormatAddress) {
  const Json ok = Parse(format_address_json(R"({"hno": 78, "a6": "Rue de Vaugirard", "pc": "75015", "a3": "Paris"})",
                                            "FR", ""));
  EXPECT_EQ(ok["ok"]["lines"], Parse(R"(["78 Rue de Vaugirard", "75015 Paris"])"));
  const Json display = Parse(format_address_json(
      R"({"a1": "KLN"})", "HK", R"({"a1": {"valueType": "enumerationAssociative",
          "possibleValues": [{"value": "KLN", "display": "Kowloon"}]}})"));
  EXPECT_EQ(display["ok"]["lines"], Parse(R"(["Kowloon"])"));
  EXPECT_EQ(Parse(format_address_json(R"({"a3": "X"})", "", "null"))["ok"]["lines"], Parse(R"(["X"])"));
  EXPECT_EQ(ErrorCode(format_address_json("{}", "FR", "5")), "invalidDocument");
  EXPECT_EQ(ErrorCode(format_address_json("{}", "FR", "{")), "invalidJson");
}

TEST(FacadeFeaturesTest, HostileInputGivesStructuredErrors) {
  const std::string deep = std::string(5000, '[') + std::string(5000, ']');
  const std::string huge = "{\"a6\": \"" + std::string(5 * 1024 * 1024, 'x') + "\"}";
  for (const std::string& bad : {deep, huge, std::string("\xff\xfe"), std::string()}) {
    EXPECT_NE(ErrorCode(normalize_address_json(kConstraints, bad)), "ok");
    EXPECT_NE(ErrorCode(normalize_address_json(bad, "{}")), "ok");
    EXPECT_NE(ErrorCode(civic_address_xml_json(bad, "FR", "")), "ok");
    EXPECT_NE(ErrorCode(pidf_lo_json(bad, Pidf("pres:a@b"))), "ok");
    EXPECT_NE(ErrorCode(format_address_json(bad, "FR", "")), "ok");
    if (!bad.empty()) EXPECT_NE(ErrorCode(format_address_json("{}", "FR", bad)), "ok") << bad.size();  // "" = none
  }
  EXPECT_EQ(ErrorCode(civic_address_xml_json("{}", std::string(100000, 'F'), std::string(100000, 'f'))),
            "invalidOptions");
  // A long but legal value: normalised and formatted, refused by the XML export.
  const std::string long_value = "{\"a6\": \"" + std::string(100000, 'x') + "\"}";
  EXPECT_EQ(ErrorCode(normalize_address_json(kConstraints, long_value)), "ok");
  EXPECT_EQ(ErrorCode(format_address_json(long_value, "FR", "")), "ok");
  EXPECT_EQ(ErrorCode(civic_address_xml_json(long_value, "FR", "")), "invalidText");
  // Invalid UTF-8 inside a JSON string value.
  EXPECT_EQ(ErrorCode(civic_address_xml_json("{\"a6\": \"\xff\"}", "FR", "")), "invalidJson");
}

}  // namespace
}  // namespace btalk
