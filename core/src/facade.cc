#include "btalk/facade.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <variant>

#include "btalk/address_constraints.h"
#include "btalk/address_validator.h"
#include "btalk/api_responses.h"
#include "btalk/compact_problem.h"
#include "btalk/compiled_constraints.h"
#include "btalk/form_model.h"
#include "btalk/geographical_constraints.h"
#include "btalk/json_util.h"
#include "btalk/order.h"
#include "btalk/utf8.h"
#include "facade_envelope.h"

#ifndef BTALK_VERSION
#define BTALK_VERSION "0.0.0"
#endif

namespace btalk {
namespace {

using envelope::Fail;
using envelope::Ok;

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

std::string order_request_json(std::string_view order_json) {
  std::variant<OrderInput, DocumentError> input = ReadOrder(order_json);
  if (auto* error = std::get_if<DocumentError>(&input)) return Fail(*error, "Order");
  OrderOutcome outcome = PrepareOrder(std::get<OrderInput>(input));
  if (auto* problems = std::get_if<std::vector<Problem>>(&outcome)) return Ok(ValidationJson(*problems));
  Json result = ValidationJson({});
  result["body"] = std::move(std::get<Json>(outcome));
  return Ok(std::move(result));
}

namespace {

// The body read as JSON, then normalised by `normalize` (one of the dispatch tables).
std::string ParseKnownResponse(std::string_view kind, std::string_view body,
                               ResponseResult (*normalize)(std::string_view, const Json&)) {
  std::variant<Json, DocumentError> parsed = ParseJson(body);
  if (auto* error = std::get_if<DocumentError>(&parsed)) {
    // Error bodies are often not JSON (gateway text, HTML): keep what we can.
    if (kind == "apiError" && body.size() <= kMaxDocumentBytes) return Ok(ApiErrorFromText(body));
    return Fail("malformedResponse", "Unexpected answer from the API: " + error->message);
  }
  ResponseResult result = normalize(kind, std::get<Json>(parsed));
  if (auto* error = std::get_if<DocumentError>(&result)) return Fail(error->code, error->message);
  return Ok(std::move(std::get<Json>(result)));
}

}  // namespace

std::string parse_response_json(std::string_view kind, std::string_view body) {
  if (!IsResponseKind(kind)) {
    return Fail("unknownKind", "Unknown response kind \"" + Abbreviate(kind, 40) + "\"");
  }
  return ParseKnownResponse(kind, body, NormalizeResponse);
}

std::string parse_address_response_json(std::string_view kind, std::string_view body) {
  if (!IsAddressResponseKind(kind)) {
    // Names only (no parser referenced): the kinds the full core reads and this one does not.
    for (const char* other : {"me", "customers", "vpns", "countries", "orderResponse", "voicesites"}) {
      if (kind == other) {
        return Fail("notInAddressCore", "Response kind \"" + std::string(kind) +
                                            "\" is not parsed by the address core: load the full core (loadCore())");
      }
    }
    return Fail("unknownKind", "Unknown response kind \"" + Abbreviate(kind, 40) + "\"");
  }
  return ParseKnownResponse(kind, body, NormalizeAddressResponse);
}

// ---- compiled constraints ---------------------------------------------------

namespace {

// Options of the compiled calls: only geoAreas is read.
std::variant<ValidationOptions, std::string> CompiledOptions(std::string_view options_json) {
  if (IsAbsent(options_json)) return ValidationOptions();
  std::variant<Json, DocumentError> parsed = ParseJson(options_json);
  if (auto* error = std::get_if<DocumentError>(&parsed)) return Fail(*error, "Validation options");
  Json& document = std::get<Json>(parsed);
  if (document.is_object()) document.erase("geographicalConstraints");
  std::optional<GeographicalConstraints> unused;
  std::variant<ValidationOptions, DocumentError> options = ValidationOptionsFromJson(document, unused);
  if (auto* error = std::get_if<DocumentError>(&options)) return Fail(*error, "Validation options");
  return std::move(std::get<ValidationOptions>(options));
}

// `text` as a JSON string; invalid UTF-8 becomes U+FFFD (as DumpJson does).
void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  const bool valid = IsValidUtf8(text);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
      ++pos;
    } else if (c < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
      ++pos;
    } else if (c < 0x80 || valid) {
      out += static_cast<char>(c);
      ++pos;
    } else {
      const std::size_t start = pos;
      char32_t cp;
      DecodeNext(text, pos, cp);
      if (cp == kReplacementCharacter) {
        out += "\xEF\xBF\xBD";
      } else {
        out.append(text.data() + start, pos - start);
      }
    }
  }
  out += '"';
}

