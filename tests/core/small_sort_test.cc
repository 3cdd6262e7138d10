#include "btalk/small_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace btalk {
namespace {

// Every size up to 300, with many equal values, sorted or reversed or not: the same order as std::sort.
TEST(SmallSortTest, SortsLikeStdSort) {
  unsigned seed = 12345;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  for (std::size_t n = 0; n <= 300; ++n) {
    for (int shape = 0; shape < 3; ++shape) {
      std::vector<std::string> strings;
      for (std::size_t i = 0; i < n; ++i) strings.push_back(std::string(next() % 4, static_cast<char>('a' + next() % 5)));
      if (shape == 1) std::sort(strings.begin(), strings.end());
      if (shape == 2) std::sort(strings.rbegin(), strings.rend());
      const std::vector<std::string> texts = strings;  // what the views see, unmoved
      std::vector<std::string_view> views(texts.begin(), texts.end());
      std::vector<std::string> expected = strings;
      std::sort(expected.begin(), expected.end());
      SmallSort(strings);
      SmallSort(views);
      ASSERT_EQ(strings, expected) << "n=" << n << " shape=" << shape;
      ASSERT_EQ(std::vector<std::string>(views.begin(), views.end()), expected) << "n=" << n << " shape=" << shape;
    }
  }
}

}  // namespace
}  // namespace btalk
