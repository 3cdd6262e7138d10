#include "btalk/address_validator.h"

#include <string>

#include <gtest/gtest.h>

#include "test_util.h"

namespace btalk {
namespace {

using test::ReadData;
using test::Constraints;



Address MakeAddress(std::string_view json_text) {
  return test::FromJsonText<Address>(json_text, AddressFromJson);
}

std::vector<Problem> Validate(std::string_view constraints, std::string_view address,
                              const ValidationOptions& options = ValidationOptions()) {
  return ValidateAddress(Constraints(constraints), MakeAddress(address), options);
}

// "field:code" for each problem, in order.
std::vector<std::string> Codes(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const Problem& p : problems) out.push_back(p.field + ":" + ProblemCodeName(p.code));
  return out;
}

using Strings = std::vector<std::string>;

constexpr const char* kPostalCode =
    R"({"pc": {"usage": "mandatory", "defaultLabel": "Postal code", "valueType": "freestring",
               "minLength": 5, "maxLength": 5, "valueRegexp": "^[0-9]{5}$", "position": 10}})";

TEST(AddressValidatorTest, ValidAddressHasNoProblems) {
  EXPECT_TRUE(Validate(kPostalCode, R"({"pc": "75015"})").empty());
}

TEST(AddressValidatorTest, MandatoryEmptyIsValueMissingAlone) {
  for (const char* address : {R"({})", R"({"pc": ""})", R"({"pc": null})", R"({"pc": "   "})",
                              "{\"pc\": \"\\u00a0\\u3000\\t\"}"}) {
    std::vector<Problem> problems = Validate(kPostalCode, address);
    ASSERT_EQ(Codes(problems), Strings{"pc:valueMissing"}) << address;
    EXPECT_EQ(problems[0].message, "Postal code is required");
  }
}

TEST(AddressValidatorTest, OptionalEmptyIsValid) {
  EXPECT_TRUE(Validate(R"({"hno": {"usage": "optional", "valueType": "freenumerical", "minLength": 1,
                                    "valueRegexp": "^[1-9]"}})",
                       R"({"hno": ""})").empty());
}

TEST(AddressValidatorTest, TooShortAndTooLongWithHumanMessages) {
  std::vector<Problem> short_problems = Validate(kPostalCode, R"({"pc": "7501"})");
  ASSERT_EQ(Codes(short_problems), Strings{"pc:tooShort"});
  EXPECT_EQ(short_problems[0].message, "Postal code must be at least 5 characters");
  std::vector<Problem> long_problems = Validate(kPostalCode, R"({"pc": "750155"})");
  ASSERT_EQ(Codes(long_problems), Strings{"pc:tooLong"});
  EXPECT_EQ(long_problems[0].message, "Postal code must be at most 5 characters");
  std::vector<Problem> one = Validate(R"({"x": {"minLength": 2, "maxLength": 1}})", R"({"x": "a"})");
  EXPECT_EQ(Codes(one), Strings{"x:constraintError"});
  std::vector<Problem> singular = Validate(R"({"x": {"maxLength": 1}})", R"({"x": "ab"})");
  EXPECT_EQ(singular[0].message, "x must be at most 1 character");
}

TEST(AddressValidatorTest, PatternMismatch) {
  std::vector<Problem> problems = Validate(kPostalCode, R"({"pc": "7501A"})");
  ASSERT_EQ(Codes(problems), Strings{"pc:patternMismatch"});
  EXPECT_EQ(problems[0].message, "Postal code does not have the expected format: 99999 (for example 12345)");
  EXPECT_EQ(problems[0].format, "99999");
  EXPECT_EQ(problems[0].example, "12345");
}

TEST(AddressValidatorTest, RegexMustMatchTheWholeValue) {
  const char* c = R"({"a3": {"valueRegexp": "[a-z]+"}})";
  EXPECT_TRUE(Validate(c, R"({"a3": "paris"})").empty());
  EXPECT_EQ(Codes(Validate(c, R"({"a3": "paris 15"})")), Strings{"a3:patternMismatch"});
}

