#include "btalk/address_constraints.h"

#include <string>

#include <gtest/gtest.h>

#include "test_util.h"

namespace btalk {
namespace {

using test::ReadData;


AddressConstraints MustParse(std::string_view text) { return test::Constraints(text); }

// The error of element `name`, or "" when it parsed cleanly.
std::string ErrorOf(const AddressConstraints& c, std::string_view name) {
  const ElementConstraint* e = c.Find(name);
  if (e == nullptr) return "<missing>";
  return e->error.value_or("");
}

TEST(AddressConstraintsTest, SeedFreeString) {
  const std::string text = ReadData("seed_freestring.json");
  ASSERT_FALSE(text.empty());
  AddressConstraints c = MustParse(text);
  ASSERT_EQ(c.elements.size(), 1u);
  const ElementConstraint& a1 = c.elements[0];
  EXPECT_EQ(a1.name, "a1");
  EXPECT_EQ(a1.usage, Usage::kMandatory);
  EXPECT_EQ(a1.value_type, ValueType::kFreeString);
  EXPECT_EQ(a1.min_length, 1u);
  ASSERT_TRUE(a1.max_length.has_value());
  EXPECT_EQ(*a1.max_length, 100u);
  EXPECT_FALSE(a1.regex.has_value());
  EXPECT_EQ(a1.default_label, "State");
  EXPECT_EQ(a1.default_description, "Enter the state where your site is located");
  EXPECT_EQ(a1.position, 10.0);
  EXPECT_FALSE(a1.error.has_value());
}

TEST(AddressConstraintsTest, SeedFreeNumericalAndRegexp) {
  AddressConstraints numerical = MustParse(ReadData("seed_freenumerical.json"));
  ASSERT_EQ(numerical.elements.size(), 1u);
  EXPECT_EQ(numerical.elements[0].usage, Usage::kOptional);
  EXPECT_EQ(numerical.elements[0].value_type, ValueType::kFreeNumerical);
  EXPECT_EQ(numerical.elements[0].min_length, 0u);

  AddressConstraints pc = MustParse(ReadData("seed_postal_code_regexp.json"));
  ASSERT_EQ(pc.elements.size(), 1u);
  EXPECT_EQ(pc.elements[0].name, "pc");
  EXPECT_EQ(pc.elements[0].value_regexp, "^[a-z0-9]{5}$");
  ASSERT_TRUE(pc.elements[0].regex.has_value());
  EXPECT_TRUE(pc.elements[0].regex->FullMatch("ab123"));
  EXPECT_FALSE(pc.elements[0].regex->FullMatch("AB123"));
}

TEST(AddressConstraintsTest, SeedEnumerations) {
  AddressConstraints e = MustParse(ReadData("seed_enumeration.json"));
  ASSERT_EQ(e.elements.size(), 1u);
  EXPECT_EQ(e.elements[0].value_type, ValueType::kEnumeration);
  ASSERT_EQ(e.elements[0].possible_values.size(), 3u);
  EXPECT_EQ(e.elements[0].possible_values[1].value, "Washington");
  EXPECT_EQ(e.elements[0].possible_values[1].display, "Washington");

  AddressConstraints assoc = MustParse(ReadData("seed_enumeration_associative.json"));
  ASSERT_EQ(assoc.elements.size(), 1u);
  const ElementConstraint& sts = assoc.elements[0];
  EXPECT_EQ(sts.value_type, ValueType::kEnumerationAssociative);
  ASSERT_EQ(sts.possible_values.size(), 3u);
  EXPECT_EQ(sts.possible_values[0].value, "AVE");
  EXPECT_EQ(sts.possible_values[0].display, "Avenue");
  EXPECT_EQ(sts.default_label, "Street suffix");
}

TEST(AddressConstraintsTest, SeedAssociativeAsPrintedIsACleanJsonError) {
  const std::string text = ReadData("seed_enumeration_associative_verbatim.json");
  ASSERT_FALSE(text.empty());
  auto parsed = ParseAddressConstraintsText(text);
  ASSERT_TRUE(std::holds_alternative<DocumentError>(parsed));
  EXPECT_EQ(std::get<DocumentError>(parsed).code, "invalidJson");
  EXPECT_NE(std::get<DocumentError>(parsed).message.find("not valid JSON"), std::string::npos);
}

TEST(AddressConstraintsTest, RealisticCountriesParseWithoutErrors) {
  for (const char* name : {"fr_addressconstraints.json", "us_addressconstraints.json"}) {
    AddressConstraints c = MustParse(ReadData(name));
    EXPECT_GE(c.elements.size(), 6u) << name;
    EXPECT_TRUE(ConstraintErrors(c).empty()) << name << ": " << ConstraintErrors(c).front().message;
  }
}

TEST(AddressConstraintsTest, OrdersByPositionThenName) {
  AddressConstraints c = MustParse(R"({
    "pc": {"position": 20}, "a3": {"position": 10}, "a1": {"position": 20},
    "hno": {}, "a6": {"position": -5}, "flr": {"position": 2.5}})");
  std::vector<std::string> names;
  for (const auto& e : c.elements) names.push_back(e.name);
  EXPECT_EQ(names, (std::vector<std::string>{"a6", "flr", "a3", "a1", "pc", "hno"}));
  EXPECT_FALSE(c.elements.back().position.has_value());
}

TEST(AddressConstraintsTest, ArrayFormKeepsOrderForEqualPositions) {
  AddressConstraints c = MustParse(R"([
    {"name": "pc", "position": 1, "usage": "mandatory"},
    {"element": "a3", "position": 1},
    {"name": "a1", "position": 0}])");
  ASSERT_EQ(c.elements.size(), 3u);
  EXPECT_EQ(c.elements[0].name, "a1");
  // Equal positions fall back to the name.
  EXPECT_EQ(c.elements[1].name, "a3");
  EXPECT_EQ(c.elements[2].name, "pc");
  EXPECT_EQ(c.elements[2].usage, Usage::kMandatory);
}

