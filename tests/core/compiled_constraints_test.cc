#include "btalk/compiled_constraints.h"

#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "btalk/facade.h"
#include "test_util.h"

namespace btalk {
namespace {

using test::ReadData;
using Strings = std::vector<std::string>;

Address MakeAddress(std::string_view json_text) {
  auto doc = ParseJson(json_text);
  EXPECT_TRUE(std::holds_alternative<Json>(doc)) << json_text;
  if (!std::holds_alternative<Json>(doc)) return Address();
  auto address = AddressFromJson(std::get<Json>(doc));
  if (auto* a = std::get_if<Address>(&address)) return std::move(*a);
  ADD_FAILURE() << "not an address: " << json_text;
  return Address();
}

CompiledConstraints Compile(std::string_view constraints, std::string_view geo = "") {
  auto compiled = CompiledConstraints::FromText(constraints, geo);
  if (auto* error = std::get_if<DocumentError>(&compiled)) {
    ADD_FAILURE() << error->message;
    return CompiledConstraints(AddressConstraints(), std::nullopt);
  }
  return std::move(std::get<CompiledConstraints>(compiled));
}

// "field:code" for each problem, in order.
Strings Codes(const std::vector<Problem>& problems) {
  Strings out;
  for (const Problem& p : problems) out.push_back(p.field + ":" + ProblemCodeName(p.code));
  return out;
}

// Same problems, same texts, same order.
void ExpectSame(const std::vector<Problem>& a, const std::vector<Problem>& b, const std::string& context) {
  ASSERT_EQ(a.size(), b.size()) << context;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].field, b[i].field) << context;
    EXPECT_EQ(a[i].code, b[i].code) << context;
    EXPECT_EQ(a[i].message, b[i].message) << context;
    EXPECT_EQ(a[i].format, b[i].format) << context;
    EXPECT_EQ(a[i].example, b[i].example) << context;
  }
}

const char* const kAddresses[] = {
    R"({"a6": "Bahnhofstrasse", "hno": "12", "pc": "8001", "a3": "Zürich", "a1": "ZH", "dialZone": "+41 44"})",
    R"({"a6": "B", "hno": "12a", "pc": "0800", "a3": "", "a1": "ZH", "zz": 1, "dialZone": ""})",
    R"({"a6": ["x"], "hno": true, "pc": 8001, "a1": null, "Zz": "", "aa": "x"})",
    R"({})",
    R"({"a6": "  Rue\u00a0", "hns": "abcd", "pc": "80011", "a3": "Lausanne", "a1": "VD", "dialZone": {}})",
};

TEST(CompiledConstraintsTest, SameAnswersAsValidateAddress) {
  const std::string constraints_text = ReadData("ch_addressconstraints.json");
  const std::string geo_text = ReadData("ch_geographicalconstraints.json");
  const AddressConstraints constraints = test::Constraints(constraints_text);
  const GeographicalConstraints geo = test::Geo(geo_text);
  const CompiledConstraints compiled = Compile(constraints_text, geo_text);
  ASSERT_EQ(compiled.field_count(), constraints.elements.size());
  ValidationOptions options;
  options.geo = &geo;
  options.area_values[0] = std::vector<std::string>{"ZH", "VD"};
  options.area_values[1] = std::vector<std::string>{"Zürich", " Winterthur "};
  for (const char* text : kAddresses) {
    const Address address = MakeAddress(text);
    ValidationOptions no_geo;
    no_geo.geo = &geo;
    ExpectSame(compiled.Validate(address), ValidateAddress(constraints, address, no_geo), text);
    ExpectSame(compiled.Validate(address, options), ValidateAddress(constraints, address, options), text);
  }
}

