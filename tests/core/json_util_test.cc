#include "btalk/json_util.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

namespace btalk {
namespace {

TEST(JsonUtilTest, UpperAsciiChangesOnlyAsciiLetters) {
  EXPECT_EQ(UpperAscii(""), "");
  EXPECT_EQ(UpperAscii("fr"), "FR");
  EXPECT_EQ(UpperAscii("Fr-9_z"), "FR-9_Z");
  EXPECT_EQ(UpperAscii("\xC3\xA9t\xC3\xA9"), "\xC3\xA9T\xC3\xA9");  // "été": é stays as is
}

TEST(JsonUtilTest, EqualsIgnoreCaseIsAsciiOnly) {
  EXPECT_TRUE(EqualsIgnoreCase("VoiceSiteId", "voicesiteid"));
  EXPECT_FALSE(EqualsIgnoreCase("voicesiteid", "voicesiteids"));
  EXPECT_FALSE(EqualsIgnoreCase("\xC3\x89", "\xC3\xA9"));  // É vs é: bytes differ beyond ASCII
}

TEST(JsonUtilTest, QuotedJsonIsTheShortJsonSpelling) {
  EXPECT_EQ(QuotedJson(Json("abc")), "\"abc\"");
  EXPECT_EQ(QuotedJson(Json(5)), "5");
  EXPECT_EQ(QuotedJson(Json::array({1, 2})), "[1,2]");
  EXPECT_EQ(QuotedJson(Json(std::string(100, 'x'))), "\"" + std::string(39, 'x') + "...");
}

TEST(JsonUtilTest, NonNegativeIntegerStopsAtTwoToThe53) {
  const std::uint64_t max = std::uint64_t{1} << 53;
  EXPECT_EQ(NonNegativeInteger(Json(max)), max);                                  // unsigned
  EXPECT_EQ(NonNegativeInteger(Json(static_cast<std::int64_t>(max))), max);       // signed
  EXPECT_EQ(NonNegativeInteger(Json(static_cast<double>(max))), max);             // float
  EXPECT_EQ(NonNegativeInteger(Json("9007199254740992")), max);                    // text
  EXPECT_EQ(NonNegativeInteger(Json(max + 1)), std::nullopt);
  EXPECT_EQ(NonNegativeInteger(Json(static_cast<std::int64_t>(max + 1))), std::nullopt);
  EXPECT_EQ(NonNegativeInteger(Json(static_cast<double>(max) * 2)), std::nullopt);
  EXPECT_EQ(NonNegativeInteger(Json("18014398509481984")), std::nullopt);          // 2^54 as text
  EXPECT_EQ(NonNegativeInteger(Json(-1)), std::nullopt);
  EXPECT_EQ(NonNegativeInteger(Json(" 5 ")), 5u);
  EXPECT_EQ(NonNegativeInteger(Json(5.0)), 5u);
  EXPECT_EQ(NonNegativeInteger(Json(1.5)), std::nullopt);
  EXPECT_EQ(NonNegativeInteger(Json("abc")), std::nullopt);
}

}  // namespace
}  // namespace btalk