TEST(AddressValidatorTest, SeedPostalCodeSchema) {
  const std::string c = ReadData("seed_postal_code_regexp.json");
  EXPECT_TRUE(Validate(c, R"({"pc": "ab12c"})").empty());
  EXPECT_EQ(Codes(Validate(c, R"({"pc": "AB12C"})")), Strings{"pc:patternMismatch"});
  EXPECT_EQ(Codes(Validate(c, R"({"pc": "ab12"})")), Strings{"pc:tooShort"});
}

TEST(AddressValidatorTest, FreeNumericalAcceptsOnlyAsciiDigits) {
  const std::string c = ReadData("seed_freenumerical.json");
  EXPECT_TRUE(Validate(c, R"({"a1": "0123456789"})").empty());
  EXPECT_TRUE(Validate(c, R"({"a1": 42})").empty());  // numbers are converted
  for (const char* bad : {R"({"a1": "12a"})", R"({"a1": "-1"})", R"({"a1": "1.5"})", R"({"a1": 1.5})",
                          R"({"a1": "1 2"})", "{\"a1\": \"\\uff11\\uff12\"}" /* fullwidth digits */,
                          "{\"a1\": \"\\u0661\"}" /* Arabic-Indic one */}) {
    std::vector<Problem> problems = Validate(c, bad);
    ASSERT_EQ(Codes(problems), Strings{"a1:typeMismatch"}) << bad;
    EXPECT_EQ(problems[0].message, "State must contain only digits (0 to 9)");
  }
}

TEST(AddressValidatorTest, NonTextValuesAreTypeMismatch) {
  for (const char* bad : {R"({"pc": ["75015"]})", R"({"pc": {"v": 1}})", R"({"pc": true})"}) {
    std::vector<Problem> problems = Validate(kPostalCode, bad);
    ASSERT_EQ(Codes(problems), Strings{"pc:typeMismatch"}) << bad;
    EXPECT_EQ(problems[0].message, "Postal code must be text");
  }
}

TEST(AddressValidatorTest, SeedEnumerationAllowsOnlyListedValues) {
  const std::string c = ReadData("seed_enumeration.json");
  EXPECT_TRUE(Validate(c, R"({"a1": "Washington"})").empty());
  EXPECT_TRUE(Validate(c, R"({"a1": " New York "})").empty());
  std::vector<Problem> problems = Validate(c, R"({"a1": "washington"})");
  ASSERT_EQ(Codes(problems), Strings{"a1:notAllowed"});
  EXPECT_EQ(problems[0].message, "State must be one of the proposed values");
  EXPECT_EQ(Codes(Validate(c, R"({"a1": ""})")), Strings{"a1:valueMissing"});
}

TEST(AddressValidatorTest, AssociativeEnumerationComparesStoredValueNotDisplay) {
  const std::string c = ReadData("seed_enumeration_associative.json");
  EXPECT_TRUE(Validate(c, R"({"sts": "AVE"})").empty());
  EXPECT_EQ(Codes(Validate(c, R"({"sts": "Avenue"})")), Strings{"sts:notAllowed"});
}

TEST(AddressValidatorTest, UnknownFieldsAndReservedDialZone) {
  std::vector<Problem> problems = Validate(kPostalCode, R"({"pc": "75015", "zz": "x", "dialZone": "01"})");
  ASSERT_EQ(Codes(problems), Strings{"zz:unknownField"});
  EXPECT_EQ(problems[0].message, "\"zz\" is not an address field for this country");
}

TEST(AddressValidatorTest, BrokenConstraintGivesConstraintErrorForTheField) {
  std::vector<Problem> problems =
      Validate(R"({"pc": {"maxLength": "abc", "defaultLabel": "ZIP"}, "a3": {"usage": "mandatory"}})",
               R"({"pc": "1", "a3": ""})");
  ASSERT_EQ(Codes(problems), (Strings{"a3:valueMissing", "pc:constraintError"}));
  EXPECT_NE(problems[1].message.find("ZIP cannot be checked"), std::string::npos) << problems[1].message;
}

