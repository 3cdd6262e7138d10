// Problems as numbers (compact_problem.h) and their layout at the wasm
// boundary (compiled_validate_compact, compiled_problem_table_json): the
// numbers say exactly what the (field, code, message) problems say.
#include "btalk/compact_problem.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "btalk/compiled_constraints.h"
#include "btalk/facade.h"
#include "btalk/json_util.h"

namespace btalk {
namespace {

using Strings = std::vector<std::string>;

// One field per kind of problem; a1 is checked against stored areas, and the
// dial zone is chosen by hand.
constexpr const char* kConstraints = R"({
  "a6": {"usage": "mandatory", "defaultLabel": "Street", "minLength": 2, "maxLength": 5, "position": 1},
  "hno": {"usage": "optional", "defaultLabel": "Number", "valueType": "freenumerical", "position": 2},
  "pc": {"usage": "mandatory", "defaultLabel": "Postcode", "valueRegexp": "^[A-Z][0-9]{2}$", "position": 3},
  "uk": {"usage": "optional", "defaultLabel": "Choice", "valueRegexp": "^(A[0-9]|BB[0-9]{2})$", "position": 4},
  "en": {"usage": "optional", "defaultLabel": "Kind", "valueType": "enumeration", "possibleValues": ["x", "y"],
         "position": 5},
  "bad": {"usage": "optional", "defaultLabel": "Broken", "valueRegexp": "(", "position": 6},
  "a1": {"usage": "optional", "defaultLabel": "Region", "position": 7}
})";
constexpr const char* kGeo = R"({"dialZoneSelection": "Manual", "emergencyAreaRules": {"area1_pidflo": "a1"}})";

CompiledConstraints Compile() {
  auto compiled = CompiledConstraints::FromText(kConstraints, kGeo);
  if (auto* error = std::get_if<DocumentError>(&compiled)) {
    ADD_FAILURE() << error->message;
    return CompiledConstraints(AddressConstraints(), std::nullopt);
  }
  CompiledConstraints object = std::move(std::get<CompiledConstraints>(compiled));
  object.SetGeoAreas(1, {}, {"ZH", "VD"});
  return object;
}

// The packed record format of the wasm boundary (compiled_constraints.h).
std::string Record(const std::string& flags, const Strings& texts, const Strings& unknown = {}) {
  std::string out = flags + std::to_string(unknown.size()) + '\0';
  for (const std::string& text : texts) out += text + '\0';
  for (const std::string& name : unknown) out += name + '\0';
  return out;
}

// Fields in compiled order: a6 hno pc uk en bad a1, then the dial zone flag.
std::string Packed() {
  // 0: valid. 1: a problem of nearly every kind. 2: the others.
  std::string packed = Record("t0t000tt", {"Rue", "B12", "ZH", "+41"});
  packed += Record("tttttttx", {"R", "1a", "1", "BB1", "z", "x", "GE"}, {"zz"});
  packed += Record("ut000000", {"Ru\xEF\xBF\xBD", std::string(1001, '1')});
  return packed;
}

// The texts of compiled_validate_compact's answer, cut at their end offsets.
Strings Texts(const std::vector<std::int32_t>& words, const std::string& texts) {
  const auto problems = static_cast<std::size_t>(words[0]);
  Strings out;
  std::size_t begin = 0;
  for (std::size_t i = 2 + 4 * problems; i < words.size(); ++i) {
    const auto end = static_cast<std::size_t>(words[i]);
    out.push_back(texts.substr(begin, end - begin));
    begin = end;
  }
  return out;
}

