#include "btalk/api_responses.h"

#include <string>

#include <gtest/gtest.h>

namespace btalk {
namespace {

Json Body(std::string_view text) {
  auto parsed = ParseJson(text);
  EXPECT_TRUE(std::holds_alternative<Json>(parsed)) << text;
  if (auto* j = std::get_if<Json>(&parsed)) return std::move(*j);
  return Json();
}

Json Ok(std::string_view kind, std::string_view text) {
  ResponseResult result = NormalizeResponse(kind, Body(text));
  EXPECT_TRUE(std::holds_alternative<Json>(result))
      << kind << " " << text << ": " << std::get<DocumentError>(result).message;
  if (auto* j = std::get_if<Json>(&result)) return std::move(*j);
  return Json();
}

DocumentError Err(std::string_view kind, std::string_view text) {
  ResponseResult result = NormalizeResponse(kind, Body(text));
  EXPECT_TRUE(std::holds_alternative<DocumentError>(result)) << kind << " " << text;
  if (auto* e = std::get_if<DocumentError>(&result)) return *e;
  return DocumentError();
}

TEST(ApiResponsesTest, Me) {
  EXPECT_EQ(Ok("me", R"({"rightsProfile": "readonly"})"), Body(R"({"rightsProfile": "readonly", "canOrder": false})"));
  EXPECT_EQ(Ok("me", R"({"rightsProfile": "readwrite"})")["canOrder"], true);
  EXPECT_EQ(Ok("me", R"({"rightsProfile": "READ_WRITE"})")["canOrder"], true);
  EXPECT_EQ(Ok("me", R"({"rightsProfile": "admin"})")["canOrder"], true);
  // The API is the authority on rights: only read-only profiles are refused up front.
  EXPECT_EQ(Ok("me", R"({"rightsProfile": "auditor"})")["canOrder"], true);
  EXPECT_EQ(Ok("me", R"({"rightsProfile": "Read-Only"})")["canOrder"], false);
  EXPECT_EQ(Ok("me", R"({"rightsProfile": "viewer"})")["canOrder"], false);
  EXPECT_EQ(Ok("me", R"({"rightsProfile": " CONSULTATION "})")["canOrder"], false);
  EXPECT_EQ(Ok("me", R"({"rightsProfile": "Viewer 2"})")["canOrder"], true);  // not one of the names
  EXPECT_EQ(Ok("me", R"({"rightsProfile": "--"})")["canOrder"], false);      // no letters at all
  EXPECT_EQ(Ok("me", R"([{"profile": "readwrite"}])")["rightsProfile"], "readwrite");
  const DocumentError e = Err("me", R"({"name": "x"})");
  EXPECT_EQ(e.code, "malformedResponse");
  EXPECT_NE(e.message.find("rightsProfile"), std::string::npos);
  EXPECT_EQ(Err("me", R"("readonly")").code, "malformedResponse");
}

TEST(ApiResponsesTest, CustomersFromTheSeed) {
  Json customers = Ok("customers", R"([{"name": "My Customer", "customerCode": "9999", "contractNumber": "123456",
    "apiContractId": "ar45dv5s", "pricingApprovalNumber": "A123456789", "type": "direct"}])");
  EXPECT_EQ(customers, Body(R"([{"customerCode": "9999", "name": "My Customer", "contractNumber": "123456",
                                 "type": "direct"}])"));
}

TEST(ApiResponsesTest, CustomersVariants) {
  Json numeric = Ok("customers", R"({"customers": [{"customerCode": 9999, "contractNumber": 123456}]})");
  EXPECT_EQ(numeric[0]["customerCode"], "9999");
  EXPECT_EQ(numeric[0]["contractNumber"], "123456");
  EXPECT_EQ(numeric[0]["name"], "");
  EXPECT_EQ(Ok("customers", "[]"), Json::array());
  EXPECT_EQ(Err("customers", R"([{"name": "no code"}])").code, "malformedResponse");
  EXPECT_EQ(Err("customers", R"({"customer": {}})").code, "malformedResponse");
  EXPECT_NE(Err("customers", "[1]").message.find("customerCode"), std::string::npos);
}

