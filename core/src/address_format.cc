#include "btalk/address_format.h"

#include <utility>

#include "btalk/json_util.h"
#include "btalk/normalizer.h"

namespace btalk {
namespace {

struct CountryTemplate {
  const char* countries;  // ISO codes separated by spaces
  const char* lines;
};

// Sources: La Poste / AFNOR NF Z10-011 (FR and overseas), USPS Publication 28,
// Royal Mail PAF, An Post / Eircode, Deutsche Post, Swiss Post, Österreichische
// Post, bpost, PostNL, POST Luxembourg, Česká pošta, Poczta Polska, PostNord
// (DK, SE), Posten Norge (NO, SJ), Posti, Correos, Poste Italiane, CTT,
// Australia Post, NZ Post, Hongkong Post; UPU POST*CODE addressing summaries.
constexpr const char kIrelandTemplate[] = "%unit|%bld|%hno %a6|%a5|%a4|%a3|{Co. %a2}|%pc";

constexpr CountryTemplate kTemplates[] = {
    {"FR GF GP MQ RE BL MF YT", "{Étage %flr}|%ext|%hno %hns %a6|%a4|%pc %a3"},
    {"US", "%hno #prd %a6 #sts #pod %unit|%a3, #a1 %pc"},
    {"GB", "%unit|%bld|%hno %a6|%a4|%a3|%pc"},
    {"IE", kIrelandTemplate},
    {"DE CH", "%ext|%a6 %hno|%pc %a3"},
    {"AT", "%a6 %hno/%unit|%pc %a3"},
    {"BE", "%a6 %hno {bus %pobox}|%pc %a3"},
    {"NL", "%a6 %hno %hns|%pc %a3"},
    {"LU", "%hno, %a6|{L-%pc} %a3"},
    {"CZ", "%a6 %hno/%ext|%a4|%pc %a3"},
    {"PL", "#sts %a6 %hno/%unit|%pc %a3"},
    {"DK", "%a6 %hno, {%flr.} #unit|%pc %a3"},
    {"NO", "%a6 %hno %unit|%pc %a3"},
    {"SJ", "%bld|%a6 %hno|#pc %a3"},
    {"SE", "%a6 %hno {lgh %unit}|%pc %a3"},
    {"FI", "%a6 %hno %bld %unit|%pc %a3"},
    {"ES", "%sts %a6, %hno, %flr %unit|%pc %a3"},
    {"IT", "%sts %a6, %hno|%a4|%pc %a3 #a1"},
    {"PT", "%a6, %hno, %flr|%pc %a3"},
    {"AU", "{Level %flr}|%unit/%hno %a6 %sts|%a3 #a1 %pc"},
    {"NZ", "%unit/%hno %a6 #sts|%a4|%a3 %pc"},
    {"HK", "{Flat %unit}, {%flr/F}|%bld|%hno %a6|%a2|%a1"},
};

constexpr const char kGenericTemplate[] =
    "%room|%unit|%flr|%bld|%hno%hns #prd %a6 #sts #pod|%ext|%a5|%a4|%a3 #a1 %pc|%pobox";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNameChar(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c); }

// The Dublin postal district of an Eircode's routing key: "D02 X285" -> "2", "D6W" -> "6W",
// "" for any other key (the other Co. Dublin keys, A94, K67 ..., are not numbered districts).
std::string DublinDistrict(std::string_view eircode) {
  if (eircode.size() < 3 || eircode[0] != 'D') return std::string();
  const std::string_view key = eircode.substr(1, 2);
  if (key == "6W") return std::string(key);
  if (!IsDigit(key[0]) || !IsDigit(key[1]) || key == "00") return std::string();
  return std::string(key[0] == '0' ? key.substr(1) : key);
}

// True when the post town is the county's own town, with or without a district number:
// "Cork" or "Dublin 6W" in county "Cork" / "Dublin" (ASCII case-insensitive).
bool IsCountyTown(std::string_view town, std::string_view county) {
  if (county.empty() || town.size() < county.size() || !EqualsIgnoreCase(town.substr(0, county.size()), county)) {
    return false;
  }
  std::string_view rest = town.substr(county.size());
  if (rest.empty()) return true;
  if (rest.size() < 2 || rest[0] != ' ' || !IsDigit(rest[1])) return false;
  rest.remove_prefix(1);
  while (!rest.empty() && IsDigit(rest.front())) rest.remove_prefix(1);
  return rest.empty() || (rest.size() == 1 && IsNameChar(rest[0]));
}

class Renderer {
 public:
  Renderer(const Address& address, const AddressConstraints* constraints)
      : address_(address), constraints_(constraints) {}