// The texts of a JSON list of strings, numbers or {"value": ...} items.
std::optional<std::vector<std::string>> TextList(std::string_view json_text, bool allow_objects) {
  std::variant<Json, DocumentError> parsed = ParseJson(json_text);
  const Json* list = std::get_if<Json>(&parsed);
  if (list == nullptr || !list->is_array()) return std::nullopt;
  std::vector<std::string> texts;
  texts.reserve(list->size());
  for (const Json& item : *list) {
    std::optional<std::string> text = ScalarText(item);
    if (!text && allow_objects) {
      if (const Json* value = FindMember(item, "value")) text = ScalarText(*value);
    }
    if (!text) return std::nullopt;
    texts.push_back(std::move(*text));
  }
  return texts;
}

}  // namespace

std::string compile_constraints_json(std::string_view constraints_json, std::string_view geo_json,
                                     std::unique_ptr<CompiledConstraints>* out) {
  std::variant<CompiledConstraints, DocumentError> compiled = CompiledConstraints::FromText(constraints_json, geo_json);
  if (auto* error = std::get_if<DocumentError>(&compiled)) return Fail(error->code, error->message);
  auto object = std::make_unique<CompiledConstraints>(std::move(std::get<CompiledConstraints>(compiled)));
  Json fields = Json::array();
  for (std::size_t i = 0; i < object->field_count(); ++i) fields.push_back(object->field_name(i));
  Json result = Json::object();
  result["fields"] = std::move(fields);
  result["dialZoneIsField"] = object->dial_zone_is_field();
  *out = std::move(object);
  return Ok(std::move(result));
}

std::string compiled_form_json(const CompiledConstraints& compiled) { return Ok(FormModelToJson(compiled.form())); }

std::string compiled_set_geo_areas_json(CompiledConstraints& compiled, int level, std::string_view parents_json,
                                        std::string_view values_json) {
  if (level < 1 || level > kGeoLevels) {
    return Fail("invalidInput", "The geographical area level must be 1, 2, 3 or 4, not " + std::to_string(level));
  }
  std::optional<std::vector<std::string>> parents = TextList(parents_json, false);
  if (!parents || parents->size() > static_cast<std::size_t>(level - 1)) {
    return Fail("invalidInput", "The parents of area level " + std::to_string(level) +
                                    " must be a list of at most " + std::to_string(level - 1) + " values");
  }
  std::optional<std::vector<std::string>> values = TextList(values_json, true);
  if (!values) {
    return Fail("invalidInput", "The geographical areas must be a list of values or {\"value\", \"display\"} items");
  }
  if (!compiled.SetGeoAreas(level, *parents, *values)) {
    return Fail("tooLarge", "Too many geographical area values (the limit is " +
                                std::to_string(CompiledConstraints::kMaxGeoAreaValues) + ")");
  }
  Json result = Json::object();
  result["stored"] = values->size();
  return Ok(std::move(result));
}

std::string compiled_validate_json(const CompiledConstraints& compiled, std::string_view address_json,
                                   std::string_view options_json) {
  // As validate_address_json: a lone surrogate is badInput on its field, not invalid JSON.
  std::variant<Address, DocumentError> address = AddressFromJsonText(address_json);
  if (auto* error = std::get_if<DocumentError>(&address)) return Fail(*error, "Address");
  std::variant<ValidationOptions, std::string> options = CompiledOptions(options_json);
  if (auto* error = std::get_if<std::string>(&options)) return std::move(*error);
  return Ok(ValidationJson(compiled.Validate(std::get<Address>(address), std::get<ValidationOptions>(options))));
}

long compiled_validate_packed(const CompiledConstraints& compiled, std::string_view packed,
                              std::string_view options_json, std::string* answer) {
  std::variant<ValidationOptions, std::string> options;
  if (!options_json.empty()) options = CompiledOptions(options_json);  // the keystroke path has none
  if (auto* error = std::get_if<std::string>(&options)) {
    *answer = std::move(*error);
    return -1;
  }
  std::vector<std::pair<std::size_t, std::vector<Problem>>> invalid;
  if (ValidatePacked(compiled, packed, invalid, options_json.empty() ? nullptr : &std::get<ValidationOptions>(options)) < 0) {
    *answer = Fail("invalidInput", "The packed addresses are malformed");
    return -1;
  }
  if (invalid.empty()) return 0;
  // Written by hand: a batch can hold thousands of problems, and building a
  // Json tree to dump it costs more than the validation itself.
  std::string& out = *answer;
  out.assign("{\"ok\":[");
  for (std::size_t k = 0; k < invalid.size(); ++k) {
    if (k) out += ',';
    out += '[';
    out += std::to_string(invalid[k].first);
    out += ",[";
    for (std::size_t i = 0; i < invalid[k].second.size(); ++i) {
      const Problem& problem = invalid[k].second[i];
      out += i ? ",{\"code\":\"" : "{\"code\":\"";
      out += ProblemCodeName(problem.code);
      out += "\",\"field\":";
      AppendJsonString(out, problem.field);
      out += ",\"message\":";
      AppendJsonString(out, problem.message);
      if (!problem.example.empty()) {  // as ProblemsToJson writes them
        out += ",\"format\":";
        AppendJsonString(out, problem.format);
        out += ",\"example\":";
        AppendJsonString(out, problem.example);
        out += ",\"legend\":";
        AppendJsonString(out, problem.legend);
      }
      out += '}';
    }
    out += "]]";
  }
  out += "]}";
  return static_cast<long>(invalid.size());
}

