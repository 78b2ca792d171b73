#include "load/auto_layout_keys.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "model/input_limits.h"

namespace banmian {

namespace {

// "1–6" or "3": a range of columns or grid lines, 0-based in, counted from 1 out.
std::string Range(int first, int count) {
  if (count <= 1) return std::to_string(first + 1);
  return std::to_string(first + 1) + "–" + std::to_string(first + count);
}

}  // namespace

std::string GridCellsText(int col, int cols, int row, int rows) {
  return (cols > 1 ? "columns " : "column ") + Range(col, cols) +
         (rows > 1 ? ", grid lines " : ", grid line ") + Range(row, rows);
}

void ReadAutoLayout(const YAML::Node& node, const YamlSource& src, Paper& paper,
                    Diagnostics& diags) {
  MapReader r(node, src, "auto_layout", {"headlines"}, diags);
  if (!r.ok()) return;
  AutoLayoutRules rules;
  rules.pos = r.Pos();
  if (!r.Has("headlines")) {
    r.ReportMissing("headlines");
    return;
  }
  const YAML::Node list = r.Get("headlines");
  const std::string example = "e.g. - {style: headline_lead, max_rank: 1} then - {style: headline}";
  if (!list.IsSequence()) {
    diags.Error("wrong-type", src.Pos(list),
                "auto_layout: 'headlines' must be a list of rungs, the largest first", example);
    return;
  }
  if (list.size() == 0) {
    diags.Error("bad-value", src.Pos(list), "auto_layout: the headline ladder 'headlines' is empty",
                "list the headline styles from the largest down, " + example);
    return;
  }
  const size_t errors = diags.ErrorCount();
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string what = "auto_layout headline rung " + std::to_string(i + 1);
    MapReader rr(list[i], src, what, {"style", "max_rank", "min_cols"}, diags);
    if (!rr.ok()) continue;
    HeadlineRung rung;
    rung.pos = rr.Pos();
    if (auto v = rr.String("style", true)) {
      if (paper.FindStyle(*v))
        rung.style = *v;
      else
        diags.Error("unknown-style", src.Pos(rr.Get("style")),
                    what + ": style '" + *v + "' is not declared in paper.yaml",
                    DidYouMean(*v, KeysOf(paper.styles)));
    }
    if (auto v = rr.Int("max_rank", false, 1, 1000)) rung.max_rank = *v;
    if (auto v = rr.Int("min_cols", false, 1, 1000)) {
      if (*v > paper.grid.columns)
        diags.Error("outside-grid", src.Pos(rr.Get("min_cols")),
                    what + ": min_cols " + std::to_string(*v) + " is more than the grid's " +
                        std::to_string(paper.grid.columns) + " columns",
                    "no module could take this rung");
      else
        rung.min_cols = *v;
    }
    rules.headlines.push_back(rung);
  }
  if (diags.ErrorCount() > errors) return;
  const HeadlineRung& last = rules.headlines.back();
  if (last.max_rank || last.min_cols) {
    std::string limits;
    if (last.max_rank)
      limits = "stories ranked " + std::string(last.max_rank > 1 ? "1 to " : "") +
               std::to_string(last.max_rank);
    if (last.min_cols)
      limits += (limits.empty() ? "" : " in ") + std::string("modules of ") +
                std::to_string(last.min_cols) + " columns or more";
    diags.Error("headline-ladder", last.pos,
                "auto_layout: the headline ladder's last rung (style '" + last.style +
                    "') takes only " + limits + ": any other module would have no headline style",
                "end the ladder with a rung for any story");
    return;
  }
  paper.auto_layout = rules;
}

