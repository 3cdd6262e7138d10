// The budgets of regex.h ("Budgets") on the reproducers of issue 9: each
// answers with a structured error or problem after bounded work, and the core
// still validates a normal address afterwards. No timing assertions: the work
// counters (CompileBudget::compile_work, MatchBudget::steps_used) are the guard.
#include <string>
#include <variant>

#include <gtest/gtest.h>

#include "btalk/address_constraints.h"
#include "btalk/address_validator.h"
#include "btalk/facade.h"
#include "btalk/regex.h"
#include "btalk/utf8.h"
#include "test_util.h"
#include <nlohmann/json.hpp>

namespace btalk {
namespace {

using nlohmann::json;
using test::Envelope;
using test::ReadData;


// The core still works: France's fixture validates a good and a bad address.
void ExpectCoreStillValidates() {
  const std::string fr = ReadData("fr_addressconstraints.json");
  json ok = Envelope(validate_address_json(fr, R"({"a6": "Rue de Sèvres", "pc": "75006", "a3": "Paris"})", "{}"));
  EXPECT_EQ(ok["ok"]["valid"], true) << ok;
  json bad = Envelope(validate_address_json(fr, R"({"a6": "Rue de Sèvres", "pc": "99999", "a3": "Paris"})", "{}"));
  ASSERT_EQ(bad["ok"]["problems"].size(), 1u) << bad;
  EXPECT_EQ(bad["ok"]["problems"][0]["code"], "patternMismatch");
}

// --- Defect 1: compile blow-up ----------------------------------------------

TEST(CompileBudgetTest, RepeatsOfNothingCompileToNothing) {
  for (const char* pattern : {"(?:(?:(?:){1000}){1000}){1000}", "(?:(?:(?:a{0}){1000}){1000}){100}"}) {
    CompileBudget budget;
    auto compiled = Regex::Compile(pattern, &budget);
    ASSERT_TRUE(std::holds_alternative<Regex>(compiled)) << pattern;
    const Regex& re = std::get<Regex>(compiled);
    EXPECT_EQ(re.program_size(), 1u) << pattern;  // just the final match
    EXPECT_LT(budget.compile_work, 10u) << pattern;  // was 10^9 emitter visits
    EXPECT_TRUE(re.FullMatch(""));
    EXPECT_FALSE(re.FullMatch("a"));
  }
  ExpectCoreStillValidates();
}

TEST(CompileBudgetTest, EmptyPartsBesideRealOnesAreDroppedOnce) {
  CompileBudget budget;
  auto compiled = Regex::Compile("(?:a(?:){1000}(?:b{0}){1000}){1000}", &budget);
  ASSERT_TRUE(std::holds_alternative<Regex>(compiled));
  EXPECT_EQ(std::get<Regex>(compiled).program_size(), 1001u);
  EXPECT_LE(budget.compile_work, 2100u);
  EXPECT_TRUE(std::get<Regex>(compiled).FullMatch(std::string(1000, 'a')));
}

TEST(CompileBudgetTest, EmitWorkIsCappedEvenWhenTheProgramFits) {
  // 19,000 copies of a chain of 90 nested {1}: 19,001 instructions, but
  // about 1.7 million emitter visits.
  std::string chain = "a";
  for (int i = 0; i < 90; ++i) chain = "(?:" + chain + "){1}";
  const std::string pattern = "(?:(?:" + chain + "){1000}){19}";
  auto compiled = Regex::Compile(pattern);
  const RegexError* error = std::get_if<RegexError>(&compiled);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->message, "pattern is too complex to compile (over 500000 steps)");
  EXPECT_FALSE(error->over_budget);
  // The same chain with fewer copies is fine.
  auto fits = Regex::Compile("(?:" + chain + "){1000}");
  ASSERT_TRUE(std::holds_alternative<Regex>(fits));
  EXPECT_TRUE(std::get<Regex>(fits).FullMatch(std::string(1000, 'a')));
}

TEST(CompileBudgetTest, ABlowUpPatternInADocumentIsAConstraintError) {
  const std::string doc = R"({"pc": {"usage": "mandatory", "valueRegexp": "(?:(?:(?:a){1000}){1000}){1000}"},
                              "a3": {"usage": "mandatory", "maxLength": 5}})";
  json form = Envelope(address_form_json(doc, ""));
  ASSERT_TRUE(form.contains("ok")) << form;
  ASSERT_EQ(form["ok"]["constraintErrors"].size(), 1u);
  EXPECT_EQ(form["ok"]["constraintErrors"][0]["field"], "pc");
  EXPECT_EQ(form["ok"]["constraintErrors"][0]["code"], "constraintError");
  json result = Envelope(validate_address_json(doc, R"({"pc": "a", "a3": "toolong"})", "{}"));
  ASSERT_EQ(result["ok"]["problems"].size(), 2u) << result;
  EXPECT_EQ(result["ok"]["problems"][0]["field"], "a3");  // no positions: by name
  EXPECT_EQ(result["ok"]["problems"][0]["code"], "tooLong");
  EXPECT_EQ(result["ok"]["problems"][1]["code"], "constraintError");
}

