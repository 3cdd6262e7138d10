#include "btalk/address_format.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "btalk/normalizer.h"
#include "feature_test_util.h"
#include "test_util.h"

namespace btalk {
namespace {

using Lines = std::vector<std::string>;

Address Of(std::initializer_list<std::pair<const char*, const char*>> fields) {
  Address address;
  for (const auto& [name, value] : fields) address[name].text = value;
  return address;
}

TEST(AddressFormatTest, FranceNumberStreetThenPostalCodeCity) {
  EXPECT_EQ(FormatAddressLines(Of({{"hno", "78"}, {"a6", "Rue de Vaugirard"}, {"pc", "75015"}, {"a3", "Paris"}}), "FR"),
            (Lines{"78 Rue de Vaugirard", "75015 Paris"}));
  EXPECT_EQ(FormatAddressLines(Of({{"hno", "6"}, {"hns", "bis"}, {"a6", "Rue X"}, {"flr", "3"},
                                   {"addrExtInfo1", "Bâtiment B"}, {"a4", "Le Bourg"}, {"pc", "97133"},
                                   {"a3", "Saint-Barthélemy"}}),
                               "bl"),
            (Lines{"Étage 3", "Bâtiment B", "6 bis Rue X", "Le Bourg", "97133 Saint-Barthélemy"}));
}

TEST(AddressFormatTest, UnitedStatesUsesCodesAndCommas) {
  const Address white_house = Of({{"hno", "1600"}, {"a6", "Pennsylvania"}, {"sts", "AVE"}, {"pod", "NW"},
                                  {"a3", "Washington"}, {"a1", "DC"}, {"pc", "20500"}});
  EXPECT_EQ(FormatAddressLines(white_house, "US"), (Lines{"1600 Pennsylvania AVE NW", "Washington, DC 20500"}));
  // Separators only between parts that exist.
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Washington"}, {"pc", "20500"}}), "US"), (Lines{"Washington 20500"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a1", "DC"}, {"pc", "20500"}}), "US"), (Lines{"DC 20500"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Washington"}, {"a1", "DC"}}), "US"), (Lines{"Washington, DC"}));
}

TEST(AddressFormatTest, DisplayValuesNeedTheConstraints) {
  const AddressConstraints constraints = test::Constraints(R"({
    "sts": {"valueType": "enumerationAssociative", "possibleValues": [{"value": "ST", "display": "Street"}]},
    "a1": {"valueType": "enumerationAssociative", "possibleValues": [{"value": "NSW", "display": "New South Wales"}]}})");
  const Address address = Of({{"hno", "483"}, {"a6", "George"}, {"sts", "ST"}, {"a3", "Sydney"}, {"a1", "NSW"},
                              {"pc", "2000"}, {"unit", "5"}, {"flr", "3"}});
  // AU: %sts is the display, #a1 the code.
  EXPECT_EQ(FormatAddressLines(address, "AU", &constraints),
            (Lines{"Level 3", "5/483 George Street", "Sydney NSW 2000"}));
  EXPECT_EQ(FormatAddressLines(address, "AU"), (Lines{"Level 3", "5/483 George ST", "Sydney NSW 2000"}));
}

TEST(AddressFormatTest, GroupsKeepTheirWordsOnlyWithTheirFields) {
  EXPECT_EQ(FormatAddressLines(Of({{"a6", "Karlavägen"}, {"hno", "1"}, {"unit", "1101"}, {"pc", "114 49"},
                                   {"a3", "Stockholm"}}),
                               "SE"),
            (Lines{"Karlavägen 1 lgh 1101", "114 49 Stockholm"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a6", "Karlavägen"}, {"hno", "1"}}), "SE"), (Lines{"Karlavägen 1"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a6", "Vestergade"}, {"hno", "12"}, {"flr", "2"}, {"unit", "tv"}}), "DK"),
            (Lines{"Vestergade 12, 2. tv"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a6", "Vestergade"}, {"hno", "12"}, {"unit", "tv"}}), "DK"),
            (Lines{"Vestergade 12 tv"}));
  EXPECT_EQ(FormatAddressLines(Of({{"unit", "5"}, {"flr", "G"}, {"bld", "ICC"}}), "HK"),
            (Lines{"Flat 5, G/F", "ICC"}));
  EXPECT_EQ(FormatAddressLines(Of({{"flr", "12"}}), "HK"), (Lines{"12/F"}));
}

// An Post: the post town carries a Dublin postal district's number; the county line is written
// unless the county is the post town itself.
TEST(AddressFormatTest, IrelandWritesTheCountyOnlyOutsideItsOwnTown) {
  // Outside the county's own town: "Co. <county>" before the Eircode.
  EXPECT_EQ(FormatAddressLines(Of({{"hno", "56"}, {"a6", "Main Street"}, {"a3", "Macroom"}, {"a2", "Cork"},
                                   {"pc", "P12 AB34"}}),
                               "IE"),
            (Lines{"56 Main Street", "Macroom", "Co. Cork", "P12 AB34"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a6", "Main Street"}, {"a3", "Swords"}, {"a2", "Dublin"}, {"pc", "K67 AB12"}}), "IE"),
            (Lines{"Main Street", "Swords", "Co. Dublin", "K67 AB12"}));
  // A numbered Dublin district: no county line.
  const Address trinity = Of({{"bld", "Trinity College"}, {"a6", "College Green"}, {"a3", "Dublin 2"}, {"a2", "Dublin"},
                              {"pc", "D02 PN40"}});
  EXPECT_EQ(FormatAddressLines(trinity, "IE"), (Lines{"Trinity College", "College Green", "Dublin 2", "D02 PN40"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a6", "Main Street"}, {"a3", "dublin 6w"}, {"a2", "DUBLIN"}}), "ie"),
            (Lines{"Main Street", "dublin 6w"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a6", "Main Street"}, {"a3", "Dublin 24"}, {"a2", "Dublin"}}), "IE"),
            (Lines{"Main Street", "Dublin 24"}));
  // The county's own town, without a district: no county line either.
  EXPECT_EQ(FormatAddressLines(Of({{"a6", "Patrick Street"}, {"a3", "Cork"}, {"a2", "Cork"}, {"pc", "T12 AB34"}}), "IE"),
            (Lines{"Patrick Street", "Cork", "T12 AB34"}));
  // Only a district number counts as one: a longer town name keeps its county.
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Dublin Airport"}, {"a2", "Dublin"}}), "IE"), (Lines{"Dublin Airport", "Co. Dublin"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Dublin 2A3"}, {"a2", "Dublin"}}), "IE"), (Lines{"Dublin 2A3", "Co. Dublin"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Corkbeg"}, {"a2", "Cork"}}), "IE"), (Lines{"Corkbeg", "Co. Cork"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Dublin 2"}, {"a2", "Kildare"}}), "IE"), (Lines{"Dublin 2", "Co. Kildare"}));
}

