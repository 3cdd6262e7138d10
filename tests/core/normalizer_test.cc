#include "btalk/normalizer.h"

#include <string>

#include <gtest/gtest.h>

#include "feature_test_util.h"
#include "test_util.h"

namespace btalk {
namespace {

using test::Constraints;

std::string Changes(const NormalizedAddress& n) {
  std::string out;
  for (const NormalizationChange& c : n.changes) {
    if (!out.empty()) out += "; ";
    out += c.field + ":" + c.rule + ":" + c.from + "->" + c.to;
  }
  return out;
}

Address Of(std::initializer_list<std::pair<const char*, const char*>> fields) {
  Address address;
  for (const auto& [name, value] : fields) address[name].text = value;
  return address;
}

constexpr const char* kGb = R"({
  "pc": {"valueType": "freestring", "valueRegexp": "^(?:[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}|GIR ?0AA)$", "position": 2},
  "a3": {"valueType": "freestring", "valueRegexp": "^[A-Za-z ]+$", "position": 1},
  "hno": {"valueType": "freenumerical", "position": 3},
  "a1": {"valueType": "enumerationAssociative", "position": 4, "maxLength": 2, "possibleValues": [
    {"value": "ZH", "display": "Zürich"}, {"value": "GE", "display": "Genève"},
    {"value": "NE", "display": "Neuchâtel"}, {"value": "X1", "display": "Same"}, {"value": "X2", "display": "same"}]},
  "a2": {"valueType": "enumeration", "position": 5, "possibleValues": ["Østfold", "Straße", "Åland", "Łódź"]}
})";

TEST(NormalizerTest, UpperCasesWhenOnlyTheUpperCaseFormMatches) {
  NormalizedAddress n = NormalizeAddress(Constraints(kGb), Of({{"pc", "sw1a 1aa"}}));
  EXPECT_EQ(n.address["pc"].text, "SW1A 1AA");
  EXPECT_EQ(Changes(n), "pc:upperCase:sw1a 1aa->SW1A 1AA");
  // Lower case the pattern accepts is left alone.
  n = NormalizeAddress(Constraints(kGb), Of({{"a3", "london"}}));
  EXPECT_EQ(n.address["a3"].text, "london");
  EXPECT_TRUE(n.changes.empty());
  // Upper-casing that does not help changes nothing.
  n = NormalizeAddress(Constraints(kGb), Of({{"pc", "sw1a-1aa"}}));
  EXPECT_EQ(n.address["pc"].text, "sw1a-1aa");
}

TEST(NormalizerTest, TrimsAndCollapsesWhitespaceFirst) {
  NormalizedAddress n = NormalizeAddress(Constraints(kGb), Of({{"pc", "  sw1a \t\u00a0 1aa "}, {"a3", " New   York"}}));
  EXPECT_EQ(n.address["pc"].text, "SW1A 1AA");
  EXPECT_EQ(n.address["a3"].text, "New York");
  // a3 sorts first (position 1), and each field's rules in order.
  EXPECT_EQ(Changes(n),
            "a3:whitespace: New   York->New York; pc:whitespace:  sw1a \t\u00a0 1aa ->sw1a 1aa; "
            "pc:upperCase:sw1a 1aa->SW1A 1AA");
}

TEST(NormalizerTest, EnumerationsMatchCaseAndAccentInsensitively) {
  NormalizedAddress n = NormalizeAddress(
      Constraints(kGb), Of({{"a1", "zurich"}, {"a2", "ostfold"}}));
  EXPECT_EQ(n.address["a1"].text, "ZH");
  EXPECT_EQ(n.address["a2"].text, "Østfold");
  EXPECT_EQ(Changes(n), "a1:enumeration:zurich->ZH; a2:enumeration:ostfold->Østfold");
  EXPECT_EQ(NormalizeAddress(Constraints(kGb), Of({{"a1", "ge"}})).address["a1"].text, "GE");
  EXPECT_EQ(NormalizeAddress(Constraints(kGb), Of({{"a1", "NEUCHATEL"}})).address["a1"].text, "NE");
  EXPECT_EQ(NormalizeAddress(Constraints(kGb), Of({{"a2", "STRASSE"}})).address["a2"].text, "Straße");
  EXPECT_EQ(NormalizeAddress(Constraints(kGb), Of({{"a2", "aland"}})).address["a2"].text, "Åland");
  EXPECT_EQ(NormalizeAddress(Constraints(kGb), Of({{"a2", "LODZ"}})).address["a2"].text, "Łódź");
  // Decomposed accents (NFD) match too.
  EXPECT_EQ(NormalizeAddress(Constraints(kGb), Of({{"a1", "Zu\xcc\x88rich"}})).address["a1"].text, "ZH");
}