std::optional<BodyArea> ReadBodyArea(const YAML::Node& node, const YamlSource& src,
                                     const PageTemplate& page_template, const Paper& paper,
                                     Diagnostics& diags) {
  MapReader r(node, src, "the body area", {"col", "cols", "row", "rows"}, diags);
  if (!r.ok()) return std::nullopt;
  const Grid& g = paper.grid;
  BodyArea body;
  body.pos = r.Pos();
  const size_t errors = diags.ErrorCount();
  auto col = r.Int("col", true, 1, 1000), cols = r.Int("cols", true, 1, 1000);
  auto row = r.Int("row", true, 1, 10000);
  if (col && cols && *col + *cols - 1 > g.columns)
    diags.Error("outside-grid", r.KeyPos("cols"),
                "the body area reaches column " + std::to_string(*col + *cols - 1) +
                    " but the grid has " + std::to_string(g.columns) + " columns");
  if (row && *row > g.lines) {
    diags.Error("outside-grid", r.KeyPos("row"),
                "the body area starts on grid line " + std::to_string(*row) + " but the page has " +
                    std::to_string(g.lines) + " grid lines");
    row.reset();  // its rows are not counted from there
  }
  const YAML::Node rows = r.Get("rows");
  std::optional<int> fixed;
  if (!rows.IsDefined()) {
    r.ReportMissing("rows");
  } else if (rows.IsScalar() && rows.Scalar() == "rest") {
    body.rest = true;
  } else if (rows.IsScalar() && !rows.Scalar().empty() &&
             rows.Scalar().find_first_not_of("0123456789-+") != std::string::npos) {
    diags.Error(
        "bad-value", src.Pos(rows),
        "the body area: 'rows' takes a number of grid lines or rest, not '" + rows.Scalar() + "'",
        DidYouMean(rows.Scalar(), {"rest"}).empty() ? "write rows: 80 or rows: rest"
                                                    : DidYouMean(rows.Scalar(), {"rest"}));
  } else if ((fixed = r.Int("rows", true, 1, 10000)) && row && *row + *fixed - 1 > g.lines) {
    diags.Error("outside-grid", r.KeyPos("rows"),
                "the body area reaches grid line " + std::to_string(*row + *fixed - 1) +
                    " but the page has " + std::to_string(g.lines) + " grid lines",
                "give it fewer rows, or rows: rest to take what is left");
  }
  if (diags.ErrorCount() > errors || !col || !cols || !row) return std::nullopt;
  body.col = *col - 1, body.cols = *cols, body.row = *row - 1;
  if (fixed) body.rows = *fixed;
  if (body.rest) {
    // Down to the first region below its top that shares its columns, else the grid's foot.
    const Area top = paper.GridArea(body.col, body.cols, body.row, 1);
    const double eps = 0.5;
    body.rows = g.lines - body.row;
    const Region* stop = nullptr;
    for (const Region& reg : page_template.regions) {
      const Area& a = reg.area;
      if (!(a.x < top.x + top.width - eps && top.x < a.x + a.width - eps)) continue;
      if (a.y + a.height <= top.y + eps || a.y <= top.y + eps) continue;  // not below its top
      const int lines = static_cast<int>(std::floor((a.y - top.y) / g.line_pitch + 1e-6));
      if (lines < body.rows) body.rows = lines, stop = &reg;
    }
    if (body.rows < 1) {
      diags.Error("outside-grid", r.KeyPos("rows"),
                  "the body area (rows: rest) has no grid line: region '" + stop->name +
                      "' starts within grid line " + std::to_string(body.row + 1) +
                      ", the body's first",
                  "start the body lower, or move the region");
      return std::nullopt;
    }
  }
  // The body holds the stories: no furniture and no slot of the template in it.
  const Area area = paper.GridArea(body.col, body.cols, body.row, body.rows);
  const std::string mine =
      "the body area (" + GridCellsText(body.col, body.cols, body.row, body.rows) + ")";
  for (const Region& reg : page_template.regions) {
    if (!reg.area.Overlaps(area)) continue;
    const Area& a = reg.area;
    const std::string where = a.on_grid ? GridCellsText(a.col, a.cols, a.row, a.rows)
                                        : "its page area at line " + std::to_string(a.pos.line);
    diags.Error("body-overlap", body.pos,
                mine + " overlaps region '" + reg.name + "' (" + where + ")",
                body.rest ? "move the region out of the body's columns, or start the body below it"
                          : "the body holds the stories and no furniture: shorten the body "
                            "(rows: rest stops above the region) or move the region");
  }
  for (const Slot& s : page_template.slots) {
    // A slot below others is placed page by page; one with its own top is checked here at
    // its least height.
    if (!s.geometry.below.empty()) continue;
    const Area& a = s.area;
    if (a.col < body.col + body.cols && body.col < a.col + a.cols && a.row < body.row + body.rows &&
        body.row < a.row + a.rows)
      diags.Error("body-overlap", body.pos,
                  mine + " overlaps slot '" + s.name + "' (" +
                      (s.geometry.rows_mode == RowsMode::kFixed
                           ? GridCellsText(a.col, a.cols, a.row, a.rows)
                           : GridCellsText(a.col, a.cols, a.row, 1) + " and down") +
                      ")",
                  "a slot of an auto template lies outside its body: move one of them");
  }
  if (diags.ErrorCount() > errors) return std::nullopt;
  return body;
}

