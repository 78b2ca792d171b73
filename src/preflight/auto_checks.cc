#include "preflight/auto_checks.h"

#include <algorithm>
#include <string>

#include "preflight/page_places.h"

namespace banmian {

namespace {

std::string Lines(int n) {
  return std::to_string(n) + (n == 1 ? " grid line" : " grid lines");
}

// A finding on auto page `p` as a whole, at its `stories:`.
Finding PageFinding(const AutoPageRecord& p, const Document& doc, Severity severity,
                    const std::string& code) {
  Finding f;
  f.severity = severity;
  f.code = code;
  f.page = p.page;
  f.label = PageLabel(doc, p.page);
  f.pos = p.pos;
  return f;
}

// A finding on module `m` of auto page `p` (the union with `other` when given).
Finding ModuleFinding(const AutoPageRecord& p, const Document& doc, const Paper& paper,
                      Severity severity, const std::string& code, const AutoModule& m,
                      const AutoModule* other = nullptr) {
  Finding f = PageFinding(p, doc, severity, code);
  f.article = p.stories[m.story].id;
  f.where = "slot:" + p.stories[m.story].id;
  int col = m.col, row = m.row, col2 = m.col + m.cols, row2 = m.row + m.rows;
  if (other) {
    col = std::min(col, other->col), row = std::min(row, other->row);
    col2 = std::max(col2, other->col + other->cols),
    row2 = std::max(row2, other->row + other->rows);
  }
  const Area a = paper.GridArea(p.body_col + col, col2 - col, p.body_row + row, row2 - row);
  f.has_area = true;
  f.x = a.x, f.y = a.y, f.width = a.width, f.height = a.height;
  return f;
}

const AutoModule* ModuleOf(const ScoredLayout& l, size_t story) {
  for (const AutoModule& m : l.modules)
    if (m.story == story) return &m;
  return nullptr;
}

}  // namespace

std::vector<Finding> CheckAutoPages(const LayoutReport& report, const Document& doc,
                                    const Paper& paper) {
  std::vector<Finding> out;
  for (const AutoPageRecord& p : report.auto_pages) {
    if (p.layouts.empty()) {
      Finding f = PageFinding(p, doc, Severity::kError, "auto-no-layout");
      std::string locked;
      for (const AutoStory& s : p.stories)
        if (s.col || s.cols || s.row || s.rows)
          locked += (locked.empty() ? "'" : ", '") + s.id + "'";
      f.message = "no layout of the page's " + std::to_string(p.stories.size()) +
                  " stories fits its body area (" + std::to_string(p.body_cols) + " columns, " +
                  Lines(p.body_rows) + "), not even with cuts: " +
                  (locked.empty() ? "move a story to another page"
                                  : "the locks of " + locked +
                                        " leave no room for the rest (or ask for less than "
                                        "a headline and three lines): loosen one");
      out.push_back(f);
      continue;
    }
    const ScoredLayout& l = p.layouts.front();
    for (const RuleBreak& b : l.breaks) {
      const AutoModule* m = ModuleOf(l, b.story);
      const AutoModule* o = ModuleOf(l, b.other);
      if (!m) continue;
      const std::string code = b.rule.rfind("lead-", 0) == 0 ? "auto-lead" : b.rule;
      Finding f = ModuleFinding(p, doc, paper, Severity::kError, code, *m, o != m ? o : nullptr);
      f.message = b.message + (p.complete ? " (no layout of the page keeps this rule)"
                                          : " (the search stopped before it found a layout "
                                            "that keeps this rule)");
      out.push_back(f);
    }
    for (const AutoModule& m : l.modules) {
      const AutoStory& s = p.stories[m.story];
      const int cut = m.story < l.cut_rows.size() ? l.cut_rows[m.story] : 0;
      const int hole = m.story < l.hole_rows.size() ? l.hole_rows[m.story] : 0;
      // What placing really left over of the story on this page (none: it fitted after
      // all, and nothing is to be cut).
      const OversetRecord* left = nullptr;
      for (const OversetRecord& o : report.overset)
        if (o.page == p.page && o.article == s.id) left = &o;
      if (cut > 0 && left) {
        Finding f = ModuleFinding(p, doc, paper, Severity::kError, "auto-cut", m);
        f.count = static_cast<long>(left->characters_left);
        std::string what;
        if (left->characters_left > 0)
          what = "cut about " + std::to_string(left->characters_left) + " characters";
        if (left->pictures_left > 0)
          what += std::string(what.empty() ? "" : " and ") + "set its " +
                  (left->pictures_left == 1 ? "picture" : "pictures") +
                  " smaller (rows=N or a narrower {cols=N}) or leave " +
                  (left->pictures_left == 1 ? "it" : "them") + " out";
        f.message = "'" + s.id + "' does not fit the page whole (" + Lines(cut) + " short at " +
                    std::to_string(m.cols) + " columns): " + what +
                    ", or continue it on a later page with {continues: " + s.id + "}";
        out.push_back(f);
      }
      if (hole > 0) {
        Finding f = ModuleFinding(p, doc, paper, Severity::kError, "auto-hole", m);
        f.count = hole;
        f.message = "the page's stories do not fill its body: '" + s.id + "' leaves " +
                    Lines(hole) + " empty at its foot; add a story or a picture, or lengthen one";
        out.push_back(f);
      }
    }
    if (!p.complete) {
      Finding f = PageFinding(p, doc, Severity::kWarning, "auto-search-stopped");
      f.message = "the layout search stopped after " + std::to_string(p.nodes) +
                  " steps: a better layout may exist; fewer stories or a lock make it shorter";
      out.push_back(f);
    }
  }
  return out;
}

}  // namespace banmian