TEST(NormalizerTest, AmbiguousOrUnknownEnumerationValuesAreLeftAlone) {
  NormalizedAddress n = NormalizeAddress(Constraints(kGb), Of({{"a1", "SAME"}, {"a2", "Oslo"}}));
  EXPECT_EQ(n.address["a1"].text, "SAME");
  EXPECT_EQ(n.address["a2"].text, "Oslo");
  EXPECT_TRUE(n.changes.empty());
  // Already a stored value: nothing to say.
  EXPECT_TRUE(NormalizeAddress(Constraints(kGb), Of({{"a1", "ZH"}})).changes.empty());
}

TEST(NormalizerTest, FreeNumericalLosesSpacesOnlyWhenThenAllDigits) {
  EXPECT_EQ(Changes(NormalizeAddress(Constraints(kGb), Of({{"hno", "1 000"}}))), "hno:digits:1 000->1000");
  EXPECT_EQ(NormalizeAddress(Constraints(kGb), Of({{"hno", "12 b"}})).address["hno"].text, "12 b");
  EXPECT_TRUE(NormalizeAddress(Constraints(kGb), Of({{"hno", "12"}})).changes.empty());
}

TEST(NormalizerTest, UnknownFieldsAndNonTextValues) {
  Address address = Of({{"zz", "  a  b "}});
  address["pc"].is_text = false;
  NormalizedAddress n = NormalizeAddress(Constraints(kGb), address);
  EXPECT_EQ(n.address["zz"].text, "  a  b ");  // not the country's: validation reports it
  EXPECT_FALSE(n.address["pc"].is_text);
  EXPECT_EQ(Changes(n), "");
}

TEST(NormalizerTest, HostileValuesAreBounded) {
  // A huge value is trimmed but never matched (the regex caps apply).
  std::string huge(2'000'000, 'a');
  NormalizedAddress n = NormalizeAddress(Constraints(kGb), Of({{"pc", huge.c_str()}}));
  EXPECT_EQ(n.address["pc"].text.size(), huge.size());
  // Invalid UTF-8 survives byte for byte.
  n = NormalizeAddress(Constraints(kGb), Of({{"a3", " \xff\xfe  x "}}));
  EXPECT_EQ(n.address["a3"].text, "\xff\xfe x");
}

TEST(NormalizerTest, FoldForMatch) {
  EXPECT_EQ(FoldForMatch("Éé ÀÂÄ ß Øø Åå Œœ Æ Ł ł Ç Ñ Ş ș Ž Ř Þ"), "ee aaa ss oo aa oeoe ae l l c n s s z r th");
  EXPECT_EQ(FoldForMatch("  D’Artagnan  "), "d'artagnan");
  EXPECT_EQ(FoldForMatch("Ελλάδα"), "Ελλάδα");  // other scripts as they are
}