TEST(CompiledConstraintsTest, StoredGeoAreasFollowTheParentPath) {
  CompiledConstraints compiled =
      Compile(ReadData("ch_addressconstraints.json"), ReadData("ch_geographicalconstraints.json"));
  EXPECT_TRUE(compiled.SetGeoAreas(1, {}, {"ZH", " VD "}));
  EXPECT_TRUE(compiled.SetGeoAreas(2, {"ZH"}, {"Zürich", "Winterthur"}));
  EXPECT_TRUE(compiled.SetGeoAreas(2, {"VD"}, {"Lausanne"}));
  EXPECT_EQ(compiled.geo_area_value_count(), 5u);
  const std::string base = R"("a6": "Rue", "pc": "1003", "dialZone": "+41 21", )";
  EXPECT_EQ(Codes(compiled.Validate(MakeAddress("{" + base + R"("a1": "VD", "a3": "Lausanne"})"))), Strings{});
  EXPECT_EQ(Codes(compiled.Validate(MakeAddress("{" + base + R"("a1": " VD", "a3": "Lausanne "})"))), Strings{});
  // Zürich is a ZH municipality, not a VD one: the list depends on the parent.
  std::vector<Problem> wrong = compiled.Validate(MakeAddress("{" + base + R"("a1": "VD", "a3": "Zürich"})"));
  ASSERT_EQ(Codes(wrong), Strings{"a3:notAllowed"});
  EXPECT_EQ(wrong[0].message, "\"Zürich\" is not a known Gemeinde / Commune");
  // An unknown canton stops the walk there.
  EXPECT_EQ(Codes(compiled.Validate(MakeAddress("{" + base + R"("a1": "GE", "a3": "Genève"})"))),
            Strings{"a1:notAllowed"});
  // A path with no stored list is not checked.
  EXPECT_TRUE(compiled.SetGeoAreas(1, {}, {"ZH", "VD", "GE"}));
  EXPECT_EQ(Codes(compiled.Validate(MakeAddress("{" + base + R"("a1": "GE", "a3": "Genève"})"))), Strings{});
  EXPECT_EQ(compiled.geo_area_value_count(), 6u);  // the level-1 list was replaced, not added
  // Per-call lists win for the levels they supply.
  ValidationOptions options;
  options.area_values[1] = std::vector<std::string>{"Genève"};
  EXPECT_EQ(Codes(compiled.Validate(MakeAddress("{" + base + R"("a1": "VD", "a3": "Lausanne"})"), options)),
            Strings{"a3:notAllowed"});
  compiled.ClearGeoAreas();
  EXPECT_EQ(Codes(compiled.Validate(MakeAddress("{" + base + R"("a1": "XX", "a3": "Zürich"})"))), Strings{});
}

TEST(CompiledConstraintsTest, SetGeoAreasRefusesBadLevelsAndTooManyValues) {
  CompiledConstraints compiled = Compile(ReadData("ch_addressconstraints.json"),
                                         ReadData("ch_geographicalconstraints.json"));
  EXPECT_FALSE(compiled.SetGeoAreas(0, {}, {"ZH"}));
  EXPECT_FALSE(compiled.SetGeoAreas(5, {}, {"ZH"}));
  EXPECT_FALSE(compiled.SetGeoAreas(1, {"ZH"}, {"ZH"}));  // level 1 has no parents
  EXPECT_FALSE(compiled.SetGeoAreas(1, {}, std::vector<std::string>(CompiledConstraints::kMaxGeoAreaValues + 1)));
  // The limit counts what is stored over all paths.
  std::vector<std::string> half(CompiledConstraints::kMaxGeoAreaValues / 2 + 1);
  for (std::size_t i = 0; i < half.size(); ++i) half[i] = std::to_string(i);
  EXPECT_TRUE(compiled.SetGeoAreas(2, {"ZH"}, half));
  EXPECT_FALSE(compiled.SetGeoAreas(2, {"VD"}, half));
  EXPECT_TRUE(compiled.SetGeoAreas(2, {"ZH"}, half));  // replacing is not adding
  EXPECT_EQ(compiled.geo_area_value_count(), half.size());
}

