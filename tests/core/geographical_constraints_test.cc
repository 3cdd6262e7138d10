#include "btalk/geographical_constraints.h"

#include <string>

#include <gtest/gtest.h>

#include "test_util.h"

namespace btalk {
namespace {

using test::ReadData;


GeographicalConstraints MustParse(std::string_view text) { return test::Geo(text); }

TEST(GeographicalConstraintsTest, SeedEmergencyAreaRules) {
  GeographicalConstraints geo = MustParse(ReadData("seed_geographicalconstraints.json"));
  EXPECT_EQ(geo.area_elements[0], std::optional<std::string>("a2"));
  EXPECT_EQ(geo.area_elements[1], std::optional<std::string>("a3"));
  EXPECT_FALSE(geo.area_elements[2].has_value());
  EXPECT_FALSE(geo.area_elements[3].has_value());
  EXPECT_EQ(geo.LevelOf("a2"), std::optional<int>(1));
  EXPECT_EQ(geo.LevelOf("a3"), std::optional<int>(2));
  EXPECT_FALSE(geo.LevelOf("pc").has_value());
  EXPECT_FALSE(geo.dial_zone.has_value());
  EXPECT_TRUE(geo.errors.empty());
}

TEST(GeographicalConstraintsTest, RealisticCountries) {
  GeographicalConstraints ch = MustParse(ReadData("ch_geographicalconstraints.json"));
  EXPECT_EQ(ch.dial_zone, DialZoneSelection::kManual);  // "Manual": case-insensitive
  EXPECT_EQ(ch.LevelOf("a1"), std::optional<int>(1));
  EXPECT_EQ(ch.LevelOf("a3"), std::optional<int>(2));
  EXPECT_TRUE(ch.errors.empty());

  GeographicalConstraints fr = MustParse(ReadData("fr_geographicalconstraints.json"));
  EXPECT_EQ(fr.dial_zone, DialZoneSelection::kAutomatic);
  for (const auto& element : fr.area_elements) EXPECT_FALSE(element.has_value());

  GeographicalConstraints us = MustParse(ReadData("us_geographicalconstraints.json"));
  EXPECT_EQ(us.dial_zone, DialZoneSelection::kManual);
}

TEST(GeographicalConstraintsTest, ToleratesWrappersUnknownKeysAndMissingParts) {
  GeographicalConstraints wrapped =
      MustParse(R"({"geographicalConstraints": {"dialZoneSelection": " AUTOMATIC ", "other": [1, 2]}})");
  EXPECT_EQ(wrapped.dial_zone, DialZoneSelection::kAutomatic);
  EXPECT_TRUE(wrapped.errors.empty());
  GeographicalConstraints empty = MustParse("{}");
  EXPECT_FALSE(empty.dial_zone.has_value());
  EXPECT_TRUE(empty.errors.empty());
  GeographicalConstraints partial = MustParse(R"({"emergencyAreaRules": {"area2_pidflo": "a3", "area1_pidflo": ""}})");
  EXPECT_FALSE(partial.area_elements[0].has_value());
  EXPECT_EQ(partial.LevelOf("a3"), std::optional<int>(2));
}

TEST(GeographicalConstraintsTest, BadPartsBecomeConstraintErrors) {
  GeographicalConstraints bad_zone = MustParse(R"({"dialZoneSelection": "semi"})");
  EXPECT_FALSE(bad_zone.dial_zone.has_value());
  ASSERT_EQ(bad_zone.errors.size(), 1u);
  EXPECT_EQ(bad_zone.errors[0].field, "dialZone");
  EXPECT_EQ(bad_zone.errors[0].code, ProblemCode::kConstraintError);
  EXPECT_NE(bad_zone.errors[0].message.find("semi"), std::string::npos);
  EXPECT_EQ(bad_zone.errors[0].message, "dialZoneSelection must be \"manual\" or \"automatic\", not \"semi\"");

  // A long bad value is quoted short, as constraint errors quote theirs.
  GeographicalConstraints long_zone = MustParse("{\"dialZoneSelection\": \"" + std::string(100, 'x') + "\"}");
  ASSERT_EQ(long_zone.errors.size(), 1u);
  EXPECT_EQ(long_zone.errors[0].message,
            "dialZoneSelection must be \"manual\" or \"automatic\", not \"" + std::string(39, 'x') + "...");

  GeographicalConstraints numeric_zone = MustParse(R"({"dialZoneSelection": 1})");
  EXPECT_FALSE(numeric_zone.dial_zone.has_value());
  EXPECT_EQ(numeric_zone.errors.size(), 1u);

  GeographicalConstraints bad_rules = MustParse(R"({"emergencyAreaRules": ["a1"]})");
  ASSERT_EQ(bad_rules.errors.size(), 1u);
  EXPECT_EQ(bad_rules.errors[0].field, "emergencyAreaRules");

  GeographicalConstraints bad_level =
      MustParse(R"({"emergencyAreaRules": {"area1_pidflo": 7, "area2_pidflo": "a3", "area3_pidflo": "a3"}})");
  EXPECT_FALSE(bad_level.area_elements[0].has_value());
  EXPECT_EQ(bad_level.LevelOf("a3"), std::optional<int>(2));  // the duplicate is ignored
  EXPECT_EQ(bad_level.errors.size(), 2u);
}

TEST(GeographicalConstraintsTest, DocumentErrors) {
  for (const char* text : {"[]", "\"manual\"", "5"}) {
    auto parsed = ParseGeographicalConstraintsText(text);
    ASSERT_TRUE(std::holds_alternative<DocumentError>(parsed)) << text;
    EXPECT_EQ(std::get<DocumentError>(parsed).code, "invalidDocument");
  }
  auto broken = ParseGeographicalConstraintsText("{\"emergencyAreaRules\": {...}}");
  ASSERT_TRUE(std::holds_alternative<DocumentError>(broken));
  EXPECT_EQ(std::get<DocumentError>(broken).code, "invalidJson");
}

}  // namespace
}  // namespace btalk
