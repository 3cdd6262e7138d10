// The facade's normalisation, format-hint, PIDF-LO and postal-line entry
// points (declared in facade.h). Same envelope and rules as facade.cc.
#include <optional>
#include <utility>
#include <variant>

#include "btalk/address_constraints.h"
#include "btalk/address_format.h"
#include "btalk/address_validator.h"
#include "btalk/civic_address.h"
#include "btalk/compiled_constraints.h"
#include "btalk/facade.h"
#include "btalk/format_example.h"
#include "btalk/json_util.h"
#include "btalk/normalizer.h"
#include "facade_envelope.h"

namespace btalk {
namespace {

using envelope::Fail;
using envelope::Ok;

std::variant<Address, DocumentError> ReadAddress(std::string_view address_json) {
  std::variant<Json, DocumentError> parsed = ParseJson(address_json);
  if (auto* error = std::get_if<DocumentError>(&parsed)) return std::move(*error);
  return AddressFromJson(std::get<Json>(parsed));
}

// What an entry point does once its documents are read.
using Runner = std::string (*)(const AddressConstraints* constraints, const Address& address, const void* context);

// Reads the constraints (required, optional when "" / "null", or not used)
// and the address, then runs `run`. One reader for every entry point: the
// documents' destructors and error paths exist once in wasm, not five times.
enum class Need { kNone, kOptional, kRequired };
std::string Run(Need need, std::string_view constraints_json, std::string_view address_json, Runner run,
                const void* context) {
  std::optional<AddressConstraints> constraints;
  const std::string_view trimmed = TrimUnicode(constraints_json);
  if (need == Need::kRequired || (need == Need::kOptional && !trimmed.empty() && trimmed != "null")) {
    std::variant<Json, DocumentError> doc = ParseJson(constraints_json);
    if (auto* failure = std::get_if<DocumentError>(&doc)) return Fail(*failure, "Address constraints");
    std::variant<AddressConstraints, DocumentError> read = ParseAddressConstraints(std::get<Json>(doc));
    if (auto* failure = std::get_if<DocumentError>(&read)) return Fail(*failure, "Address constraints");
    constraints = std::move(std::get<AddressConstraints>(read));
  }
  std::variant<Address, DocumentError> address = ReadAddress(address_json);
  if (auto* error = std::get_if<DocumentError>(&address)) return Fail(*error, "Address");
  return run(constraints ? &*constraints : nullptr, std::get<Address>(address), context);
}

Json StringArray(std::vector<std::string>&& items) {
  Json array = Json::array();
  for (std::string& item : items) array.push_back(Json(std::move(item)));
  return array;
}

std::string Xml(std::variant<CivicAddressXml, DocumentError>&& xml) {
  if (auto* failure = std::get_if<DocumentError>(&xml)) return Fail(*failure);
  Json result = Json::object();
  result["xml"] = std::move(std::get<CivicAddressXml>(xml).xml);
  result["omitted"] = StringArray(std::move(std::get<CivicAddressXml>(xml).omitted));
  return Ok(std::move(result));
}

// ok -> {"changes": [{"field","from","to","rule"}]}
std::string NormalizationAnswer(NormalizedAddress&& normalized) {
  Json changes = Json::array();
  for (NormalizationChange& change : normalized.changes) {
    Json entry = Json::object();
    entry["field"] = std::move(change.field);
    entry["from"] = std::move(change.from);
    entry["to"] = std::move(change.to);
    entry["rule"] = std::move(change.rule);
    changes.push_back(std::move(entry));
  }
  Json result = Json::object();
  result["changes"] = std::move(changes);
  return Ok(std::move(result));
}

std::string RunNormalize(const AddressConstraints* constraints, const Address& address, const void*) {
  return NormalizationAnswer(NormalizeAddress(*constraints, address));
}

std::string RunCivic(const AddressConstraints*, const Address& address, const void* context) {
  return Xml(ToCivicAddressXml(address, *static_cast<const CivicAddressOptions*>(context)));
}

std::string RunPidf(const AddressConstraints*, const Address& address, const void* context) {
  return Xml(ToPidfLo(address, *static_cast<const PidfLoOptions*>(context)));
}

std::string RunLines(const AddressConstraints* constraints, const Address& address, const void* context) {
  Json result = Json::object();
  result["lines"] = StringArray(FormatAddressLines(address, *static_cast<const std::string_view*>(context), constraints));
  return Ok(std::move(result));
}

}  // namespace

std::string normalize_address_json(std::string_view constraints_json, std::string_view address_json) {
  return Run(Need::kRequired, constraints_json, address_json, RunNormalize, nullptr);
}

std::string compiled_normalize_json(const CompiledConstraints& compiled, std::string_view address_json) {
  // The address read as normalize_address_json reads it: the same errors, the same answer.
  std::variant<Address, DocumentError> address = ReadAddress(address_json);
  if (auto* error = std::get_if<DocumentError>(&address)) return Fail(*error, "Address");
  return NormalizationAnswer(compiled.Normalize(std::get<Address>(address)));
}

std::string format_example_json(std::string_view pattern, std::string_view typed) {
  PatternExample example = FormatExample(pattern, typed);
  if (example.empty()) return Ok(Json());
  Json result = Json::object();
  result["format"] = std::move(example.format);
  result["example"] = std::move(example.example);
  result["legend"] = std::move(example.legend);
  return Ok(std::move(result));
}

std::string civic_address_xml_json(std::string_view address_json, std::string_view country, std::string_view lang) {
  const CivicAddressOptions options{std::string(country), std::string(lang)};
  return Run(Need::kNone, {}, address_json, RunCivic, &options);
}

std::string pidf_lo_json(std::string_view address_json, const PidfLoOptions& options) {
  return Run(Need::kNone, {}, address_json, RunPidf, &options);
}

std::string format_address_json(std::string_view address_json, std::string_view country,
                                std::string_view constraints_json) {
  return Run(Need::kOptional, constraints_json, address_json, RunLines, &country);
}

}  // namespace btalk
