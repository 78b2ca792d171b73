// An auto page's search as plain values for people and programs: report.json's
// `auto_pages` (docs/report.md) and the watch preview's alternatives under each auto page
// (docs/watch.md) are both written from it, so they say the same.
//
// Made from the page builder's AutoPageRecord (layout/layout_report.h): the body area and
// every module's place counted from 1, as the files count; each module's story by article
// id with the headline style and picture columns of the shape the search chose.
#pragma once

#include <string>
#include <vector>

#include "layout/layout_report.h"
#include "model/layout.h"

namespace banmian {

struct AutoModuleSummary {
  std::string article;
  bool continuation = false;                 // {continues: id}: no headline of its own
  int col = 1, cols = 1, row = 1, rows = 1;  // grid, from 1
  std::string headline_style;                // "" for a continuation
  int picture_columns = 0;                   // 0: no picture
  bool picture_above_headline = false;
  int picture_trim = 0;             // grid lines its first picture is cropped shorter
  int natural_rows = 0;             // what it needs, pictures at their own proportions
  int cut_rows = 0, hole_rows = 0;  // text cut off, blank grid lines left at its foot
};

struct AutoBreakSummary {
  std::string rule;            // lead-top, lead-widest, lead-headline, tombstone, pictures-touch
  std::string article, other;  // the story it is about and, for a pair, the other ("" if none)
  std::string message;
};

struct AutoLayoutSummary {
  double cost = 0;
  std::vector<AutoModuleSummary> modules;  // in story order
  std::vector<CostTerm> terms;
  std::vector<AutoBreakSummary> breaks;
};

struct AutoPageSummary {
  int page = 0;  // 1-based
  std::string label;
  int body_col = 1, body_cols = 1, body_row = 1, body_rows = 1;  // grid, from 1
  std::vector<std::string> stories;                              // article ids in rank order
  long steps = 0;                                                // search steps (nodes) visited
  bool complete = true;                                          // the search ran to its end
  bool with_cuts = false;                  // no layout filled the body exactly
  std::vector<AutoLayoutSummary> layouts;  // best first; the first is the one set
};

AutoPageSummary SummarizeAutoPage(const AutoPageRecord& record, const AutoLayoutRules& rules);

}  // namespace banmian
