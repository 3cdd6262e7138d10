#include "btalk/api_responses.h"

#include <initializer_list>
#include <string>
#include <utility>

#include "btalk/address_constraints.h"

namespace btalk {
namespace {

DocumentError Malformed(const char* expected) {
  return DocumentError{"malformedResponse", std::string("Unexpected answer from the API: expected ") + expected};
}

// The first member among `keys` holding text (or a number), else nullopt.
std::optional<std::string> FirstText(const Json& obj, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (const Json* value = FindMember(obj, key)) {
      if (std::optional<std::string> text = ScalarText(*value)) return text;
    }
  }
  return std::nullopt;
}

std::string TextOr(const Json& obj, std::initializer_list<const char*> keys) {
  return FirstText(obj, keys).value_or(std::string());
}

// A non-empty identifier (text or number).
std::optional<std::string> IdOf(const Json& obj, std::initializer_list<const char*> keys) {
  std::optional<std::string> id = FirstText(obj, keys);
  if (id && TrimUnicode(*id).empty()) return std::nullopt;
  return id;
}

// The list itself, or the first of `wrappers` holding one ({"items": [...]}).
const Json* ListOf(const Json& body, std::initializer_list<const char*> wrappers) {
  if (body.is_array()) return &body;
  for (const char* key : wrappers) {
    const Json* list = FindMember(body, key);
    if (list != nullptr && list->is_array()) return list;
  }
  for (const char* key : {"items", "data", "results"}) {
    const Json* list = FindMember(body, key);
    if (list != nullptr && list->is_array()) return list;
  }
  return nullptr;
}

// The object itself, or the first of `wrappers` holding one, or the only
// element of a one-item list.
const Json* ObjectOf(const Json& body, std::initializer_list<const char*> wrappers) {
  if (body.is_array() && body.size() == 1 && body[0].is_object()) return &body[0];
  if (!body.is_object()) return nullptr;
  for (const char* key : wrappers) {
    const Json* inner = FindMember(body, key);
    if (inner != nullptr && inner->is_object()) return inner;
  }
  return &body;
}

bool IsYes(const Json* value) {
  if (value == nullptr) return false;
  if (value->is_boolean()) return value->get<bool>();
  return value->is_string() && EqualsIgnoreCase(TrimUnicode(value->get_ref<const std::string&>()), "yes");
}

// businessTalkOnline at top level or inside coverage.
bool IsCovered(const Json& country) {
  if (const Json* flag = FindMember(country, "businessTalkOnline")) return IsYes(flag);
  if (const Json* coverage = FindMember(country, "coverage")) return IsYes(FindMember(*coverage, "businessTalkOnline"));
  return IsYes(FindMember(country, "covered"));
}

// Only read-only profiles are refused up front. The API is the authority on
// rights (a write it refuses answers 403), so an unfamiliar profile name must
// not lock a legitimate user out of ordering.
bool CanOrder(std::string_view profile) {
  std::string letters;
  for (char c : profile) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) letters.push_back(c);
  }
  if (letters.empty()) return false;
  for (const char* read_only : {"readonly", "read", "reader", "viewer", "consult", "consultation"}) {
    if (EqualsIgnoreCase(letters, read_only)) return false;
  }
  return true;
}

// One body for every list kind: the item mappers are plain functions (a
// template per lambda was one copy of this loop per kind in the wasm).
ResponseResult MapList(const Json& body, std::initializer_list<const char*> wrappers, const char* expected,
                       std::optional<Json> (*item_fn)(const Json& item, std::size_t index)) {
  const Json* list = ListOf(body, wrappers);
  if (list == nullptr) return Malformed(expected);
  Json out = Json::array();
  std::size_t index = 0;
  for (const Json& item : *list) {
    std::optional<Json> mapped = item_fn(item, index++);
    if (!mapped) return Malformed(expected);
    out.push_back(std::move(*mapped));
  }
  return out;
}

// A choice's postal codes ("postalCodes": ["1003", 1004, ...]), trimmed, when
// the item carries them: what a postal code determines (a canton, a dial
// zone). A list that is not a list of short codes, or is too long, is left
// out whole: a partial list would wrongly rule the choice out.
constexpr std::size_t kMaxChoicePostalCodes = 10000;
constexpr std::size_t kMaxPostalCodeBytes = 32;

