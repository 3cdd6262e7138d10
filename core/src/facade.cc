#include "btalk/facade.h"

#include <optional>
#include <utility>
#include <variant>

#include "btalk/address_constraints.h"
#include "btalk/address_validator.h"
#include "btalk/api_responses.h"
#include "btalk/form_model.h"
#include "btalk/geographical_constraints.h"
#include "btalk/json_util.h"
#include "btalk/order.h"

#ifndef BTALK_VERSION
#define BTALK_VERSION "0.0.0"
#endif

namespace btalk {
namespace {

std::string Ok(Json result) {
  Json envelope = Json::object();
  envelope["ok"] = std::move(result);
  return DumpJson(envelope);
}

std::string Fail(const std::string& code, const std::string& message, Json problems = Json()) {
  Json error = Json::object();
  error["code"] = code;
  error["message"] = message;
  if (!problems.is_null()) error["problems"] = std::move(problems);
  Json envelope = Json::object();
  envelope["error"] = std::move(error);
  return DumpJson(envelope);
}

std::string Fail(const DocumentError& error, std::string_view what) {
  return Fail(error.code, std::string(what) + ": " + error.message);
}

// Optional documents: "", whitespace and "null" all mean "none".
bool IsAbsent(std::string_view text) {
  const std::string_view trimmed = TrimUnicode(text);
  return trimmed.empty() || trimmed == "null";
}

Json ValidationJson(const std::vector<Problem>& problems) {
  Json result = Json::object();
  result["valid"] = problems.empty();
  result["problems"] = ProblemsToJson(problems);
  return result;
}

}  // namespace

std::string core_version() { return BTALK_VERSION; }

std::string address_form_json(std::string_view constraints_json, std::string_view geo_json) {
  std::variant<AddressConstraints, DocumentError> constraints = ParseAddressConstraintsText(constraints_json);
  if (auto* error = std::get_if<DocumentError>(&constraints)) return Fail(*error, "Address constraints");
  std::optional<GeographicalConstraints> geo;
  if (!IsAbsent(geo_json)) {
    std::variant<GeographicalConstraints, DocumentError> parsed = ParseGeographicalConstraintsText(geo_json);
    if (auto* error = std::get_if<DocumentError>(&parsed)) return Fail(*error, "Geographical constraints");
    geo = std::move(std::get<GeographicalConstraints>(parsed));
  }
  const FormModel model = BuildFormModel(std::get<AddressConstraints>(constraints), geo ? &*geo : nullptr);
  return Ok(FormModelToJson(model));
}

std::string validate_address_json(std::string_view constraints_json, std::string_view address_json,
                                  std::string_view options_json) {
  std::variant<AddressConstraints, DocumentError> constraints = ParseAddressConstraintsText(constraints_json);
  if (auto* error = std::get_if<DocumentError>(&constraints)) return Fail(*error, "Address constraints");

  std::variant<Address, DocumentError> address = AddressFromJsonText(address_json);
  if (auto* error = std::get_if<DocumentError>(&address)) return Fail(*error, "Address");

  Json options_doc;  // null = no options
  if (!IsAbsent(options_json)) {
    std::variant<Json, DocumentError> parsed = ParseJson(options_json);
    if (auto* error = std::get_if<DocumentError>(&parsed)) return Fail(*error, "Validation options");
    options_doc = std::move(std::get<Json>(parsed));
  }
  std::optional<GeographicalConstraints> geo;
  std::variant<ValidationOptions, DocumentError> options = ValidationOptionsFromJson(options_doc, geo);
  if (auto* error = std::get_if<DocumentError>(&options)) return Fail(*error, "Validation options");

  return Ok(ValidationJson(ValidateAddress(std::get<AddressConstraints>(constraints), std::get<Address>(address),
                                           std::get<ValidationOptions>(options))));
}

namespace {

std::variant<OrderInput, DocumentError> ReadOrder(std::string_view order_json) {
  std::variant<Json, DocumentError> parsed = ParseJson(order_json);
  if (auto* error = std::get_if<DocumentError>(&parsed)) return std::move(*error);
  return OrderFromJson(std::get<Json>(parsed));
}

}  // namespace

std::string validate_order_json(std::string_view order_json) {
  std::variant<OrderInput, DocumentError> input = ReadOrder(order_json);
  if (auto* error = std::get_if<DocumentError>(&input)) return Fail(*error, "Order");
  return Ok(ValidationJson(ValidateOrder(std::get<OrderInput>(input))));
}

std::string build_order_request_json(std::string_view order_json) {
  std::variant<OrderInput, DocumentError> input = ReadOrder(order_json);
  if (auto* error = std::get_if<DocumentError>(&input)) return Fail(*error, "Order");
  const OrderInput& order = std::get<OrderInput>(input);
  const std::vector<Problem> problems = ValidateOrder(order);
  if (!problems.empty()) {
    return Fail("invalidOrder", "The order is not valid: " + problems.front().message +
                                    (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) +
                                                               " more)" : ""),
                ProblemsToJson(problems));
  }
  Json result = Json::object();
  result["body"] = OrderRequestBody(NormalizeOrder(order.order));
  return Ok(std::move(result));
}

std::string parse_response_json(std::string_view kind, std::string_view body) {
  if (!IsResponseKind(kind)) {
    return Fail("unknownKind", "Unknown response kind \"" + Abbreviate(kind, 40) + "\"");
  }
  std::variant<Json, DocumentError> parsed = ParseJson(body);
  if (auto* error = std::get_if<DocumentError>(&parsed)) {
    // Error bodies are often not JSON (gateway text, HTML): keep what we can.
    if (kind == "apiError" && body.size() <= kMaxDocumentBytes) return Ok(ApiErrorFromText(body));
    return Fail("malformedResponse", "Unexpected answer from the API: " + error->message);
  }
  ResponseResult result = NormalizeResponse(kind, std::get<Json>(parsed));
  if (auto* error = std::get_if<DocumentError>(&result)) return Fail(error->code, error->message);
  return Ok(std::move(std::get<Json>(result)));
}

}  // namespace btalk