TEST(AddressConstraintsTest, ArrayFormReportsNamelessAndDuplicateEntries) {
  AddressConstraints c = MustParse(R"([{"usage": "optional"}, 7, {"name": "pc"}, {"name": "pc", "usage": "x"}])");
  ASSERT_EQ(c.elements.size(), 1u);
  EXPECT_FALSE(c.elements[0].error.has_value());  // the first pc wins
  ASSERT_EQ(c.entry_errors.size(), 3u);
  EXPECT_EQ(c.entry_errors[0].field, "");
  EXPECT_EQ(c.entry_errors[2].field, "pc");
  EXPECT_EQ(ConstraintErrors(c).size(), 3u);
}

TEST(AddressConstraintsTest, WrappedDocumentIsUnwrapped) {
  AddressConstraints c = MustParse(R"({"addressConstraints": {"pc": {"usage": "mandatory"}}})");
  ASSERT_EQ(c.elements.size(), 1u);
  EXPECT_EQ(c.elements[0].name, "pc");
  AddressConstraints list = MustParse(R"({"addressConstraints": [{"name": "a3"}]})");
  ASSERT_EQ(list.elements.size(), 1u);
  EXPECT_EQ(list.elements[0].name, "a3");
}

TEST(AddressConstraintsTest, UnknownKeysAreIgnored) {
  AddressConstraints c = MustParse(R"({"pc": {"usage": "mandatory", "colour": "blue", "nested": {"a": [1]}}})");
  EXPECT_EQ(ErrorOf(c, "pc"), "");
}

TEST(AddressConstraintsTest, NumbersAsStringsAreAccepted) {
  AddressConstraints c = MustParse(
      R"({"pc": {"minLength": "5", "maxLength": " 10 ", "position": "30", "valueType": "freenumerical"},
          "a1": {"minLength": 2.0, "maxLength": null, "position": 1.5}})");
  const ElementConstraint* pc = c.Find("pc");
  ASSERT_NE(pc, nullptr);
  EXPECT_EQ(ErrorOf(c, "pc"), "");
  EXPECT_EQ(pc->min_length, 5u);
  EXPECT_EQ(pc->max_length, std::optional<std::size_t>(10));
  EXPECT_EQ(pc->position, 30.0);
  const ElementConstraint* a1 = c.Find("a1");
  EXPECT_EQ(ErrorOf(c, "a1"), "");
  EXPECT_EQ(a1->min_length, 2u);
  EXPECT_FALSE(a1->max_length.has_value());
}