// --- Defect 2: a document too large to compile --------------------------------

std::string ManyElements(int count, const std::string& pattern) {
  std::string doc = "{";
  for (int i = 0; i < count; ++i) {
    if (i > 0) doc += ",";
    doc += "\"e" + std::to_string(i) + "\": {\"usage\": \"optional\", \"valueRegexp\": \"" + pattern + "\"}";
  }
  return doc + "}";
}

TEST(DocumentBudgetTest, AMegabyteOfLargePatternsIsRefusedUpFront) {
  const std::string doc = ManyElements(12000, "(?:.{999}){19}");
  ASSERT_GT(doc.size(), 700000u);
  for (const std::string& answer : {address_form_json(doc, ""), validate_address_json(doc, "{}", "{}")}) {
    json envelope = Envelope(answer);
    ASSERT_TRUE(envelope.contains("error")) << answer.substr(0, 200);
    EXPECT_EQ(envelope["error"]["code"], "tooComplex");
    EXPECT_NE(envelope["error"]["message"].get<std::string>().find("too large"), std::string::npos);
  }
  // Refused at the 14th element: 13 x 18,986 cells fit in 250,000, 14 do not.
  std::variant<AddressConstraints, DocumentError> parsed = ParseAddressConstraintsText(doc);
  ASSERT_TRUE(std::holds_alternative<DocumentError>(parsed));
  EXPECT_NE(std::get<DocumentError>(parsed).message.find("refused at e10008"), std::string::npos)
      << std::get<DocumentError>(parsed).message;  // the object form is sorted by name
  ExpectCoreStillValidates();
}

TEST(DocumentBudgetTest, DocumentsWithinTheBudgetCompile) {
  auto parsed = ParseAddressConstraintsText(ManyElements(13, "(?:.{999}){19}"));
  ASSERT_TRUE(std::holds_alternative<AddressConstraints>(parsed));
  for (const ElementConstraint& element : std::get<AddressConstraints>(parsed).elements) {
    EXPECT_FALSE(element.error.has_value()) << *element.error;
    ASSERT_TRUE(element.regex.has_value());
    EXPECT_EQ(element.regex->budget_cost(), 18986u);  // 18,982 instructions + the 4 ranges of `.`
  }
  // 12,000 small patterns are fine too: the budget is on size, not count.
  auto many = ParseAddressConstraintsText(ManyElements(12000, "[0-9]{5}"));
  ASSERT_TRUE(std::holds_alternative<AddressConstraints>(many));
  EXPECT_EQ(std::get<AddressConstraints>(many).elements.size(), 12000u);
}

TEST(DocumentBudgetTest, CompileBudgetIsSharedAndRefusesBeforeEmitting) {
  CompileBudget budget;
  budget.program_left = 100;
  auto first = Regex::Compile("a{60}", &budget);
  ASSERT_TRUE(std::holds_alternative<Regex>(first));
  EXPECT_EQ(budget.program_left, 39u);
  const std::uint64_t work = budget.compile_work;
  auto second = Regex::Compile("a{60}", &budget);
  const RegexError* error = std::get_if<RegexError>(&second);
  ASSERT_NE(error, nullptr);
  EXPECT_TRUE(error->over_budget);
  EXPECT_TRUE(budget.exhausted);
  EXPECT_EQ(budget.compile_work, work);  // nothing was emitted
  EXPECT_EQ(budget.program_left, 39u);
}

// --- Defect 3: unbounded total match work -------------------------------------

std::string TenHeavyFields() {
  std::string doc = "{";
  for (int i = 0; i < 10; ++i) {
    if (i > 0) doc += ",";
    doc += "\"addrExtInfo" + std::to_string(i + 1) +
           "\": {\"usage\": \"optional\", \"maxLength\": 10000, \"valueRegexp\": \"(?:.{0,999}){10}a\"}";
  }
  return doc + "}";
}