TEST(ApiResponsesTest, VpnsFromTheSeed) {
  Json vpns = Ok("vpns", R"([{"vpnId": "aa76e66dfc63", "name": "My VPN 1", "vpnCode": "1"},
                             {"vpnId": "3a45b33edf3", "name": "My VPN 2", "vpnCode": 2}])");
  ASSERT_EQ(vpns.size(), 2u);
  EXPECT_EQ(vpns[0], Body(R"({"vpnId": "aa76e66dfc63", "name": "My VPN 1", "vpnCode": "1"})"));
  EXPECT_EQ(vpns[1]["vpnCode"], "2");
  EXPECT_EQ(Ok("vpns", R"({"items": [{"vpnId": "x"}]})")[0]["vpnId"], "x");
  EXPECT_EQ(Err("vpns", R"([{"vpnId": ""}])").code, "malformedResponse");
}

TEST(ApiResponsesTest, CountryFromTheSeed) {
  Json fr = Ok("country", R"({"name": "France", "coverage": {"businessTalkOnline": "Yes", "didNumber": "Yes"},
                              "iso2": "FR", "countryCode": "33"})");
  EXPECT_EQ(fr["iso2"], "FR");
  EXPECT_EQ(fr["name"], "France");
  EXPECT_EQ(fr["countryCode"], "33");
  EXPECT_EQ(fr["covered"], true);
  EXPECT_EQ(fr["coverage"]["didNumber"], "Yes");
  Json no = Ok("country", R"({"iso2": "sj", "coverage": {"businessTalkOnline": "No"}, "countryCode": 47})");
  EXPECT_EQ(no["iso2"], "SJ");
  EXPECT_EQ(no["covered"], false);
  EXPECT_EQ(no["countryCode"], "47");
  EXPECT_EQ(Ok("country", R"({"country": {"iso2": "DE", "businessTalkOnline": "yes"}})")["covered"], true);
  EXPECT_TRUE(Ok("country", R"({"iso2": "DE"})")["coverage"].is_null());
  EXPECT_EQ(Err("country", "[]").code, "malformedResponse");
  EXPECT_EQ(Err("country", R"({"coverage": {}})").code, "malformedResponse");
}

TEST(ApiResponsesTest, Countries) {
  Json list = Ok("countries", R"([{"iso2": "FR", "name": "France", "businessTalkOnline": "Yes"},
                                  {"iso2": "GB", "name": "United Kingdom", "coverage": {"businessTalkOnline": "Yes"}},
                                  {"iso2": "XX", "name": "Nowhere", "businessTalkOnline": "No"}])");
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0], Body(R"({"iso2": "FR", "name": "France", "covered": true})"));
  EXPECT_EQ(list[1]["covered"], true);
  EXPECT_EQ(list[2]["covered"], false);
  EXPECT_EQ(Ok("countries", R"({"countries": [{"iso2": "fr"}]})")[0]["iso2"], "FR");
  EXPECT_EQ(Err("countries", R"({"iso2": "FR"})").code, "malformedResponse");
}

