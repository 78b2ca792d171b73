#include "cli/did_you_mean.h"

#include <algorithm>

namespace banmian {

size_t EditDistance(std::string_view a, std::string_view b) {
  // d[i][j]: the distance between a's first i bytes and b's first j, row by row.
  const size_t n = b.size();
  std::vector<size_t> before(n + 1), previous(n + 1), current(n + 1);
  for (size_t j = 0; j <= n; ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= n; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    before.swap(previous);
    previous.swap(current);
  }
  return previous[n];
}

std::string DidYouMean(std::string_view typed, const std::vector<std::string>& candidates) {
  const size_t most = typed.size() <= 3 ? 1 : 2;
  // The letters of an option, without its dashes: no suggestion replaces all of them.
  const size_t letters = typed.size() - std::min(typed.find_first_not_of('-'), typed.size());
  std::string best;
  size_t best_distance = most + 1;
  for (const std::string& c : candidates) {
    const size_t d = EditDistance(typed, c);
    if (d < best_distance && d < letters) best = c, best_distance = d;
  }
  return best;
}

}  // namespace banmian
