#include "btalk/json_util.h"

#include <cmath>
#include <cstdlib>
#include <utility>

#include "btalk/utf8.h"

namespace btalk {
namespace {

// Nesting depth of JSON text, counted without parsing (strings skipped), so
// hostile input like 100k nested arrays is refused in one linear pass.
std::size_t MaxDepth(std::string_view text) {
  std::size_t depth = 0, max_depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) max_depth = depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return max_depth;
}

// 2^53: above it, doubles (and JS numbers) no longer hold every whole number.
constexpr std::uint64_t kMaxSafeWhole = std::uint64_t{1} << 53;

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

using Lexer = nlohmann::detail::lexer<Json, decltype(nlohmann::detail::input_adapter(
                                                std::declval<std::string_view>().begin(),
                                                std::declval<std::string_view>().end()))>;
using Token = Lexer::token_type;

// One JSON value starting at `token` (already scanned) into `out`; on
// return `token` is the one after it. Recursion depth is bounded by
// MaxDepth's check before parsing. Same DOM as nlohmann's parser: the last
// of duplicate keys wins, and non-finite numbers (1e999) are refused.
bool ParseValue(Lexer& lexer, Token& token, Json& out) {
  switch (token) {
    case Token::begin_array: {
      out = Json::array();
      Json::array_t& items = out.get_ref<Json::array_t&>();
      token = lexer.scan();
      if (token == Token::end_array) break;
      for (;;) {
        items.emplace_back();
        if (!ParseValue(lexer, token, items.back())) return false;
        if (token == Token::end_array) break;
        if (token != Token::value_separator) return false;
        token = lexer.scan();
      }
      break;
    }
    case Token::begin_object: {
      out = Json::object();
      Json::object_t& members = out.get_ref<Json::object_t&>();
      token = lexer.scan();
      if (token == Token::end_object) break;
      for (;;) {
        if (token != Token::value_string) return false;
        Json& member = members[std::move(lexer.get_string())];
        if (lexer.scan() != Token::name_separator) return false;
        token = lexer.scan();
        if (!ParseValue(lexer, token, member)) return false;
        if (token == Token::end_object) break;
        if (token != Token::value_separator) return false;
        token = lexer.scan();
      }
      break;
    }
    case Token::literal_null: out = nullptr; break;
    case Token::literal_true: out = true; break;
    case Token::literal_false: out = false; break;
    case Token::value_integer: out = lexer.get_number_integer(); break;
    case Token::value_unsigned: out = lexer.get_number_unsigned(); break;
    case Token::value_float: {
      const double d = lexer.get_number_float();
      if (!std::isfinite(d)) return false;
      out = d;
      break;
    }
    case Token::value_string: out = std::move(lexer.get_string()); break;
    default: return false;
  }
  token = lexer.scan();
  return true;
}

}  // namespace

std::variant<Json, DocumentError> ParseJson(std::string_view text) {
  if (text.size() > kMaxDocumentBytes) {
    return DocumentError{"invalidJson", "The document is too large (" + std::to_string(text.size()) +
                                            " bytes; the limit is " + std::to_string(kMaxDocumentBytes) +
                                            " bytes)"};
  }
  if (IsBlank(text)) return DocumentError{"invalidJson", "The document is empty"};
  if (MaxDepth(text) > kMaxJsonDepth) {
    return DocumentError{"invalidJson", "The document is nested too deeply (more than " +
                                            std::to_string(kMaxJsonDepth) + " levels)"};
  }
  // nlohmann's lexer does the hard parts (escapes, UTF-8, numbers); the
  // grammar is walked here. nlohmann's own parser keeps a std::vector<bool>
  // of open containers and builds a parse_error exception object (what()
  // text, typeinfo) for every error even when it never throws: ~4 KB of
  // wasm for a message we replace anyway.
  Lexer lexer(nlohmann::detail::input_adapter(text.begin(), text.end()), /*ignore_comments_=*/false);
  Token token = lexer.scan();
  Json value;
  if (!ParseValue(lexer, token, value) || token != Token::end_of_input) {
    return DocumentError{"invalidJson", "The document is not valid JSON"};
  }
  return value;
}

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

Json JsonObject(std::initializer_list<std::pair<const char*, Json>> members) {
  Json out = Json::object();
  for (const auto& member : members) out[member.first] = member.second;
  return out;
}

std::string DumpJson(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string QuotedJson(const Json& value) { return Abbreviate(DumpJson(value), 40); }

const Json* FindMember(const Json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  if (it != obj.end()) return &*it;
  for (auto member = obj.begin(); member != obj.end(); ++member) {
    if (EqualsIgnoreCase(member.key(), key)) return &member.value();
  }
  return nullptr;
}

std::optional<std::string> ScalarText(const Json& value) {
  if (value.is_string()) return value.get_ref<const std::string&>();
  if (value.is_number()) return DumpJson(value);
  return std::nullopt;
}

std::optional<double> NumberOf(const Json& value) {
  if (value.is_number()) {
    const double d = value.get<double>();
    if (std::isfinite(d)) return d;
    return std::nullopt;
  }
  if (!value.is_string()) return std::nullopt;
  std::string_view text = TrimUnicode(value.get_ref<const std::string&>());
  if (text.empty() || text.size() > 64) return std::nullopt;
  bool digit_seen = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digit_seen = true;
    } else if (c != '+' && c != '-' && c != '.' && c != 'e' && c != 'E') {
      return std::nullopt;  // no "inf", "nan", hex floats
    }
  }
  if (!digit_seen) return std::nullopt;
  const std::string copy(text);
  char* end = nullptr;
  const double d = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

std::optional<std::uint64_t> NonNegativeInteger(const Json& value) {
  if (value.is_number_unsigned()) {
    const std::uint64_t n = value.get<std::uint64_t>();
    if (n > kMaxSafeWhole) return std::nullopt;
    return n;
  }
  if (value.is_number_integer()) {
    const std::int64_t n = value.get<std::int64_t>();
    if (n < 0 || static_cast<std::uint64_t>(n) > kMaxSafeWhole) return std::nullopt;
    return static_cast<std::uint64_t>(n);
  }
  const std::optional<double> d = NumberOf(value);
  if (!d || *d < 0 || *d > static_cast<double>(kMaxSafeWhole) || std::floor(*d) != *d) return std::nullopt;
  return static_cast<std::uint64_t>(*d);
}

bool IsUnicodeSpace(char32_t cp) {
  if (cp <= 0x20) return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D);
  switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

std::string_view TrimUnicode(std::string_view text) {
  // Fast path (every keystroke of a typical value): an ASCII byte is always a
  // code point of its own, so ASCII non-space ends mean nothing to trim.
  auto solid = [](char c) { return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7F; };
  if (!text.empty() && solid(text.front()) && solid(text.back())) return text;
  std::size_t pos = 0, begin = text.size(), end = 0;
  char32_t cp;
  while (true) {
    const std::size_t start = pos;
    if (!DecodeNext(text, pos, cp)) break;
    if (!IsUnicodeSpace(cp)) {
      if (begin == text.size()) begin = start;
      end = pos;
    }
  }
  if (begin >= end) return std::string_view();
  return text.substr(begin, end - begin);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

std::string UpperAscii(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

std::string Abbreviate(std::string_view text, std::size_t max_code_points) {
  std::size_t pos = 0, count = 0;
  char32_t cp;
  while (count < max_code_points && DecodeNext(text, pos, cp)) ++count;
  if (pos >= text.size()) return std::string(text);
  return std::string(text.substr(0, pos)) + "...";
}

}  // namespace btalk
