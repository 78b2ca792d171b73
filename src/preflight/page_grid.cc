#include "preflight/page_grid.h"

#include <algorithm>

#include "preflight/auto_layout_text.h"

namespace banmian {

namespace {

std::string Range(int first, int count) {
  if (count <= 1) return std::to_string(first);
  return std::to_string(first) + "–" + std::to_string(first + count - 1);
}

std::string Pad(std::string s, size_t width) {
  size_t chars = 0;  // UTF-8 aware: count lead bytes only
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  if (chars < width) s.append(width - chars, ' ');
  return s;
}

}  // namespace

std::string PageGridText(const Document& doc, const LayoutReport& report, const Paper& paper,
                         const std::vector<std::string>& templates) {
  std::string out;
  for (size_t k = 0; k < doc.pages.size(); ++k) {
    const Page& page = doc.pages[k];
    out += page.label;
    if (k < templates.size()) out += " (" + templates[k] + ")";
    out += ": " + std::to_string(paper.grid.lines) + " grid lines, " +
           std::to_string(paper.grid.columns) + " columns\n";
    size_t name_width = 4;
    for (const ResolvedSlotRecord& s : report.grid.slots)
      if (s.page == page.number) name_width = std::max(name_width, s.slot.size());
    for (const ResolvedSlotRecord& s : report.grid.slots) {
      if (s.page != page.number) continue;
      const char* how = s.rows_mode == RowsMode::kFit    ? " (fit)"
                        : s.rows_mode == RowsMode::kRest ? " (rest)"
                                                         : "";
      out += "  " + Pad(s.slot, name_width) + "  " +
             Pad("cols " + Range(s.area.col + 1, s.area.cols), 10) + "  " +
             Pad("lines " + Range(s.area.row + 1, s.area.rows), 12) + "  " +
             std::to_string(s.area.rows) + how + "\n";
    }
    for (const AutoPageRecord& a : report.auto_pages)
      if (a.page == page.number) out += AutoLayoutText(a, paper);
  }
  return out;
}

}  // namespace banmian
