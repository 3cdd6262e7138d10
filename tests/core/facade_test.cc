#include "btalk/facade.h"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"
#include <nlohmann/json.hpp>

namespace btalk {
namespace {

using test::Envelope;
using test::ReadData;

using nlohmann::json;



json Ok(const std::string& text) {
  json envelope = Envelope(text);
  EXPECT_TRUE(envelope.contains("ok")) << text;
  return envelope.contains("ok") ? envelope["ok"] : json();
}

json Error(const std::string& text) {
  json envelope = Envelope(text);
  EXPECT_TRUE(envelope.contains("error")) << text;
  if (!envelope.contains("error")) return json();
  EXPECT_TRUE(envelope["error"]["code"].is_string());
  EXPECT_TRUE(envelope["error"]["message"].is_string());
  EXPECT_FALSE(envelope["error"]["message"].get<std::string>().empty());
  return envelope["error"];
}

TEST(FacadeTest, Version) {
  EXPECT_EQ(core_version(), "0.1.0");
}

TEST(FacadeTest, AddressFormFromSeedAndCountryDocuments) {
  json form = Ok(address_form_json(ReadData("seed_enumeration_associative.json"), ""));
  ASSERT_EQ(form["fields"].size(), 1u);
  EXPECT_EQ(form["fields"][0]["options"][0], json::parse(R"({"value": "AVE", "display": "Avenue"})"));
  EXPECT_TRUE(form["dialZone"].is_null());
  EXPECT_EQ(form["constraintErrors"], json::array());

  json ch = Ok(address_form_json(ReadData("ch_addressconstraints.json"), ReadData("ch_geographicalconstraints.json")));
  EXPECT_EQ(ch["dialZone"], "manual");
  EXPECT_EQ(ch["fields"].size(), 6u);
  const std::vector<std::string> keys = {"name", "label", "description", "required", "control", "valueType",
                                         "options", "minLength", "maxLength", "pattern", "referenceUrl",
                                         "position", "geoLevel"};
  for (const json& field : ch["fields"]) {
    EXPECT_EQ(field.size(), keys.size());
    for (const std::string& key : keys) EXPECT_TRUE(field.contains(key)) << key;
  }
  EXPECT_TRUE(Ok(address_form_json(ReadData("fr_addressconstraints.json"), "null"))["dialZone"].is_null());
  EXPECT_EQ(Ok(address_form_json(ReadData("fr_addressconstraints.json"),
                                 ReadData("fr_geographicalconstraints.json")))["dialZone"], "automatic");
}

TEST(FacadeTest, AddressFormErrors) {
  json broken = Error(address_form_json(ReadData("seed_enumeration_associative_verbatim.json"), ""));
  EXPECT_EQ(broken["code"], "invalidJson");
  EXPECT_NE(broken["message"].get<std::string>().find("Address constraints"), std::string::npos);
  EXPECT_EQ(Error(address_form_json("42", ""))["code"], "invalidDocument");
  EXPECT_EQ(Error(address_form_json("{}", "{"))["code"], "invalidJson");
  EXPECT_EQ(Error(address_form_json("{}", "[]"))["code"], "invalidDocument");
  // Broken elements are not document errors: the form still comes back.
  json form = Ok(address_form_json(R"({"pc": {"maxLength": "abc"}, "a3": {}})", R"({"dialZoneSelection": "x"})"));
  EXPECT_EQ(form["fields"].size(), 2u);
  EXPECT_EQ(form["constraintErrors"].size(), 2u);
}

TEST(FacadeTest, ValidateAddress) {
  const std::string fr = ReadData("fr_addressconstraints.json");
  json ok = Ok(validate_address_json(fr, R"({"a6": "Rue de Sèvres", "pc": 75006, "a3": "Paris"})", "{}"));
  EXPECT_EQ(ok, json::parse(R"({"valid": true, "problems": []})"));
  json bad = Ok(validate_address_json(fr, R"({"a6": "Rue de Sèvres", "pc": "7500", "a3": ""})", ""));
  EXPECT_EQ(bad["valid"], false);
  ASSERT_EQ(bad["problems"].size(), 2u);
  EXPECT_EQ(bad["problems"][0], json::parse(R"({"field": "pc", "code": "tooShort",
                                                 "message": "Postal code must be at least 5 characters"})"));
  EXPECT_EQ(bad["problems"][1]["code"], "valueMissing");
}

TEST(FacadeTest, ValidateAddressWithGeoOptions) {
  const std::string ch = ReadData("ch_addressconstraints.json");
  const std::string options = R"({"geographicalConstraints": )" + ReadData("ch_geographicalconstraints.json") +
                              R"(, "geoAreas": {"area1": [{"value": "ZH", "display": "Zürich"}], "area2": ["Zürich"]}})";
  json ok = Ok(validate_address_json(
      ch, R"({"a6": "Bahnhofstrasse", "pc": "8001", "a1": "ZH", "a3": "Zürich", "dialZone": "044"})", options));
  EXPECT_EQ(ok["valid"], true) << ok.dump();
  json bad = Ok(validate_address_json(ch, R"({"a6": "Bahnhofstrasse", "pc": "8001", "a1": "ZH", "a3": "Basel"})",
                                      options));
  ASSERT_EQ(bad["problems"].size(), 2u) << bad.dump();
  EXPECT_EQ(bad["problems"][0]["field"], "a3");
  EXPECT_EQ(bad["problems"][0]["code"], "notAllowed");
  EXPECT_EQ(bad["problems"][1]["field"], "dialZone");
  EXPECT_EQ(bad["problems"][1]["code"], "valueMissing");
}

TEST(FacadeTest, ValidateAddressErrors) {
  EXPECT_EQ(Error(validate_address_json("{", "{}", "{}"))["code"], "invalidJson");
  EXPECT_EQ(Error(validate_address_json("{}", "[]", "{}"))["code"], "invalidDocument");
  EXPECT_EQ(Error(validate_address_json("{}", "", "{}"))["code"], "invalidJson");
  EXPECT_EQ(Error(validate_address_json("{}", "{}", "[1]"))["code"], "invalidDocument");
  EXPECT_EQ(Error(validate_address_json("{}", "{}", R"({"geoAreas": {"area1": 5}})"))["code"], "invalidDocument");
  json options_error = Error(validate_address_json("{}", "{}", "{,}"));
  EXPECT_EQ(options_error["code"], "invalidJson");
  EXPECT_NE(options_error["message"].get<std::string>().find("Validation options"), std::string::npos);
}

TEST(FacadeTest, HostileDocumentsGiveCleanErrors) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(Error(address_form_json(deep, ""))["code"], "invalidJson");
  EXPECT_EQ(Error(validate_address_json("{}", deep, ""))["code"], "invalidJson");
  EXPECT_EQ(Error(order_request_json(deep))["code"], "invalidJson");
  EXPECT_EQ(Error(parse_response_json("customers", deep))["code"], "malformedResponse");
  const std::string big = "\"" + std::string(5 * 1024 * 1024, 'x') + "\"";
  json too_big = Error(address_form_json(big, ""));
  EXPECT_NE(too_big["message"].get<std::string>().find("too large"), std::string::npos);
  EXPECT_EQ(Error(parse_response_json("apiError", big))["code"], "malformedResponse");
}

TEST(FacadeTest, OutputIsValidUtf8EvenForBadInput) {
  json error = Error(parse_response_json("\xff\xfe", "{}"));
  EXPECT_EQ(error["code"], "unknownKind");
  EXPECT_EQ(Error(address_form_json("{\"pc\": \"\xc3\"}", ""))["code"], "invalidJson");
}

TEST(FacadeTest, OrderRequestValidatesAndBuildsInOneCall) {
  const std::string order = R"({"customerOrderReference": " myOrder ", "technicalSiteName": "MY_VOICESITE",
    "customerSiteLabel": "My Voicesite in France", "country": "fr", "vpnId": "aa76e66dfc63"})";
  EXPECT_EQ(Ok(order_request_json(order)), json::parse(R"({"valid": true, "problems": [],
    "body": {"customerOrderReference": "myOrder", "parameters": {"technicalSiteName": "MY_VOICESITE",
    "customerSiteLabel": "My Voicesite in France", "country": "FR", "vpnId": "aa76e66dfc63"}}})"));

  // An invalid order: its problems, and no body.
  const std::string bad = R"({"customerOrderReference": "r", "technicalSiteName": "MY SITE", "country": "FRA"})";
  json validation = Ok(order_request_json(bad));
  EXPECT_EQ(validation["valid"], false);
  EXPECT_FALSE(validation.contains("body"));
  ASSERT_EQ(validation["problems"].size(), 4u);
  EXPECT_EQ(validation["problems"][0], json::parse(R"j({"field": "technicalSiteName", "code": "patternMismatch",
    "message": "Technical site name may only contain letters A to Z, digits, underscores (_) and hyphens (-)"})j"));

  // Not an order at all: a structured error, named as the order's.
  EXPECT_EQ(Error(order_request_json("[]"))["code"], "invalidDocument");
  json not_json = Error(order_request_json("nope"));
  EXPECT_EQ(not_json["code"], "invalidJson");
  EXPECT_EQ(not_json["message"].get<std::string>().rfind("Order: ", 0), 0u);
}

