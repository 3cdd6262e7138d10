// Read-only access to a pattern's parse tree, for tools that reason about a
// pattern instead of matching with it (format_example.h builds samples).
//
// The tree is the one Regex::Compile builds, with the same dialect, limits
// and errors: a pattern that does not compile has no tree.
#ifndef BTALK_REGEX_AST_H_
#define BTALK_REGEX_AST_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace btalk {

struct RegexAst {
  enum Kind : std::uint8_t { kEmpty, kChar, kClass, kAssert, kConcat, kAlt, kRepeat };
  enum Assertion : std::uint8_t { kBegin, kEnd, kWordBoundary, kNotWordBoundary };
  static constexpr std::uint32_t kInfinite = 0xFFFFFFFF;

  struct Range {
    char32_t lo, hi;  // inclusive
  };
  struct Node {
    Kind kind;
    // kChar: a = code point. kClass: ranges[a, b), sorted and disjoint.
    // kAssert: a = Assertion. kRepeat: a = min, b = max (kInfinite = none),
    // kids[0] = what repeats. kConcat / kAlt: kids in order.
    std::uint32_t a, b;
    std::vector<std::uint32_t> kids;
  };

  std::vector<Node> nodes;
  std::vector<Range> ranges;
  std::uint32_t root = 0;
};

// The parse tree of `pattern`, or nullopt when Regex::Compile would refuse it
// at parse time (syntax, size, nesting, UTF-8). Bounded like Compile.
std::optional<RegexAst> ParseRegexAst(std::string_view pattern);

}  // namespace btalk

#endif  // BTALK_REGEX_AST_H_
