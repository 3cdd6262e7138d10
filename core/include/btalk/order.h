// The voicesite order: checks what the customer typed and builds the body of
// POST /customers/{code}/orders/voicesite.
#ifndef BTALK_ORDER_H_
#define BTALK_ORDER_H_

#include <string>
#include <variant>
#include <vector>

#include "btalk/json_util.h"
#include "btalk/problem.h"

namespace btalk {

struct VoicesiteOrder {
  std::string customer_order_reference;  // 1..64, no control characters
  std::string technical_site_name;       // 1..50, ASCII letters, digits, _ and -
  std::string customer_site_label;       // 1..100
  std::string country;                   // ISO 3166 alpha-2, e.g. "FR"
  std::string vpn_id;                    // 1..64
};

// The order as typed, with fields that are not text (arrays, objects...)
// listed so validation can report them as typeMismatch.
struct OrderInput {
  VoicesiteOrder order;
  std::vector<std::string> non_text_fields;
};

// Reads {"customerOrderReference", "technicalSiteName", "customerSiteLabel",
// "country", "vpnId"}; numbers are accepted as text, unknown keys ignored.
std::variant<OrderInput, DocumentError> OrderFromJson(const Json& document);

// Problems in the order above, one per field at most.
std::vector<Problem> ValidateOrder(const OrderInput& input);

// The order with values trimmed and the country upper-cased.
VoicesiteOrder NormalizeOrder(const VoicesiteOrder& order);

// {"customerOrderReference", "parameters": {"technicalSiteName",
// "customerSiteLabel", "country", "vpnId"}} from a normalised order.
Json OrderRequestBody(const VoicesiteOrder& order);

// What an order comes to, in one pass: its problems (ValidateOrder's, never
// empty), or, when it has none, the body of its request
// (OrderRequestBody(NormalizeOrder(...))). The one entry the order element
// and the client use, so an order is validated once on its way to the API.
using OrderOutcome = std::variant<std::vector<Problem>, Json>;
OrderOutcome PrepareOrder(const OrderInput& input);

}  // namespace btalk

#endif  // BTALK_ORDER_H_