long compiled_validate_compact(const CompiledConstraints& compiled, std::string_view packed,
                               std::vector<std::int32_t>* words, std::string* texts) {
  CompactProblems compact;
  std::vector<std::uint32_t> records;
  words->clear();
  texts->clear();
  if (ValidatePacked(compiled, packed, compact, records) < 0) {
    *texts = Fail("invalidInput", "The packed addresses are malformed");
    return -1;
  }
  const std::size_t count = compact.problems.size();
  words->reserve(2 + 4 * count + compact.texts.size());
  words->push_back(static_cast<std::int32_t>(count));
  words->push_back(static_cast<std::int32_t>(compact.texts.size()));
  for (std::size_t i = 0; i < count; ++i) {
    const CompactProblem& problem = compact.problems[i];
    words->push_back(static_cast<std::int32_t>(records[i]));
    words->push_back(static_cast<std::int32_t>(problem.field));
    words->push_back(static_cast<std::int32_t>(problem.code));
    words->push_back(problem.detail);
  }
  for (const std::string& text : compact.texts) {
    texts->append(text);
    words->push_back(static_cast<std::int32_t>(texts->size()));
  }
  return static_cast<long>(count);
}

std::string compiled_problem_table_json(const CompiledConstraints& compiled) {
  const AddressConstraints& constraints = compiled.constraints();
  const std::size_t count = constraints.elements.size();
  // Written by hand, as compiled_validate_packed's answer: no Json tree to build.
  std::string out = "{\"ok\":{\"codes\":[";
  for (int code = 0; code <= static_cast<int>(ProblemCode::kBadInput); ++code) {
    if (code) out += ',';
    AppendJsonString(out, ProblemCodeName(static_cast<ProblemCode>(code)));
  }
  out += "],\"fields\":[";
  // Every message that depends only on (field, code, detail), by "code:detail",
  // as ExpandProblem spells it; the dial zone is the field after the elements.
  for (std::size_t i = 0; i <= count; ++i) {
    const ElementConstraint* element = i < count ? &constraints.elements[i] : nullptr;
    const std::size_t limit = element ? LengthLimit(*element) : kHardMaxLength;
    const std::pair<ProblemCode, std::int32_t> kinds[] = {
        {ProblemCode::kValueMissing, 0},
        {ProblemCode::kTypeMismatch, 0},
        {ProblemCode::kTypeMismatch, 1},
        {ProblemCode::kBadInput, 0},
        {ProblemCode::kTooComplex, 0},
        {ProblemCode::kNotAllowed, -1},
        {ProblemCode::kTooLong, static_cast<std::int32_t>(limit)},
        {ProblemCode::kTooShort, static_cast<std::int32_t>(element ? element->min_length : 0)},
        {ProblemCode::kConstraintError, 0},  // only with a broken rule
        {ProblemCode::kPatternMismatch, -1}};  // only with a pattern
    out += i ? ",{\"label\":" : "{\"label\":";
    AppendJsonString(out, element ? ElementLabel(*element) : std::string("Dial zone"));
    if (element && element->regex) {
      out += ",\"format\":";
      AppendJsonString(out, element->example.format);
      out += ",\"example\":";
      AppendJsonString(out, element->example.example);
      out += ",\"legend\":";
      AppendJsonString(out, element->example.legend);
      if (element->example.varies && !element->example.empty()) {
        // Its mismatch hint follows what was typed: formatExample(pattern, typed) when read.
        out += ",\"pattern\":";
        AppendJsonString(out, element->value_regexp);
      }
    }
    out += ",\"messages\":{";
    for (std::size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); ++k) {
      const auto& [code, detail] = kinds[k];
      if (code == ProblemCode::kConstraintError && !(element && element->error)) continue;
      if (code == ProblemCode::kPatternMismatch && !(element && element->regex)) continue;
      out += k ? ",\"" : "\"";
      out += std::to_string(static_cast<int>(code)) + ":" + std::to_string(detail) + "\":";
      AppendJsonString(out, ExpandProblem(constraints, {static_cast<std::uint32_t>(i), code, detail}, {}).message);
    }
    out += "}}";
  }
  out += "]}}";
  return out;
}

}  // namespace btalk
