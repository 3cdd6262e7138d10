// The parse tree for formatExample (regex_ast.h): a copy of the parser's nodes.
#include "btalk/regex_ast.h"

#include <utility>

#include "regex_internal.h"
#include "btalk/utf8.h"

// --- Parse-tree access (regex_ast.h): a copy of the parser's nodes. --------
namespace btalk {
using namespace regex_internal;

static_assert(RegexAst::kRepeat == static_cast<RegexAst::Kind>(Node::kRepeat) &&
                  RegexAst::kChar == static_cast<RegexAst::Kind>(Node::kChar),
              "RegexAst::Kind mirrors Node::Kind");

std::optional<RegexAst> ParseRegexAst(std::string_view pattern) {
  if (pattern.size() > Regex::kMaxPatternBytes || ValidUtf8Prefix(pattern) < pattern.size()) return std::nullopt;
  ParsedPattern parser;
  const std::uint32_t root = ParsePattern(pattern, parser);
  if (root == kNoNode) return std::nullopt;
  RegexAst ast;
  ast.root = root;
  ast.nodes.reserve(parser.nodes.size());
  for (Node& n : parser.nodes) {
    std::uint32_t a = n.a;
    if (n.kind == Node::kAssert) {
      a = n.a == kBegin ? RegexAst::kBegin
          : n.a == kEnd ? RegexAst::kEnd
          : n.a == kWordB ? RegexAst::kWordBoundary
                          : RegexAst::kNotWordBoundary;
    }
    ast.nodes.push_back({static_cast<RegexAst::Kind>(n.kind), a, n.b, std::move(n.kids)});
  }
  for (const Range& r : parser.ranges) ast.ranges.push_back({r.lo, r.hi});
  return ast;
}

}  // namespace btalk