TEST(AddressConstraintsTest, CaseVariantsOfKeysAndValuesAreTolerated) {
  AddressConstraints c = MustParse(R"({"a1": {"Usage": "Mandatory", "VALUETYPE": "FreeNumerical"}})");
  EXPECT_EQ(ErrorOf(c, "a1"), "");
  EXPECT_EQ(c.elements[0].usage, Usage::kMandatory);
  EXPECT_EQ(c.elements[0].value_type, ValueType::kFreeNumerical);
}

struct BrokenCase {
  const char* spec;
  const char* expected_fragment;
};

class BrokenElementTest : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenElementTest, GivesAConstraintErrorNamingTheElement) {
  const std::string text = std::string(R"({"ok": {"usage": "optional"}, "pc": )") + GetParam().spec + "}";
  AddressConstraints c = MustParse(text);
  ASSERT_EQ(c.elements.size(), 2u);
  EXPECT_EQ(ErrorOf(c, "ok"), "");
  const std::string error = ErrorOf(c, "pc");
  EXPECT_NE(error.find(GetParam().expected_fragment), std::string::npos) << error;
  std::vector<Problem> errors = ConstraintErrors(c);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "pc");
  EXPECT_EQ(errors[0].code, ProblemCode::kConstraintError);
  EXPECT_NE(errors[0].message.find("Postal code (pc)"), std::string::npos) << errors[0].message;
}

INSTANTIATE_TEST_SUITE_P(
    WrongTypes, BrokenElementTest,
    ::testing::Values(BrokenCase{R"({"maxLength": "abc"})", "maxLength"},
                      BrokenCase{R"({"maxLength": -1})", "maxLength"},
                      BrokenCase{R"({"maxLength": 2.5})", "maxLength"},
                      BrokenCase{R"({"maxLength": [5]})", "maxLength"},
                      BrokenCase{R"({"minLength": true})", "minLength"},
                      BrokenCase{R"({"minLength": 1e300})", "minLength"},
                      BrokenCase{R"({"minLength": "inf"})", "minLength"},
                      BrokenCase{R"({"usage": 42})", "usage"},
                      BrokenCase{R"({"usage": "sometimes"})", "usage"},
                      BrokenCase{R"({"valueType": "date"})", "valueType"},
                      BrokenCase{R"({"valueType": {}})", "valueType"},
                      BrokenCase{R"({"possibleValues": "A,B"})", "possibleValues"},
                      BrokenCase{R"({"possibleValues": [{"display": "no value"}]})", "possibleValues item 1"},
                      BrokenCase{R"({"possibleValues": [[1]]})", "possibleValues item 1"},
                      BrokenCase{R"({"valueType": "enumeration"})", "possibleValues"},
                      BrokenCase{R"({"valueType": "enumerationAssociative", "possibleValues": []})", "possibleValues"},
                      BrokenCase{R"({"minLength": 6, "maxLength": 5})", "greater than maxLength"},
                      BrokenCase{R"({"valueRegexp": 5})", "valueRegexp"},
                      BrokenCase{R"({"valueRegexp": "^(a"})", "valueRegexp cannot be used"},
                      BrokenCase{R"({"valueRegexp": "^(?=a)b$"})", "valueRegexp cannot be used"},
                      BrokenCase{R"({"position": "first"})", "position"},
                      BrokenCase{R"("mandatory")", "must be an object"},
                      BrokenCase{R"(null)", "must be an object"}));

TEST(AddressConstraintsTest, BrokenElementKeepsWhatCouldBeRead) {
  AddressConstraints c = MustParse(R"({"pc": {"usage": "mandatory", "defaultLabel": "ZIP", "maxLength": "abc",
                                             "position": 3}})");
  const ElementConstraint* pc = c.Find("pc");
  ASSERT_NE(pc, nullptr);
  EXPECT_TRUE(pc->error.has_value());
  EXPECT_EQ(pc->usage, Usage::kMandatory);
  EXPECT_EQ(pc->default_label, "ZIP");
  EXPECT_EQ(pc->position, 3.0);
  EXPECT_FALSE(pc->max_length.has_value());
}

TEST(AddressConstraintsTest, EmptyRegexpAndEmptyLengthsMeanNone) {
  AddressConstraints c = MustParse(R"({"pc": {"valueRegexp": "", "maxLength": "", "minLength": null}})");
  EXPECT_EQ(ErrorOf(c, "pc"), "");
  EXPECT_FALSE(c.elements[0].regex.has_value());
  EXPECT_FALSE(c.elements[0].max_length.has_value());
}

