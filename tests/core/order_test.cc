#include "btalk/order.h"

#include <string>

#include <gtest/gtest.h>

#include "test_util.h"

namespace btalk {
namespace {

OrderInput Input(std::string_view json_text) {
  return test::FromJsonText<OrderInput>(json_text, OrderFromJson);
}

std::vector<std::string> Codes(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const Problem& p : problems) out.push_back(p.field + ":" + ProblemCodeName(p.code));
  return out;
}

using Strings = std::vector<std::string>;

// The seed's example order.
constexpr const char* kSeedOrder = R"({"customerOrderReference": "myOrder", "technicalSiteName": "MY_VOICESITE",
  "customerSiteLabel": "My Voicesite in France", "country": "FR", "vpnId": "aa76e66dfc63"})";

TEST(OrderTest, SeedOrderIsValidAndBuildsTheSeedBody) {
  OrderInput input = Input(kSeedOrder);
  EXPECT_TRUE(ValidateOrder(input).empty());
  Json body = OrderRequestBody(NormalizeOrder(input.order));
  EXPECT_EQ(body, Json::parse(R"({"customerOrderReference": "myOrder", "parameters": {
    "technicalSiteName": "MY_VOICESITE", "customerSiteLabel": "My Voicesite in France",
    "country": "FR", "vpnId": "aa76e66dfc63"}})"));
}

TEST(OrderTest, ValuesAreTrimmedAndCountryUppercased) {
  OrderInput input = Input("{\"customerOrderReference\": \" ref-1 \", \"technicalSiteName\": \"\\u00a0SITE_1\","
                           " \"customerSiteLabel\": \"Lyon \\u2003\", \"country\": \" fr\", \"vpnId\": 12345}");
  EXPECT_TRUE(ValidateOrder(input).empty());
  VoicesiteOrder order = NormalizeOrder(input.order);
  EXPECT_EQ(order.customer_order_reference, "ref-1");
  EXPECT_EQ(order.technical_site_name, "SITE_1");
  EXPECT_EQ(order.customer_site_label, "Lyon");
  EXPECT_EQ(order.country, "FR");
  EXPECT_EQ(order.vpn_id, "12345");  // numbers accepted as text
}

TEST(OrderTest, EverythingMissing) {
  std::vector<Problem> problems = ValidateOrder(Input("{}"));
  EXPECT_EQ(Codes(problems), (Strings{"customerOrderReference:valueMissing", "technicalSiteName:valueMissing",
                                      "customerSiteLabel:valueMissing", "country:valueMissing", "vpnId:valueMissing"}));
  EXPECT_EQ(problems[0].message, "Order reference is required");
  EXPECT_EQ(ValidateOrder(Input(R"({"customerOrderReference": "  ", "technicalSiteName": null})")).size(), 5u);
}

TEST(OrderTest, LengthLimitsCountCodePoints) {
  auto order_with = [](const std::string& key, const std::string& value) {
    Json j = Json::parse(kSeedOrder);
    j[key] = value;
    return Input(j.dump());
  };
  EXPECT_TRUE(ValidateOrder(order_with("customerOrderReference", std::string(64, 'r'))).empty());
  EXPECT_EQ(Codes(ValidateOrder(order_with("customerOrderReference", std::string(65, 'r')))),
            Strings{"customerOrderReference:tooLong"});
  // 64 "é" are 128 bytes but 64 characters.
  std::string accents;
  for (int i = 0; i < 64; ++i) accents += "\xc3\xa9";
  EXPECT_TRUE(ValidateOrder(order_with("customerOrderReference", accents)).empty());
  EXPECT_TRUE(ValidateOrder(order_with("technicalSiteName", std::string(50, 'S'))).empty());
  std::vector<Problem> long_name = ValidateOrder(order_with("technicalSiteName", std::string(51, 'S')));
  ASSERT_EQ(Codes(long_name), Strings{"technicalSiteName:tooLong"});
  EXPECT_EQ(long_name[0].message, "Technical site name must be at most 50 characters");
  EXPECT_TRUE(ValidateOrder(order_with("customerSiteLabel", std::string(100, 'l'))).empty());
  EXPECT_EQ(Codes(ValidateOrder(order_with("customerSiteLabel", std::string(101, 'l')))),
            Strings{"customerSiteLabel:tooLong"});
  EXPECT_EQ(Codes(ValidateOrder(order_with("vpnId", std::string(65, 'v')))), Strings{"vpnId:tooLong"});
  // Emoji labels count one per code point.
  std::string emoji;
  for (int i = 0; i < 100; ++i) emoji += "\xf0\x9f\x93\x9e";
  EXPECT_TRUE(ValidateOrder(order_with("customerSiteLabel", emoji)).empty());
}

TEST(OrderTest, TechnicalSiteNameCharacters) {
  for (const char* good : {"MY_VOICESITE", "site-01", "a", "Z_9-z"}) {
    Json j = Json::parse(kSeedOrder);
    j["technicalSiteName"] = good;
    EXPECT_TRUE(ValidateOrder(Input(j.dump())).empty()) << good;
  }
  for (const char* bad : {"MY SITE", "site.1", "caf\xc3\xa9", "a/b", "x\ty", "\xe6\x9d\xb1\xe4\xba\xac"}) {
    Json j = Json::parse(kSeedOrder);
    j["technicalSiteName"] = bad;
    std::vector<Problem> problems = ValidateOrder(Input(j.dump()));
    ASSERT_EQ(Codes(problems), Strings{"technicalSiteName:patternMismatch"}) << bad;
    EXPECT_NE(problems[0].message.find("letters"), std::string::npos);
  }
}

