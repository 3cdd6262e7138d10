#include "btalk/regex.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <variant>

namespace btalk {
namespace {

// Compiles or fails the test with the error, so tables read as plain data.
Regex MustCompile(const std::string& pattern) {
  auto result = Regex::Compile(pattern);
  if (auto* error = std::get_if<RegexError>(&result)) {
    ADD_FAILURE() << "pattern " << pattern << " rejected: " << error->message << " at "
                  << error->offset;
    return std::get<Regex>(Regex::Compile(""));
  }
  return std::get<Regex>(std::move(result));
}

struct MatchCase {
  const char* pattern;
  const char* text;
  bool matches;
};

std::ostream& operator<<(std::ostream& os, const MatchCase& c) {
  return os << "/" << c.pattern << "/ on \"" << c.text << "\" -> " << c.matches;
}

class RegexMatchTest : public testing::TestWithParam<MatchCase> {};

TEST_P(RegexMatchTest, FullMatch) {
  const MatchCase& c = GetParam();
  EXPECT_EQ(MustCompile(c.pattern).FullMatch(c.text), c.matches) << c;
}

// The seed's pattern and real postal code patterns.
INSTANTIATE_TEST_SUITE_P(
    RegexPostalCodes, RegexMatchTest,
    testing::Values(
        MatchCase{"^[a-z0-9]{5}$", "75a01", true},
        MatchCase{"^[a-z0-9]{5}$", "75001", true},
        MatchCase{"^[a-z0-9]{5}$", "7500", false},
        MatchCase{"^[a-z0-9]{5}$", "750011", false},
        MatchCase{"^[a-z0-9]{5}$", "7500A", false},
        MatchCase{"^[a-z0-9]{5}$", "", false},
        // UK
        MatchCase{"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", "SW1A 1AA", true},
        MatchCase{"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", "M1 1AE", true},
        MatchCase{"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", "B338TH", true},
        MatchCase{"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", "CR2 6XH", true},
        MatchCase{"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", "SW1A  1AA", false},
        MatchCase{"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", "sw1a 1aa", false},
        MatchCase{"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", "ABC1 1AA", false},
        // NL
        MatchCase{"^[1-9][0-9]{3} ?[A-Z]{2}$", "1012 AB", true},
        MatchCase{"^[1-9][0-9]{3} ?[A-Z]{2}$", "1012AB", true},
        MatchCase{"^[1-9][0-9]{3} ?[A-Z]{2}$", "0123 AB", false},
        MatchCase{"^[1-9][0-9]{3} ?[A-Z]{2}$", "1012 A", false},
        // CA
        MatchCase{"^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$",
                  "K1A 0B1", true},
        MatchCase{"^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$",
                  "H0H0H0", true},
        MatchCase{"^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$",
                  "D1A 0B1", false},  // D is never a first letter
        MatchCase{"^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$",
                  "K1O 0B1", false},  // nor is O
        // PT
        MatchCase{"^[0-9]{4}-[0-9]{3}$", "1000-001", true},
        MatchCase{"^[0-9]{4}-[0-9]{3}$", "1000001", false},
        MatchCase{"^[0-9]{4}-[0-9]{3}$", "1000-01", false},
        // US ZIP and ZIP+4
        MatchCase{"^\\d{5}(-\\d{4})?$", "10001", true},
        MatchCase{"^\\d{5}(-\\d{4})?$", "10001-1234", true},
        MatchCase{"^\\d{5}(-\\d{4})?$", "10001-", false},
        MatchCase{"^\\d{5}(-\\d{4})?$", "10001-12345", false},
        MatchCase{"^[0-9]{5}(?:-[0-9]{4})?$", "94105-0001", true}));

// FullMatch is anchored at both ends even without ^ and $.
INSTANTIATE_TEST_SUITE_P(
    RegexAnchoring, RegexMatchTest,
    testing::Values(MatchCase{"[0-9]{4}", "12345", false}, MatchCase{"[0-9]{4}", "1234", true},
                    MatchCase{"[0-9]{4}", "x1234", false}, MatchCase{"abc", "abcabc", false},
                    MatchCase{"", "", true}, MatchCase{"", "a", false},
                    MatchCase{"^$", "", true}, MatchCase{"a^b", "ab", false},
                    MatchCase{"a$b", "ab", false}, MatchCase{"(^a|b)+", "ab", true},
                    MatchCase{"(^a|b)+", "aba", false}, MatchCase{"(a$|b)*", "bba", true},
                    MatchCase{"^^a$$", "a", true}));

INSTANTIATE_TEST_SUITE_P(
    RegexAlternationAndGroups, RegexMatchTest,
    testing::Values(MatchCase{"cat|dog", "cat", true}, MatchCase{"cat|dog", "dog", true},
                    MatchCase{"cat|dog", "catdog", false}, MatchCase{"a|b|c|d", "d", true},
                    MatchCase{"a|", "", true}, MatchCase{"|a", "a", true},
                    MatchCase{"a||b", "", true}, MatchCase{"ab|cd", "ad", false},
                    MatchCase{"(ab|cd)+", "abcdab", true}, MatchCase{"(ab|cd)+", "abc", false},
                    MatchCase{"(?:rue|avenue) [a-z]+", "avenue foch", true},
                    MatchCase{"(?<street>rue|av) (?<name>\\w+)", "rue Lepic", true},
                    MatchCase{"()", "", true}, MatchCase{"(())a(())", "a", true},
                    MatchCase{"((a|b)(c|d))*", "acbdad", true},
                    MatchCase{"((a|b)(c|d))*", "acbda", false}));

INSTANTIATE_TEST_SUITE_P(
    RegexQuantifiers, RegexMatchTest,
    testing::Values(
        MatchCase{"a*", "", true}, MatchCase{"a*", "aaaa", true}, MatchCase{"a*", "aab", false},
        MatchCase{"a+", "", false}, MatchCase{"a+", "aaa", true}, MatchCase{"a?", "", true},
        MatchCase{"a?", "a", true}, MatchCase{"a?", "aa", false},
        MatchCase{"a{3}", "aaa", true}, MatchCase{"a{3}", "aa", false},
        MatchCase{"a{3}", "aaaa", false}, MatchCase{"a{2,}", "a", false},
        MatchCase{"a{2,}", "aa", true}, MatchCase{"a{2,}", "aaaaaaa", true},
        MatchCase{"a{2,4}", "a", false}, MatchCase{"a{2,4}", "aa", true},
        MatchCase{"a{2,4}", "aaaa", true}, MatchCase{"a{2,4}", "aaaaa", false},
        MatchCase{"a{0}", "", true}, MatchCase{"a{0}", "a", false},
        MatchCase{"a{0,}", "aaa", true}, MatchCase{"a{0,1}", "a", true},
        // Lazy forms give the same full-match answer.
        MatchCase{"a*?", "aa", true}, MatchCase{"a+?b", "aab", true}, MatchCase{"a??", "a", true},
        MatchCase{"a{2,3}?", "aaa", true}, MatchCase{"a{2,3}?", "aaaa", false},
        // Quantified groups and classes.
        MatchCase{"(ab){2}", "abab", true}, MatchCase{"(ab){2}", "ab", false},
        MatchCase{"(a|bc){2,3}", "bcabc", true}, MatchCase{"[0-9]{2,3}x", "123x", true},
        MatchCase{"(a*)*", "aaa", true}, MatchCase{"(a*)+b", "b", true},
        MatchCase{"(a?){3}", "a", true}, MatchCase{"(|a)+", "aa", true},
        // `{` that is not a quantifier is a literal (Annex B).
        MatchCase{"a{", "a{", true}, MatchCase{"a{,5}", "a{,5}", true},
        MatchCase{"a{x}", "a{x}", true}, MatchCase{"a{1", "a{1", true},
        MatchCase{"{", "{", true}, MatchCase{"}", "}", true}, MatchCase{"a{1,2", "a{1,2", true},
        MatchCase{"\\{\\}", "{}", true}));

INSTANTIATE_TEST_SUITE_P(
    RegexClassesAndEscapes, RegexMatchTest,
    testing::Values(
        MatchCase{"[abc]", "b", true}, MatchCase{"[abc]", "d", false},
        MatchCase{"[^abc]", "d", true}, MatchCase{"[^abc]", "a", false},
        MatchCase{"[^abc]", "", false}, MatchCase{"[a-cx-z]+", "abxz", true},
        MatchCase{"[]", "", false}, MatchCase{"[]a", "a", false},
        MatchCase{"[^]", "\n", true}, MatchCase{"[a-]", "-", true}, MatchCase{"[-a]", "-", true},
        MatchCase{"[a\\-z]", "-", true}, MatchCase{"[a\\-z]", "b", false},
        MatchCase{"[\\]]", "]", true}, MatchCase{"[\\\\]", "\\", true},
        MatchCase{"[[]", "[", true}, MatchCase{"[.]", ".", true}, MatchCase{"[.]", "x", false},
        MatchCase{"[\\d]+", "123", true}, MatchCase{"[\\da-f]+", "12af", true},
        MatchCase{"[\\D]", "5", false}, MatchCase{"[^\\d]", "x", true},
        MatchCase{"[\\w-.]+", "a-b.c", true},  // Annex B: '-' after \w is literal
        MatchCase{"[\\w-.]+", "a,b", false}, MatchCase{"[\\s\\S]", "\n", true},
        MatchCase{"[\\b]", "\b", true}, MatchCase{"[\\u00E9]", "\xC3\xA9", true},
        MatchCase{"[\\x41-\\x43]+", "ABC", true}, MatchCase{"[\\x41-\\x43]+", "ABCD", false},
        MatchCase{"\\d+", "0123456789", true}, MatchCase{"\\d", "a", false},
        MatchCase{"\\d", "\xD9\xA3", false},  // Arabic-Indic 3 is not \d
        MatchCase{"\\D", "a", true}, MatchCase{"\\w+", "Az_09", true},
        MatchCase{"\\w", "-", false}, MatchCase{"\\w", "\xC3\xA9", false},
        MatchCase{"\\W", "-", true}, MatchCase{"\\s", " ", true}, MatchCase{"\\s", "\t", true},
        MatchCase{"\\s", "\xC2\xA0", true}, MatchCase{"\\s", "\xE3\x80\x80", true},
        MatchCase{"\\s", "\xEF\xBB\xBF", true}, MatchCase{"\\s", "\xE2\x80\x8B", false},
        MatchCase{"\\s", "x", false}, MatchCase{"\\S", " ", false},
        MatchCase{"\\.", ".", true}, MatchCase{"\\.", "a", false}, MatchCase{"a\\/b", "a/b", true},
        MatchCase{"\\-", "-", true}, MatchCase{"\\\\", "\\", true},
        MatchCase{"\\(\\)\\[\\]\\*\\+\\?\\|\\^\\$", "()[]*+?|^$", true},
        MatchCase{"\\t\\n\\r\\v\\f", "\t\n\r\v\f", true}, MatchCase{"\\x41", "A", true},
        MatchCase{"\\u0041", "A", true}, MatchCase{"\\u{1F600}", "\xF0\x9F\x98\x80", true},
        MatchCase{"\\uD83D\\uDE00", "\xF0\x9F\x98\x80", true}, MatchCase{"\\cJ", "\n", true},
        MatchCase{".", "a", true}, MatchCase{".", "", false}, MatchCase{".", "\n", false},
        MatchCase{".", "\r", false}, MatchCase{".", "\xE2\x80\xA8", false},
        MatchCase{".", "\xE2\x80\xA9", false}, MatchCase{".", "\t", true},
        MatchCase{"..", "ab", true}, MatchCase{"\\bab\\b", "ab", true},
        MatchCase{"a\\bb", "ab", false}, MatchCase{"a\\Bb", "ab", true},
        MatchCase{"a \\bb", "a b", true}, MatchCase{"a\\b b", "a b", true},
        MatchCase{"a\\B b", "a b", false}, MatchCase{"\\B", "", true}, MatchCase{"\\b", "", false}));

INSTANTIATE_TEST_SUITE_P(
    RegexUnicode, RegexMatchTest,
    testing::Values(
        MatchCase{"[À-ÿ]+", "éèàÿ", true}, MatchCase{"[À-ÿ]", "e", false},
        MatchCase{"^[a-zA-ZÀ-ÖØ-öø-ÿ' -]+$", "Saint-Étienne", true},
        MatchCase{"^[a-zA-ZÀ-ÖØ-öø-ÿ' -]+$", "L'Haÿ-les-Roses", true},
        MatchCase{"^[a-zA-ZÀ-ÖØ-öø-ÿ' -]+$", "Zürich", true},
        MatchCase{"^[a-zA-ZÀ-ÖØ-öø-ÿ' -]+$", "a×b", false},  // × (U+00D7) is excluded
        MatchCase{"^[a-zA-ZÀ-ÖØ-öø-ÿ' -]+$", "Rue 12", false},
        MatchCase{"^.{5}$", "Évian", true},    // 5 code points, 6 bytes
        MatchCase{"^.{6}$", "Évian", false},
        MatchCase{"é", "é", true}, MatchCase{"é+", "ééé", true}, MatchCase{"[é]", "e", false},
        MatchCase{"北京", "北京", true}, MatchCase{"[一-龥]+", "北京市", true},
        MatchCase{"😀", "😀", true}, MatchCase{"😀+", "😀😀", true},
        MatchCase{".", "😀", true}, MatchCase{"..", "😀", false},  // one code point, not two
        MatchCase{"[😀-😂]", "😁", true}, MatchCase{"[😀-😂]", "😃", false},
        MatchCase{"[^a]", "😀", true}, MatchCase{"a.b", "a🏠b", true},
        MatchCase{"\\u{10FFFF}", "\xF4\x8F\xBF\xBF", true}));

// Invalid UTF-8 in the text is U+FFFD: never a crash, never a byte-level match.
INSTANTIATE_TEST_SUITE_P(
    RegexInvalidUtf8Text, RegexMatchTest,
    testing::Values(
        MatchCase{".", "\xFF", true}, MatchCase{"..", "\xFF", false},
        MatchCase{".", "\xE2\x82", true},  // truncated sequence is one U+FFFD
        MatchCase{"\\uFFFD", "\xC0", true}, MatchCase{"[^a-z]", "\x80", true},
        MatchCase{"[a-z]+", "ab\xFF" "c", false}, MatchCase{"a.c", "a\xED\xA0\x80" "c", false},
        MatchCase{"a...c", "a\xED\xA0\x80" "c", true},  // a surrogate is 3 x U+FFFD
        MatchCase{"é", "\xC3", false}, MatchCase{"\\w*", "abc\xF0\x9F", false},
        // A literal U+FFFD in the pattern is well-formed UTF-8, not a decoding error.
        MatchCase{"a\xEF\xBF\xBD", "a\xFF", true}));

struct ErrorCase {
  const char* pattern;
  const char* message;
  std::size_t offset;
};

std::ostream& operator<<(std::ostream& os, const ErrorCase& c) {
  return os << "/" << c.pattern << "/";
}

class RegexRejectTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(RegexRejectTest, GivesMessageAndOffset) {
  const ErrorCase& c = GetParam();
  auto result = Regex::Compile(c.pattern);
  const RegexError* error = std::get_if<RegexError>(&result);
  ASSERT_NE(error, nullptr) << c << " compiled";
  EXPECT_EQ(error->message, c.message) << c;
  EXPECT_EQ(error->offset, c.offset) << c;
}

INSTANTIATE_TEST_SUITE_P(
    RegexRejections, RegexRejectTest,
    testing::Values(
        ErrorCase{"(a)\\1", "backreferences are not supported", 3},
        ErrorCase{"\\9", "backreferences are not supported", 0},
        ErrorCase{"(?<x>a)\\k<x>", "backreferences are not supported", 7},
        ErrorCase{"a(?=b)", "lookahead is not supported", 1},
        ErrorCase{"a(?!b)", "lookahead is not supported", 1},
        ErrorCase{"(?<=a)b", "lookbehind is not supported", 0},
        ErrorCase{"(?<!a)b", "lookbehind is not supported", 0},
        ErrorCase{"(a", "unmatched '('", 0}, ErrorCase{"x(a(b)", "unmatched '('", 1},
        ErrorCase{"a)", "unmatched ')'", 1}, ErrorCase{")", "unmatched ')'", 0},
        ErrorCase{"[a", "unmatched '['", 0}, ErrorCase{"x[^", "unmatched '['", 1},
        ErrorCase{"[\\]", "unmatched '['", 0}, ErrorCase{"a]", "unmatched ']'", 1},
        ErrorCase{"*a", "nothing to repeat", 0}, ErrorCase{"+", "nothing to repeat", 0},
        ErrorCase{"?", "nothing to repeat", 0}, ErrorCase{"{2}", "nothing to repeat", 0},
        ErrorCase{"a|*", "nothing to repeat", 2}, ErrorCase{"(*)", "nothing to repeat", 1},
        ErrorCase{"a**", "nothing to repeat", 2}, ErrorCase{"a+*", "nothing to repeat", 2},
        ErrorCase{"a{2}{3}", "nothing to repeat", 4}, ErrorCase{"a*??", "nothing to repeat", 3},
        ErrorCase{"^*", "nothing to repeat", 1}, ErrorCase{"$+", "nothing to repeat", 1},
        ErrorCase{"\\b?", "nothing to repeat", 2},
        ErrorCase{"[z-a]", "class range out of order", 1},
        ErrorCase{"[a-zZ-A]", "class range out of order", 4},
        ErrorCase{"[\\u00FF-\\u00C0]", "class range out of order", 1},
        ErrorCase{"a{3,2}", "numbers out of order in {} quantifier", 1},
        ErrorCase{"a{1001}", "repetition count is over 1000", 1},
        ErrorCase{"a{0,1001}", "repetition count is over 1000", 1},
        ErrorCase{"a{99999999999999999999}", "repetition count is over 1000", 1},
        ErrorCase{"a\\", "pattern ends with a backslash", 1},
        ErrorCase{"[a\\", "pattern ends with a backslash", 2},
        ErrorCase{"(?i)abc", "inline flags are not supported", 0},
        ErrorCase{"(?i:abc)", "inline flags are not supported", 0},
        ErrorCase{"(?-i:abc)", "inline flags are not supported", 0},
        ErrorCase{"(?)", "invalid group: '(?' must be followed by ':' or '<name>'", 0},
        ErrorCase{"(?<>a)", "invalid group name", 3},
        ErrorCase{"(?<1a>a)", "invalid group name", 3},
        ErrorCase{"(?<a", "invalid group name", 3},
        ErrorCase{"\\p{L}", "Unicode property escapes (\\p) are not supported", 0},
        ErrorCase{"[\\P{L}]", "Unicode property escapes (\\p) are not supported", 1},
        ErrorCase{"\\q", "unknown escape", 0}, ErrorCase{"[\\B]", "\\B is not allowed in a class", 1},
        ErrorCase{"\\x4", "invalid \\x escape: needs two hex digits", 0},
        ErrorCase{"\\u12", "invalid \\u escape", 0}, ErrorCase{"\\u{110000}", "invalid \\u escape", 0},
        ErrorCase{"\\u{}", "invalid \\u escape", 0}, ErrorCase{"\\c1", "invalid control escape \\c", 0},
        ErrorCase{"\\01", "octal escapes are not supported", 0},
        ErrorCase{"[\\1]", "octal escapes are not supported", 1},
        ErrorCase{"ab\xFF", "pattern is not valid UTF-8", 2},
        ErrorCase{"\xC3\xA9\xEF\xBF\xBD\xE2\x82", "pattern is not valid UTF-8", 5},
        ErrorCase{"(a{1000}){1000}",
                  "pattern is too large once repetitions are expanded (over 20000 instructions)", 0},
        ErrorCase{"x((a{100}){100}){100}",
                  "pattern is too large once repetitions are expanded (over 20000 instructions)", 1}));

TEST(RegexTest, RejectsPatternsLongerThan4096Bytes) {
  auto ok = Regex::Compile(std::string(4096, 'a'));
  ASSERT_TRUE(std::holds_alternative<Regex>(ok));
  EXPECT_TRUE(std::get<Regex>(ok).FullMatch(std::string(4096, 'a')));
  auto result = Regex::Compile(std::string(4097, 'a'));
  const RegexError* error = std::get_if<RegexError>(&result);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->message, "pattern is longer than 4096 bytes");
}

TEST(RegexTest, NestingDepthIsCapped) {
  const auto nested = [](int depth) {
    return std::string(depth, '(') + "a" + std::string(depth, ')');
  };
  auto ok = Regex::Compile(nested(100));
  ASSERT_TRUE(std::holds_alternative<Regex>(ok));
  EXPECT_TRUE(std::get<Regex>(ok).FullMatch("a"));
  auto result = Regex::Compile(nested(101));
  const RegexError* error = std::get_if<RegexError>(&result);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->message, "groups are nested more than 100 deep");
  EXPECT_EQ(error->offset, 100u);
  // 2000 unclosed groups must not recurse 2000 deep either.
  result = Regex::Compile(std::string(2000, '('));
  ASSERT_NE(std::get_if<RegexError>(&result), nullptr);
}

