#include "btalk/json_util.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

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

// ParseJson walks the grammar itself over nlohmann's lexer; it must accept
// and build exactly what nlohmann's own parser does (strict, no comments).
TEST(JsonUtilTest, ParseJsonAgreesWithNlohmannsParser) {
  const char* texts[] = {
      "null", "true", "false", "0", "-0", "-12", "18446744073709551615", "18446744073709551616", "1.5e3",
      "\"a\\u00e9\\ud83d\\ude00\"", "[]", "{}", "[[],{}]", " [1, 2 ,3] ", "{\"a\":1,\"b\":[true,null]}",
      "{\"k\":1,\"k\":{\"x\":2}}", "{\"k\":[1],\"k\":\"last\"}", "\xEF\xBB\xBF{\"bom\":1}", "[{\"a\":[{\"b\":[]}]}]",
      // refused
      "1e999", "-1e999", "[1e400]", "[1,]", "[,1]", "[1 2]", "{\"a\" 1}", "{\"a\":}", "{\"a\":1,}", "{1:2}",
      "{\"a\":1", "[1", "[", "{", "]", "}", ",", ":", "1 2", "[] x", "{} {}", "nul", "tru", "\"open",
      "\"\\x\"", "\"\xC3\x28\"", "01", "1.", "-", "/* c */ 1", "[1] // c", "\"\\ud800\"", "[\"a\":1]",
      "{\"a\",1}", "\xEF\xBB"};
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    const Json expected = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    const std::variant<Json, DocumentError> parsed = ParseJson(text);
    if (expected.is_discarded()) {
      ASSERT_TRUE(std::holds_alternative<DocumentError>(parsed));
      EXPECT_EQ(std::get<DocumentError>(parsed).message, "The document is not valid JSON");
    } else {
      ASSERT_TRUE(std::holds_alternative<Json>(parsed));
      EXPECT_EQ(std::get<Json>(parsed), expected);
      EXPECT_EQ(std::get<Json>(parsed).type(), expected.type());
    }
  }
  const std::variant<Json, DocumentError> dup = ParseJson("{\"k\":1,\"k\":2}");
  ASSERT_TRUE(std::holds_alternative<Json>(dup));
  EXPECT_EQ(DumpJson(std::get<Json>(dup)), "{\"k\":2}");
}

TEST(JsonUtilTest, ParseJsonTakesTheDeepestNestingAllowed) {
  const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(std::holds_alternative<Json>(ParseJson(ok)));
  const std::string deep = "[" + ok + "]";
  ASSERT_TRUE(std::holds_alternative<DocumentError>(ParseJson(deep)));
  EXPECT_NE(std::get<DocumentError>(ParseJson(deep)).message.find("nested too deeply"), std::string::npos);
}

}  // namespace
}  // namespace btalk