TEST(AddressConstraintsTest, LabelsAreDataNotTypes) {
  AddressConstraints c = MustParse(R"({"pc": {"defaultLabel": 42, "defaultDescription": ["x"]},
                                       "addrExtInfo3": {"defaultLabel": "  "}, "custom": {}})");
  EXPECT_EQ(ErrorOf(c, "pc"), "");
  EXPECT_EQ(ElementLabel(*c.Find("pc")), "Postal code");
  EXPECT_EQ(ElementLabel(*c.Find("addrExtInfo3")), "Additional information 3");
  EXPECT_EQ(ElementLabel(*c.Find("custom")), "custom");
}

TEST(AddressConstraintsTest, BuiltinLabels) {
  EXPECT_EQ(BuiltinElementLabel("pc"), "Postal code");
  EXPECT_EQ(BuiltinElementLabel("a3"), "City");
  EXPECT_EQ(BuiltinElementLabel("hno"), "Street number");
  EXPECT_EQ(BuiltinElementLabel("addrExtInfo10"), "Additional information 10");
  EXPECT_EQ(BuiltinElementLabel("addrExtInfo11"), "");
  EXPECT_EQ(BuiltinElementLabel("addrExtInfo1"), "Additional information 1");
  EXPECT_EQ(BuiltinElementLabel("addrExtInfo0"), "");
  EXPECT_EQ(BuiltinElementLabel("addrExtInfo01"), "");
  EXPECT_EQ(BuiltinElementLabel("addrExtInfo"), "");
  EXPECT_EQ(BuiltinElementLabel("addrextinfo1"), "");  // element names are case-exact
  EXPECT_EQ(BuiltinElementLabel("zz"), "");
}

TEST(AddressConstraintsTest, DocumentLevelErrors) {
  struct Case {
    const char* text;
    const char* code;
  };
  for (const Case& c : {Case{"", "invalidJson"}, Case{"   ", "invalidJson"}, Case{"{", "invalidJson"},
                        Case{"{\"a1\": {}} trailing", "invalidJson"}, Case{"\"text\"", "invalidDocument"},
                        Case{"42", "invalidDocument"}, Case{"null", "invalidDocument"}}) {
    auto parsed = ParseAddressConstraintsText(std::string_view(c.text));
    ASSERT_TRUE(std::holds_alternative<DocumentError>(parsed)) << c.text;
    EXPECT_EQ(std::get<DocumentError>(parsed).code, c.code) << c.text;
  }
}

TEST(AddressConstraintsTest, WrapperKeyWithoutAMapIsJustABrokenElement) {
  AddressConstraints c = MustParse(R"({"addressConstraints": 5})");
  EXPECT_NE(ErrorOf(c, "addressConstraints"), "");
}

TEST(AddressConstraintsTest, HostileInputIsRefusedCleanly) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  auto parsed = ParseAddressConstraintsText(deep);
  ASSERT_TRUE(std::holds_alternative<DocumentError>(parsed));
  EXPECT_NE(std::get<DocumentError>(parsed).message.find("nested too deeply"), std::string::npos);

  const std::string deep_objects = "{\"a\":" + std::string(100000, '{') + std::string(100000, '}') + "}";
  EXPECT_TRUE(std::holds_alternative<DocumentError>(ParseAddressConstraintsText(deep_objects)));

  std::string huge = "{\"pc\": {\"defaultLabel\": \"" + std::string(kMaxDocumentBytes, 'x') + "\"}}";
  auto too_big = ParseAddressConstraintsText(huge);
  ASSERT_TRUE(std::holds_alternative<DocumentError>(too_big));
  EXPECT_NE(std::get<DocumentError>(too_big).message.find("too large"), std::string::npos);

  // Brackets inside strings do not count as nesting.
  AddressConstraints c = MustParse("{\"pc\": {\"defaultLabel\": \"" + std::string(1000, '[') + "\"}}");
  EXPECT_EQ(c.Find("pc")->default_label.size(), 1000u);
}

TEST(AddressConstraintsTest, InvalidUtf8IsAJsonError) {
  auto parsed = ParseAddressConstraintsText(std::string_view("{\"pc\": {\"defaultLabel\": \"\xff\xfe\"}}"));
  ASSERT_TRUE(std::holds_alternative<DocumentError>(parsed));
  EXPECT_EQ(std::get<DocumentError>(parsed).code, "invalidJson");
}

}  // namespace
}  // namespace btalk
