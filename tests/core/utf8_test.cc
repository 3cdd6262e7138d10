#include "btalk/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace btalk {
namespace {

std::vector<char32_t> DecodeAll(std::string_view s) {
  std::vector<char32_t> out;
  std::size_t pos = 0;
  char32_t cp;
  while (DecodeNext(s, pos, cp)) out.push_back(cp);
  return out;
}

struct DecodeCase {
  const char* name;
  std::string input;
  std::vector<char32_t> expected;
};

// Named printer: gtest would otherwise dump the struct's raw bytes.
std::ostream& operator<<(std::ostream& os, const DecodeCase& c) { return os << c.name; }

class Utf8DecodeTest : public testing::TestWithParam<DecodeCase> {};

TEST_P(Utf8DecodeTest, DecodesCodePoints) {
  EXPECT_EQ(DecodeAll(GetParam().input), GetParam().expected);
  EXPECT_EQ(CodePointCount(GetParam().input), GetParam().expected.size());
}

constexpr char32_t R = kReplacementCharacter;

INSTANTIATE_TEST_SUITE_P(
    Utf8, Utf8DecodeTest,
    testing::Values(
        DecodeCase{"Empty", "", {}},
        DecodeCase{"Ascii", "ab1", {'a', 'b', '1'}},
        DecodeCase{"NulByte", std::string("a\0b", 3), {'a', 0, 'b'}},
        DecodeCase{"TwoByte", "\xC3\xA9", {0xE9}},                   // é
        DecodeCase{"ThreeByte", "\xE2\x82\xAC", {0x20AC}},           // €
        DecodeCase{"FourByteEmoji", "\xF0\x9F\x98\x80", {0x1F600}},  // 😀
        DecodeCase{"MaxCodePoint", "\xF4\x8F\xBF\xBF", {0x10FFFF}},
        DecodeCase{"RealReplacementChar", "\xEF\xBF\xBD", {R}},
        DecodeCase{"LoneContinuation", "a\x80" "b", {'a', R, 'b'}},
        DecodeCase{"InvalidLeadFF", "\xFF", {R}},
        DecodeCase{"OverlongC0", "\xC0\xAF", {R, R}},
        DecodeCase{"OverlongE0", "\xE0\x80\xAF", {R, R, R}},
        DecodeCase{"Surrogate", "\xED\xA0\x80", {R, R, R}},
        DecodeCase{"AboveMax", "\xF4\x90\x80\x80", {R, R, R, R}},
        // A truncated sequence is one maximal subpart: one U+FFFD.
        DecodeCase{"TruncatedThreeByte", "\xE2\x82", {R}},
        DecodeCase{"TruncatedThenAscii", "\xF0\x9F\x98" "a", {R, 'a'}},
        DecodeCase{"Mixed", "Z\xC3\xBCrich \xF0\x9F\x8F\xA0", {'Z', 0xFC, 'r', 'i', 'c', 'h', ' ', 0x1F3E0}}),
    [](const testing::TestParamInfo<DecodeCase>& info) { return std::string(info.param.name); });

TEST(Utf8Test, DecodeNextAtEndLeavesArgumentsAlone) {
  std::size_t pos = 3;
  char32_t cp = 'x';
  EXPECT_FALSE(DecodeNext("abc", pos, cp));
  EXPECT_EQ(pos, 3u);
  EXPECT_EQ(cp, U'x');
  pos = 10;  // past the end is not an error either
  EXPECT_FALSE(DecodeNext("abc", pos, cp));
}

TEST(Utf8Test, DecodeNextAdvancesByEncodedLength) {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  std::size_t pos = 0;
  char32_t cp;
  std::vector<std::size_t> ends;
  while (DecodeNext(s, pos, cp)) ends.push_back(pos);
  EXPECT_EQ(ends, (std::vector<std::size_t>{1, 3, 6, 10}));
}

TEST(Utf8Test, CountsCodePointsNotBytes) {
  EXPECT_EQ(CodePointCount("Évry-Courcouronnes"), 18u);
  EXPECT_EQ(std::string("Évry-Courcouronnes").size(), 19u);
  EXPECT_EQ(CodePointCount("北京市"), 3u);
}

TEST(Utf8Test, IsValidUtf8) {
  for (const char* text : {"", "S\xC3\xA3o Paulo \xF0\x9F\x98\x80", "\xEF\xBF\xBD"}) EXPECT_TRUE(IsValidUtf8(text)) << text;
  for (const char* text : {"abc\xFF", "\xE2\x82", "\xED\xA0\x80"}) EXPECT_FALSE(IsValidUtf8(text)) << text;
}

TEST(Utf8Test, ValidUtf8PrefixStopsAtTheFirstInvalidSequence) {
  EXPECT_EQ(ValidUtf8Prefix(""), 0u);
  EXPECT_EQ(ValidUtf8Prefix("S\xC3\xA3o"), 4u);
  EXPECT_EQ(ValidUtf8Prefix("a\xEF\xBF\xBD" "b"), 5u);  // a real U+FFFD is well-formed
  EXPECT_EQ(ValidUtf8Prefix("abc\xFF" "def"), 3u);
  EXPECT_EQ(ValidUtf8Prefix("\xC3\xA9\xE2\x82"), 2u);     // truncated after "é"
  EXPECT_EQ(ValidUtf8Prefix("x\xED\xA0\x80"), 1u);         // surrogate
  EXPECT_EQ(ValidUtf8Prefix("\xC0\xAF"), 0u);               // overlong
}

}  // namespace
}  // namespace btalk