TEST(ApiResponsesTest, OrderResponseVariants) {
  Json top = Ok("orderResponse", R"({"orderId": "o-1", "customerOrderReference": "myOrder",
    "productReference": "voicesite", "status": "completed", "parameters": {"technicalSiteName": "S"},
    "voiceSiteId": "vs-1"})");
  EXPECT_EQ(top, Body(R"({"orderId": "o-1", "customerOrderReference": "myOrder", "status": "completed",
                          "voiceSiteId": "vs-1"})"));
  EXPECT_EQ(Ok("orderResponse", R"({"orderId": 7, "parameters": {"voiceSiteId": "vs-2"}})")["voiceSiteId"], "vs-2");
  EXPECT_EQ(Ok("orderResponse", R"({"orderId": "o", "voicesite": {"voiceSiteId": 33}})")["voiceSiteId"], "33");
  EXPECT_EQ(Ok("orderResponse", R"({"orderId": "o", "voicesite": {"id": "vs-4"}})")["voiceSiteId"], "vs-4");
  EXPECT_EQ(Ok("orderResponse", R"({"orderId": "o", "result": {"voiceSiteId": "vs-5"}})")["voiceSiteId"], "vs-5");
  EXPECT_EQ(Ok("orderResponse", R"({"orderId": "o", "voicesite": "vs-6"})")["voiceSiteId"], "vs-6");
  Json pending = Ok("orderResponse", R"({"orderId": 7, "status": "inProgress"})");
  EXPECT_EQ(pending["orderId"], "7");
  EXPECT_TRUE(pending["voiceSiteId"].is_null());
  EXPECT_EQ(Err("orderResponse", R"({"status": "completed"})").code, "malformedResponse");
  EXPECT_EQ(Err("orderResponse", "[1, 2]").code, "malformedResponse");
}

TEST(ApiResponsesTest, Voicesites) {
  Json sites = Ok("voicesites", R"([
    {"voiceSiteId": "vs-1", "customerCode": "9999", "technicalSiteName": "MY_VOICESITE",
     "customerSiteLabel": "My Voicesite in France", "country": "FR", "vpnId": "aa76e66dfc63",
     "status": "active", "voiceAddress": {"pc": "75015"}},
    {"id": 2, "parameters": {"technicalSiteName": "P", "country": "de"}, "voiceAddress": null},
    {"voiceSiteId": "vs-3", "hasVoiceAddress": true}])");
  ASSERT_EQ(sites.size(), 3u);
  EXPECT_EQ(sites[0], Body(R"({"voiceSiteId": "vs-1", "customerCode": "9999", "technicalSiteName": "MY_VOICESITE",
    "customerSiteLabel": "My Voicesite in France", "country": "FR", "vpnId": "aa76e66dfc63", "status": "active",
    "hasVoiceAddress": true, "voiceAddress": {"pc": "75015"}})"));
  EXPECT_TRUE(sites[1]["voiceAddress"].is_null());
  EXPECT_EQ(sites[1]["customerCode"], "");
  EXPECT_EQ(sites[1]["voiceSiteId"], "2");
  EXPECT_EQ(sites[1]["technicalSiteName"], "P");
  EXPECT_EQ(sites[1]["country"], "DE");
  EXPECT_EQ(sites[1]["hasVoiceAddress"], false);
  EXPECT_EQ(sites[2]["hasVoiceAddress"], true);
  // Only text and numbers of a stored address are kept; an address of nothing usable is none.
  Json odd = Ok("voicesites", R"([{"voiceSiteId": "a", "voiceAddress": {"hno": 12, "a6": "Main", "x": {"y": 1}, "z": [1]}},
    {"voiceSiteId": "b", "voiceAddress": {"x": null}}, {"voiceSiteId": "c", "voiceAddress": "FR"}])");
  EXPECT_EQ(odd[0]["voiceAddress"], Body(R"({"hno": "12", "a6": "Main"})"));
  EXPECT_EQ(odd[0]["hasVoiceAddress"], true);
  EXPECT_TRUE(odd[1]["voiceAddress"].is_null());
  EXPECT_EQ(odd[1]["hasVoiceAddress"], false);
  EXPECT_TRUE(odd[2]["voiceAddress"].is_null());
  EXPECT_EQ(Ok("voicesites", R"({"voicesites": []})"), Json::array());
  EXPECT_EQ(Err("voicesites", R"([{"technicalSiteName": "x"}])").code, "malformedResponse");
}