// The mismatch hint (format, example) is worked out at compile time for the
// first 64 patterns of up to 1000 instructions, and on each mismatch for the
// others: the answers are the same either way, and survive a move.
TEST(CompiledConstraintsTest, PatternHintsAreTheSameWorkedOutOnceOrEachTime) {
  std::string constraints_text = "{";
  std::string address_text = "{";
  for (int i = 0; i < 70; ++i) {
    const std::string name = "f" + std::to_string(i);
    // f3: over 1000 instructions once expanded, never worked out up front.
    const std::string pattern = i == 3 ? "^[A-Z]{2}[0-9]{1000}$" : i % 2 ? "^[0-9]{4} ?[A-Z]{2}$" : "^[A-Z][0-9]{2}$";
    constraints_text += (i ? ",\"" : "\"") + name + "\": {\"usage\": \"optional\", \"valueRegexp\": \"" + pattern + "\"}";
    address_text += (i ? ",\"" : "\"") + name + "\": \"x" + std::to_string(i) + "\"";
  }
  constraints_text += "}";
  address_text += "}";
  const AddressConstraints constraints = test::Constraints(constraints_text);
  CompiledConstraints first = Compile(constraints_text);
  const CompiledConstraints compiled(std::move(first));
  const Address address = MakeAddress(address_text);
  const std::vector<Problem> problems = compiled.Validate(address);
  ASSERT_EQ(problems.size(), 70u);
  ExpectSame(problems, ValidateAddress(constraints, address), "70 patterns");
  EXPECT_EQ(problems[1].example, "1234 AB");
  EXPECT_EQ(problems[69].example, "1234 AB");
  EXPECT_EQ(problems[68].example, "A12");
  EXPECT_EQ(problems[3].code, ProblemCode::kPatternMismatch);
}

TEST(CompiledConstraintsTest, MovedObjectStillValidates) {
  CompiledConstraints first = Compile(ReadData("ch_addressconstraints.json"),
                                      ReadData("ch_geographicalconstraints.json"));
  first.SetGeoAreas(1, {}, {"ZH"});
  CompiledConstraints moved(std::move(first));
  CompiledConstraints assigned = Compile(R"({"x": {}})");
  assigned = std::move(moved);
  EXPECT_EQ(Codes(assigned.Validate(MakeAddress(R"({"a1": "VD", "zz": ""})"))),
            (Strings{"a6:valueMissing", "pc:valueMissing", "a3:valueMissing", "a1:notAllowed", "dialZone:valueMissing",
                     "zz:unknownField"}));
}

TEST(CompiledConstraintsTest, FromTextReportsWhichDocumentIsBroken) {
  auto bad_constraints = CompiledConstraints::FromText("{", "");
  ASSERT_TRUE(std::holds_alternative<DocumentError>(bad_constraints));
  EXPECT_EQ(std::get<DocumentError>(bad_constraints).message.rfind("Address constraints: ", 0), 0u);
  auto bad_geo = CompiledConstraints::FromText("{}", "[1]");
  ASSERT_TRUE(std::holds_alternative<DocumentError>(bad_geo));
  EXPECT_EQ(std::get<DocumentError>(bad_geo).message.rfind("Geographical constraints: ", 0), 0u);
  auto none = CompiledConstraints::FromText("{}", " null ");
  ASSERT_TRUE(std::holds_alternative<CompiledConstraints>(none));
  EXPECT_EQ(std::get<CompiledConstraints>(none).geo(), nullptr);
}

// The packed record format of the wasm boundary.
std::string Record(std::string flags, const Strings& texts, const Strings& unknown = {}) {
  std::string out = flags + std::to_string(unknown.size()) + '\0';
  for (const std::string& text : texts) out += text + '\0';
  for (const std::string& name : unknown) out += name + '\0';
  return out;
}

TEST(CompiledConstraintsTest, PackedRecordsMatchTheMapForm) {
  const CompiledConstraints compiled = Compile(ReadData("ch_addressconstraints.json"),
                                               ReadData("ch_geographicalconstraints.json"));
  Strings order;
  for (std::size_t i = 0; i < compiled.field_count(); ++i) order.push_back(compiled.field_name(i));
  ASSERT_EQ(order, (Strings{"a6", "hno", "hns", "pc", "a3", "a1"}));
  // a6 hno hns pc a3 a1 dialZone
  std::string packed = Record("t0ttttt", {"Bahnhofstrasse", "b", "8001", "Zürich", "ZH", "+41 44"});
  packed += Record("x0t00u0", {"abcd", "Z\xEF\xBF\xBD"}, {"zz", "Aa"});
  packed += Record("0000000", {});
  std::vector<std::pair<std::size_t, std::vector<Problem>>> invalid;
  ASSERT_EQ(ValidatePacked(compiled, packed, invalid), 3);
  ASSERT_EQ(invalid.size(), 2u);
  EXPECT_EQ(invalid[0].first, 1u);
  EXPECT_EQ(Codes(invalid[0].second), (Strings{"a6:typeMismatch", "hns:tooLong", "pc:valueMissing",
                                               "a3:valueMissing", "a1:badInput", "dialZone:valueMissing",
                                               "Aa:unknownField", "zz:unknownField"}));
  EXPECT_EQ(invalid[0].second[4].message,
            "Kanton / Canton contains a character that is not valid text (a lone UTF-16 surrogate); please retype it");
  ExpectSame(invalid[1].second, compiled.Validate(MakeAddress("{}")), "empty record");
}