TEST(RegexTest, ProgramSizeCapIsEnforcedAtTheBoundary) {
  // a{n} is n instructions plus the final match.
  auto ok = Regex::Compile("(a{1000}){19}a{999}");
  ASSERT_TRUE(std::holds_alternative<Regex>(ok));
  EXPECT_EQ(std::get<Regex>(ok).program_size(), Regex::kMaxProgramSize);
  EXPECT_TRUE(std::get<Regex>(ok).FullMatch(std::string(19999, 'a')));
  EXPECT_FALSE(std::get<Regex>(ok).FullMatch(std::string(20000, 'a')));
  auto too_big = Regex::Compile("(a{1000}){19}a{1000}");
  const RegexError* error = std::get_if<RegexError>(&too_big);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->offset, 13u);
  // Deeply nested counts fail fast instead of expanding 1000^3 copies.
  EXPECT_NE(std::get_if<RegexError>(&(too_big = Regex::Compile("((a{1000}){1000}){1000}"))),
            nullptr);
}

TEST(RegexTest, PathologicalPatternsRunInLinearTime) {
  // A backtracking engine takes ~2^10000 steps on these; the Pike VM is
  // bounded by text length x program size. No timing assertion: they must finish.
  const std::string as(10000, 'a');
  Regex nested_plus = MustCompile("^(a+)+$");
  EXPECT_FALSE(nested_plus.FullMatch(as + "!"));
  EXPECT_TRUE(nested_plus.FullMatch(as));

  Regex alt_star = MustCompile("(a|aa)*b");
  EXPECT_FALSE(alt_star.FullMatch(as));
  EXPECT_TRUE(alt_star.FullMatch(as + "b"));

  Regex empty_loop = MustCompile("(x*)*y");
  const std::string xs(10000, 'x');
  EXPECT_FALSE(empty_loop.FullMatch(xs));
  EXPECT_TRUE(empty_loop.FullMatch(xs + "y"));

  Regex counted = MustCompile("(a?){30}a{30}");
  EXPECT_TRUE(counted.FullMatch(std::string(30, 'a')));
  EXPECT_TRUE(counted.FullMatch(std::string(60, 'a')));
  EXPECT_FALSE(counted.FullMatch(std::string(61, 'a')));
}