TEST(ApiResponsesTest, GeoAreasAcceptEveryShape) {
  const Json expected = Body(R"([{"value": "ZH", "display": "Zürich"}])");
  EXPECT_EQ(Ok("geoAreas", R"([{"value": "ZH", "display": "Zürich"}])"), expected);
  EXPECT_EQ(Ok("geoAreas", R"([{"code": "ZH", "label": "Zürich"}])"), expected);
  EXPECT_EQ(Ok("geoAreas", R"({"items": [{"value": "ZH", "display": "Zürich"}]})"), expected);
  EXPECT_EQ(Ok("geoAreas", R"({"areas": [{"value": "ZH", "display": "Zürich"}]})"), expected);
  EXPECT_EQ(Ok("geoAreas", R"({"geoAreas": [{"value": "ZH", "display": "Zürich"}]})"), expected);
  EXPECT_EQ(Ok("geoAreas", R"(["Bern", 3000])"), Body(R"([{"value": "Bern", "display": "Bern"},
                                                          {"value": "3000", "display": "3000"}])"));
  EXPECT_EQ(Ok("geoAreas", R"([{"name": "Bern"}])"), Body(R"([{"value": "Bern", "display": "Bern"}])"));
  EXPECT_EQ(Ok("geoAreas", R"([{"value": "BE"}])"), Body(R"([{"value": "BE", "display": "BE"}])"));
  const DocumentError e = Err("geoAreas", R"([{"display": "no value"}])");
  EXPECT_EQ(e.code, "malformedResponse");
  EXPECT_NE(e.message.find("value"), std::string::npos);
  EXPECT_EQ(Err("geoAreas", R"({"area": "ZH"})").code, "malformedResponse");
  EXPECT_EQ(Err("geoAreas", R"([null])").code, "malformedResponse");
}

TEST(ApiResponsesTest, DialZones) {
  EXPECT_EQ(Ok("dialZones", R"j([{"value": "01", "display": "Paris (01)"}, "02"])j"),
            Body(R"j([{"value": "01", "display": "Paris (01)"}, {"value": "02", "display": "02"}])j"));
  EXPECT_EQ(Ok("dialZones", R"({"dialZones": []})"), Json::array());
  EXPECT_EQ(Err("dialZones", R"(42)").code, "malformedResponse");
}

// Issue 18 item 10: what a postal code determines, where the API's items say it.
TEST(ApiResponsesTest, ChoicesKeepTheirPostalCodes) {
  EXPECT_EQ(Ok("geoAreas", R"([{"value": "Lausanne", "display": "Lausanne", "postalCodes": ["1003", 1004, " 1005 "]}])"),
            Body(R"([{"value": "Lausanne", "display": "Lausanne", "postalCodes": ["1003", "1004", "1005"]}])"));
  EXPECT_EQ(Ok("dialZones", R"([{"value": "021", "display": "021 Lausanne", "postalCodes": []}])"),
            Body(R"([{"value": "021", "display": "021 Lausanne", "postalCodes": []}])"));
  // A list that is not one of short codes is left out whole (a partial one would rule the choice out).
  const Json plain = Body(R"([{"value": "021", "display": "021"}])");
  EXPECT_EQ(Ok("dialZones", R"([{"value": "021", "postalCodes": ["1003", {"x": 1}]}])"), plain);
  EXPECT_EQ(Ok("dialZones", R"([{"value": "021", "postalCodes": "1003"}])"), plain);
  EXPECT_EQ(Ok("dialZones", R"([{"value": "021", "postalCodes": [""]}])"), plain);
  EXPECT_EQ(Ok("dialZones", R"([{"value": "021", "postalCodes": [")" + std::string(40, '1') + R"("]}])"), plain);
  Json many = Json::array();
  for (int i = 0; i < 10001; ++i) many.push_back(Json(std::to_string(i)));
  EXPECT_EQ(Ok("dialZones", R"([{"value": "021", "postalCodes": )" + DumpJson(many) + "}]"), plain);
}