TEST(AddressValidatorTest, BrokenRuleOnAnEmptyOptionalFieldDoesNotBlockTheAddress) {
  const char* schema = R"js({"pc": {"usage": "optional", "valueRegexp": "^(?=1)[0-9]{5}$"},
                             "a3": {"usage": "mandatory", "valueRegexp": "^(?!x)"}})js";
  EXPECT_EQ(Codes(Validate(schema, R"({"a3": "Lyon"})")), Strings{"a3:constraintError"});
  EXPECT_EQ(Codes(Validate(schema, R"({"a3": ""})")), Strings{"a3:valueMissing"});
  EXPECT_EQ(Codes(Validate(schema, R"({"a3": "Lyon", "pc": "12345"})")),
            (Strings{"a3:constraintError", "pc:constraintError"}));
  EXPECT_EQ(Codes(Validate(R"js({"pc": {"usage": "optional", "valueRegexp": "("}})js", R"({})")), Strings{});
}

TEST(AddressValidatorTest, UnsupportedRegexIsAConstraintError) {
  EXPECT_EQ(Codes(Validate(R"({"pc": {"valueRegexp": "^(\\d)\\1$"}})", R"({"pc": "11"})")),
            Strings{"pc:constraintError"});
}

TEST(AddressValidatorTest, ProblemsFollowFieldPositionThenDialZoneThenUnknown) {
  const char* c = R"({"z1": {"usage": "mandatory", "position": 1}, "a1": {"usage": "mandatory", "position": 3},
                      "m": {"usage": "mandatory", "position": 2}})";
  GeographicalConstraints geo;
  geo.dial_zone = DialZoneSelection::kManual;
  ValidationOptions options;
  options.geo = &geo;
  EXPECT_EQ(Codes(Validate(c, R"({"aa": "x"})", options)),
            (Strings{"z1:valueMissing", "m:valueMissing", "a1:valueMissing", "dialZone:valueMissing",
                     "aa:unknownField"}));
}

TEST(AddressValidatorTest, UnicodeLengthsCountCodePoints) {
  const char* c = R"({"a3": {"minLength": 2, "maxLength": 5}})";
  EXPECT_TRUE(Validate(c, R"({"a3": "Sète"})").empty());
  EXPECT_TRUE(Validate(c, "{\"a3\": \"\xe6\x9d\xb1\xe4\xba\xac\"}").empty());  // 東京: 2 code points, 6 bytes
  EXPECT_TRUE(Validate(c, "{\"a3\": \"\xf0\x9f\x8f\xa0\xf0\x9f\x8f\xa0\xf0\x9f\x8f\xa0\xf0\x9f\x8f\xa0\xf0\x9f\x8f\xa0\"}")
                  .empty());  // five emoji = 5 code points, 20 bytes
  EXPECT_EQ(Codes(Validate(c, "{\"a3\": \"\\ud83c\\udfe0\"}")), Strings{"a3:tooShort"});  // one emoji
  EXPECT_EQ(Codes(Validate(c, R"({"a3": "éééééé"})")), Strings{"a3:tooLong"});
}

TEST(AddressValidatorTest, UnicodeWhitespaceIsTrimmedBeforeChecks) {
  // NBSP, ideographic space, em space, line separator, BOM around the value.
  EXPECT_TRUE(Validate(kPostalCode, "{\"pc\": \"\\u00a0\\u3000 75015\\u2003\\u2028\\ufeff\"}").empty());
  // Inner spaces are kept and counted.
  EXPECT_EQ(Codes(Validate(kPostalCode, R"({"pc": "75 015"})")), Strings{"pc:tooLong"});
}

