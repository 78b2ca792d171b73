#include "model/text_source.h"

#include <algorithm>

namespace banmian {

void TextSource::Add(int line, int col) {
  if (!runs.empty()) {
    const SourceRun& last = runs.back();
    if (last.line == line &&
        static_cast<size_t>(last.col) + (length - last.start) == static_cast<size_t>(col)) {
      ++length;
      return;
    }
  }
  runs.push_back({length, line, col});
  ++length;
}

SourcePos TextSource::At(size_t index, const SourcePos& fallback) const {
  if (runs.empty() || index >= length) return fallback;
  auto it = std::upper_bound(runs.begin(), runs.end(), index,
                             [](size_t i, const SourceRun& r) { return i < r.start; });
  if (it == runs.begin()) return fallback;
  --it;
  return {fallback.file, it->line, it->col + static_cast<int>(index - it->start)};
}

}  // namespace banmian