TEST(ApiResponsesTest, AddressCandidates) {
  Json nested = Ok("addressCandidates", R"([{"id": "c1", "label": "78 Rue de Sèvres, 75006 Paris",
    "voiceAddress": {"hno": "78", "a6": "Rue de Sèvres", "pc": "75006", "a3": "Paris", "flr": 3, "x": null}}])");
  ASSERT_EQ(nested.size(), 1u);
  EXPECT_EQ(nested[0]["id"], "c1");
  EXPECT_EQ(nested[0]["label"], "78 Rue de Sèvres, 75006 Paris");
  EXPECT_EQ(nested[0]["address"], Body(R"({"hno": "78", "a6": "Rue de Sèvres", "pc": "75006", "a3": "Paris",
                                          "flr": "3"})"));

  Json address_key = Ok("addressCandidates", R"({"candidates": [{"id": 5, "address": {"pc": "1000", "a3": "Bern"}}]})");
  EXPECT_EQ(address_key[0]["id"], "5");
  EXPECT_EQ(address_key[0]["label"], "1000, Bern");  // built when missing

  Json flat = Ok("addressCandidates", R"([{"hno": "1600", "a6": "Pennsylvania", "sts": "AVE", "pc": "20500",
                                          "a3": "Washington", "a1": "DC"}, {"a3": "Boston"}])");
  EXPECT_EQ(flat[0]["id"], "1");
  EXPECT_EQ(flat[1]["id"], "2");
  EXPECT_EQ(flat[0]["address"]["sts"], "AVE");
  EXPECT_EQ(flat[0]["label"], "1600 Pennsylvania AVE, 20500, Washington, DC");

  EXPECT_EQ(Err("addressCandidates", R"(["78 Rue de Sèvres"])").code, "malformedResponse");
  EXPECT_EQ(Err("addressCandidates", R"([{"id": "only-id"}])").code, "malformedResponse");
}

TEST(ApiResponsesTest, PostalCodesFromTheStandIn) {
  Json codes = Ok("postalCodes", R"([{"value": "1495-063", "display": "1495-063 Algés", "a1": "Lisboa",
                                      "a2": "Oeiras", "a3": "Algés"}])");
  EXPECT_EQ(codes, Body(R"([{"value": "1495-063", "display": "1495-063 Algés",
    "address": {"pc": "1495-063", "a1": "Lisboa", "a2": "Oeiras", "a3": "Algés"}}])"));
}

TEST(ApiResponsesTest, PostalCodesVariants) {
  // Nested address wins over flat keys; its own pc is kept; non-elements are dropped.
  Json nested = Ok("postalCodes", R"({"postalCodes": [{"postalCode": 1100148, "label": "Lisboa",
    "address": {"pc": "1100-148", "a3": "Lisboa", "a4": 7, "dialZone": "21", "score": 3, "a2": ""}}]})");
  EXPECT_EQ(nested[0], Body(R"({"value": "1100148", "display": "Lisboa",
                                "address": {"pc": "1100-148", "a3": "Lisboa", "a4": "7"}})"));
  // Only the code: display and pc default to it.
  EXPECT_EQ(Ok("postalCodes", R"({"items": [{"code": "4000-322"}]})"),
            Body(R"([{"value": "4000-322", "display": "4000-322", "address": {"pc": "4000-322"}}])"));
  EXPECT_EQ(Ok("postalCodes", "[]"), Json::array());
  const DocumentError e = Err("postalCodes", R"([{"display": "no value", "a1": "Lisboa"}])");
  EXPECT_EQ(e.code, "malformedResponse");
  EXPECT_NE(e.message.find("postal codes"), std::string::npos);
  EXPECT_EQ(Err("postalCodes", R"(["1000-001"])").code, "malformedResponse");
  EXPECT_EQ(Err("postalCodes", R"([{"value": "  "}])").code, "malformedResponse");
  EXPECT_EQ(Err("postalCodes", R"({"value": "1000-001"})").code, "malformedResponse");
}