TEST(CompactProblemTest, WordsSayRecordFieldCodeAndDetail) {
  const CompiledConstraints compiled = Compile();
  std::vector<std::int32_t> words;
  std::string texts;
  ASSERT_EQ(compiled_validate_compact(compiled, Packed(), &words, &texts), 13);
  const auto code = [](ProblemCode c) { return static_cast<std::int32_t>(c); };
  const std::vector<std::int32_t> problems = {
      1, 0, code(ProblemCode::kTooShort), 2,          // a6 "R": at least 2
      1, 1, code(ProblemCode::kTypeMismatch), 1,      // hno "1a": not only digits
      1, 2, code(ProblemCode::kPatternMismatch), -1,  // pc "1": the field's own hint
      1, 3, code(ProblemCode::kPatternMismatch), -2,  // uk "BB1": its hint follows it, worked out when read; text 0
      1, 4, code(ProblemCode::kNotAllowed), -1,       // en "z": not a proposed value
      1, 5, code(ProblemCode::kConstraintError), 0,   // bad: its rule is broken
      1, 6, code(ProblemCode::kNotAllowed), 1,        // a1 "GE": not a known area, text 1
      1, 7, code(ProblemCode::kTypeMismatch), 0,      // dialZone: not text
      1, 8, code(ProblemCode::kUnknownField), 2,      // zz: texts 2 and 3
      2, 0, code(ProblemCode::kBadInput), 0,          // a6: a lone surrogate
      2, 1, code(ProblemCode::kTooLong), 1000,        // hno: over the hard limit
      2, 2, code(ProblemCode::kValueMissing), 0,      // pc: required
      2, 7, code(ProblemCode::kValueMissing), 0,      // dialZone: required (manual)
  };
  ASSERT_EQ(words.size(), 2 + problems.size() + 4);
  EXPECT_EQ(words[0], 13);
  EXPECT_EQ(words[1], 4);
  EXPECT_EQ(std::vector<std::int32_t>(words.begin() + 2, words.begin() + 2 + problems.size()), problems);
  const Strings spelled = Texts(words, texts);
  EXPECT_EQ(spelled, (Strings{"BB1", "GE", "zz", "zz"}));  // uk's typed text, then the area and the key

  // A valid batch: no problem, no text.
  ASSERT_EQ(compiled_validate_compact(compiled, Record("t0t000tt", {"Rue", "B12", "ZH", "+41"}), &words, &texts), 0);
  EXPECT_EQ(words, (std::vector<std::int32_t>{0, 0}));
  // Malformed input: -1 and an error envelope.
  EXPECT_EQ(compiled_validate_compact(compiled, std::string("t0", 2), &words, &texts), -1);
  EXPECT_NE(texts.find("\"invalidInput\""), std::string::npos) << texts;
}

TEST(CompactProblemTest, ExpandedProblemsAreTheContractTexts) {
  const CompiledConstraints compiled = Compile();
  CompactProblems compact;
  std::vector<std::uint32_t> records;
  ASSERT_EQ(ValidatePacked(compiled, Packed(), compact, records), 3);
  std::vector<std::pair<std::size_t, std::vector<Problem>>> invalid;
  ASSERT_EQ(ValidatePacked(compiled, Packed(), invalid), 3);
  ASSERT_EQ(invalid.size(), 2u);
  ASSERT_EQ(compact.problems.size(), invalid[0].second.size() + invalid[1].second.size());
  Strings messages;
  for (std::size_t i = 0; i < compact.problems.size(); ++i) {
    const Problem problem = ExpandProblem(compiled.constraints(), compact.problems[i], compact.texts);
    const std::size_t k = records[i] == 1 ? 0 : 1;
    const Problem& same = invalid[k].second[k == 0 ? i : i - invalid[0].second.size()];
    EXPECT_EQ(problem.field, same.field);
    EXPECT_EQ(problem.message, same.message);
    EXPECT_EQ(problem.example, same.example);
    messages.push_back(problem.field + ": " + problem.message);
  }
  EXPECT_EQ(messages, (Strings{
      "a6: Street must be at least 2 characters",
      "hno: Number must contain only digits (0 to 9)",
      "pc: Postcode does not have the expected format: A99 (for example A12)",
      "uk: Choice does not have the expected format: BB99 (for example BB12)",
      "en: Kind must be one of the proposed values",
      "bad: Broken cannot be checked because its rule from the API is invalid: " +
          *compiled.constraints().elements[5].error,
      "a1: \"GE\" is not a known Region",
      "dialZone: Dial zone must be text",
      "zz: \"zz\" is not an address field for this country",
      "a6: Street contains a character that is not valid text (a lone UTF-16 surrogate); please retype it",
      "hno: Number must be at most 1000 characters",
      "pc: Postcode is required",
      "dialZone: Dial zone is required for this country",
  }));
}

