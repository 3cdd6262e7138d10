#include "btalk/format_example.h"

#include <string>
#include <variant>

#include <gtest/gtest.h>

#include "btalk/address_constraints.h"
#include "btalk/address_validator.h"
#include "btalk/regex.h"
#include "feature_test_util.h"

namespace btalk {
namespace {

bool Accepts(const std::string& pattern, const std::string& text) {
  std::variant<Regex, RegexError> regex = Regex::Compile(pattern);
  const Regex* compiled = std::get_if<Regex>(&regex);
  return compiled != nullptr && compiled->FullMatch(text);
}

// Unguided samples of whole patterns: the format, the example and the legend each gives.
struct SampleCase {
  const char* what;
  const char* pattern;
  const char* format;
  const char* example;
  const char* legend;
};

TEST(FormatExampleTest, PostalCodeSamples) {
  const SampleCase cases[] = {
      {"Dutch postal code", "^[1-9][0-9]{3} ?[A-Z]{2}$", "9999 AA", "1234 AB", "9 = digit, A = capital letter"},
      {"British postcode: the first branch and the optional space",
       "^(?:[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}|GIR ?0AA)$", "A9 9AA", "A1 2BC", "A = capital letter, 9 = digit"},
      // 0[1-9] would print a literal 0 next to placeholder 9s.
      {"a branch whose format is honest", "^(?:0[1-9]|[1-8][0-9]|9[0-5])[0-9]{3}$", "99999", "12345", "9 = digit"},
      {"literal digits give an example but no format", "^973[0-9]{2}$", "", "97312", ""},
      {"a single literal code", "^97133$", "", "97133", ""},
  };
  for (const SampleCase& c : cases) {
    PatternExample e = FormatExample(c.pattern);
    EXPECT_EQ(e.format, c.format) << c.what;
    EXPECT_EQ(e.example, c.example) << c.what;
    EXPECT_EQ(e.legend, c.legend) << c.what;
  }
}

TEST(FormatExampleTest, SeparatorsAndCases) {
  EXPECT_EQ(FormatExample("^[0-9]{2}-[0-9]{3}$").format, "99-999");
  EXPECT_EQ(FormatExample("^[0-9]{3}-?[0-9]{4}$").format, "999-9999");
  PatternExample mixed = FormatExample("^[A-Za-z0-9]{1,8}$");
  EXPECT_EQ(mixed.format, "X");
  EXPECT_EQ(mixed.legend, "X = letter or digit");
  PatternExample small = FormatExample("^[0-9]{1,3}[a-z]?$");
  EXPECT_EQ(small.format, "9");
  PatternExample lower = FormatExample("^[a-z]{2}$");
  EXPECT_EQ(lower.format, "aa");
  EXPECT_EQ(lower.example, "ab");
  EXPECT_EQ(lower.legend, "a = small letter");
  PatternExample both = FormatExample("^[A-Z][A-Za-z]$");
  EXPECT_EQ(both.legend, "A = letter");  // never "A = capital letter, A = letter"
  EXPECT_EQ(FormatExample("\\d{4}").format, "9999");
}

TEST(FormatExampleTest, SaysNothingRatherThanSomethingFalse) {
  // Free-text classes: a sample would say nothing useful.
  EXPECT_TRUE(FormatExample("^[A-Za-zÀ-ÿ'’ ./()-]+$").empty());
  EXPECT_TRUE(FormatExample("^[^0-9]{3}$").empty());
  EXPECT_TRUE(FormatExample(".+").empty());
  // Word boundaries the sample breaks: the final match check refuses it.
  EXPECT_TRUE(FormatExample("^[0-9]\\b[0-9]$").empty());
  // Nothing consumable, or nothing showable.
  EXPECT_TRUE(FormatExample("^$").empty());
  EXPECT_TRUE(FormatExample("").empty());
  EXPECT_TRUE(FormatExample("^\\t$").empty());
  EXPECT_TRUE(FormatExample("^\\u200B$").empty());
}

TEST(FormatExampleTest, HostilePatternsAreBounded) {
  EXPECT_TRUE(FormatExample("(a{1000}){1000}").empty());
  EXPECT_TRUE(FormatExample("[0-9]{41}").empty());
  EXPECT_FALSE(FormatExample("[0-9]{40}").empty());
  EXPECT_TRUE(FormatExample("(?=a)a").empty());       // unsupported syntax
  EXPECT_TRUE(FormatExample("(a").empty());            // invalid syntax
  EXPECT_TRUE(FormatExample("\xff\xfe").empty());      // invalid UTF-8
  EXPECT_TRUE(FormatExample(std::string(5000, 'a')).empty());  // over the pattern size cap
  // Empty repetitions many times over stay within the step budget.
  std::string nested;
  for (int i = 0; i < 90; ++i) nested += "(?:";
  nested += "(?:){1000}";
  for (int i = 0; i < 90; ++i) nested += "){1000}";
  EXPECT_TRUE(FormatExample(nested).empty());
  // Alternations of failing branches, nested: still bounded.
  std::string alts;
  for (int i = 0; i < 50; ++i) alts += "(?:[a-z ]|[a-z ]|";
  alts += "x";
  for (int i = 0; i < 50; ++i) alts += ")";
  PatternExample e = FormatExample(alts);
  if (!e.empty()) EXPECT_TRUE(Accepts(alts, e.example));
}

// Every pattern of every stand-in country and fixture: a sample, when
// offered, is accepted by its own pattern.
void CollectPatterns(const Json& node, std::vector<std::string>& out) {
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (it.key() == "valueRegexp" && it.value().is_string()) {
        out.push_back(it.value().get<std::string>());
      } else {
        CollectPatterns(it.value(), out);
      }
    }
  } else if (node.is_array()) {
    for (const Json& item : node) CollectPatterns(item, out);
  }
}

