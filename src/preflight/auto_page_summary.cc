#include "preflight/auto_page_summary.h"

#include "layout/auto_measure.h"

namespace banmian {

AutoPageSummary SummarizeAutoPage(const AutoPageRecord& r, const AutoLayoutRules& rules) {
  AutoPageSummary out;
  out.page = r.page;
  out.label = r.label;
  out.body_col = r.body_col + 1, out.body_cols = r.body_cols;
  out.body_row = r.body_row + 1, out.body_rows = r.body_rows;
  for (const AutoStory& s : r.stories) out.stories.push_back(s.id);
  out.steps = r.nodes;
  out.complete = r.complete;
  out.with_cuts = r.with_cuts;
  auto id = [&](size_t story) {
    return story < r.stories.size() ? r.stories[story].id : std::string();
  };
  for (const ScoredLayout& l : r.layouts) {
    AutoLayoutSummary ls;
    ls.cost = l.cost;
    ls.terms = l.terms;
    for (const AutoModule& m : l.modules) {
      if (m.story >= r.stories.size()) continue;
      const AutoStory& story = r.stories[m.story];
      if (m.shape >= story.shapes.size()) continue;
      const ModuleShape& shape = story.shapes[m.shape];
      AutoModuleSummary ms;
      ms.article = story.id;
      ms.continuation = story.continuation;
      ms.col = r.body_col + m.col + 1, ms.cols = m.cols;
      ms.row = r.body_row + m.row + 1, ms.rows = m.rows;
      if (shape.rung >= 0) ms.headline_style = RungStyle(rules, shape.rung);
      ms.picture_columns = shape.picture_columns;
      ms.picture_above_headline = shape.picture_above_headline;
      ms.picture_trim = PictureTrimAt(shape, m.rows);  // as AutoSlot sets it
      ms.natural_rows = shape.natural_rows;
      if (m.story < l.cut_rows.size()) ms.cut_rows = l.cut_rows[m.story];
      if (m.story < l.hole_rows.size()) ms.hole_rows = l.hole_rows[m.story];
      ls.modules.push_back(std::move(ms));
    }
    for (const RuleBreak& b : l.breaks)
      ls.breaks.push_back(
          {b.rule, id(b.story), b.other != b.story ? id(b.other) : std::string(), b.message});
    out.layouts.push_back(std::move(ls));
  }
  return out;
}

}  // namespace banmian