TEST(CompiledConstraintsTest, MalformedPackedInputIsRefused) {
  const CompiledConstraints compiled = Compile(R"({"pc": {"usage": "mandatory"}})");
  std::vector<std::pair<std::size_t, std::vector<Problem>>> invalid;
  EXPECT_EQ(ValidatePacked(compiled, "", invalid), 0);
  EXPECT_EQ(ValidatePacked(compiled, std::string("t00\0", 4), invalid), -1);  // pc's text is missing
  EXPECT_EQ(ValidatePacked(compiled, std::string("0", 1), invalid), -1);      // unterminated
  EXPECT_EQ(ValidatePacked(compiled, std::string("?00\0", 4), invalid), -1);  // unknown flag
  EXPECT_EQ(ValidatePacked(compiled, std::string("00x\0", 4), invalid), -1);  // bad count
  EXPECT_EQ(ValidatePacked(compiled, std::string("002\0a\0", 6), invalid), -1);  // one unknown of two
  EXPECT_EQ(ValidatePacked(compiled, std::string("0099999999999999999999\0", 23), invalid), -1);
  std::string answer;
  EXPECT_EQ(compiled_validate_packed(compiled, std::string("t0", 2), "", &answer), -1);
  EXPECT_NE(answer.find("\"error\""), std::string::npos);
}

TEST(CompiledConstraintsTest, FacadeRoundTrip) {
  std::unique_ptr<CompiledConstraints> compiled;
  const std::string answer = compile_constraints_json(ReadData("ch_addressconstraints.json"),
                                                      ReadData("ch_geographicalconstraints.json"), &compiled);
  ASSERT_TRUE(compiled) << answer;
  EXPECT_NE(answer.find(R"("fields":["a6","hno","hns","pc","a3","a1"])"), std::string::npos) << answer;
  EXPECT_EQ(compiled_form_json(*compiled),
            address_form_json(ReadData("ch_addressconstraints.json"), ReadData("ch_geographicalconstraints.json")));
  EXPECT_EQ(compiled_set_geo_areas_json(*compiled, 1, "[]", R"(["ZH", {"value": "VD", "display": "Vaud"}])"),
            R"({"ok":{"stored":2}})");
  EXPECT_NE(compiled_set_geo_areas_json(*compiled, 2, R"(["ZH", "x"])", "[]").find("\"invalidInput\""),
            std::string::npos);
  EXPECT_NE(compiled_set_geo_areas_json(*compiled, 9, "[]", "[]").find("\"invalidInput\""), std::string::npos);
  EXPECT_NE(compiled_set_geo_areas_json(*compiled, 1, "[]", "[[1]]").find("\"invalidInput\""), std::string::npos);
  const std::string address =
      R"({"a6": "Rue", "pc": "1003", "a3": "Lausanne", "a1": "GE", "dialZone": "+41 21"})";
  const std::string validated = compiled_validate_json(*compiled, address, "");
  EXPECT_NE(validated.find(R"("valid":false)"), std::string::npos) << validated;
  EXPECT_NE(validated.find("\"GE\\\" is not a known Kanton / Canton"), std::string::npos) << validated;
  // The same through the legacy facade with the same list given per call.
  EXPECT_EQ(validated, validate_address_json(ReadData("ch_addressconstraints.json"), address,
                                             R"({"geographicalConstraints": )" +
                                                 ReadData("ch_geographicalconstraints.json") +
                                                 R"(, "geoAreas": {"area1": ["ZH", "VD"]}})"));
  EXPECT_NE(compiled_validate_json(*compiled, "[]", "").find("\"invalidDocument\""), std::string::npos);
  // A lone surrogate escape is badInput on its field, as through validate_address_json.
  const std::string lone = R"({"a6": "Rue \ud800", "pc": "1003", "a3": "Lausanne", "a1": "VD"})";
  const std::string flagged = compiled_validate_json(*compiled, lone, "");
  EXPECT_NE(flagged.find(R"({"code":"badInput","field":"a6")"), std::string::npos) << flagged;
  EXPECT_EQ(flagged.find("invalidJson"), std::string::npos) << flagged;
  EXPECT_NE(compiled_validate_json(*compiled, "{}", R"({"geoAreas": 1})").find("Validation options"),
            std::string::npos);
  std::unique_ptr<CompiledConstraints> none;
  EXPECT_NE(compile_constraints_json("[1", "", &none).find("\"invalidJson\""), std::string::npos);
  EXPECT_FALSE(none);
}