TEST(OrderTest, ReferenceRejectsControlCharacters) {
  for (const char* bad : {"ref\n1", "ref\x01", "a\x7f" "b", "a\xc2\x85" "b"}) {
    Json j = Json::parse(kSeedOrder);
    j["customerOrderReference"] = bad;
    EXPECT_EQ(Codes(ValidateOrder(Input(j.dump()))), Strings{"customerOrderReference:patternMismatch"}) << bad;
  }
}

TEST(OrderTest, SiteLabelAndVpnAreFreeText) {
  Json j = Json::parse(kSeedOrder);
  j["customerSiteLabel"] = "Site #1 / caf\xc3\xa9 (\xe6\x9d\xb1\xe4\xba\xac)";
  j["vpnId"] = "vpn.id/1 \xc3\xa9";
  EXPECT_TRUE(ValidateOrder(Input(j.dump())).empty());
}

TEST(OrderTest, CountryMustBeTwoLetters) {
  for (const char* bad : {"FRA", "F", "F1", "12", "\xc3\x89S"}) {
    Json j = Json::parse(kSeedOrder);
    j["country"] = bad;
    std::vector<Problem> problems = ValidateOrder(Input(j.dump()));
    ASSERT_EQ(Codes(problems), Strings{"country:patternMismatch"}) << bad;
    EXPECT_EQ(problems[0].message, "Country must be a two-letter ISO code such as FR");
  }
}

TEST(OrderTest, NonTextValuesAreTypeMismatch) {
  OrderInput input = Input(R"({"customerOrderReference": ["a"], "technicalSiteName": {"x": 1},
    "customerSiteLabel": true, "country": "FR", "vpnId": "v"})");
  EXPECT_EQ(Codes(ValidateOrder(input)), (Strings{"customerOrderReference:typeMismatch",
                                                  "technicalSiteName:typeMismatch", "customerSiteLabel:typeMismatch"}));
}

TEST(OrderTest, OrderMustBeAnObject) {
  for (const char* bad : {"[]", "\"order\"", "null"}) {
    auto result = OrderFromJson(std::get<Json>(ParseJson(bad)));
    ASSERT_TRUE(std::holds_alternative<DocumentError>(result)) << bad;
    EXPECT_EQ(std::get<DocumentError>(result).code, "invalidDocument");
  }
}

// PrepareOrder: one pass gives ValidateOrder's problems, or the body built from the normalised order.
TEST(OrderTest, PrepareOrderGivesTheProblemsOrTheBody) {
  OrderInput seed = Input(R"({"customerOrderReference": " myOrder ", "technicalSiteName": "MY_VOICESITE",
    "customerSiteLabel": "My Voicesite in France", "country": "fr", "vpnId": 42})");
  OrderOutcome built = PrepareOrder(seed);
  ASSERT_TRUE(std::holds_alternative<Json>(built));
  EXPECT_EQ(std::get<Json>(built), OrderRequestBody(NormalizeOrder(seed.order)));
  EXPECT_EQ(std::get<Json>(built)["parameters"]["country"], "FR");
  EXPECT_EQ(std::get<Json>(built)["customerOrderReference"], "myOrder");

  for (const char* bad : {"{}", R"({"customerOrderReference": "r", "technicalSiteName": "MY SITE", "country": "FRA"})",
                          R"({"customerOrderReference": ["a"], "technicalSiteName": {"x": 1}, "country": "FR"})"}) {
    OrderInput input = Input(bad);
    OrderOutcome outcome = PrepareOrder(input);
    ASSERT_TRUE(std::holds_alternative<std::vector<Problem>>(outcome)) << bad;
    const std::vector<Problem>& problems = std::get<std::vector<Problem>>(outcome);
    EXPECT_FALSE(problems.empty()) << bad;
    EXPECT_EQ(Codes(problems), Codes(ValidateOrder(input))) << bad;
  }
}

TEST(OrderTest, PrepareOrderIsBoundedOnHostileValues) {
  // Huge and control-laden values: problems with short messages, never the value echoed.
  Json j = Json::parse(kSeedOrder);
  j["customerOrderReference"] = std::string(100000, 'r');
  j["technicalSiteName"] = std::string(100000, '\x01');
  j["customerSiteLabel"] = std::string(100000, 'l');
  j["vpnId"] = "\xef\xbf\xbd";  // U+FFFD is text like any other
  OrderOutcome outcome = PrepareOrder(Input(j.dump()));
  ASSERT_TRUE(std::holds_alternative<std::vector<Problem>>(outcome));
  const std::vector<Problem>& problems = std::get<std::vector<Problem>>(outcome);
  EXPECT_EQ(Codes(problems), (Strings{"customerOrderReference:tooLong", "technicalSiteName:tooLong",
                                      "customerSiteLabel:tooLong"}));
  for (const Problem& p : problems) EXPECT_LT(p.message.size(), 200u);
}

}  // namespace
}  // namespace btalk
