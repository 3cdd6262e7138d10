// SmallSort: a heap sort for the core's few sorts of names and values. O(n log n) in the worst
// case, like std::sort, but a few hundred bytes of wasm per element type where std::sort's
// introsort (with its __sort3/4/5 and insertion-sort helpers) costs about 2 KB each. Not stable:
// only for sorts whose equal elements are interchangeable (strings, string_views of equal text).
#ifndef BTALK_SMALL_SORT_H_
#define BTALK_SMALL_SORT_H_

#include <cstddef>
#include <utility>
#include <vector>

namespace btalk {

template <typename T>
void SmallSort(std::vector<T>& v) {
  T* a = v.data();
  const std::size_t n = v.size();
  // Moves a[root] down the max-heap a[0, end).
  auto sift = [a](std::size_t root, std::size_t end) {
    for (std::size_t child = 2 * root + 1; child < end; root = child, child = 2 * root + 1) {
      if (child + 1 < end && a[child] < a[child + 1]) ++child;
      if (!(a[root] < a[child])) return;
      std::swap(a[root], a[child]);
    }
  };
  for (std::size_t i = n / 2; i-- > 0;) sift(i, n);
  for (std::size_t end = n; end-- > 1;) {
    std::swap(a[0], a[end]);
    sift(0, end);
  }
}

}  // namespace btalk

#endif  // BTALK_SMALL_SORT_H_