  // An Post's post town and county (IE): in Dublin's postal districts the district number is part
  // of the post town ("Dublin" with Eircode D02 ... is written "Dublin 2"), and the county is
  // written only when it is not the post town itself ("Dublin 2", or "Cork" in Co. Cork).
  void UseIrishPostTown() {
    town_ = Field("a3", false);
    const std::string district = DublinDistrict(UpperAscii(Value("pc")));
    if (!district.empty() && EqualsIgnoreCase(town_, "Dublin")) town_ += " " + district;
    drop_county_ = IsCountyTown(town_, Field("a2", false));
    irish_ = true;
  }

  std::vector<std::string> Render(std::string_view tmpl) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos <= tmpl.size()) {
      std::size_t end = tmpl.find('|', pos);
      if (end == std::string_view::npos) end = tmpl.size();
      std::string line = CollapseWhitespace(Line(tmpl.substr(pos, end - pos), false));
      if (!line.empty()) lines.push_back(std::move(line));
      pos = end + 1;
    }
    return lines;
  }

 private:
  // Top level (group = false): literals are separators. In a group, literals
  // are written whenever one of its fields is.
  std::string Line(std::string_view t, bool group) {
    std::string out, pending;
    bool any_field = false;
    std::size_t i = 0;
    while (i < t.size()) {
      std::string part;
      bool is_literal = false;
      if (t[i] == '{' && !group) {
        const std::size_t close = t.find('}', i);
        const std::size_t end = close == std::string_view::npos ? t.size() : close;
        part = Line(t.substr(i + 1, end - i - 1), true);
        i = end + 1;
      } else if ((t[i] == '%' || t[i] == '#') && i + 1 < t.size() && IsNameChar(t[i + 1])) {
        const bool stored = t[i] == '#';
        std::size_t j = i + 1;
        while (j < t.size() && IsNameChar(t[j])) ++j;
        part = Field(t.substr(i + 1, j - i - 1), stored);
        i = j;
      } else {
        std::size_t j = i + 1;  // at least one character, so a stray '{' or '%' is text
        while (j < t.size() && t[j] != '{' && !((t[j] == '%' || t[j] == '#') && j + 1 < t.size() &&
                                                 IsNameChar(t[j + 1]))) {
          ++j;
        }
        part = std::string(t.substr(i, j - i));
        is_literal = true;
        i = j;
      }
      if (group) {
        if (!is_literal && !part.empty()) any_field = true;
        out += part;
      } else if (is_literal) {
        pending = std::move(part);
      } else if (!part.empty()) {
        if (!out.empty()) out += pending;
        out += part;
        pending.clear();
      }
    }
    return group && !any_field ? std::string() : out;
  }

  std::string Value(std::string_view name) const {
    auto it = address_.find(name);
    if (it == address_.end() || !it->second.is_text) return std::string();
    return CollapseWhitespace(it->second.text);
  }

  std::string Field(std::string_view name, bool stored) const {
    if (name == "ext") {
      std::string out;
      for (int n = 1; n <= 10; ++n) {
        const std::string value = Value("addrExtInfo" + std::to_string(n));
        if (value.empty()) continue;
        if (!out.empty()) out += ", ";
        out += value;
      }
      return out;
    }
    if (irish_ && name == "a3") return town_;
    if (irish_ && name == "a2" && drop_county_) return std::string();
    std::string value = Value(name);
    if (stored || value.empty() || constraints_ == nullptr) return value;
    if (const ElementConstraint* element = constraints_->Find(name); element && element->is_enumeration()) {
      for (const PossibleValue& possible : element->possible_values) {
        if (TrimUnicode(possible.value) == value && !IsBlank(possible.display)) {
          return CollapseWhitespace(possible.display);
        }
      }
    }
    return value;
  }

  const Address& address_;
  const AddressConstraints* constraints_;
  bool irish_ = false;
  bool drop_county_ = false;
  std::string town_;
};

}  // namespace

std::string_view AddressTemplate(std::string_view country) {
  const std::string code = UpperAscii(std::string(TrimUnicode(country).substr(0, 3)));
  if (code.size() == 2) {
    for (const CountryTemplate& entry : kTemplates) {
      for (std::string_view list = entry.countries; !list.empty();) {
        if (list.substr(0, 2) == code) return entry.lines;
        list.remove_prefix(list.size() > 2 ? 3 : list.size());
      }
    }
  }
  return kGenericTemplate;
}

std::vector<std::string> FormatAddressLines(const Address& address, std::string_view country,
                                            const AddressConstraints* constraints) {
  const std::string_view tmpl = AddressTemplate(country);
  Renderer renderer(address, constraints);
  if (tmpl.data() == kIrelandTemplate) renderer.UseIrishPostTown();
  return renderer.Render(tmpl);
}

}  // namespace btalk
