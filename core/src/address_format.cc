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
constexpr CountryTemplate kTemplates[] = {
    {"FR GF GP MQ RE BL MF YT", "{Étage %flr}|%ext|%hno %hns %a6|%a4|%pc %a3"},
    {"US", "%hno #prd %a6 #sts #pod %unit|%a3, #a1 %pc"},
    {"GB", "%unit|%bld|%hno %a6|%a4|%a3|%pc"},
    {"IE", "%unit|%bld|%hno %a6|%a5|%a4|%a3 %dd|{Co. %cty}|%pc"},
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

// The Dublin postal district of an Eircode's routing key: "D02 X285" -> "2", "D6W ..." -> "6W",
// "" for any other key (the other Co. Dublin keys, A94, K67 ..., are not numbered districts).
std::string_view DublinDistrict(std::string_view pc) {
  if (pc.size() < 3 || (pc[0] | 0x20) != 'd') return {};
  if (pc[1] == '6' && (pc[2] | 0x20) == 'w') return "6W";
  if (!IsDigit(pc[1]) || !IsDigit(pc[2]) || (pc[1] == '0' && pc[2] == '0')) return {};
  return pc[1] == '0' ? pc.substr(2, 1) : pc.substr(1, 2);
}

// True when the post town is the county's own town, with or without a district number:
// "Cork" or "Dublin 6W" in county "Cork" / "Dublin" (ASCII case-insensitive).
bool IsCountyTown(std::string_view town, std::string_view county) {
  std::size_t i = county.size();
  if (i == 0 || !EqualsIgnoreCase(town.substr(0, i), county)) return false;
  if (i == town.size()) return true;
  if (town[i] != ' ' || ++i == town.size() || !IsDigit(town[i])) return false;
  while (i < town.size() && IsDigit(town[i])) ++i;
  return town.size() - i <= 1;  // then at most one letter, as the W of 6W
}

class Renderer {
 public:
  Renderer(const Address& address, const AddressConstraints* constraints)
      : address_(address), constraints_(constraints) {}

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
    // IE (An Post): %dd, the Dublin postal district a post town of just "Dublin" gets from the
    // Eircode ("Dublin" + D02 ... is written "Dublin 2"); %cty, the county, unless it is the post
    // town itself ("Dublin 2", or "Cork" in Co. Cork), where An Post writes no county line.
    if (name == "dd") return EqualsIgnoreCase(Value("a3"), "Dublin") ? std::string(DublinDistrict(Value("pc"))) : std::string();
    if (name == "cty") {
      std::string county = Field("a2", false);
      return IsCountyTown(Field("a3", false), county) ? std::string() : county;
    }
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
  return Renderer(address, constraints).Render(AddressTemplate(country));
}

}  // namespace btalk