TEST(FormatExampleTest, EverySampleIsAcceptedByItsOwnPattern) {
  const std::vector<std::string> files = test::PatternFiles();
  ASSERT_GE(files.size(), 40u);  // 36 countries + the fixtures
  std::size_t patterns = 0, samples = 0, formats = 0;
  for (const std::string& file : files) {
    std::variant<Json, DocumentError> parsed = ParseJson(test::ReadFile(file));
    if (!std::holds_alternative<Json>(parsed)) continue;  // fixtures of malformed text
    std::vector<std::string> found;
    CollectPatterns(std::get<Json>(parsed), found);
    for (const std::string& pattern : found) {
      if (pattern.empty()) continue;
      ++patterns;
      PatternExample e = FormatExample(pattern);
      if (e.empty()) continue;
      ++samples;
      if (!e.format.empty()) ++formats;
      EXPECT_TRUE(Accepts(pattern, e.example)) << file << ": " << pattern << " -> " << e.example;
      EXPECT_EQ(e.format.empty(), e.legend.empty()) << pattern;
    }
  }
  std::printf("[ figures  ] %zu patterns, %zu with a sample, %zu with a format\n", patterns, samples, formats);
  EXPECT_GE(patterns, 90u);  // enough of a corpus to mean something (97 on 2026-12-07)
  EXPECT_GE(samples, patterns / 2);
}

TEST(FormatExampleTest, EveryTableCountryPostalCodeHasASample) {
  for (const std::string& iso2 : test::TableCountries()) {
    const Json country = test::CountryFile(iso2);
    const Json* constraints = FindMember(country, "addressConstraints");
    ASSERT_NE(constraints, nullptr) << iso2;
    const Json* pc = FindMember(*constraints, "pc");
    if (pc == nullptr) continue;  // HK has no postal codes
    const Json* re = FindMember(*pc, "valueRegexp");
    if (re == nullptr || !re->is_string() || re->get<std::string>().empty()) continue;  // SJ: a list
    PatternExample e = FormatExample(re->get<std::string>());
    EXPECT_FALSE(e.empty()) << iso2 << ": " << re->get<std::string>();
  }
}

TEST(FormatExampleTest, PatternMismatchCarriesTheHint) {
  std::variant<AddressConstraints, DocumentError> parsed = ParseAddressConstraintsText(
      R"({"pc": {"usage": "mandatory", "defaultLabel": "Postal code", "valueType": "freestring",
                 "valueRegexp": "^[1-9][0-9]{3} ?[A-Z]{2}$"}})");
  ASSERT_TRUE(std::holds_alternative<AddressConstraints>(parsed));
  Address address;
  address["pc"].text = "10124";
  std::vector<Problem> problems = ValidateAddress(std::get<AddressConstraints>(parsed), address);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "Postal code does not have the expected format: 9999 AA (for example 1234 AB)");
  EXPECT_EQ(problems[0].format, "9999 AA");
  EXPECT_EQ(problems[0].example, "1234 AB");
}

// Issue 18 item 9: the hint follows the branch and the repetitions of what was typed.
constexpr const char* kUkPostcode = "^(?:[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}|GIR ?0AA)$";

