// The facade's answer envelopes, shared by facade.cc and facade_features.cc:
// {"ok": result} or {"error": {"code", "message"[, "problems"]}}.
#ifndef BTALK_SRC_FACADE_ENVELOPE_H_
#define BTALK_SRC_FACADE_ENVELOPE_H_

#include <string>
#include <string_view>
#include <utility>

#include "btalk/json_util.h"
#include "btalk/problem.h"

namespace btalk::envelope {

inline std::string Ok(Json result) {
  Json envelope = Json::object();
  envelope["ok"] = std::move(result);
  return DumpJson(envelope);
}

inline std::string Fail(const std::string& code, const std::string& message, Json problems = Json()) {
  Json error = Json::object();
  error["code"] = code;
  error["message"] = message;
  if (!problems.is_null()) error["problems"] = std::move(problems);
  Json envelope = Json::object();
  envelope["error"] = std::move(error);
  return DumpJson(envelope);
}

// A document's error; its message is led by what the document was ("Address: ...") when `what` is given.
inline std::string Fail(const DocumentError& error, std::string_view what = {}) {
  return Fail(error.code, what.empty() ? error.message : std::string(what) + ": " + error.message);
}

}  // namespace btalk::envelope

#endif  // BTALK_SRC_FACADE_ENVELOPE_H_
