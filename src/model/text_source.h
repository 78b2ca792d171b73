// Where each character of a loaded text stands in its source file.
//
// The loader keeps, beside a paragraph's or a title's text, the source line and column of
// its characters, so a later stage can point at one character: normalisation's changes and
// an unpaired quote are reported at their line:col, not at the paragraph's first line.
// Columns count characters (code points), as editors do. Compact: a run of characters that
// stand one after another on one source line is kept as its first character's position.
#pragma once

#include <cstddef>
#include <vector>

#include "model/diagnostic.h"

namespace banmian {

// Code points [start, the next run's start) of the text stand at `line`, `col` + (k − start).
struct SourceRun {
  size_t start = 0;
  int line = 0, col = 0;
};

struct TextSource {
  std::vector<SourceRun> runs;  // in order of start
  size_t length = 0;            // code points of the text the runs cover

  // Appends a character at line:col (a new run unless it continues the last one).
  void Add(int line, int col);
  // Code point `index` of the text, in `fallback`'s file; `fallback` when nothing is known
  // (no runs, or past the text).
  SourcePos At(size_t index, const SourcePos& fallback) const;
};

}  // namespace banmian