TEST(FacadeTest, OrderRequestHostileInputIsBounded) {
  // Too deep, too large, invalid UTF-8, non-text values: each a clean answer.
  const std::string deep = "{\"vpnId\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_EQ(Error(order_request_json(deep))["code"], "invalidJson");
  const std::string big = R"({"technicalSiteName": ")" + std::string(5 * 1024 * 1024, 'S') + "\"}";
  json too_big = Error(order_request_json(big));
  EXPECT_EQ(too_big["code"], "invalidJson");
  EXPECT_NE(too_big["message"].get<std::string>().find("too large"), std::string::npos);
  EXPECT_EQ(Error(order_request_json("{\"vpnId\": \"\xc3\"}"))["code"], "invalidJson");
  json typed = Ok(order_request_json(R"({"customerOrderReference": ["r"], "technicalSiteName": {"a": 1},
    "customerSiteLabel": true, "country": "FR", "vpnId": 7})"));
  EXPECT_EQ(typed["valid"], false);
  std::vector<std::string> codes;
  for (const json& p : typed["problems"]) codes.push_back(p["field"].get<std::string>() + ":" + p["code"].get<std::string>());
  EXPECT_EQ(codes, (std::vector<std::string>{"customerOrderReference:typeMismatch", "technicalSiteName:typeMismatch",
                                             "customerSiteLabel:typeMismatch"}));
  // A long value is reported, not echoed: the message stays short.
  json long_name = Ok(order_request_json(R"({"technicalSiteName": ")" + std::string(100000, 'S') + "\"}"));
  for (const json& p : long_name["problems"]) EXPECT_LT(p["message"].get<std::string>().size(), 200u);
}