bool ReadStories(const YAML::Node& list, const YamlSource& src, const std::string& what,
                 PageSpec& page, Diagnostics& diags) {
  page.stories_pos = src.Pos(list);
  if (!list.IsSequence()) {
    diags.Error("wrong-type", src.Pos(list),
                what + ": 'stories' must be a list of article ids, the lead first",
                "write stories: [id, id, …] or one - id per line");
    return false;
  }
  if (list.size() == 0) {
    diags.Error("bad-value", src.Pos(list), what + ": 'stories' is empty",
                "list the page's stories, the lead first, or leave the page out");
    return false;
  }
  if (list.size() > static_cast<size_t>(kMaxAutoStories)) {
    diags.Error("bad-value", src.Pos(list),
                what + ": 'stories' lists " + std::to_string(list.size()) +
                    " stories; an auto page holds at most " + std::to_string(kMaxAutoStories),
                "move some to another page, or give the briefs a stack slot of the template");
    return false;
  }
  const size_t errors = diags.ErrorCount();
  for (size_t i = 0; i < list.size(); ++i) {
    const YAML::Node item = list[i];
    const std::string story = what + " story " + std::to_string(i + 1);
    StoryEntry e;
    e.pos = src.Pos(item);
    if (item.IsScalar() && !item.Scalar().empty()) {
      e.article = item.Scalar();
      page.stories.push_back(e);
      continue;
    }
    if (!item.IsMap()) {
      diags.Error("wrong-type", e.pos, story + " must be an article id or a mapping",
                  "write - id, - {article: id, lock: {col: 1, cols: 4}} or - {continues: id}");
      continue;
    }
    MapReader m(item, src, story, {"article", "continues", "lock"}, diags);
    if (m.Has("article") && m.Has("continues")) {
      diags.Error("bad-value", m.KeyPos("continues"),
                  story + " gives both 'article' and 'continues'; it takes one of them");
      continue;
    }
    if (!m.Has("article") && !m.Has("continues")) {
      diags.Error("missing-key", e.pos, story + " needs 'article' or 'continues'",
                  "write {article: id, lock: {…}} or {continues: id}");
      continue;
    }
    e.continuation = m.Has("continues");
    if (auto v = m.String(e.continuation ? "continues" : "article", true)) e.article = *v;
    if (m.Has("lock")) {
      MapReader l(m.Get("lock"), src, story + " lock", {"col", "cols", "row", "rows"}, diags);
      e.lock_pos = m.KeyPos("lock");
      if (l.ok()) {
        if (auto v = l.Int("col", false, 1, 1000)) e.col = *v - 1;
        if (auto v = l.Int("cols", false, 1, 1000)) e.cols = *v;
        if (auto v = l.Int("row", false, 1, 10000)) e.row = *v - 1;
        if (auto v = l.Int("rows", false, 1, 10000)) e.rows = *v;
        if (!l.Has("col") && !l.Has("cols") && !l.Has("row") && !l.Has("rows"))
          diags.Error("bad-value", e.lock_pos, story + ": the lock locks nothing",
                      "give it any of col, cols, row and rows, or leave 'lock' out");
      }
    }
    page.stories.push_back(e);
  }
  return diags.ErrorCount() == errors;
}

void CheckStoryLock(const StoryEntry& s, const BodyArea& b, const std::string& what,
                    Diagnostics& diags) {
  std::string problem;
  if (s.col && (*s.col < b.col || *s.col >= b.col + b.cols))
    problem = "starts in column " + std::to_string(*s.col + 1);
  else if (s.cols && s.col && *s.col + *s.cols > b.col + b.cols)
    problem = "reaches column " + std::to_string(*s.col + *s.cols);
  else if (s.cols && *s.cols > b.cols)
    problem = "spans " + std::to_string(*s.cols) + " columns";
  else if (s.row && (*s.row < b.row || *s.row >= b.row + b.rows))
    problem = "starts on grid line " + std::to_string(*s.row + 1);
  else if (s.rows && s.row && *s.row + *s.rows > b.row + b.rows)
    problem = "reaches grid line " + std::to_string(*s.row + *s.rows);
  else if (s.rows && *s.rows > b.rows)
    problem = "takes " + std::to_string(*s.rows) + " grid lines";
  if (problem.empty()) return;
  const std::string cells = GridCellsText(b.col, b.cols, b.row, b.rows);
  diags.Error("lock-outside-body", s.lock_pos,
              what + ": the lock " + problem + ", outside the template's body area (" + cells + ")",
              "a locked module lies inside the body: " + cells);
}

}  // namespace banmian
