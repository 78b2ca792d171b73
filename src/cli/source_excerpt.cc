#include "cli/source_excerpt.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "cli/colour.h"
#include "cli/display_width.h"
#include "model/terminal_text.h"
#include "model/utf8.h"

namespace banmian {

namespace {

constexpr int kTabStop = 8;
constexpr int kMostCells = 100;               // a longer line is shown in part, around the caret
constexpr size_t kGutter = 5;                 // the line number's width, as gcc's
constexpr uintmax_t kLargestFile = 64 << 20;  // larger files are not input banmian reads

}  // namespace

std::string ExcerptOfLine(std::string_view text, int line, int col, Severity severity,
                          bool colour) {
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  // Each character as shown, and the cell it starts at.
  struct Piece {
    std::string shown;
    int cell;
  };
  std::vector<Piece> pieces;
  int cells = 0, caret = -1;
  int column = 1;
  for (size_t i = 0; i < text.size(); ++column) {
    if (column == col) caret = cells;
    const size_t start = i;
    const char32_t ch = Utf8Next(text, i);
    if (ch == U'\t') {
      const int spaces = kTabStop - cells % kTabStop;
      pieces.push_back({std::string(static_cast<size_t>(spaces), ' '), cells});
      cells += spaces;
      continue;
    }
    const std::string_view bytes = text.substr(start, i - start);
    std::string escaped = TerminalText(bytes);
    const int width = escaped != bytes ? static_cast<int>(escaped.size()) : DisplayWidth(ch);
    pieces.push_back({std::move(escaped), cells});
    cells += width;
  }
  if (col > 0 && caret < 0) caret = cells;  // at (or past) the line's end
  // A long line is shown from a little before the caret, cut where marked with "…".
  int from = 0, to = cells;
  if (cells > kMostCells) {
    from = std::max(0, std::min(std::max(caret, 0) - kMostCells / 2, cells - kMostCells));
    to = from + kMostCells;
  }
  std::string shown = from > 0 ? "…" : "";
  int shift = from > 0 ? 1 - from : 0;  // where the caret moves to
  bool started = false;
  for (const Piece& p : pieces) {
    if (p.cell < from || p.cell >= to) continue;
    if (!started && from > 0) shift = 1 - p.cell, started = true;
    shown += p.shown;
  }
  if (to < cells) shown += "…";
  std::string number = std::to_string(line);
  if (number.size() < kGutter) number.insert(0, kGutter - number.size(), ' ');
  const std::string blank(number.size(), ' ');
  std::string out = number + " |" + (shown.empty() ? "" : " " + shown) + "\n";
  if (col > 0)
    out += blank + " | " + std::string(static_cast<size_t>(std::max(0, caret + shift)), ' ') +
           Coloured("^", severity, colour) + "\n";
  return out;
}

std::string SourceExcerpt(const SourcePos& pos, Severity severity, bool colour) {
  if (pos.line <= 0 || pos.file.empty()) return "";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(pos.file, ec) ||
      std::filesystem::file_size(pos.file, ec) > kLargestFile || ec)
    return "";
  std::ifstream in(pos.file, std::ios::binary);
  std::string text;
  for (int n = 1; std::getline(in, text); ++n)
    if (n == pos.line) return ExcerptOfLine(text, pos.line, pos.col, severity, colour);
  return "";
}

}  // namespace banmian