Address TenValues(const std::string& value) {
  Address address;
  for (int i = 0; i < 10; ++i) address["addrExtInfo" + std::to_string(i + 1)] = AddressValue{value};
  return address;
}

TEST(MatchBudgetTest, TheIssuesReproducerFailsOnLengthWithoutRunningTheVm) {
  // 10,000 characters can never match: the pattern matches at most 9,991.
  const AddressConstraints constraints = test::Constraints(TenHeavyFields());
  MatchBudget budget;
  const std::vector<Problem> problems =
      ValidateAddress(constraints, TenValues(std::string(10000, 'x')), ValidationOptions(), budget);
  ASSERT_EQ(problems.size(), 10u);
  for (const Problem& problem : problems) EXPECT_EQ(problem.code, ProblemCode::kPatternMismatch);
  EXPECT_EQ(budget.steps_used, 0u);
}

TEST(MatchBudgetTest, TotalStepsPerValidationAreCappedAcrossFields) {
  const AddressConstraints constraints = test::Constraints(TenHeavyFields());
  MatchBudget budget;
  const std::vector<Problem> problems =
      ValidateAddress(constraints, TenValues(std::string(9000, 'x') + "a"), ValidationOptions(), budget);
  ASSERT_EQ(problems.size(), 10u);
  for (const Problem& problem : problems) {
    EXPECT_EQ(problem.code, ProblemCode::kTooComplex) << problem.field;
    EXPECT_NE(problem.message.find("cannot be checked"), std::string::npos);
  }
  // At most one character's work (3 x program size) past the budget; was 2 x 10^9.
  EXPECT_LE(budget.steps_used, Regex::kMaxMatchSteps + 3 * Regex::kMaxProgramSize);
  EXPECT_GE(budget.steps_used, Regex::kMaxMatchSteps);
  EXPECT_EQ(budget.steps_left, 0u);
  // Through the facade: the same problems, as JSON.
  json values = json::object();
  for (const auto& [name, value] : TenValues(std::string(9000, 'x') + "a")) values[name] = value.text;
  json result = Envelope(validate_address_json(TenHeavyFields(), values.dump(), "{}"));
  ASSERT_EQ(result["ok"]["problems"].size(), 10u);
  EXPECT_EQ(result["ok"]["problems"][9]["code"], "tooComplex");
  ExpectCoreStillValidates();
}

TEST(MatchBudgetTest, ShortValuesOfTheSameRuleStillMatch) {
  const AddressConstraints constraints = test::Constraints(TenHeavyFields());
  MatchBudget budget;
  const std::vector<Problem> problems =
      ValidateAddress(constraints, TenValues(std::string(100, 'x') + "a"), ValidationOptions(), budget);
  EXPECT_TRUE(problems.empty());
  EXPECT_LT(budget.steps_used, Regex::kMaxMatchSteps);
  EXPECT_GT(budget.steps_used, 0u);
}

TEST(MatchBudgetTest, FullMatchStopsWhenItsBudgetRunsOut) {
  Regex re = std::get<Regex>(Regex::Compile("(?:a|b)*c"));
  MatchBudget small(50);
  EXPECT_EQ(re.FullMatch(std::string(1000, 'a') + "c", small), Regex::MatchResult::kTooComplex);
  EXPECT_EQ(small.steps_left, 0u);
  EXPECT_LT(small.steps_used, 50u + 3 * re.program_size());
  // An empty budget answers at once; a fresh one gets the real answer.
  EXPECT_EQ(re.FullMatch("ac", small), Regex::MatchResult::kTooComplex);
  MatchBudget fresh;
  EXPECT_EQ(re.FullMatch(std::string(1000, 'a') + "c", fresh), Regex::MatchResult::kMatch);
  EXPECT_EQ(re.FullMatch("abd", fresh), Regex::MatchResult::kNoMatch);
}

