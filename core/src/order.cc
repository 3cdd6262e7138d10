#include "btalk/order.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "btalk/utf8.h"

namespace btalk {
namespace {

// Which characters a field accepts, beyond its length limit.
enum class Charset {
  kAny,
  kNoControl,    // no C0/C1 control characters
  kSiteName,     // ASCII letters, digits, _ and -
  kCountryCode,  // exactly two ASCII letters (the length limit is implied)
};

struct OrderField {
  const char* key;
  const char* label;
  std::size_t max_length;
  Charset charset;
  std::string VoicesiteOrder::*member;
};

constexpr OrderField kFields[] = {
    {"customerOrderReference", "Order reference", 64, Charset::kNoControl, &VoicesiteOrder::customer_order_reference},
    {"technicalSiteName", "Technical site name", 50, Charset::kSiteName, &VoicesiteOrder::technical_site_name},
    {"customerSiteLabel", "Site label", 100, Charset::kAny, &VoicesiteOrder::customer_site_label},
    {"country", "Country", 2, Charset::kCountryCode, &VoicesiteOrder::country},
    {"vpnId", "VPN", 64, Charset::kAny, &VoicesiteOrder::vpn_id},
};

bool HasControlCharacter(std::string_view text) {
  std::size_t pos = 0;
  char32_t cp;
  while (DecodeNext(text, pos, cp)) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
  }
  return false;
}

bool IsSiteNameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::optional<Problem> CheckField(const OrderField& field, std::string_view text) {
  const std::string label = field.label;
  auto problem = [&](ProblemCode code, std::string message) {
    return Problem{field.key, code, std::move(message)};
  };
  if (text.empty()) return problem(ProblemCode::kValueMissing, label + " is required");
  if (field.charset == Charset::kCountryCode) {
    if (text.size() != 2 || !IsAsciiLetter(text[0]) || !IsAsciiLetter(text[1])) {
      return problem(ProblemCode::kPatternMismatch, label + " must be a two-letter ISO code such as FR");
    }
    return std::nullopt;
  }
  if (CodePointCount(text) > field.max_length) {
    return problem(ProblemCode::kTooLong, label + " must be at most " + std::to_string(field.max_length) + " characters");
  }
  if (field.charset == Charset::kSiteName) {
    if (!std::all_of(text.begin(), text.end(), IsSiteNameCharacter)) {
      return problem(ProblemCode::kPatternMismatch,
                     label + " may only contain letters A to Z, digits, underscores (_) and hyphens (-)");
    }
  } else if (field.charset == Charset::kNoControl && HasControlCharacter(text)) {
    return problem(ProblemCode::kPatternMismatch, label + " must not contain control characters");
  }
  return std::nullopt;
}

}  // namespace

std::variant<OrderInput, DocumentError> OrderFromJson(const Json& document) {
  if (!document.is_object()) return DocumentError{"invalidDocument", "The order must be a JSON object"};
  OrderInput input;
  for (const OrderField& field : kFields) {
    const Json* value = FindMember(document, field.key);
    if (value == nullptr || value->is_null()) continue;
    if (std::optional<std::string> text = ScalarText(*value)) {
      input.order.*field.member = std::move(*text);
    } else {
      input.non_text_fields.push_back(field.key);
    }
  }
  return input;
}

std::vector<Problem> ValidateOrder(const OrderInput& input) {
  std::vector<Problem> problems;
  for (const OrderField& field : kFields) {
    const bool non_text = std::find(input.non_text_fields.begin(), input.non_text_fields.end(), field.key) !=
                          input.non_text_fields.end();
    if (non_text) {
      problems.push_back({field.key, ProblemCode::kTypeMismatch, std::string(field.label) + " must be text"});
    } else if (std::optional<Problem> problem = CheckField(field, TrimUnicode(input.order.*field.member))) {
      problems.push_back(std::move(*problem));
    }
  }
  return problems;
}

VoicesiteOrder NormalizeOrder(const VoicesiteOrder& order) {
  VoicesiteOrder normalized;
  for (const OrderField& field : kFields) {
    normalized.*field.member = std::string(TrimUnicode(order.*field.member));
  }
  normalized.country = UpperAscii(std::move(normalized.country));
  return normalized;
}

Json OrderRequestBody(const VoicesiteOrder& order) {
  Json parameters = Json::object();
  parameters["technicalSiteName"] = order.technical_site_name;
  parameters["customerSiteLabel"] = order.customer_site_label;
  parameters["country"] = order.country;
  parameters["vpnId"] = order.vpn_id;
  Json body = Json::object();
  body["customerOrderReference"] = order.customer_order_reference;
  body["parameters"] = std::move(parameters);
  return body;
}

OrderOutcome PrepareOrder(const OrderInput& input) {
  std::vector<Problem> problems = ValidateOrder(input);
  if (!problems.empty()) return problems;
  return OrderRequestBody(NormalizeOrder(input.order));
}

}  // namespace btalk
