#include "btalk/json_util.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace btalk