// The blur path: Normalize on the compiled object is NormalizeAddress on the parsed schema,
// change for change, for each country of the test data.
TEST(CompiledConstraintsTest, NormalizeMatchesNormalizeAddress) {
  const char* const addresses[] = {
      R"({"a6": " Bahnhofstrasse ", "hno": " 12 ", "pc": "8 001", "a3": "zurich", "a1": "zh"})",
      R"({"a6": "Pennsylvania   Avenue NW", "pc": "20500 ", "a3": " washington", "a1": "dc", "sts": ""})",
      R"({"a6": "rue de  vaugirard", "hno": "78", "pc": "75 015", "a3": "PARIS", "zz": " x ", "n": 5})",
      R"({"a6": ["x"], "hno": true, "pc": null})",
      R"({})",
  };
  for (const char* country : {"ch", "fr", "us"}) {
    const std::string text = ReadData(std::string(country) + "_addressconstraints.json");
    const AddressConstraints constraints = test::Constraints(text);
    const CompiledConstraints compiled = Compile(text);
    for (const char* json_text : addresses) {
      const Address address = MakeAddress(json_text);
      const NormalizedAddress expected = NormalizeAddress(constraints, address);
      const NormalizedAddress got = compiled.Normalize(address);
      ASSERT_EQ(got.changes.size(), expected.changes.size()) << country << " " << json_text;
      for (std::size_t i = 0; i < got.changes.size(); ++i) {
        EXPECT_EQ(got.changes[i].field, expected.changes[i].field);
        EXPECT_EQ(got.changes[i].from, expected.changes[i].from);
        EXPECT_EQ(got.changes[i].to, expected.changes[i].to);
        EXPECT_EQ(got.changes[i].rule, expected.changes[i].rule);
      }
      EXPECT_EQ(compiled_normalize_json(compiled, json_text), normalize_address_json(text, json_text)) << json_text;
    }
  }
}

TEST(CompiledConstraintsTest, CompiledNormalizeRefusesHostileAddresses) {
  const std::string text = ReadData("ch_addressconstraints.json");
  const CompiledConstraints compiled = Compile(text);
  const std::string deep = std::string(5000, '[') + std::string(5000, ']');
  const std::string huge = "{\"a6\": \"" + std::string(5 * 1024 * 1024, 'x') + "\"}";
  for (const std::string& bad : {deep, huge, std::string("\xff\xfe"), std::string(), std::string("[]"),
                                 std::string("{\"a6\": \"\xc3\"}")}) {
    const std::string answer = compiled_normalize_json(compiled, bad);
    EXPECT_EQ(answer.rfind("{\"error\":{", 0), 0u) << answer.substr(0, 200);
    EXPECT_EQ(answer, normalize_address_json(text, bad)) << bad.size();  // the same error, word for word
    EXPECT_LT(answer.size(), 400u);
  }
  // A long but legal value is only trimmed (the normaliser's caps), not refused.
  const std::string long_value = "{\"a6\": \" " + std::string(100000, 'x') + "\"}";
  EXPECT_EQ(compiled_normalize_json(compiled, long_value), normalize_address_json(text, long_value));
}

}  // namespace
}  // namespace btalk