TEST(ApiResponsesTest, Parishes) {
  EXPECT_EQ(Ok("parishes", R"([{"a1": "Lisboa", "a2": "Lisboa", "value": "Belém", "display": "Belém"},
                               "Ajuda", {"name": "Alvalade"}])"),
            Body(R"([{"value": "Belém", "display": "Belém"}, {"value": "Ajuda", "display": "Ajuda"},
                     {"value": "Alvalade", "display": "Alvalade"}])"));
  EXPECT_EQ(Ok("parishes", R"({"parishes": [{"code": "x", "label": "X"}]})"),
            Body(R"([{"value": "x", "display": "X"}])"));
  EXPECT_EQ(Ok("parishes", "[]"), Json::array());
  EXPECT_EQ(Err("parishes", R"([{"display": "no value"}])").code, "malformedResponse");
  EXPECT_EQ(Err("parishes", R"({"parish": "Belém"})").code, "malformedResponse");
}

TEST(ApiResponsesTest, ApiErrorShapes) {
  Json ours = Ok("apiError", R"({"code": "INVALID_ADDRESS", "message": "The address is not valid",
    "description": "pc", "problems": [{"field": "pc", "code": "patternMismatch", "message": "Bad"}, 5]})");
  EXPECT_EQ(ours, Body(R"({"code": "INVALID_ADDRESS", "message": "The address is not valid", "description": "pc",
    "problems": [{"field": "pc", "code": "patternMismatch", "message": "Bad", "description": ""}]})"));

  Json orange = Ok("apiError", R"({"code": 42, "message": "Expired credentials",
                                   "description": "The requested service needs credentials, but the ones provided were out-of-date."})");
  EXPECT_EQ(orange["code"], 42);  // an integer stays one
  EXPECT_EQ(orange["message"], "Expired credentials");
  EXPECT_EQ(orange["problems"], Json::array());

  Json oauth = Ok("apiError", R"({"error": "invalid_client", "error_description": "Client authentication failed"})");
  EXPECT_EQ(oauth["code"], "invalid_client");
  EXPECT_EQ(oauth["message"], "Client authentication failed");
  EXPECT_EQ(oauth["description"], "");

  Json wrapped = Ok("apiError", R"({"error": {"code": "NOT_FOUND", "message": "No such voicesite"}})");
  EXPECT_EQ(wrapped["code"], "NOT_FOUND");

  Json list = Ok("apiError", R"({"errors": [{"code": "E1", "message": "First"}]})");
  EXPECT_EQ(list["message"], "First");

  Json text = Ok("apiError", R"("Service unavailable")");
  EXPECT_EQ(text["message"], "Service unavailable");

  Json bare = Ok("apiError", "{}");
  EXPECT_EQ(bare["message"], "The server reported an error without details");
}

// The Business Talk API's "Common error list": every entry kept, the first one speaking for the error.
TEST(ApiResponsesTest, ApiErrorListKeepsEveryEntry) {
  Json refused = Ok("apiError", R"([
    {"code": 1102, "message": "Street unknown", "description": "Street name Rue X does not exist in 75001"},
    {"code": 1103, "message": "House number out of range", "description": "hno 999 is above 120"},
    {"code": 1104, "message": "Refused", "description": "Refused"}])");
  EXPECT_EQ(refused["code"], 1102);
  EXPECT_EQ(refused["message"], "Street unknown");
  EXPECT_EQ(refused["description"], "Street name Rue X does not exist in 75001");
  ASSERT_EQ(refused["problems"].size(), 3u);
  EXPECT_EQ(refused["problems"][0], Body(R"({"field": "", "code": 1102, "message": "Street unknown",
    "description": "Street name Rue X does not exist in 75001"})"));
  EXPECT_EQ(refused["problems"][1]["code"], 1103);
  EXPECT_EQ(refused["problems"][1]["message"], "House number out of range");
  EXPECT_EQ(refused["problems"][2]["field"], "");
  EXPECT_EQ(refused["problems"][2]["description"], "");  // the same words once

  Json conflict = Ok("apiError", R"([{"code": 1203, "message": "Technical site name SITE_3 is already used",
    "description": "technicalSiteName must be unique for the customer"}])");
  EXPECT_EQ(conflict["message"], "Technical site name SITE_3 is already used");
  EXPECT_EQ(conflict["problems"][0]["description"], "technicalSiteName must be unique for the customer");

  // Text codes, texts as entries, a list under "errors".
  Json mixed = Ok("apiError", R"({"errors": [{"code": "E1", "message": "First"}, "Postal code unknown", 7, null]})");
  EXPECT_EQ(mixed["code"], "E1");
  ASSERT_EQ(mixed["problems"].size(), 2u);
  EXPECT_EQ(mixed["problems"][1]["message"], "Postal code unknown");

  // An entry's own field is kept.
  EXPECT_EQ(Ok("apiError", R"([{"field": "a3", "message": "pc and city disagree"}])")["problems"][0]["field"], "a3");
  // A message without words, the description speaks.
  Json quiet = Ok("apiError", R"([{"code": 1, "description": "Unit is missing"}])");
  EXPECT_EQ(quiet["message"], "Unit is missing");
  EXPECT_EQ(quiet["problems"][0]["message"], "Unit is missing");

  EXPECT_EQ(Err("apiError", "[]").code, "malformedResponse");
  EXPECT_EQ(Err("apiError", "[null, 5, []]").code, "malformedResponse");
}