// Issue 18 item 9: the separator the pattern's sample shows, where it has one place.
TEST(NormalizerTest, InsertsTheSeparatorWhereItHasOnePlace) {
  NormalizedAddress n = NormalizeAddress(Constraints(kGb), Of({{"pc", "sw1a1aa"}}));
  EXPECT_EQ(n.address["pc"].text, "SW1A 1AA");
  EXPECT_EQ(Changes(n), "pc:upperCase:sw1a1aa->SW1A1AA; pc:separator:SW1A1AA->SW1A 1AA");
  EXPECT_EQ(NormalizeAddress(Constraints(kGb), Of({{"pc", "W11AA"}})).address["pc"].text, "W1 1AA");
  EXPECT_EQ(NormalizeAddress(Constraints(kGb), Of({{"pc", "GIR0AA"}})).address["pc"].text, "GIR 0AA");
  // Already spaced, or not a postcode at all: nothing.
  EXPECT_TRUE(NormalizeAddress(Constraints(kGb), Of({{"pc", "SW1A 1AA"}})).changes.empty());
  EXPECT_TRUE(NormalizeAddress(Constraints(kGb), Of({{"pc", "SW1A1A"}})).changes.empty());
  // A required separator ("1100148" -> "1100-148"), upper case and separator together.
  constexpr const char* kMore = R"({
    "pc": {"valueType": "freestring", "valueRegexp": "^[1-9][0-9]{3}-[0-9]{3}$"},
    "ca": {"valueType": "freestring", "valueRegexp": "^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$"},
    "hno": {"valueType": "freestring", "valueRegexp": "^[0-9]{1,4}(?: ?[A-Za-z])?$"},
    "amb": {"valueType": "freestring", "valueRegexp": "^[0-9]{1,3} ?[0-9]{1,3}$"}
  })";
  EXPECT_EQ(Changes(NormalizeAddress(Constraints(kMore), Of({{"pc", "1100148"}}))), "pc:separator:1100148->1100-148");
  EXPECT_EQ(Changes(NormalizeAddress(Constraints(kMore), Of({{"ca", "k1a0b1"}}))),
            "ca:upperCase:k1a0b1->K1A0B1; ca:separator:K1A0B1->K1A 0B1");
  // The sample shows no space (12a is a house number as it is): nothing.
  EXPECT_TRUE(NormalizeAddress(Constraints(kMore), Of({{"hno", "12a"}})).changes.empty());
  // Two places would do ("12 34" and "123 4"): nothing.
  EXPECT_TRUE(NormalizeAddress(Constraints(kMore), Of({{"amb", "1234"}})).changes.empty());
}

// Issue 18 item 6: a street typed with its type and direction, split into the schema's elements.
constexpr const char* kUs = R"({
  "hno": {"valueType": "freenumerical", "position": 10},
  "prd": {"valueType": "enumerationAssociative", "position": 20, "possibleValues": [
    {"value": "N", "display": "North"}, {"value": "S", "display": "South"}, {"value": "E", "display": "East"},
    {"value": "W", "display": "West"}, {"value": "NW", "display": "Northwest"}]},
  "a6": {"valueType": "freestring", "position": 30, "maxLength": 60},
  "sts": {"valueType": "enumerationAssociative", "position": 40, "possibleValues": [
    {"value": "ST", "display": "Street"}, {"value": "AVE", "display": "Avenue"}, {"value": "DR", "display": "Drive"},
    {"value": "WAY", "display": "Way"}]},
  "pod": {"valueType": "enumerationAssociative", "position": 50, "possibleValues": [
    {"value": "N", "display": "North"}, {"value": "S", "display": "South"}, {"value": "E", "display": "East"},
    {"value": "W", "display": "West"}, {"value": "NW", "display": "Northwest"}]}
})";

TEST(NormalizerTest, SplitsAStreetTypedWithItsTypeAndDirection) {
  NormalizedAddress n = NormalizeAddress(Constraints(kUs), Of({{"a6", "Pennsylvania Avenue"}}));
  EXPECT_EQ(n.address["a6"].text, "Pennsylvania");
  EXPECT_EQ(n.address["sts"].text, "AVE");
  EXPECT_EQ(n.address.count("pod"), 0u);
  EXPECT_EQ(Changes(n), "a6:street:Pennsylvania Avenue->Pennsylvania; sts:street:->AVE");
  n = NormalizeAddress(Constraints(kUs), Of({{"a6", "  pennsylvania  ave.  nw "}, {"hno", "1600"}}));
  EXPECT_EQ(Changes(n), "a6:street:  pennsylvania  ave.  nw ->pennsylvania; sts:street:->AVE; pod:street:->NW");
  n = NormalizeAddress(Constraints(kUs), Of({{"a6", "South Wacker Drive"}}));
  EXPECT_EQ(Changes(n), "prd:street:->S; a6:street:South Wacker Drive->Wacker; sts:street:->DR");
  // Several words stay in a6.
  EXPECT_EQ(NormalizeAddress(Constraints(kUs), Of({{"a6", "Apple Park Way"}})).address["a6"].text, "Apple Park");
  // An empty field given as "" is filled too.
  EXPECT_EQ(NormalizeAddress(Constraints(kUs), Of({{"a6", "Main St"}, {"sts", ""}})).address["sts"].text, "ST");
}

