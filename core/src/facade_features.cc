// The facade's normalisation, format-hint, PIDF-LO and postal-line entry
// points (declared in facade.h). Same envelope and rules as facade.cc.
#include <optional>
#include <utility>
#include <variant>

#include "btalk/address_constraints.h"
#include "btalk/address_format.h"
#include "btalk/address_validator.h"
#include "btalk/civic_address.h"
#include "btalk/facade.h"
#include "btalk/format_example.h"
#include "btalk/json_util.h"
#include "btalk/normalizer.h"

namespace btalk {
namespace {

std::string Ok(Json result) {
  Json envelope = Json::object();
  envelope["ok"] = std::move(result);
  return DumpJson(envelope);
}

std::string Fail(const DocumentError& error, std::string_view what = {}) {
  Json envelope = Json::object();
  envelope["error"] = Json::object();
  envelope["error"]["code"] = error.code;
  envelope["error"]["message"] = what.empty() ? error.message : std::string(what) + ": " + error.message;
  return DumpJson(envelope);
}

std::variant<Address, DocumentError> ReadAddress(std::string_view address_json, Json* document = nullptr) {
  std::variant<Json, DocumentError> parsed = ParseJson(address_json);
  if (auto* error = std::get_if<DocumentError>(&parsed)) return std::move(*error);
  std::variant<Address, DocumentError> address = AddressFromJson(std::get<Json>(parsed));
  if (document != nullptr) *document = std::move(std::get<Json>(parsed));
  return address;
}

// The options object ("" and "null" = {}), or an error.
std::variant<Json, DocumentError> ReadOptions(std::string_view options_json) {
  const std::string_view trimmed = TrimUnicode(options_json);
  if (trimmed.empty() || trimmed == "null") return Json::object();
  std::variant<Json, DocumentError> parsed = ParseJson(options_json);
  if (auto* error = std::get_if<DocumentError>(&parsed)) return std::move(*error);
  if (!std::get<Json>(parsed).is_object()) return DocumentError{"invalidOptions", "The options must be a JSON object"};
  return parsed;
}

// A string option: "" when absent or null; an error when another type.
std::optional<std::string> StringOption(const Json& options, std::string_view key, DocumentError& error) {
  const Json* value = FindMember(options, key);
  if (value == nullptr || value->is_null()) return std::string();
  if (!value->is_string()) {
    error = DocumentError{"invalidOptions", std::string(key) + " must be a string"};
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::variant<CivicAddressOptions, DocumentError> ReadCivicOptions(const Json& options) {
  DocumentError error;
  CivicAddressOptions civic;
  std::optional<std::string> country = StringOption(options, "country", error);
  std::optional<std::string> lang = StringOption(options, "lang", error);
  if (!country || !lang) return error;
  civic.country = std::move(*country);
  civic.lang = std::move(*lang);
  return civic;
}

Json XmlResult(CivicAddressXml& result) {
  Json out = Json::object();
  out["xml"] = std::move(result.xml);
  out["omitted"] = result.omitted;
  return out;
}

}  // namespace

std::string normalize_address_json(std::string_view constraints_json, std::string_view address_json) {
  std::variant<AddressConstraints, DocumentError> constraints = ParseAddressConstraintsText(constraints_json);
  if (auto* error = std::get_if<DocumentError>(&constraints)) return Fail(*error, "Address constraints");
  Json document;
  std::variant<Address, DocumentError> address = ReadAddress(address_json, &document);
  if (auto* error = std::get_if<DocumentError>(&address)) return Fail(*error, "Address");
  NormalizedAddress normalized =
      NormalizeAddress(std::get<AddressConstraints>(constraints), std::get<Address>(address));
  Json canonical = Json::object();
  for (auto it = document.begin(); it != document.end(); ++it) {
    auto entry = normalized.address.find(it.key());
    const bool text = entry != normalized.address.end() && entry->second.is_text && !it.value().is_null();
    canonical[it.key()] = text ? Json(entry->second.text) : it.value();
  }
  Json changes = Json::array();
  for (const NormalizationChange& change : normalized.changes) {
    changes.push_back({{"field", change.field}, {"from", change.from}, {"to", change.to}, {"rule", change.rule}});
  }
  Json result = Json::object();
  result["address"] = std::move(canonical);
  result["changes"] = std::move(changes);
  return Ok(std::move(result));
}

std::string format_example_json(std::string_view pattern) {
  PatternExample example = FormatExample(pattern);
  if (example.empty()) return Ok(Json());
  return Ok({{"format", example.format}, {"example", example.example}, {"legend", example.legend}});
}

std::string civic_address_xml_json(std::string_view address_json, std::string_view options_json) {
  std::variant<Address, DocumentError> address = ReadAddress(address_json);
  if (auto* error = std::get_if<DocumentError>(&address)) return Fail(*error, "Address");
  std::variant<Json, DocumentError> options = ReadOptions(options_json);
  if (auto* error = std::get_if<DocumentError>(&options)) return Fail(*error, "Options");
  std::variant<CivicAddressOptions, DocumentError> civic = ReadCivicOptions(std::get<Json>(options));
  if (auto* error = std::get_if<DocumentError>(&civic)) return Fail(*error);
  std::variant<CivicAddressXml, DocumentError> xml =
      ToCivicAddressXml(std::get<Address>(address), std::get<CivicAddressOptions>(civic));
  if (auto* error = std::get_if<DocumentError>(&xml)) return Fail(*error);
  return Ok(XmlResult(std::get<CivicAddressXml>(xml)));
}

std::string pidf_lo_json(std::string_view address_json, std::string_view options_json) {
  std::variant<Address, DocumentError> address = ReadAddress(address_json);
  if (auto* error = std::get_if<DocumentError>(&address)) return Fail(*error, "Address");
  std::variant<Json, DocumentError> parsed = ReadOptions(options_json);
  if (auto* error = std::get_if<DocumentError>(&parsed)) return Fail(*error, "Options");
  const Json& options = std::get<Json>(parsed);
  std::variant<CivicAddressOptions, DocumentError> civic = ReadCivicOptions(options);
  if (auto* error = std::get_if<DocumentError>(&civic)) return Fail(*error);
  PidfLoOptions pidf;
  pidf.civic = std::move(std::get<CivicAddressOptions>(civic));
  DocumentError error;
  std::optional<std::string> entity = StringOption(options, "entity", error);
  std::optional<std::string> tuple_id = StringOption(options, "tupleId", error);
  std::optional<std::string> timestamp = StringOption(options, "timestamp", error);
  std::optional<std::string> expiry = StringOption(options, "retentionExpiry", error);
  std::optional<std::string> method = StringOption(options, "method", error);
  if (!entity || !tuple_id || !timestamp || !expiry || !method) return Fail(error);
  pidf.entity = std::move(*entity);
  if (!tuple_id->empty()) pidf.tuple_id = std::move(*tuple_id);
  pidf.timestamp = std::move(*timestamp);
  pidf.retention_expiry = std::move(*expiry);
  if (FindMember(options, "method") != nullptr) pidf.method = std::move(*method);
  if (const Json* allowed = FindMember(options, "retransmissionAllowed"); allowed && !allowed->is_null()) {
    if (!allowed->is_boolean()) return Fail({"invalidOptions", "retransmissionAllowed must be true or false"});
    pidf.retransmission_allowed = allowed->get<bool>();
  }
  std::variant<CivicAddressXml, DocumentError> xml = ToPidfLo(std::get<Address>(address), pidf);
  if (auto* failure = std::get_if<DocumentError>(&xml)) return Fail(*failure);
  return Ok(XmlResult(std::get<CivicAddressXml>(xml)));
}

std::string format_address_json(std::string_view address_json, std::string_view options_json) {
  std::variant<Address, DocumentError> address = ReadAddress(address_json);
  if (auto* error = std::get_if<DocumentError>(&address)) return Fail(*error, "Address");
  std::variant<Json, DocumentError> parsed = ReadOptions(options_json);
  if (auto* error = std::get_if<DocumentError>(&parsed)) return Fail(*error, "Options");
  const Json& options = std::get<Json>(parsed);
  DocumentError error;
  std::optional<std::string> country = StringOption(options, "country", error);
  if (!country) return Fail(error);
  std::optional<AddressConstraints> constraints;
  if (const Json* doc = FindMember(options, "constraints"); doc && !doc->is_null()) {
    std::variant<AddressConstraints, DocumentError> parsed_constraints = ParseAddressConstraints(*doc);
    if (auto* failure = std::get_if<DocumentError>(&parsed_constraints)) return Fail(*failure, "Address constraints");
    constraints = std::move(std::get<AddressConstraints>(parsed_constraints));
  }
  Json result = Json::object();
  result["lines"] = FormatAddressLines(std::get<Address>(address), *country, constraints ? &*constraints : nullptr);
  return Ok(std::move(result));
}

}  // namespace btalk