std::optional<Json> ChoicePostalCodes(const Json& item) {
  const Json* list = FindMember(item, "postalCodes");
  if (list == nullptr || !list->is_array() || list->size() > kMaxChoicePostalCodes) return std::nullopt;
  Json out = Json::array();
  for (const Json& code : *list) {
    std::optional<std::string> text = ScalarText(code);
    if (!text) return std::nullopt;
    const std::string_view trimmed = TrimUnicode(*text);
    if (trimmed.empty() || trimmed.size() > kMaxPostalCodeBytes) return std::nullopt;
    out.push_back(Json(std::string(trimmed)));
  }
  return out;
}

std::optional<Json> Choice(const Json& item) {
  std::optional<std::string> value = ScalarText(item);
  std::optional<std::string> display = value;
  if (!value) {
    value = IdOf(item, {"value", "code", "id", "name"});
    display = IdOf(item, {"display", "label", "displayName", "name", "value"});
  }
  if (!value || TrimUnicode(*value).empty()) return std::nullopt;
  Json choice = JsonObject({{"value", *value}, {"display", display ? *display : *value}});
  if (item.is_object()) {
    if (std::optional<Json> codes = ChoicePostalCodes(item)) choice["postalCodes"] = std::move(*codes);
  }
  return choice;
}

// The voiceSiteId of an order answer, wherever this API version put it.
Json OrderVoiceSiteId(const Json& order) {
  if (std::optional<std::string> id = IdOf(order, {"voiceSiteId"})) return *id;
  for (const char* key : {"parameters", "voicesite", "result"}) {
    const Json* inner = FindMember(order, key);
    if (inner == nullptr) continue;
    if (std::optional<std::string> id = ScalarText(*inner); id && key != std::string_view("parameters")) {
      if (!TrimUnicode(*id).empty()) return *id;
    }
    if (std::optional<std::string> id = IdOf(*inner, {"voiceSiteId"})) return *id;
    if (key != std::string_view("parameters")) {
      if (std::optional<std::string> id = IdOf(*inner, {"id"})) return *id;
    }
  }
  return nullptr;
}

// A label for a candidate that has none: the street line, then the rest.
std::string BuildLabel(const Json& address) {
  std::string label;
  auto append = [&](const char* key, const char* separator) {
    const Json* value = FindMember(address, key);
    std::optional<std::string> text = value ? ScalarText(*value) : std::nullopt;
    if (!text || TrimUnicode(*text).empty()) return;
    if (!label.empty()) label += separator;
    label += std::string(TrimUnicode(*text));
  };
  for (const char* key : {"hno", "hns", "prd", "a6", "sts", "pod"}) append(key, " ");
  for (const char* key : {"unit", "flr", "room", "bld", "a5", "a4", "pc", "pcn", "a3", "a2", "a1"}) append(key, ", ");
  return label;
}

std::optional<Json> Candidate(const Json& item, std::size_t index) {
  if (!item.is_object()) return std::nullopt;
  const Json* source = FindMember(item, "voiceAddress");
  if (source == nullptr || !source->is_object()) source = FindMember(item, "address");
  const bool flat = source == nullptr || !source->is_object();
  if (flat) source = &item;
  Json address = Json::object();
  for (auto it = source->begin(); it != source->end(); ++it) {
    if (flat && (it.key() == "id" || it.key() == "label" || it.key() == "display" || it.key() == "text" ||
                 it.key() == "score")) {
      continue;
    }
    if (std::optional<std::string> text = ScalarText(it.value())) address[it.key()] = std::move(*text);
  }
  if (address.empty()) return std::nullopt;
  std::string label = TextOr(item, {"label", "display", "text", "formattedAddress"});
  if (TrimUnicode(label).empty()) label = BuildLabel(address);
  const std::string id = IdOf(item, {"id", "candidateId"}).value_or(std::to_string(index + 1));
  return JsonObject({{"id", id}, {"label", label}, {"address", std::move(address)}});
}

// A postal code with the address elements it determines. Elements come from a
// nested {address|voiceAddress} object or, flat, from the item's own keys that
// are PIDF-LO element names; pc defaults to the value itself.
std::optional<Json> PostalCode(const Json& item) {
  if (!item.is_object()) return std::nullopt;
  std::optional<std::string> value = IdOf(item, {"value", "postalCode", "pc", "code"});
  if (!value) return std::nullopt;
  const Json* source = FindMember(item, "address");
  if (source == nullptr || !source->is_object()) source = FindMember(item, "voiceAddress");
  if (source == nullptr || !source->is_object()) source = &item;
  Json address = Json::object();
  for (auto it = source->begin(); it != source->end(); ++it) {
    if (it.key() == "dialZone" || BuiltinElementLabel(it.key()).empty()) continue;
    std::optional<std::string> text = ScalarText(it.value());
    if (text && !TrimUnicode(*text).empty()) address[it.key()] = std::move(*text);
  }
  if (!address.contains("pc")) address["pc"] = *value;
  std::string display = TextOr(item, {"display", "label", "name"});
  if (TrimUnicode(display).empty()) display = *value;
  return JsonObject({{"value", *value}, {"display", display}, {"address", std::move(address)}});
}