TEST(NormalizerTest, LeavesAStreetAloneWhenTheSplitIsNotClear) {
  // a6 keeps at least one word.
  EXPECT_EQ(Changes(NormalizeAddress(Constraints(kUs), Of({{"a6", "Avenue"}}))), "");
  EXPECT_EQ(Changes(NormalizeAddress(Constraints(kUs), Of({{"a6", "North Avenue"}}))),
            "a6:street:North Avenue->North; sts:street:->AVE");
  // No type word where the type goes.
  EXPECT_EQ(Changes(NormalizeAddress(Constraints(kUs), Of({{"a6", "Avenue of the Americas"}}))), "");
  // A filled target field is the user's: nothing is split into it, nor beyond it.
  NormalizedAddress n = NormalizeAddress(Constraints(kUs), Of({{"a6", "Pennsylvania Avenue"}, {"sts", "ST"}}));
  EXPECT_EQ(Changes(n), "");
  n = NormalizeAddress(Constraints(kUs), Of({{"a6", "Pennsylvania Avenue NW"}, {"pod", "N"}}));
  EXPECT_EQ(Changes(n), "");
  // A word two elements know (a type list that also holds "North"): ambiguous.
  constexpr const char* kBoth = R"({
    "a6": {"valueType": "freestring", "position": 1},
    "sts": {"valueType": "enumeration", "position": 2, "possibleValues": ["North", "Road"]},
    "pod": {"valueType": "enumeration", "position": 3, "possibleValues": ["North"]}
  })";
  EXPECT_EQ(Changes(NormalizeAddress(Constraints(kBoth), Of({{"a6", "Elm North"}}))), "");
  // No a6, a non-text a6, a country without those elements: nothing.
  EXPECT_EQ(Changes(NormalizeAddress(Constraints(kGb), Of({{"a3", "Pennsylvania Avenue"}}))), "");
  Address odd = Of({{"a6", "Main Street"}});
  odd["a6"].is_text = false;
  EXPECT_EQ(Changes(NormalizeAddress(Constraints(kUs), odd)), "");
  // Bounded: a long street of many words is left alone.
  std::string words;
  for (int i = 0; i < 40; ++i) words += "Elm ";
  words += "Street";
  EXPECT_EQ(Changes(NormalizeAddress(Constraints(kUs), Of({{"a6", words.c_str()}}))), "");
}

TEST(NormalizerTest, LeadingStreetTypesFollowTheElementOrder) {
  // Spain and Italy put the street type (sts) before the name.
  constexpr const char* kEs = R"({
    "sts": {"valueType": "enumeration", "position": 10, "possibleValues": ["Calle", "Avenida", "Plaza"]},
    "a6": {"valueType": "freestring", "position": 20}
  })";
  EXPECT_EQ(Changes(NormalizeAddress(Constraints(kEs), Of({{"a6", "calle Mayor"}}))),
            "sts:street:->Calle; a6:street:calle Mayor->Mayor");
  // A trailing type word is not taken there.
  EXPECT_EQ(Changes(NormalizeAddress(Constraints(kEs), Of({{"a6", "Mayor Plaza"}}))), "");
}

TEST(NormalizerTest, EveryTableCountrySampleIsAlreadyCanonical) {
  for (const std::string& iso2 : test::TableCountries()) {
    const Json country = test::CountryFile(iso2);
    const AddressConstraints constraints = Constraints(DumpJson(*FindMember(country, "addressConstraints")));
    NormalizedAddress n = NormalizeAddress(constraints, test::AddressOf(*FindMember(country, "sampleAddress")));
    EXPECT_EQ(Changes(n), "") << iso2;
  }
}

}  // namespace
}  // namespace btalk