TEST(MatchBudgetTest, LengthBoundsSkipTheVm) {
  Regex five = std::get<Regex>(Regex::Compile("[0-9]{5}"));
  MatchBudget budget;
  EXPECT_EQ(five.FullMatch("1234", budget), Regex::MatchResult::kNoMatch);
  EXPECT_EQ(five.FullMatch(std::string(9000, '1'), budget), Regex::MatchResult::kNoMatch);
  EXPECT_EQ(budget.steps_used, 0u);
  EXPECT_EQ(five.FullMatch("12345", budget), Regex::MatchResult::kMatch);
  EXPECT_GT(budget.steps_used, 0u);
  // Assertions and empty loops have no length; `a|bc` is 1 or 2.
  EXPECT_TRUE(std::get<Regex>(Regex::Compile("^(?:)*$")).FullMatch(""));
  Regex alt = std::get<Regex>(Regex::Compile("a|bc"));
  EXPECT_TRUE(alt.FullMatch("a"));
  EXPECT_TRUE(alt.FullMatch("bc"));
  EXPECT_FALSE(alt.FullMatch("abc"));
}

// --- Defect 4: lone surrogates ------------------------------------------------

TEST(LoneSurrogateTest, MarkLoneSurrogatesReplacesOnlyLoneOnes) {
  bool found = true;
  EXPECT_EQ(MarkLoneSurrogates(R"({"a": "x\ud83d\ude00 \\ud800"})", found), "");
  EXPECT_FALSE(found);  // a proper pair, and an escaped backslash before "ud800"
  EXPECT_EQ(MarkLoneSurrogates(R"(["\ud800", "\uDC00x", "\ud800\u0041"])", found),
            R"(["\udbff\udfff", "\udbff\udfffx", "\udbff\udfff\u0041"])");
  EXPECT_TRUE(found);
  // Emscripten's UTF-8 for a lone surrogate: ED A0..BF 80..BF.
  EXPECT_EQ(MarkLoneSurrogates("[\"a\xED\xA0\x80\"]", found), "[\"a" + std::string(kLoneSurrogateMark) + "\"]");
  EXPECT_TRUE(found);
  EXPECT_EQ(MarkLoneSurrogates("\\", found), "");  // a trailing backslash is left to the parser
}

TEST(LoneSurrogateTest, AFieldWithALoneSurrogateGetsBadInputAndTheRestIsValidated) {
  const std::string fr = ReadData("fr_addressconstraints.json");
  for (const std::string& address :
       {std::string(R"({"a6": "Rue \ud800 de Sèvres", "pc": "99999", "a3": "Paris"})"),
        std::string("{\"a6\": \"Rue \xED\xA0\x80 de S\xC3\xA8vres\", \"pc\": \"99999\", \"a3\": \"Paris\"}")}) {
    json result = Envelope(validate_address_json(fr, address, "{}"));
    ASSERT_TRUE(result.contains("ok")) << result;
    const json& problems = result["ok"]["problems"];
    ASSERT_EQ(problems.size(), 2u) << result;
    EXPECT_EQ(problems[0]["field"], "a6");
    EXPECT_EQ(problems[0]["code"], "badInput");
    EXPECT_EQ(problems[1]["field"], "pc");
    EXPECT_EQ(problems[1]["code"], "patternMismatch");
    EXPECT_NE(problems[0]["message"].get<std::string>().find("lone UTF-16 surrogate"), std::string::npos);
  }
  // A lone surrogate in a name: an unknown field, shown with U+FFFD.
  json result = Envelope(validate_address_json(fr, R"({"a6": "Rue", "pc": "75006", "a3": "Paris", "x\udc00": ""})", ""));
  ASSERT_EQ(result["ok"]["problems"].size(), 1u) << result;
  EXPECT_EQ(result["ok"]["problems"][0]["code"], "unknownField");
  EXPECT_EQ(result["ok"]["problems"][0]["field"], "x\xEF\xBF\xBD");
  ExpectCoreStillValidates();
}

TEST(LoneSurrogateTest, DialZoneWithALoneSurrogateIsBadInput) {
  const std::string fr = ReadData("fr_addressconstraints.json");
  json result = Envelope(validate_address_json(
      fr, R"({"a6": "Rue", "pc": "75006", "a3": "Paris", "dialZone": "\ud800"})",
      R"({"geographicalConstraints": {"dialZoneSelection": "manual"}})"));
  ASSERT_TRUE(result.contains("ok")) << result;
  ASSERT_EQ(result["ok"]["problems"].size(), 1u) << result;
  EXPECT_EQ(result["ok"]["problems"][0]["field"], "dialZone");
  EXPECT_EQ(result["ok"]["problems"][0]["code"], "badInput");
}

}  // namespace
}  // namespace btalk
