#include "preflight/auto_layout_text.h"

#include <algorithm>
#include <cstdio>

#include "layout/auto_measure.h"

namespace banmian {

namespace {

std::string Range(int first, int count) {
  if (count <= 1) return std::to_string(first);
  return std::to_string(first) + "–" + std::to_string(first + count - 1);
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

std::string AutoLayoutText(const AutoPageRecord& r, const Paper& paper) {
  std::string out =
      "  auto layout: " + std::to_string(r.stories.size()) + " stories, " +
      std::to_string(r.layouts.size()) + (r.layouts.size() == 1 ? " layout" : " layouts") + " (" +
      std::to_string(r.nodes) + " search steps" + (r.complete ? "" : ", stopped before the end") +
      ")" + (r.with_cuts ? "; no layout fills the body exactly: cuts and holes allowed" : "") +
      "\n";
  size_t width = 4;
  for (const AutoStory& s : r.stories) width = std::max(width, s.id.size());
  for (size_t i = 0; i < r.layouts.size(); ++i) {
    const ScoredLayout& l = r.layouts[i];
    out +=
        "  " + std::to_string(i + 1) + ". cost " + Number(l.cost) + (i == 0 ? " (set)" : "") + "\n";
    for (const AutoModule& m : l.modules) {
      const AutoStory& s = r.stories[m.story];
      const ModuleShape& shape = s.shapes[m.shape];
      std::string line = "     " + s.id + std::string(width - s.id.size(), ' ') + "  cols " +
                         Range(r.body_col + m.col + 1, m.cols) + "  lines " +
                         Range(r.body_row + m.row + 1, m.rows) + "  ";
      line += s.continuation ? "continued" : RungStyle(paper.auto_layout, shape.rung);
      if (shape.picture_columns > 0)
        line += ", picture " + std::to_string(shape.picture_columns) + " cols" +
                (shape.picture_above_headline ? " above the headline" : "");
      if (shape.boxed) line += ", boxed";
      if (shape.vertical_headline) line += ", vertical headline";
      line += "; needs " + std::to_string(shape.natural_rows) + " lines, ";
      if (shape.fill_rows.size() > 0 && !shape.fill_rows.Any())
        line +=
            "fills none (its columns end " + std::to_string(shape.level_short) + " lines apart)";
      else
        line += "fills " +
                std::to_string(shape.min_fill_rows > 0 ? shape.min_fill_rows : shape.natural_rows) +
                "–" + std::to_string(shape.max_fill_rows);
      out += line + "\n";
    }
    for (const CostTerm& t : l.terms) out += "       +" + Number(t.cost) + "  " + t.what + "\n";
  }
  return out;
}

}  // namespace banmian