TEST(CompactProblemTest, ProblemTableHoldsEveryMessageThatDependsOnlyOnTheNumbers) {
  const CompiledConstraints compiled = Compile();
  auto parsed = ParseJson(compiled_problem_table_json(compiled));
  ASSERT_TRUE(std::holds_alternative<Json>(parsed));
  const Json& table = std::get<Json>(parsed)["ok"];
  ASSERT_EQ(table["codes"].size(), 10u);
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(table["codes"][i].get<std::string>(), ProblemCodeName(static_cast<ProblemCode>(i)));
  }
  const Json& fields = table["fields"];
  ASSERT_EQ(fields.size(), compiled.field_count() + 1);  // then the dial zone
  EXPECT_EQ(fields[0]["label"], "Street");
  EXPECT_EQ(fields[2]["example"], "A12");
  EXPECT_EQ(fields[2]["format"], "A99");
  EXPECT_FALSE(fields[0].contains("example"));  // no pattern
  EXPECT_FALSE(fields[2].contains("pattern"));  // pc's hint is always the same
  EXPECT_EQ(fields[3]["pattern"], "^(A[0-9]|BB[0-9]{2})$");  // uk's follows what was typed
  EXPECT_EQ(fields[7]["label"], "Dial zone");
  // Every problem of Packed() whose detail points at no text has its message in the table.
  CompactProblems compact;
  std::vector<std::uint32_t> records;
  ASSERT_EQ(ValidatePacked(compiled, Packed(), compact, records), 3);
  std::size_t looked_up = 0;
  for (const CompactProblem& problem : compact.problems) {
    const bool text = problem.code == ProblemCode::kUnknownField ||
                      (problem.detail >= 0 && problem.code == ProblemCode::kNotAllowed) ||
                      (problem.detail != -1 && problem.code == ProblemCode::kPatternMismatch);
    if (text) continue;
    const std::string key = std::to_string(static_cast<int>(problem.code)) + ":" + std::to_string(problem.detail);
    const Json& messages = fields[problem.field]["messages"];
    ASSERT_TRUE(messages.contains(key)) << key;
    EXPECT_EQ(messages[key], ExpandProblem(compiled.constraints(), problem, compact.texts).message);
    ++looked_up;
  }
  EXPECT_EQ(looked_up, 10u);
  EXPECT_FALSE(fields[0]["messages"].contains("7:0"));  // no broken rule, no constraintError text
}

TEST(CompactProblemTest, TypedHintIsWorkedOutWhenRead) {
  const CompiledConstraints compiled = Compile();
  CompactProblems compact;
  std::vector<std::uint32_t> records;
  // uk "BB1" then "A": two refusals whose hints follow two different branches.
  ASSERT_EQ(ValidatePacked(compiled, Record("t0tt000t", {"Rue", "B12", "BB1", "+41"}) +
                                          Record("t0tt000t", {"Rue", "B12", " A ", "+41"}),
                           compact, records),
            2);
  ASSERT_EQ(compact.problems.size(), 2u);
  EXPECT_EQ(compact.texts, (Strings{"BB1", "A"}));  // trimmed, no hint worked out yet
  const Problem bb = ExpandProblem(compiled.constraints(), compact.problems[0], compact.texts);
  const Problem a = ExpandProblem(compiled.constraints(), compact.problems[1], compact.texts);
  EXPECT_EQ(bb.example, "BB12");
  EXPECT_EQ(bb.message, "Choice does not have the expected format: BB99 (for example BB12)");
  EXPECT_EQ(a.example, "A1");
  // What JS asks when it reads the text: the same hint from the pattern and the typed text.
  const std::string pattern = "^(A[0-9]|BB[0-9]{2})$";
  EXPECT_EQ(format_example_json(pattern, "BB1"),
            R"({"ok":{"example":"BB12","format":"BB99","legend":"9 = digit"}})");
  EXPECT_EQ(format_example_json(pattern), format_example_json(pattern, ""));
}

}  // namespace
}  // namespace btalk