TEST(ApiResponsesTest, ApiErrorListIsBounded) {
  Json list = Json::array();
  for (int i = 0; i < 1000; ++i) list.push_back(JsonObject({{"code", i}, {"message", std::string(2000, 'x')}}));
  Json answer = Ok("apiError", DumpJson(list));
  EXPECT_EQ(answer["problems"].size(), 100u);
  EXPECT_LT(answer["message"].get<std::string>().size(), 1100u);
  EXPECT_EQ(answer["problems"][99]["code"], 99);
}

TEST(ApiResponsesTest, ApiErrorFromNonJsonText) {
  EXPECT_EQ(ApiErrorFromText("Bad Gateway\n")["message"], "Bad Gateway");
  EXPECT_EQ(ApiErrorFromText("<html><body>502</body></html>")["message"],
            "The server answered with a web page instead of an API error");
  EXPECT_EQ(ApiErrorFromText("")["message"], "The server reported an error without details");
  const std::string long_text(5000, 'x');
  EXPECT_LT(ApiErrorFromText(long_text)["message"].get<std::string>().size(), 400u);
}

TEST(ApiResponsesTest, UnknownKind) {
  EXPECT_FALSE(IsResponseKind("nope"));
  EXPECT_TRUE(IsResponseKind("geoAreas"));
  EXPECT_TRUE(IsResponseKind("postalCodes"));
  EXPECT_TRUE(IsResponseKind("parishes"));
  EXPECT_FALSE(IsResponseKind("GeoAreas"));  // kinds are exact, unlike API keys
  EXPECT_FALSE(IsResponseKind(""));
  EXPECT_EQ(Err("nope", "{}").code, "unknownKind");
  EXPECT_EQ(Err("GeoAreas", "[]").code, "unknownKind");
}

TEST(ApiResponsesTest, EveryKindSurvivesEveryJsonType) {
  for (const char* kind : {"me", "customers", "vpns", "country", "countries", "orderResponse", "voicesites",
                           "geoAreas", "addressCandidates", "dialZones", "apiError", "postalCodes", "parishes"}) {
    EXPECT_TRUE(IsResponseKind(kind)) << kind;
    for (const char* body : {"null", "true", "0", "-1.5", "\"\"", "[]", "{}", "[null]", "[[]]", "[{}]",
                             R"({"items": {}})", R"([{"value": []}])", R"({"coverage": 5})",
                             R"({"parameters": 3, "voicesite": [1]})", R"({"error": [], "errors": {}})"}) {
      ResponseResult result = NormalizeResponse(kind, Body(body));
      if (auto* error = std::get_if<DocumentError>(&result)) {
        EXPECT_EQ(error->code, "malformedResponse") << kind << " " << body;
        EXPECT_FALSE(error->message.empty());
      }
    }
  }
}

}  // namespace
}  // namespace btalk
