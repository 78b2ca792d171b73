// An issue: which pages, on which templates, holding which articles.
//
// The validated form of issue.yaml plus the loaded articles and the paper it names.
// Plain values; the pipeline composes it into pages.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/article.h"
#include "model/diagnostic.h"
#include "model/layout.h"

namespace banmian {

// An issue's change to one slot of a template for one page: any of the template's
// geometry keys (`col`, `cols`, `row`, `rows`, `below`, `min_rows`, `max_rows`), given beside
// the article, e.g. `lead: {article: jinbo, rows: fit, max_rows: 40}`.
struct SlotOverride {
  std::optional<int> col, cols, row;  // 0-based col and row
  std::optional<std::vector<std::string>> below;
  std::optional<RowsMode> rows_mode;
  std::optional<int> rows, min_rows, max_rows;
  SourcePos pos;

  bool empty() const {
    return !col && !cols && !row && !below && !rows_mode && !rows && !min_rows && !max_rows;
  }

  // The template's geometry with this override applied (and its position, when it says
  // anything): `row` replaces `below` and the reverse; fixed `rows` replace fit or rest.
  SlotGeometry AppliedTo(SlotGeometry g) const {
    if (empty()) return g;
    if (col) g.col = *col;
    if (cols) g.cols = *cols;
    if (row) g.row = *row, g.below.clear();
    if (below) g.below = *below, g.below_pos = pos;
    if (rows_mode) g.rows_mode = *rows_mode;
    if (rows) g.rows = *rows, g.rows_mode = RowsMode::kFixed;
    if (min_rows) g.min_rows = *min_rows;
    if (max_rows) g.max_rows = *max_rows;
    g.pos = pos;
    return g;
  }
};

struct SlotAssignment {
  std::string slot;
  std::vector<std::string> articles;  // one for a module slot; a stack slot may hold several
  bool continuation = false;  // {continues: id}: the article goes on here from an earlier slot
  // A banner slot's headline ({banner: "…", kicker: "…", subhead: "…"}); empty otherwise.
  std::string banner, banner_kicker, banner_subhead;
  SlotOverride override;
  std::optional<AdSpec> ad;  // an ad slot's ad: `{ad: ads/gongyi.pdf, page: 1, scale: fit}`
  SourcePos pos;
};

// A story of an auto page, in rank order (the lead first): an article, or what is left
// of a continued one (`{continues: id}`), with what the editor locked of its module
// (grid numbers 0-based, relative to the page's grid; unset: banmian chooses).
struct StoryEntry {
  std::string article;
  bool continuation = false;
  std::optional<int> col, cols, row, rows;  // the lock
  SourcePos pos;
  SourcePos lock_pos;  // of `lock:`, when given
};

struct PageSpec {
  std::string template_name;
  std::string label;  // e.g. A01; defaults to the page number
  std::string section;
  std::vector<SlotAssignment> slots;
  std::vector<StoryEntry> stories;  // an auto page's stories, the lead first
  SourcePos stories_pos;
  SourcePos pos;
};

struct Issue {
  std::string dir;
  std::string file;
  std::string paper_id;
  SourcePos paper_pos;  // of `paper:` in issue.yaml, where a paper's problems point
  std::string title, edition, number, date, qr;
  SourcePos qr_pos;  // of `qr:`'s value, where a QR text too long for a code is reported
  std::map<std::string, std::string> fields;
  std::map<std::string, SourcePos> field_pos;
  std::vector<PageSpec> pages;
  std::map<std::string, std::string> article_files;  // id -> path relative to dir
  std::map<std::string, SourcePos> article_pos;
  std::vector<Article> articles;  // loaded, in id order
  Paper paper;

  const Article* FindArticle(const std::string& id) const;
};

}  // namespace banmian