// API error lists are bounded: a hostile answer of a million entries keeps the first ones.
constexpr std::size_t kMaxApiProblems = 100;
// An API text longer than this is cut (an error text is a sentence or two, not a page).
constexpr std::size_t kMaxApiTextCodePoints = 1000;

// An API code as sent: an integer stays a number (the gateway's 40/41/42, the API's list
// entries), a text stays text; anything else is "".
Json CodeOf(const Json& obj, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const Json* value = FindMember(obj, key);
    if (value == nullptr) continue;
    if (value->is_number_integer() || value->is_number_unsigned()) return *value;
    if (std::optional<std::string> text = ScalarText(*value)) return *text;
  }
  return "";
}

std::string ApiText(const Json& obj, std::initializer_list<const char*> keys) {
  return Abbreviate(TextOr(obj, keys), kMaxApiTextCodePoints);
}

// One entry of an error list: { field, code, message, description }. `field` is the item's own
// (field, name, param, path), else "": which element a text names is the client's reading
// (web/internal/api-errors.js), next to the form's own labels.
Json ApiProblem(const Json& item) {
  if (std::optional<std::string> text = ScalarText(item)) {
    return JsonObject({{"field", ""}, {"code", ""}, {"message", Abbreviate(*text, kMaxApiTextCodePoints)}, {"description", ""}});
  }
  std::string message = ApiText(item, {"message", "detail", "title"});
  std::string description = ApiText(item, {"description", "details", "error_description"});
  if (description == message) description.clear();
  if (TrimUnicode(message).empty()) message.swap(description);
  return JsonObject({{"field", TextOr(item, {"field", "name", "param", "path"})},
                     {"code", CodeOf(item, {"code", "type", "errorCode"})},
                     {"message", std::move(message)},
                     {"description", std::move(description)}});
}

Json ProblemList(const Json* problems) {
  Json out = Json::array();
  if (problems == nullptr || !problems->is_array()) return out;
  for (const Json& item : *problems) {
    if (out.size() >= kMaxApiProblems) break;
    if (item.is_object() || item.is_string()) out.push_back(ApiProblem(item));
  }
  return out;
}

}  // namespace

namespace {

struct ResponseKind {
  const char* name;
  ResponseResult (*parse)(const Json& body);
};

// The address form's kinds (see IsAddressResponseKind): no order/customer parser is referenced, so
// the address-only module's LTO drops those parsers.
constexpr ResponseKind kAddressResponseKinds[] = {
    {"country", ParseCountry},
    {"geoAreas", ParseChoices},
    {"dialZones", ParseChoices},
    {"parishes", ParseChoices},
    {"postalCodes", ParsePostalCodes},
    {"addressCandidates", ParseAddressCandidates},
    {"apiError", ParseApiError},
};

// The other kinds: the full dispatch reads both lists.
constexpr ResponseKind kOrderResponseKinds[] = {
    {"me", ParseMe},
    {"customers", ParseCustomers},
    {"vpns", ParseVpns},
    {"countries", ParseCountries},
    {"orderResponse", ParseOrderResponse},
    {"voicesites", ParseVoicesites},
};

template <std::size_t N>
const ResponseKind* FindKind(const ResponseKind (&kinds)[N], std::string_view kind) {
  for (const ResponseKind& known : kinds) {
    if (kind == known.name) return &known;
  }
  return nullptr;
}

const ResponseKind* FindResponseKind(std::string_view kind) {
  const ResponseKind* known = FindKind(kAddressResponseKinds, kind);
  return known != nullptr ? known : FindKind(kOrderResponseKinds, kind);
}

DocumentError UnknownKind(std::string_view kind) {
  return DocumentError{"unknownKind", "Unknown response kind \"" + Abbreviate(kind, 40) + "\""};
}

}  // namespace

bool IsResponseKind(std::string_view kind) { return FindResponseKind(kind) != nullptr; }

