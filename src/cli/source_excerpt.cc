#include "cli/source_excerpt.h"

#include <filesystem>
#include <fstream>

#include "cli/colour.h"
#include "cli/display_width.h"
#include "model/terminal_text.h"
#include "model/utf8.h"

namespace banmian {

namespace {

constexpr int kTabStop = 8;
constexpr size_t kGutter = 5;                 // the line number's width, as gcc's
constexpr uintmax_t kLargestFile = 64 << 20;  // larger files are not input banmian reads

}  // namespace

std::string ExcerptOfLine(std::string_view text, int line, int col, Severity severity,
                          bool colour) {
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  std::string shown;
  int cells = 0, caret = -1;
  int column = 1;
  for (size_t i = 0; i < text.size(); ++column) {
    if (column == col) caret = cells;
    const size_t start = i;
    const char32_t ch = Utf8Next(text, i);
    if (ch == U'\t') {
      const int spaces = kTabStop - cells % kTabStop;
      shown.append(static_cast<size_t>(spaces), ' ');
      cells += spaces;
      continue;
    }
    const std::string_view bytes = text.substr(start, i - start);
    const std::string escaped = TerminalText(bytes);
    shown += escaped;
    cells += escaped != bytes ? static_cast<int>(escaped.size()) : DisplayWidth(ch);
  }
  if (col > 0 && caret < 0) caret = cells;  // at (or past) the line's end
  std::string number = std::to_string(line);
  if (number.size() < kGutter) number.insert(0, kGutter - number.size(), ' ');
  const std::string blank(number.size(), ' ');
  std::string out = number + " |" + (shown.empty() ? "" : " " + shown) + "\n";
  if (col > 0)
    out += blank + " | " + std::string(static_cast<size_t>(caret), ' ') +
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
