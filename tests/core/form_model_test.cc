#include "btalk/form_model.h"

#include <string>

#include <gtest/gtest.h>

#include "test_util.h"

namespace btalk {
namespace {

using test::ReadData;
using test::Constraints;
using test::Geo;




TEST(FormModelTest, SeedFreeStringField) {
  Json form = FormModelToJson(BuildFormModel(Constraints(ReadData("seed_freestring.json")), nullptr));
  ASSERT_EQ(form["fields"].size(), 1u);
  const Json& a1 = form["fields"][0];
  EXPECT_EQ(a1["name"], "a1");
  EXPECT_EQ(a1["label"], "State");
  EXPECT_EQ(a1["description"], "Enter the state where your site is located");
  EXPECT_EQ(a1["required"], true);
  EXPECT_EQ(a1["control"], "text");
  EXPECT_EQ(a1["valueType"], "freestring");
  EXPECT_EQ(a1["options"], Json::array());
  EXPECT_EQ(a1["minLength"], 1);
  EXPECT_EQ(a1["maxLength"], 100);
  EXPECT_TRUE(a1["pattern"].is_null());
  EXPECT_TRUE(a1["referenceUrl"].is_null());  // "" is not a link
  EXPECT_EQ(a1["position"], 10);
  EXPECT_TRUE(a1["geoLevel"].is_null());
  EXPECT_TRUE(form["dialZone"].is_null());
  EXPECT_EQ(form["constraintErrors"], Json::array());
}

TEST(FormModelTest, ControlsFollowValueTypes) {
  Json numeric = FormModelToJson(BuildFormModel(Constraints(ReadData("seed_freenumerical.json")), nullptr));
  EXPECT_EQ(numeric["fields"][0]["control"], "numeric");
  EXPECT_EQ(numeric["fields"][0]["required"], false);

  Json pc = FormModelToJson(BuildFormModel(Constraints(ReadData("seed_postal_code_regexp.json")), nullptr));
  EXPECT_EQ(pc["fields"][0]["pattern"], "^[a-z0-9]{5}$");

  Json list = FormModelToJson(BuildFormModel(Constraints(ReadData("seed_enumeration.json")), nullptr));
  EXPECT_EQ(list["fields"][0]["control"], "select");
  EXPECT_EQ(list["fields"][0]["options"][2], (Json{{"value", "Alabama"}, {"display", "Alabama"}}));

  Json assoc = FormModelToJson(BuildFormModel(Constraints(ReadData("seed_enumeration_associative.json")), nullptr));
  EXPECT_EQ(assoc["fields"][0]["control"], "select");
  EXPECT_EQ(assoc["fields"][0]["valueType"], "enumerationAssociative");
  EXPECT_EQ(assoc["fields"][0]["options"][1], (Json{{"value", "RD"}, {"display", "Road"}}));
}

TEST(FormModelTest, FieldsInPositionOrderWithBuiltinLabels) {
  FormModel model = BuildFormModel(Constraints(R"({"pc": {"position": 2}, "a3": {"position": 1},
                                                   "hno": {"position": 1}, "room": {}})"),
                                   nullptr);
  ASSERT_EQ(model.fields.size(), 4u);
  EXPECT_EQ(model.fields[0].name, "a3");
  EXPECT_EQ(model.fields[0].label, "City");
  EXPECT_EQ(model.fields[1].name, "hno");
  EXPECT_EQ(model.fields[1].label, "Street number");
  EXPECT_EQ(model.fields[2].label, "Postal code");
  EXPECT_EQ(model.fields[3].name, "room");
  EXPECT_TRUE(FormModelToJson(model)["fields"][3]["position"].is_null());
  EXPECT_TRUE(FormModelToJson(model)["fields"][3]["maxLength"].is_null());
}

TEST(FormModelTest, OnlyHttpReferenceUrlsAreOffered) {
  for (const char* url : {"https://www.laposte.fr/outils", "HTTP://example.com"}) EXPECT_TRUE(IsSafeHttpUrl(url)) << url;
  for (const char* url : {"javascript:alert(1)", "//evil.example", "https://", "https://a b", "data:text/html,x"}) {
    EXPECT_FALSE(IsSafeHttpUrl(url)) << url;
  }
  Json ch = FormModelToJson(BuildFormModel(Constraints(ReadData("ch_addressconstraints.json")), nullptr));
  for (const Json& field : ch["fields"]) {
    if (field["name"] == "hno") EXPECT_TRUE(field["referenceUrl"].is_null());
    if (field["name"] == "pc") {
      EXPECT_EQ(field["referenceUrl"], "https://www.post.ch/en/business-solutions/address-management/postcode-lookup");
    }
  }
}

TEST(FormModelTest, GeoMappedFieldsBecomeSelectsWithLevels) {
  const AddressConstraints c = Constraints(ReadData("ch_addressconstraints.json"));
  const GeographicalConstraints geo = Geo(ReadData("ch_geographicalconstraints.json"));
  Json form = FormModelToJson(BuildFormModel(c, &geo));
  EXPECT_EQ(form["dialZone"], "manual");
  std::vector<std::string> order;
  for (const Json& field : form["fields"]) {
    order.push_back(field["name"]);
    if (field["name"] == "a1") {
      EXPECT_EQ(field["geoLevel"], 1);
      EXPECT_EQ(field["control"], "select");
    } else if (field["name"] == "a3") {
      EXPECT_EQ(field["geoLevel"], 2);
      EXPECT_EQ(field["control"], "select");
    } else {
      EXPECT_TRUE(field["geoLevel"].is_null());
    }
    if (field["name"] == "hno") {
      EXPECT_EQ(field["label"], "Street number");  // empty defaultLabel
      EXPECT_EQ(field["maxLength"], 5);             // "5"
      EXPECT_EQ(field["position"], 20);             // "20"
      EXPECT_EQ(field["control"], "numeric");
    }
  }
  EXPECT_EQ(order, (std::vector<std::string>{"a6", "hno", "hns", "pc", "a3", "a1"}));
  EXPECT_EQ(form["constraintErrors"], Json::array());
}

TEST(FormModelTest, AutomaticDialZoneAndBrokenSelection) {
  const AddressConstraints c = Constraints(ReadData("fr_addressconstraints.json"));
  const GeographicalConstraints fr = Geo(ReadData("fr_geographicalconstraints.json"));
  EXPECT_EQ(FormModelToJson(BuildFormModel(c, &fr))["dialZone"], "automatic");

  const GeographicalConstraints broken = Geo(R"({"dialZoneSelection": "sometimes"})");
  Json form = FormModelToJson(BuildFormModel(c, &broken));
  EXPECT_TRUE(form["dialZone"].is_null());
  ASSERT_EQ(form["constraintErrors"].size(), 1u);
  EXPECT_EQ(form["constraintErrors"][0]["field"], "dialZone");
  EXPECT_EQ(form["constraintErrors"][0]["code"], "constraintError");
}

TEST(FormModelTest, BrokenElementsAreListedAndStillShown) {
  Json form = FormModelToJson(BuildFormModel(
      Constraints(R"({"pc": {"usage": "mandatory", "maxLength": "abc", "position": 1},
                      "a3": {"valueType": "date", "position": 2}, "a6": {"valueRegexp": "(?<=x)y", "position": 3}})"),
      nullptr));
  ASSERT_EQ(form["fields"].size(), 3u);
  EXPECT_EQ(form["fields"][0]["required"], true);
  EXPECT_TRUE(form["fields"][0]["maxLength"].is_null());
  EXPECT_TRUE(form["fields"][2]["pattern"].is_null());  // unusable regexes are not offered
  ASSERT_EQ(form["constraintErrors"].size(), 3u);
  EXPECT_EQ(form["constraintErrors"][0]["field"], "pc");
  EXPECT_EQ(form["constraintErrors"][1]["field"], "a3");
  EXPECT_EQ(form["constraintErrors"][2]["field"], "a6");
  for (const Json& error : form["constraintErrors"]) EXPECT_EQ(error["code"], "constraintError");
}

TEST(FormModelTest, FractionalPositionsStayNumbers) {
  Json form = FormModelToJson(BuildFormModel(Constraints(R"({"a": {"position": 1.5}, "b": {"position": -3}})"), nullptr));
  EXPECT_EQ(form["fields"][0]["position"], -3);
  EXPECT_EQ(form["fields"][1]["position"], 1.5);
}

}  // namespace
}  // namespace btalk