TEST(AddressValidatorTest, RegexSeesUnicode) {
  const char* c = R"({"a3": {"valueRegexp": "^[A-Za-zÀ-ÿ' -]+$"}})";
  EXPECT_TRUE(Validate(c, R"({"a3": "Saint-Étienne"})").empty());
  EXPECT_EQ(Codes(Validate(c, R"({"a3": "東京"})")), Strings{"a3:patternMismatch"});
}

TEST(AddressValidatorTest, HardCapWithoutMaxLength) {
  const char* c = R"({"a6": {"valueRegexp": "^[a-z]+$"}})";
  const std::string ok = "{\"a6\": \"" + std::string(kHardMaxLength, 'a') + "\"}";
  EXPECT_TRUE(Validate(c, ok).empty());
  const std::string too_long = "{\"a6\": \"" + std::string(kHardMaxLength + 1, 'a') + "\"}";
  std::vector<Problem> problems = Validate(c, too_long);
  ASSERT_EQ(Codes(problems), Strings{"a6:tooLong"});
  EXPECT_EQ(problems[0].message, "Street name must be at most 1000 characters");
}

TEST(AddressValidatorTest, HostileRegexOnLongInputStaysLinear) {
  // ^(a+)+$ is exponential for backtracking engines; the core's is linear,
  // and values beyond maxLength never reach it.
  const char* c = R"({"a6": {"valueRegexp": "^(a+)+$", "maxLength": 1000}})";
  const std::string almost = "{\"a6\": \"" + std::string(999, 'a') + "b\"}";
  EXPECT_EQ(Codes(Validate(c, almost)), Strings{"a6:patternMismatch"});
  const std::string huge = "{\"a6\": \"" + std::string(2000000, 'a') + "b\"}";
  EXPECT_EQ(Codes(Validate(c, huge)), Strings{"a6:tooLong"});
  const char* big_max = R"({"a6": {"valueRegexp": "^(a+)+$", "maxLength": 100000000}})";
  std::vector<Problem> capped = Validate(big_max, huge);
  ASSERT_EQ(Codes(capped), Strings{"a6:tooLong"});
  EXPECT_NE(capped[0].message.find(std::to_string(kAbsoluteMaxLength)), std::string::npos);
}

TEST(AddressValidatorTest, RealisticFrance) {
  const std::string c = ReadData("fr_addressconstraints.json");
  EXPECT_TRUE(Validate(c, R"({"hno": "78", "a6": "Rue de Sèvres", "pc": "75006", "a3": "Paris"})").empty());
  EXPECT_EQ(Codes(Validate(c, R"({"hno": "78", "hns": "quinquies", "a6": "R", "pc": "96000", "a3": "Paris"})")),
            (Strings{"hns:notAllowed", "a6:tooShort", "pc:patternMismatch"}));
}

TEST(AddressValidatorTest, GeoAreasCheckMappedFields) {
  const std::string c = ReadData("ch_addressconstraints.json");
  auto geo_parsed = ParseGeographicalConstraintsText(ReadData("ch_geographicalconstraints.json"));
  ASSERT_TRUE(std::holds_alternative<GeographicalConstraints>(geo_parsed));
  ValidationOptions options;
  options.geo = &std::get<GeographicalConstraints>(geo_parsed);
  options.area_values[0] = std::vector<std::string>{"ZH", "GE", "VD"};
  options.area_values[1] = std::vector<std::string>{"Zürich", "Winterthur"};
  const char* base = R"("a6": "Bahnhofstrasse", "pc": "8001", "dialZone": "044")";
  EXPECT_TRUE(Validate(c, std::string("{") + base + R"(, "a1": "ZH", "a3": "Zürich"})", options).empty());

  std::vector<Problem> city = Validate(c, std::string("{") + base + R"(, "a1": "ZH", "a3": "Zurich"})", options);
  ASSERT_EQ(Codes(city), Strings{"a3:notAllowed"});
  EXPECT_EQ(city[0].message, "\"Zurich\" is not a known Gemeinde / Commune");

  // An unknown canton stops the check: the city list belongs to another canton.
  EXPECT_EQ(Codes(Validate(c, std::string("{") + base + R"(, "a1": "XX", "a3": "Nowhere"})", options)),
            Strings{"a1:notAllowed"});

  // Without a list for a level, that level is not checked.
  ValidationOptions only_level1 = options;
  only_level1.area_values[1].reset();
  EXPECT_TRUE(Validate(c, std::string("{") + base + R"(, "a1": "GE", "a3": "Anywhere"})", only_level1).empty());
}

TEST(AddressValidatorTest, EmptyGeoLevelStopsDeeperChecks) {
  const char* c = R"({"a1": {"position": 1}, "a3": {"position": 2}})";
  GeographicalConstraints geo;
  geo.area_elements[0] = "a1";
  geo.area_elements[1] = "a3";
  ValidationOptions options;
  options.geo = &geo;
  options.area_values[0] = std::vector<std::string>{"ZH"};
  options.area_values[1] = std::vector<std::string>{"Zürich"};
  EXPECT_TRUE(Validate(c, R"({"a1": "", "a3": "Basel"})", options).empty());
  EXPECT_EQ(Codes(Validate(c, R"({"a1": "ZH", "a3": "Basel"})", options)), Strings{"a3:notAllowed"});
}

TEST(AddressValidatorTest, DialZoneManualAndAutomatic) {
  GeographicalConstraints geo;
  ValidationOptions options;
  options.geo = &geo;
  geo.dial_zone = DialZoneSelection::kManual;
  std::vector<Problem> missing = Validate(kPostalCode, R"({"pc": "75015"})", options);
  ASSERT_EQ(Codes(missing), Strings{"dialZone:valueMissing"});
  EXPECT_EQ(missing[0].message, "Dial zone is required for this country");
  EXPECT_TRUE(Validate(kPostalCode, R"({"pc": "75015", "dialZone": "01"})", options).empty());
  EXPECT_EQ(Codes(Validate(kPostalCode, R"({"pc": "75015", "dialZone": ["01"]})", options)),
            Strings{"dialZone:typeMismatch"});

  geo.dial_zone = DialZoneSelection::kAutomatic;
  EXPECT_TRUE(Validate(kPostalCode, R"({"pc": "75015"})", options).empty());
  EXPECT_TRUE(Validate(kPostalCode, R"({"pc": "75015", "dialZone": " "})", options).empty());
  EXPECT_EQ(Codes(Validate(kPostalCode, R"({"pc": "75015", "dialZone": "01"})", options)),
            Strings{"dialZone:notAllowed"});
}

TEST(AddressValidatorTest, OptionsFromJson) {
  auto doc = ParseJson(R"({"geographicalConstraints": {"dialZoneSelection": "manual",
                             "emergencyAreaRules": {"area1_pidflo": "a2"}},
                           "geoAreas": {"area1": ["A", {"value": "B", "display": "Bee"}, 3, {"x": 1}],
                                        "area2": null}})");
  std::optional<GeographicalConstraints> storage;
  auto options = ValidationOptionsFromJson(std::get<Json>(doc), storage);
  ASSERT_TRUE(std::holds_alternative<ValidationOptions>(options));
  const ValidationOptions& o = std::get<ValidationOptions>(options);
  ASSERT_NE(o.geo, nullptr);
  EXPECT_EQ(o.geo->dial_zone, DialZoneSelection::kManual);
  ASSERT_TRUE(o.area_values[0].has_value());
  EXPECT_EQ(*o.area_values[0], (Strings{"A", "B", "3"}));
  EXPECT_FALSE(o.area_values[1].has_value());

  for (const char* bad : {R"([1])", R"({"geoAreas": []})", R"({"geoAreas": {"area1": "A"}})",
                          R"({"geographicalConstraints": 5})"}) {
    std::optional<GeographicalConstraints> s;
    auto result = ValidationOptionsFromJson(std::get<Json>(ParseJson(bad)), s);
    ASSERT_TRUE(std::holds_alternative<DocumentError>(result)) << bad;
    EXPECT_EQ(std::get<DocumentError>(result).code, "invalidDocument");
  }
}

TEST(AddressValidatorTest, AddressMustBeAnObject) {
  for (const char* bad : {"[]", "\"x\"", "null", "3"}) {
    auto result = AddressFromJson(std::get<Json>(ParseJson(bad)));
    ASSERT_TRUE(std::holds_alternative<DocumentError>(result)) << bad;
  }
}

TEST(AddressValidatorTest, ManyFieldsStayCheap) {
  // 20 000 unknown keys against 20 elements: must not be quadratic.
  std::string c = "{";
  for (int i = 0; i < 20; ++i) c += std::string(i ? "," : "") + "\"f" + std::to_string(i) + "\": {}";
  c += "}";
  std::string address = "{";
  for (int i = 0; i < 20000; ++i) address += std::string(i ? "," : "") + "\"u" + std::to_string(i) + "\": \"v\"";
  address += "}";
  EXPECT_EQ(Validate(c, address).size(), 20000u);
}

}  // namespace
}  // namespace btalk