TEST(RegexTest, MatchesOneMegabyteText) {
  std::string text;
  text.reserve(1 << 20);
  while (text.size() + 6 <= (1 << 20)) text += "ab\xC3\xA9" "c ";  // 5 code points, 6 bytes
  Regex words = MustCompile("^([a-zé]+ )*$");
  EXPECT_TRUE(words.FullMatch(text));
  EXPECT_FALSE(words.FullMatch(text + "X"));
  EXPECT_TRUE(MustCompile("[\\s\\S]*").FullMatch(text));
  EXPECT_FALSE(MustCompile("(.|\\n)*X").FullMatch(text));
}

std::string Utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

TEST(RegexTest, LargeClassesAreSortedAndMerged) {
  // Every other CJK ideograph from U+4E00, written in descending order.
  std::string pattern = "[";
  for (char32_t cp = 0x4E00 + 2 * 1300; cp >= 0x4E00; cp -= 2) pattern += Utf8(cp);
  pattern += "]+";
  Regex cjk = MustCompile(pattern);
  EXPECT_TRUE(cjk.FullMatch(Utf8(0x4E00) + Utf8(0x4E02) + Utf8(0x4E00 + 2600)));
  EXPECT_FALSE(cjk.FullMatch(Utf8(0x4E01)));
  EXPECT_FALSE(cjk.FullMatch(Utf8(0x4E00 + 2602)));
  EXPECT_EQ(cjk.program_size(), 3u);  // one class, one loop split, match

  // Overlapping and repeated sets collapse to the same set.
  std::string spaces = "[";
  for (int i = 0; i < 1000; ++i) spaces += "\\s";
  spaces += "a-cb-dx]";
  Regex merged = MustCompile(spaces);
  EXPECT_TRUE(merged.FullMatch("\xE3\x80\x80"));
  EXPECT_TRUE(merged.FullMatch("d"));
  EXPECT_TRUE(merged.FullMatch("x"));
  EXPECT_FALSE(merged.FullMatch("e"));
  Regex negated = MustCompile("[^\\s\\s\\d0-5]");
  EXPECT_TRUE(negated.FullMatch("a"));
  EXPECT_FALSE(negated.FullMatch("7"));
  EXPECT_FALSE(negated.FullMatch("\xC2\xA0"));
}

