// Normalises Business Talk API response bodies into the shapes of
// docs/contract.md ("parseResponse kinds"). The API is tolerated as it is
// found in the wild: lists bare or wrapped, ids as numbers or text, keys in
// varying case. A body that cannot be read as the expected kind gives
// DocumentError "malformedResponse" naming what was expected.
#ifndef BTALK_API_RESPONSES_H_
#define BTALK_API_RESPONSES_H_

#include <string_view>
#include <variant>

#include "btalk/json_util.h"
#include "btalk/problem.h"

namespace btalk {

using ResponseResult = std::variant<Json, DocumentError>;

// me, customers, vpns, country, countries, orderResponse, voicesites,
// geoAreas, addressCandidates, dialZones, apiError, postalCodes, parishes.
bool IsResponseKind(std::string_view kind);

// DocumentError "unknownKind" for a kind not listed above.
ResponseResult NormalizeResponse(std::string_view kind, const Json& body);

// The kinds an address form reads (country, geoAreas, dialZones, parishes,
// postalCodes, addressCandidates, apiError), dispatched from a table of their
// own: a module that calls only these links none of the order/customer parsers.
bool IsAddressResponseKind(std::string_view kind);
ResponseResult NormalizeAddressResponse(std::string_view kind, const Json& body);

// An apiError from a body that is not JSON (gateway text, HTML page...).
Json ApiErrorFromText(std::string_view text);

ResponseResult ParseMe(const Json& body);                 // {rightsProfile, canOrder}
ResponseResult ParseCustomers(const Json& body);          // [{customerCode, name, contractNumber, type}]
ResponseResult ParseVpns(const Json& body);               // [{vpnId, name, vpnCode}]
ResponseResult ParseCountry(const Json& body);            // {iso2, name, countryCode, covered, coverage}
ResponseResult ParseCountries(const Json& body);          // [{iso2, name, covered}]
ResponseResult ParseOrderResponse(const Json& body);      // {orderId, customerOrderReference, status, voiceSiteId}
ResponseResult ParseVoicesites(const Json& body);         // [{voiceSiteId, ..., hasVoiceAddress}]
ResponseResult ParseChoices(const Json& body);            // geoAreas, dialZones, parishes: [{value, display[, postalCodes]}]
ResponseResult ParsePostalCodes(const Json& body);        // [{value, display, address: {pc, a1?, a2?, a3?, ...}}]
ResponseResult ParseAddressCandidates(const Json& body);  // [{id, label, address}]
ResponseResult ParseApiError(const Json& body);           // {code, message, description, problems}

}  // namespace btalk

#endif  // BTALK_API_RESPONSES_H_
