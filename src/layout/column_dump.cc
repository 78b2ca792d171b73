#include "layout/column_dump.h"

namespace banmian {

std::string DumpColumnEnds(const Document& doc, const LayoutReport& report) {
  std::string out;
  for (const SlotRecord& s : report.slots) {
    std::string label = std::to_string(s.page);
    if (s.page >= 1 && static_cast<size_t>(s.page) <= doc.pages.size())
      label = doc.pages[static_cast<size_t>(s.page) - 1].label;
    out += "columns " + label + " slot:" + s.slot + " " + (s.article.empty() ? "-" : s.article) +
           " rows=" + std::to_string(s.rows);
    if (s.empty) {
      out += " empty\n";
      continue;
    }
    out += " ends=";
    for (size_t i = 0; i < s.column_ends.size(); ++i)
      out += (i ? " " : "") + std::to_string(s.column_ends[i]);
    out += "\n";
  }
  return out;
}

}  // namespace banmian