TEST(FormatExampleTest, GuidedSampleFollowsTheTypedPrefix) {
  PatternExample e = FormatExample(kUkPostcode, "SW1A 1A");
  EXPECT_EQ(e.format, "AA9X 9AA");
  EXPECT_EQ(e.legend, "A = capital letter, 9 = digit, X = letter or digit");
  EXPECT_TRUE(Accepts(kUkPostcode, e.example)) << e.example;
  EXPECT_TRUE(e.varies);
  // Small letters and a missing space steer it the same way.
  EXPECT_EQ(FormatExample(kUkPostcode, "sw1a1a").format, "AA9X 9AA");
  // Other shapes of the same pattern.
  EXPECT_EQ(FormatExample(kUkPostcode, "W1 1A").format, "A9 9AA");
  EXPECT_EQ(FormatExample(kUkPostcode, "EC1 1").format, "AA9 9AA");
  EXPECT_EQ(FormatExample(kUkPostcode, "M1A").format, "A9X 9AA");
  // The other branch, when the typed text follows it further.
  PatternExample gir = FormatExample(kUkPostcode, "GIR 0");
  EXPECT_EQ(gir.example, "GIR 0AA");
  EXPECT_EQ(gir.format, "");  // literal letters and digits would read as placeholders
  // Nothing typed, or nothing that fits: the unguided sample.
  EXPECT_EQ(FormatExample(kUkPostcode, "").format, "A9 9AA");
  EXPECT_EQ(FormatExample(kUkPostcode, "!!").format, "A9 9AA");
  EXPECT_EQ(FormatExample(kUkPostcode, "SW1A 1A").example, FormatExample(kUkPostcode, "sw1a 1a").example);
}

TEST(FormatExampleTest, GuidedSampleOfBranchesAndCounts) {
  // The branch whose start matches the most.
  EXPECT_EQ(FormatExample("^(?:[0-9]{2}-[0-9]{3}|[A-Z]{3})$", "AB").format, "AAA");
  EXPECT_EQ(FormatExample("^(?:[0-9]{2}-[0-9]{3}|[A-Z]{3})$", "1").format, "99-999");
  // Repetitions: as many as the typed text fills, within the maximum.
  EXPECT_EQ(FormatExample("^[0-9]{1,5}[A-Z]?$", "1234").format, "9999");
  EXPECT_EQ(FormatExample("^[0-9]{1,5}[A-Z]?$", "1234b").format, "9999A");
  EXPECT_EQ(FormatExample("^[0-9]{1,5}[A-Z]?$", "1234567").format, "99999");
  EXPECT_EQ(FormatExample("^[0-9]{3} ?[0-9]{2}$", "12").format, "999 99");
  // A start that only a branch with literal digits takes keeps the honest format.
  EXPECT_EQ(FormatExample("^(?:0[1-9]|[1-8][0-9]|9[0-5])[0-9]{3}$", "00000").format, "99999");
  // No choice in the pattern: the guide changes nothing, and says so.
  EXPECT_FALSE(FormatExample("^[1-9][0-9]{3} ?[A-Z]{2}$", "1234").varies);
  EXPECT_EQ(FormatExample("^[1-9][0-9]{3} ?[A-Z]{2}$", "1234").format, "9999 AA");
  // Unbounded repetitions stay within the sample's length.
  PatternExample many = FormatExample("^[0-9]+$", std::string(500, '7'));
  EXPECT_EQ(many.example.size(), kMaxExampleLength);
  EXPECT_TRUE(Accepts("^[0-9]+$", many.example));
}

TEST(FormatExampleTest, GuidedPatternMismatchFollowsTheTypedValue) {
  std::variant<AddressConstraints, DocumentError> parsed = ParseAddressConstraintsText(
      std::string(R"({"pc": {"usage": "mandatory", "defaultLabel": "Postcode", "valueType": "freestring",
                 "valueRegexp": ")") + kUkPostcode + R"("}})");
  ASSERT_TRUE(std::holds_alternative<AddressConstraints>(parsed));
  const AddressConstraints& constraints = std::get<AddressConstraints>(parsed);
  Address address;
  address["pc"].text = "SW1A 1A";
  std::vector<Problem> problems = ValidateAddress(constraints, address);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].format, "AA9X 9AA");
  EXPECT_EQ(problems[0].legend, "A = capital letter, 9 = digit, X = letter or digit");
  EXPECT_TRUE(Accepts(kUkPostcode, problems[0].example));
  address["pc"].text = "W1 1A";
  problems = ValidateAddress(constraints, address);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].format, "A9 9AA");
  EXPECT_EQ(problems[0].example, "A1 2BC");
}

}  // namespace
}  // namespace btalk
