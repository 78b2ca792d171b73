// Automatic layout: an auto page's ranked stories and its body area → modules, each a
// rectangle of whole columns and grid lines, found by a search with a score.
//
// The stories come measured (layout/auto_measure.h): for each, the ways it can be set as a
// module (ModuleShape: columns, headline rung, picture width) and the heights each way
// fills exactly, columns level within one grid line. The search tiles the body area with
// one module per story by guillotine cuts (each cut runs the whole way across the rectangle
// it divides, as a newspaper page's modules do). A table of which story sets tile which
// widths and heights (a dynamic programme over subsets, heights as bit sets) keeps the
// search out of every branch that cannot be completed; a branch and bound over the cuts,
// the heights and the shapes then finds the layouts of least cost. The rules and the score
// are docs/auto-layout.md's: a layout breaking a rule (lead on top, widest and with the
// largest headline; no tombstones; pictures not touching) is chosen only when none keeps
// them all, and its breaks are reported. The search is deterministic: the same stories
// give the same layouts, in the same order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace banmian {

// A set of heights in grid lines (0 … size-1), as bits.
class RowSet {
 public:
  explicit RowSet(int size = 0);
  int size() const { return size_; }
  void Set(int h);
  bool Has(int h) const;
  bool Any() const;
  bool operator==(const RowSet& o) const { return words_ == o.words_; }
  RowSet& operator|=(const RowSet& o);
  RowSet operator&(const RowSet& o) const;
  // Every a + b, a in this, b in `o` (below size): the heights of two stacked rectangles.
  RowSet Sum(const RowSet& o) const;
  std::vector<int> Values() const;

 private:
  int size_ = 0;
  std::vector<uint64_t> words_;
};

// One way to set a story as a module.
struct ModuleShape {
  int cols = 1;
  int rung = 0;        // headline ladder rung (0: the largest); -1: no headline (a continuation)
  int rung_steps = 0;  // rungs below the largest its rank and width allow (the least change)
  int picture_columns = 0;      // columns its picture spans (0: no picture)
  bool picture_chosen = false;  // its width chosen by the search (the Markdown gives none)
  bool picture_above_headline = false;
  // Set in a frame (a box): its headline beside another's is not a tombstone, the box
  // parting them as newspapers part butting headlines.
  bool boxed = false;
  // Its headline set vertically down its right edge (竖排); headline_rows is then 0.
  bool vertical_headline = false;
  // The heights (grid lines) it can be given: those it fills exactly, and those that cut
  // its text (below `natural_rows`) or leave a hole at its foot (above `max_fill_rows`),
  // each at a cost.
  RowSet rows;
  // Of those, the heights it fills exactly (empty: all of `rows` from min_fill_rows to
  // max_fill_rows do); any other height is a cut or a hole.
  RowSet fill_rows;
  // When it fills no height exactly: grid lines its shortest column ends above its tallest
  // at natural_rows (the hole it leaves at any height).
  int level_short = 0;
  int natural_rows = 0;   // all its text, pictures at their own proportions, columns level
  int min_fill_rows = 0;  // the shortest it fills (its picture cropped shorter); 0: natural_rows
  int max_fill_rows = 0;  // the tallest it fills (its pictures made taller, or one blank line)
  // Per height under natural_rows: grid lines its picture is cropped shorter to fill it.
  std::vector<int> picture_trim_at;
  int headline_rows = 0;  // grid lines of its headline block (with the byline)
  int picture_rows = 0;   // grid lines of its picture (with caption) at natural_rows
  bool picture_left = false, picture_right = false;  // its picture meets the module's sides
  int characters_per_row = 0;  // characters a grid line of the module holds (for cuts)
  // The story goes on on a later page (a jump): a module shorter than natural_rows holds
  // a part of it, ended by （下转…）, and what it does not hold is set there, not cut.
  bool continues = false;
};

struct AutoStory {
  std::string id;
  bool continuation = false;
  std::vector<ModuleShape> shapes;
  // The lock, relative to the body area (0-based); unset: the search chooses.
  std::optional<int> col, cols, row, rows;
};

// A module of a layout: story `story` in its shape `shape`, at (col, row) of the body
// area, `cols` × `rows` grid lines.
struct AutoModule {
  size_t story = 0, shape = 0;
  int col = 0, cols = 1, row = 0, rows = 1;
};

// A rule a layout breaks (docs/auto-layout.md §2), about story `story` (and `other`).
struct RuleBreak {
  std::string rule;  // "lead-top", "lead-widest", "lead-headline", "tombstone", "pictures-touch"
  size_t story = 0, other = 0;
  std::string message;
};

// A term of a layout's cost: what it counts and how much it adds.
struct CostTerm {
  std::string what;
  double cost = 0;
};

struct ScoredLayout {
  std::vector<AutoModule> modules;  // in story order
  double cost = 0;                  // the sum of `terms` (breaks count 1000 each)
  std::vector<CostTerm> terms;
  std::vector<RuleBreak> breaks;
  // Per story: grid lines its text is cut by (overset) and grid lines left empty at its foot.
  std::vector<int> cut_rows, hole_rows;
};

struct AutoSearchResult {
  std::vector<ScoredLayout> layouts;  // best first, at most `keep`; empty: no tiling exists
  long nodes = 0;                     // search nodes visited
  bool complete = true;               // false: the node budget ran out before the end
};

struct AutoSearchOptions {
  int keep = 3;                // layouts to keep
  long node_budget = 400'000;  // nodes before the search stops with what it has
};

// The cost of each thing the score counts (docs/auto-layout.md §3).
struct AutoCosts {
  static constexpr double kRuleBreak = 1000;
  static constexpr double kCutRow = 60;     // a grid line of text that does not fit (a cut)
  static constexpr double kCutRank = 10;    // … and this more for each story ranked below it
  static constexpr double kJumpRow = 0.5;   // a grid line a jumped story leaves for its later page
  static constexpr double kHoleRow = 40;    // a grid line left empty beyond the one allowed
  static constexpr double kSlackRow = 0.5;  // the one blank grid line a module may end with
  static constexpr double kPictureRow = 1;  // a grid line a picture is made taller or shorter
  static constexpr double kRungStep = 4;    // a headline one rung smaller than it could be
  static constexpr double kPictureColumn = 2;  // a picture a column narrower than its module
  static constexpr double kAboveOrder = 3;     // a story set above one that ranks higher
  static constexpr double kLeftOrder = 1;      // … at the same height, left of it
  static constexpr double kWiderOrder = 2;     // a story set wider than one that ranks higher
  static constexpr double kVertical = 4;       // a headline set vertically (竖排)
  static constexpr double kBoxed = 3;          // a module set in a box
  static constexpr double kOneColumn = 3;      // a one-column module on a page of four or more
  static constexpr int kDeepColumn = 40;       // grid lines of a module's height before …
  static constexpr double kDeepRow = 0.25;     // … each further one costs this
};

// Tiles a body area `cols` columns × `rows` grid lines with one module per story (stories
// in rank order). The first story starts at the body's top; the first that is not a
// continuation is the lead, the widest with the largest headline. REQUIRES: every
// shape's rows has size rows + 1.
AutoSearchResult SearchLayouts(int cols, int rows, const std::vector<AutoStory>& stories,
                               const AutoSearchOptions& options = {});

// The cost and rule breaks of one complete layout (modules in story order).
ScoredLayout ScoreLayout(int cols, int rows, const std::vector<AutoStory>& stories,
                         std::vector<AutoModule> modules);

}  // namespace banmian