ResponseResult NormalizeResponse(std::string_view kind, const Json& body) {
  if (const ResponseKind* known = FindResponseKind(kind)) return known->parse(body);
  return UnknownKind(kind);
}

bool IsAddressResponseKind(std::string_view kind) { return FindKind(kAddressResponseKinds, kind) != nullptr; }

ResponseResult NormalizeAddressResponse(std::string_view kind, const Json& body) {
  if (const ResponseKind* known = FindKind(kAddressResponseKinds, kind)) return known->parse(body);
  return UnknownKind(kind);
}

ResponseResult ParseMe(const Json& body) {
  const Json* me = ObjectOf(body, {"me"});
  std::optional<std::string> profile =
      me ? IdOf(*me, {"rightsProfile", "profile", "rights"}) : std::nullopt;
  if (!profile) return Malformed("an object with a rightsProfile");
  return JsonObject({{"rightsProfile", *profile}, {"canOrder", CanOrder(*profile)}});
}

ResponseResult ParseCustomers(const Json& body) {
  return MapList(body, {"customers"}, "a list of customers, each with a customerCode",
                 [](const Json& item, std::size_t) -> std::optional<Json> {
                   std::optional<std::string> code = IdOf(item, {"customerCode"});
                   if (!code) return std::nullopt;
                   return JsonObject({{"customerCode", *code},
                               {"name", TextOr(item, {"name"})},
                               {"contractNumber", TextOr(item, {"contractNumber"})},
                               {"type", TextOr(item, {"type"})}});
                 });
}

ResponseResult ParseVpns(const Json& body) {
  return MapList(body, {"vpns"}, "a list of VPNs, each with a vpnId",
                 [](const Json& item, std::size_t) -> std::optional<Json> {
                   std::optional<std::string> id = IdOf(item, {"vpnId"});
                   if (!id) return std::nullopt;
                   return JsonObject({{"vpnId", *id}, {"name", TextOr(item, {"name"})}, {"vpnCode", TextOr(item, {"vpnCode"})}});
                 });
}

ResponseResult ParseCountry(const Json& body) {
  const Json* country = ObjectOf(body, {"country"});
  if (country == nullptr) return Malformed("a country object with iso2 and coverage");
  std::optional<std::string> iso2 = IdOf(*country, {"iso2", "code"});
  std::optional<std::string> name = IdOf(*country, {"name"});
  if (!iso2 && !name) return Malformed("a country object with iso2 and coverage");
  const Json* coverage = FindMember(*country, "coverage");
  return JsonObject({{"iso2", UpperAscii(iso2.value_or(std::string()))},
              {"name", name.value_or(std::string())},
              {"countryCode", TextOr(*country, {"countryCode"})},
              {"covered", IsCovered(*country)},
              {"coverage", coverage && coverage->is_object() ? *coverage : Json(nullptr)}});
}

ResponseResult ParseCountries(const Json& body) {
  return MapList(body, {"countries"}, "a list of countries, each with an iso2 code",
                 [](const Json& item, std::size_t) -> std::optional<Json> {
                   std::optional<std::string> iso2 = IdOf(item, {"iso2", "code"});
                   if (!iso2) return std::nullopt;
                   return JsonObject({{"iso2", UpperAscii(*iso2)}, {"name", TextOr(item, {"name"})}, {"covered", IsCovered(item)}});
                 });
}

ResponseResult ParseOrderResponse(const Json& body) {
  const Json* order = ObjectOf(body, {"order"});
  if (order == nullptr) return Malformed("an order object");
  std::optional<std::string> order_id = IdOf(*order, {"orderId", "id"});
  Json voice_site_id = OrderVoiceSiteId(*order);
  if (!order_id && voice_site_id.is_null()) return Malformed("an order with an orderId or a voiceSiteId");
  return JsonObject({{"orderId", order_id.value_or(std::string())},
              {"customerOrderReference", TextOr(*order, {"customerOrderReference"})},
              {"status", TextOr(*order, {"status", "state"})},
              {"voiceSiteId", std::move(voice_site_id)}});
}