TEST(AddressFormatTest, IrelandTakesTheDublinDistrictFromTheEircode) {
  // "Dublin" in a D-prefixed routing key area is written as An Post's post town, "Dublin <n>".
  EXPECT_EQ(FormatAddressLines(Of({{"a6", "College Green"}, {"a3", "Dublin"}, {"a2", "Dublin"}, {"pc", "D02 PN40"}}), "IE"),
            (Lines{"College Green", "Dublin 2", "D02 PN40"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Dublin"}, {"a2", "Dublin"}, {"pc", "d6w x123"}}), "IE"),
            (Lines{"Dublin 6W", "d6w x123"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Dublin"}, {"a2", "Dublin"}, {"pc", "D15X285"}}), "IE"), (Lines{"Dublin 15", "D15X285"}));
  // Routing keys that are not numbered districts add nothing; a town already written is kept.
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Dublin"}, {"a2", "Dublin"}, {"pc", "A94 AB12"}}), "IE"), (Lines{"Dublin", "A94 AB12"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Dublin"}, {"a2", "Dublin"}, {"pc", "D00 AB12"}}), "IE"), (Lines{"Dublin", "D00 AB12"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Dublin"}, {"a2", "Dublin"}, {"pc", "DX1"}}), "IE"), (Lines{"Dublin", "DX1"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Dublin"}, {"pc", "D"}}), "IE"), (Lines{"Dublin", "D"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Dublin 4"}, {"a2", "Dublin"}, {"pc", "D02 PN40"}}), "IE"),
            (Lines{"Dublin 4", "D02 PN40"}));
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Swords"}, {"a2", "Dublin"}, {"pc", "D02 PN40"}}), "IE"),
            (Lines{"Swords", "Co. Dublin", "D02 PN40"}));
  // The other templates do not change: GB keeps its county-free lines, FR its Paris.
  EXPECT_EQ(FormatAddressLines(Of({{"a3", "Dublin"}, {"a2", "Dublin"}, {"pc", "D02"}}), "GB"), (Lines{"Dublin", "D02"}));
}

TEST(AddressFormatTest, GenericFallback) {
  EXPECT_EQ(AddressTemplate("CA"), AddressTemplate(""));
  EXPECT_EQ(AddressTemplate("zz"), AddressTemplate("not a country"));
  EXPECT_EQ(FormatAddressLines(Of({{"hno", "100"}, {"a6", "Queen Street West"}, {"a3", "Toronto"}, {"a1", "ON"},
                                   {"pc", "M5H 2N2"}}),
                               "CA"),
            (Lines{"100 Queen Street West", "Toronto ON M5H 2N2"}));
  EXPECT_EQ(FormatAddressLines(Address(), "FR"), Lines{});
}

TEST(AddressFormatTest, ValuesAreCleanedAndNonTextIgnored) {
  Address address = Of({{"hno", " 78 "}, {"a6", "Rue\n de  Vaugirard"}, {"a3", "<Paris>"}});
  address["pc"].is_text = false;
  EXPECT_EQ(FormatAddressLines(address, "FR"), (Lines{"78 Rue de Vaugirard", "<Paris>"}));
}

TEST(AddressFormatTest, EveryTableCountryHasItsTemplateAndFormatsItsSample) {
  for (const std::string& iso2 : test::TableCountries()) {
    EXPECT_NE(AddressTemplate(iso2), AddressTemplate("")) << iso2;
    const Json country = test::CountryFile(iso2);
    const AddressConstraints constraints = test::Constraints(DumpJson(*FindMember(country, "addressConstraints")));
    const Json& sample = *FindMember(country, "sampleAddress");
    const Lines lines = FormatAddressLines(test::AddressOf(sample), iso2, &constraints);
    ASSERT_GE(lines.size(), 2u) << iso2;
    std::string all;
    for (const std::string& line : lines) all += line + "\n";
    // The street (or building) and the town are always there, and the postal code.
    for (const char* field : {"a6", "a3", "pc"}) {
      const Json* value = FindMember(sample, field);
      if (value != nullptr) EXPECT_NE(all.find(value->get<std::string>()), std::string::npos) << iso2 << " " << field << "\n" << all;
    }
    for (const std::string& line : lines) {
      EXPECT_EQ(line, CollapseWhitespace(line)) << iso2;
      EXPECT_NE(line.back(), ',') << iso2;
    }
  }
}

}  // namespace
}  // namespace btalk
