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