TEST(FacadeTest, ParseResponse) {
  json me = Ok(parse_response_json("me", R"({"rightsProfile": "readonly"})"));
  EXPECT_EQ(me, json::parse(R"({"rightsProfile": "readonly", "canOrder": false})"));
  EXPECT_EQ(Ok(parse_response_json("geoAreas", R"(["A"])")), json::parse(R"([{"value": "A", "display": "A"}])"));
  json unknown = Error(parse_response_json("weather", "{}"));
  EXPECT_EQ(unknown["code"], "unknownKind");
  EXPECT_NE(unknown["message"].get<std::string>().find("weather"), std::string::npos);
  json malformed = Error(parse_response_json("customers", R"({"name": "x"})"));
  EXPECT_EQ(malformed["code"], "malformedResponse");
  EXPECT_NE(malformed["message"].get<std::string>().find("customerCode"), std::string::npos);
  EXPECT_EQ(Error(parse_response_json("vpns", "<html>"))["code"], "malformedResponse");
  EXPECT_EQ(Error(parse_response_json("vpns", ""))["code"], "malformedResponse");
  // Error bodies that are not JSON still become an apiError.
  EXPECT_EQ(Ok(parse_response_json("apiError", "Bad Gateway"))["message"], "Bad Gateway");
  EXPECT_EQ(Ok(parse_response_json("apiError", ""))["code"], "");
}

// The address-only wasm module binds parse_address_response_json as parseResponse: the address
// kinds answer exactly as parse_response_json does; the order/customer kinds are refused by name.
TEST(FacadeTest, ParseAddressResponseMatchesFullForAddressKinds) {
  const std::pair<const char*, const char*> cases[] = {
      {"geoAreas", R"(["A", {"value": "B", "display": "Bee"}])"},
      {"dialZones", R"({"dialZones": [{"value": "01"}]})"},
      {"parishes", R"([{"value": "P", "display": "Parish"}])"},
      {"country", R"({"iso2": "FR", "name": "France", "countryCode": "33", "covered": true})"},
      {"postalCodes", R"([{"value": "1000-001", "address": {"pc": "1000-001", "a1": "Lisboa"}}])"},
      {"addressCandidates", R"([{"id": "1", "label": "1 Rue X", "address": {"a6": "Rue X", "hno": "1"}}])"},
      {"apiError", R"({"code": "BAD", "message": "No", "problems": [{"field": "pc", "code": "x"}]})"},
      {"apiError", "Bad Gateway"},
      {"country", R"({"name": 1})"},
      {"geoAreas", "<html>"},
  };
  for (const auto& [kind, body] : cases) {
    EXPECT_EQ(parse_address_response_json(kind, body), parse_response_json(kind, body)) << kind << " " << body;
  }
  for (const char* kind : {"me", "customers", "vpns", "countries", "orderResponse", "voicesites"}) {
    json error = Error(parse_address_response_json(kind, "{}"));
    EXPECT_EQ(error["code"], "notInAddressCore") << kind;
    EXPECT_NE(error["message"].get<std::string>().find("loadCore()"), std::string::npos);
  }
  EXPECT_EQ(Error(parse_address_response_json("weather", "{}"))["code"], "unknownKind");
  EXPECT_EQ(Error(parse_address_response_json("\xff\xfe", "{}"))["code"], "unknownKind");
}

}  // namespace
}  // namespace btalk