TEST(RegexTest, CopyAndMoveKeepTheProgram) {
  Regex original = MustCompile("^[0-9]{4}-[0-9]{3}$");
  Regex copy = original;
  EXPECT_EQ(copy.pattern(), "^[0-9]{4}-[0-9]{3}$");
  EXPECT_EQ(copy.program_size(), original.program_size());
  EXPECT_TRUE(copy.FullMatch("1000-001"));

  Regex assigned = MustCompile("x");
  assigned = original;
  EXPECT_TRUE(assigned.FullMatch("1000-001"));
  EXPECT_FALSE(assigned.FullMatch("x"));

  Regex moved = std::move(original);
  EXPECT_TRUE(moved.FullMatch("1000-001"));
  // A moved-from Regex is valid and matches nothing.
  EXPECT_FALSE(original.FullMatch("1000-001"));  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(original.program_size(), 0u);        // NOLINT(bugprone-use-after-move)

  Regex& self = copy;
  copy = self;
  EXPECT_TRUE(copy.FullMatch("1000-001"));
}

TEST(RegexTest, EmbeddedNulInTextAndPattern) {
  Regex nul = MustCompile(std::string("a\\0b"));
  EXPECT_TRUE(nul.FullMatch(std::string("a\0b", 3)));
  EXPECT_FALSE(nul.FullMatch("ab"));
  Regex literal_nul = MustCompile(std::string("a\0b", 3));
  EXPECT_TRUE(literal_nul.FullMatch(std::string("a\0b", 3)));
}

TEST(RegexTest, ProgramSizeGrowsWithExpansion) {
  EXPECT_EQ(MustCompile("").program_size(), 1u);
  EXPECT_EQ(MustCompile("a{5}").program_size(), 6u);
  EXPECT_LT(MustCompile("a{5}").program_size(), MustCompile("a{50}").program_size());
  EXPECT_EQ(MustCompile("a{5}").pattern(), "a{5}");
}

}  // namespace
}  // namespace btalk