ResponseResult ParseVoicesites(const Json& body) {
  return MapList(body, {"voicesites", "voiceSites"}, "a list of voicesites, each with a voiceSiteId",
                 [](const Json& item, std::size_t) -> std::optional<Json> {
                   std::optional<std::string> id = IdOf(item, {"voiceSiteId", "id"});
                   if (!id) return std::nullopt;
                   const Json* parameters = FindMember(item, "parameters");
                   auto text = [&](const char* key) {
                     std::optional<std::string> value = FirstText(item, {key});
                     if (!value && parameters) value = FirstText(*parameters, {key});
                     return value.value_or(std::string());
                   };
                   // The stored address, when the list carries it: its text (or number) elements only,
                   // so the list can show it as lines; null when absent or not an object.
                   Json voice_address = nullptr;
                   if (const Json* address = FindMember(item, "voiceAddress"); address && address->is_object()) {
                     Json elements = Json::object();
                     for (const auto& [name, value] : address->items()) {
                       if (std::optional<std::string> text = ScalarText(value)) elements[name] = *text;
                     }
                     if (!elements.empty()) voice_address = std::move(elements);
                   }
                   bool has_address = !voice_address.is_null();
                   if (const Json* flag = FindMember(item, "hasVoiceAddress"); flag && flag->is_boolean()) {
                     has_address = flag->get<bool>();
                   }
                   return JsonObject({{"voiceSiteId", *id},
                               {"customerCode", text("customerCode")},
                               {"technicalSiteName", text("technicalSiteName")},
                               {"customerSiteLabel", text("customerSiteLabel")},
                               {"country", UpperAscii(text("country"))},
                               {"vpnId", text("vpnId")},
                               {"status", text("status")},
                               {"hasVoiceAddress", has_address},
                               {"voiceAddress", std::move(voice_address)}});
                 });
}

ResponseResult ParseChoices(const Json& body) {
  return MapList(body, {"areas", "geoAreas", "dialZones", "parishes", "values"},
                 "a list of values (text or {value, display})",
                 [](const Json& item, std::size_t) { return Choice(item); });
}

ResponseResult ParsePostalCodes(const Json& body) {
  return MapList(body, {"postalCodes", "postalcodes"}, "a list of postal codes, each with a value",
                 [](const Json& item, std::size_t) { return PostalCode(item); });
}

ResponseResult ParseAddressCandidates(const Json& body) {
  return MapList(body, {"candidates", "addresses"}, "a list of address candidates, each with an address",
                 [](const Json& item, std::size_t index) { return Candidate(item, index); });
}

ResponseResult ParseApiError(const Json& body) {
  if (const std::optional<std::string> text = ScalarText(body)) return ApiErrorFromText(*text);
  // The Business Talk API's "Common error list": a bare list of { code, message, description },
  // every entry a problem, the first one the error's own words.
  const Json* list = body.is_array() ? &body : nullptr;
  const Json* error = list ? nullptr : ObjectOf(body, {"error"});
  if (error != nullptr && !FindMember(*error, "message")) {
    if (const Json* errors = FindMember(*error, "errors"); errors && errors->is_array()) list = errors;
  }
  if (list != nullptr) {
    Json problems = ProblemList(list);
    if (problems.empty()) return Malformed("an error object with a code and a message");
    Json first = problems[0];
    std::string message = first["message"].get<std::string>();
    if (TrimUnicode(message).empty()) message = "The server reported an error without details";
    return JsonObject({{"code", first["code"]},
                       {"message", std::move(message)},
                       {"description", first["description"]},
                       {"problems", std::move(problems)}});
  }
  if (error == nullptr) return Malformed("an error object with a code and a message");
  std::string message = ApiText(*error, {"message", "error_description", "detail", "title"});
  std::string description = ApiText(*error, {"description", "details", "error_description"});
  if (description == message) description.clear();
  if (TrimUnicode(message).empty()) message = description.empty() ? "The server reported an error without details" : description;
  const Json* problems = FindMember(*error, "problems");
  if (problems == nullptr) problems = FindMember(*error, "errors");
  return JsonObject({{"code", CodeOf(*error, {"code", "errorCode", "error", "status"})},
                     {"message", std::move(message)},
                     {"description", std::move(description)},
                     {"problems", ProblemList(problems)}});
}

Json ApiErrorFromText(std::string_view text) {
  const std::string_view trimmed = TrimUnicode(text);
  std::string message;
  if (trimmed.empty()) {
    message = "The server reported an error without details";
  } else if (trimmed[0] == '<') {
    message = "The server answered with a web page instead of an API error";
  } else {
    message = Abbreviate(trimmed, 300);
  }
  return JsonObject({{"code", ""}, {"message", message}, {"description", ""}, {"problems", Json::array()}});
}

}  // namespace btalk
