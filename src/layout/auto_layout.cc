#include "layout/auto_layout.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace banmian {

RowSet::RowSet(int size) : size_(std::max(0, size)), words_((size_ + 63) / 64, 0) {}

void RowSet::Set(int h) {
  if (h < 0 || h >= size_) return;
  words_[static_cast<size_t>(h) / 64] |= uint64_t{1} << (h % 64);
}

bool RowSet::Has(int h) const {
  if (h < 0 || h >= size_) return false;
  return (words_[static_cast<size_t>(h) / 64] >> (h % 64)) & 1;
}

bool RowSet::Any() const {
  return std::any_of(words_.begin(), words_.end(), [](uint64_t w) { return w != 0; });
}

RowSet& RowSet::operator|=(const RowSet& o) {
  for (size_t i = 0; i < words_.size() && i < o.words_.size(); ++i) words_[i] |= o.words_[i];
  return *this;
}

RowSet RowSet::operator&(const RowSet& o) const {
  RowSet r(size_);
  for (size_t i = 0; i < words_.size() && i < o.words_.size(); ++i)
    r.words_[i] = words_[i] & o.words_[i];
  return r;
}

RowSet RowSet::Sum(const RowSet& o) const {
  RowSet r(size_);
  const size_t n = words_.size();
  for (int a : Values()) {
    // r |= o << a
    const size_t ws = static_cast<size_t>(a) / 64;
    const int bs = a % 64;
    for (size_t i = n; i-- > ws;) {
      const size_t from = i - ws;
      uint64_t v = o.words_[from] << bs;
      if (bs != 0 && from > 0) v |= o.words_[from - 1] >> (64 - bs);
      r.words_[i] |= v;
    }
  }
  // Heights past the set's size are dropped.
  if (size_ % 64 != 0 && n > 0) r.words_[n - 1] &= (uint64_t{1} << (size_ % 64)) - 1;
  return r;
}

std::vector<int> RowSet::Values() const {
  std::vector<int> out;
  for (size_t i = 0; i < words_.size(); ++i) {
    uint64_t w = words_[i];
    while (w) {
      const int b = std::countr_zero(w);
      out.push_back(static_cast<int>(i) * 64 + b);
      w &= w - 1;
    }
  }
  return out;
}

namespace {

// The grid lines a module's picture takes at height h: its natural rows, made taller or
// shorter with the module while the module fills (a cut or a hole leaves it as it is).
int FillLow(const ModuleShape& s) {
  return s.min_fill_rows > 0 ? std::min(s.min_fill_rows, s.natural_rows) : s.natural_rows;
}

int PictureRowsAt(const ModuleShape& s, int h) {
  if (s.picture_columns <= 0) return 0;
  const int fill = std::clamp(h, FillLow(s), std::max(s.natural_rows, s.max_fill_rows));
  return std::max(1, s.picture_rows + fill - s.natural_rows);
}

struct Interval {
  int from = 0, to = 0;  // [from, to) in grid lines of the body area
  bool empty() const { return to <= from; }
  bool Overlaps(const Interval& o) const {
    return !empty() && !o.empty() && from < o.to && o.from < to;
  }
};

Interval HeadlineOf(const ModuleShape& s, const AutoModule& m) {
  if (s.rung < 0 || s.headline_rows <= 0) return {};
  const int top = m.row + (s.picture_above_headline ? PictureRowsAt(s, m.rows) : 0);
  return {top, std::min(m.row + m.rows, top + s.headline_rows)};
}

Interval PictureOf(const ModuleShape& s, const AutoModule& m) {
  const int pic = PictureRowsAt(s, m.rows);
  if (pic == 0) return {};
  const int top = m.row + (s.picture_above_headline ? 0 : s.headline_rows);
  return {top, std::min(m.row + m.rows, top + pic)};
}

// A module's own cost at height h (docs/auto-layout.md §3): what its shape changes.
// `below`: the stories ranked lower than it on the page (a cut falls on them first).
double OwnCost(const ModuleShape& s, int h, int body_cols, std::vector<CostTerm>* terms,
               const std::string& id, int below) {
  double total = 0;
  auto add = [&](const std::string& what, double c) {
    if (c == 0) return;
    total += c;
    if (terms) terms->push_back({id + ": " + what, c});
  };
  const int fill_top = std::max(s.natural_rows, s.max_fill_rows), fill_low = FillLow(s);
  if (s.fill_rows.size() > 0 && !s.fill_rows.Any() && h >= s.natural_rows) {
    // It fills no height exactly (its columns never come out level): the hole its
    // shortest column leaves, and every grid line beyond what it needs.
    const int hole = std::max(1, h - s.natural_rows + s.level_short);
    add(std::to_string(hole) + " empty grid lines at its foot", hole * AutoCosts::kHoleRow);
  } else if (h < fill_low && s.continues) {
    const int jump = fill_low - h;
    add(std::to_string(jump) + " grid lines go on to its later page", jump * AutoCosts::kJumpRow);
  } else if (h < fill_low) {
    const int cut = fill_low - h;
    add("text cut by " + std::to_string(cut) + " grid lines",
        cut * (AutoCosts::kCutRow + AutoCosts::kCutRank * below));
  } else if (h > fill_top) {
    const int hole = h - fill_top;
    add(std::to_string(hole) + " empty grid lines at its foot", hole * AutoCosts::kHoleRow);
  }
  const int within = std::clamp(h, fill_low, fill_top) - s.natural_rows;
  if (s.picture_columns > 0 && within > 0)
    add("picture " + std::to_string(within) + " grid lines taller",
        within * AutoCosts::kPictureRow);
  else if (s.picture_columns > 0 && within < 0)
    add("picture " + std::to_string(-within) + " grid lines shorter",
        -within * AutoCosts::kPictureRow);
  else if (within > 0)
    add(std::to_string(within) + " blank grid line at its foot", within * AutoCosts::kSlackRow);
  add("headline " + std::to_string(s.rung_steps) + " rungs smaller",
      s.rung_steps * AutoCosts::kRungStep);
  if (s.picture_columns > 0 && s.picture_columns < s.cols)
    add("picture " + std::to_string(s.cols - s.picture_columns) +
            " columns narrower than its module",
        (s.cols - s.picture_columns) * AutoCosts::kPictureColumn);
  if (s.cols == 1 && body_cols >= 4) add("one column wide", AutoCosts::kOneColumn);
  if (s.boxed) add("set in a box", AutoCosts::kBoxed);
  if (s.vertical_headline) add("headline set vertically", AutoCosts::kVertical);
  if (h > AutoCosts::kDeepColumn)
    add(std::to_string(h) + " grid lines deep", (h - AutoCosts::kDeepColumn) * AutoCosts::kDeepRow);
  return total;
}

bool HorizontallyAdjacent(const AutoModule& a, const AutoModule& b) {
  return a.col + a.cols == b.col && a.row < b.row + b.rows && b.row < a.row + a.rows;
}

bool VerticallyAdjacent(const AutoModule& a, const AutoModule& b) {
  return a.row + a.rows == b.row && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

// The rules two modules break together: a tombstone, pictures touching.
void PairBreaks(const std::vector<AutoStory>& stories, const AutoModule& a, const AutoModule& b,
                std::vector<RuleBreak>& out) {
  const ModuleShape& sa = stories[a.story].shapes[a.shape];
  const ModuleShape& sb = stories[b.story].shapes[b.shape];
  for (int side = 0; side < 2; ++side) {
    const AutoModule& l = side == 0 ? a : b;
    const AutoModule& r = side == 0 ? b : a;
    const ModuleShape& sl = side == 0 ? sa : sb;
    const ModuleShape& sr = side == 0 ? sb : sa;
    if (HorizontallyAdjacent(l, r)) {
      if (!sl.boxed && !sr.boxed && HeadlineOf(sl, l).Overlaps(HeadlineOf(sr, r)))
        out.push_back({"tombstone", l.story, r.story,
                       "the headlines of '" + stories[l.story].id + "' and '" +
                           stories[r.story].id + "' stand side by side at the same height"});
      if (sl.picture_right && sr.picture_left && PictureOf(sl, l).Overlaps(PictureOf(sr, r)))
        out.push_back({"pictures-touch", l.story, r.story,
                       "the pictures of '" + stories[l.story].id + "' and '" + stories[r.story].id +
                           "' touch across their modules"});
    }
    if (VerticallyAdjacent(l, r)) {
      const Interval pl = PictureOf(sl, l), pr = PictureOf(sr, r);
      if (!pl.empty() && !pr.empty() && pl.to == l.row + l.rows && pr.from == r.row)
        out.push_back({"pictures-touch", l.story, r.story,
                       "the pictures of '" + stories[l.story].id + "' and '" + stories[r.story].id +
                           "' touch across their modules"});
    }
  }
}

int LeadOf(const std::vector<AutoStory>& stories) {
  for (size_t i = 0; i < stories.size(); ++i)
    if (!stories[i].continuation) return static_cast<int>(i);
  return -1;
}

bool LockAllows(const AutoStory& st, const ModuleShape& s, int col, int row, int rows) {
  return (!st.col || *st.col == col) && (!st.cols || *st.cols == s.cols) &&
         (!st.row || *st.row == row) && (!st.rows || *st.rows == rows);
}

class Search {
 public:
  Search(int cols, int rows, const std::vector<AutoStory>& stories, const AutoSearchOptions& opt)
      : cols_(cols), rows_(rows), stories_(stories), opt_(opt), n_(stories.size()) {}

  AutoSearchResult Run() {
    AutoSearchResult out;
    if (n_ == 0 || n_ > 16 || cols_ < 1 || rows_ < 1) return out;
    Tables();
    const uint32_t all = (uint32_t{1} << n_) - 1;
    if (!Feasible(0, all, cols_, rows_)) return out;
    min_own_.assign(n_, 0);
    for (size_t s = 0; s < n_; ++s) {
      double best = std::numeric_limits<double>::infinity();
      for (const ModuleShape& sh : stories_[s].shapes)
        for (int h : sh.rows.Values())
          best = std::min(best, OwnCost(sh, h, cols_, nullptr, "", Below(s)));
      min_own_[s] = std::isfinite(best) ? best : 0;
    }
    LowerBounds();
    std::vector<Task> tasks{{0, cols_, 0, rows_, all, 0}};
    std::vector<AutoModule> placed;
    Expand(tasks, placed, 0);
    out.nodes = nodes_;
    out.complete = nodes_ < opt_.node_budget;
    for (Kept& k : kept_) out.layouts.push_back(std::move(k.layout));
    return out;
  }

 private:
  struct Task {
    int col, cols, row, rows;
    uint32_t set;
    int kind;  // 0: any; 1: not cut across (its top part of a cut across); 2: not cut down
  };
  struct Kept {
    ScoredLayout layout;
    std::vector<std::tuple<int, int, int>> signature;
  };

  int Below(size_t story) const { return static_cast<int>(n_ - 1 - story); }

  size_t Index(uint32_t set, int w) const { return static_cast<size_t>(set) * (cols_ + 1) + w; }

  // The sets of two stories or more, smaller sets first (each after the sets it splits
  // into).
  std::vector<uint32_t> SetsBySize() const {
    std::vector<uint32_t> order;
    for (uint32_t set = 1; set < (uint32_t{1} << n_); ++set)
      if (std::popcount(set) >= 2) order.push_back(set);
    std::stable_sort(order.begin(), order.end(),
                     [](uint32_t a, uint32_t b) { return std::popcount(a) < std::popcount(b); });
    return order;
  }

  // Which heights each story set tiles at each width, by the root cut of the tiling.
  void Tables() {
    const size_t sets = size_t{1} << n_;
    const RowSet none(rows_ + 1);
    any_.assign(sets * (cols_ + 1), none);
    not_across_ = any_;
    not_down_ = any_;
    for (size_t s = 0; s < n_; ++s) {
      const uint32_t set = uint32_t{1} << s;
      for (const ModuleShape& sh : stories_[s].shapes) {
        if (sh.cols < 1 || sh.cols > cols_) continue;
        if (stories_[s].cols && *stories_[s].cols != sh.cols) continue;
        RowSet r = sh.rows;
        if (stories_[s].rows) {
          RowSet only(rows_ + 1);
          if (sh.rows.Has(*stories_[s].rows)) only.Set(*stories_[s].rows);
          r = only;
        }
        any_[Index(set, sh.cols)] |= r;
      }
      for (int w = 1; w <= cols_; ++w) {
        not_across_[Index(set, w)] = any_[Index(set, w)];
        not_down_[Index(set, w)] = any_[Index(set, w)];
      }
    }
    for (uint32_t set : SetsBySize()) {
      std::vector<RowSet> across(cols_ + 1, none), down(cols_ + 1, none);
      for (uint32_t a = (set - 1) & set; a != 0; a = (a - 1) & set) {
        const uint32_t b = set ^ a;
        for (int w = 1; w <= cols_; ++w) {
          const RowSet& top = not_across_[Index(a, w)];
          const RowSet& rest = any_[Index(b, w)];
          if (top.Any() && rest.Any()) across[static_cast<size_t>(w)] |= top.Sum(rest);
        }
        for (int w1 = 1; w1 < cols_; ++w1)
          for (int w2 = 1; w1 + w2 <= cols_; ++w2) {
            const RowSet& left = not_down_[Index(a, w1)];
            const RowSet& right = any_[Index(b, w2)];
            if (left.Any() && right.Any()) down[static_cast<size_t>(w1 + w2)] |= left & right;
          }
      }
      for (int w = 1; w <= cols_; ++w) {
        not_across_[Index(set, w)] = down[static_cast<size_t>(w)];
        not_down_[Index(set, w)] = across[static_cast<size_t>(w)];
        RowSet both = across[static_cast<size_t>(w)];
        both |= down[static_cast<size_t>(w)];
        any_[Index(set, w)] = both;
      }
    }
  }

  // The least own cost (OwnCost) at which each story set tiles each width and height,
  // the pairwise terms and the rules left out: a lower bound for the branch and bound
  // far tighter than each story's own least cost, as it holds the set to the rectangle.
  // A dynamic programme over the same splits as Tables(); skipped for more than seven
  // stories (its work grows as 3ⁿ times the heights squared), where the search falls back
  // on each story's own least cost.
  void LowerBounds() {
    if (n_ > 7) return;
    const double inf = std::numeric_limits<double>::infinity();
    const size_t sets = size_t{1} << n_;
    lb_.assign(sets * (cols_ + 1), std::vector<double>(static_cast<size_t>(rows_) + 1, inf));
    for (size_t st = 0; st < n_; ++st) {
      const uint32_t set = uint32_t{1} << st;
      for (const ModuleShape& sh : stories_[st].shapes) {
        if (sh.cols < 1 || sh.cols > cols_) continue;
        if (stories_[st].cols && *stories_[st].cols != sh.cols) continue;
        std::vector<double>& row = lb_[Index(set, sh.cols)];
        for (int h : sh.rows.Values()) {
          if (stories_[st].rows && *stories_[st].rows != h) continue;
          row[static_cast<size_t>(h)] =
              std::min(row[static_cast<size_t>(h)], OwnCost(sh, h, cols_, nullptr, "", Below(st)));
        }
      }
    }
    // The finite entries of a set's row at a width, as (height, cost).
    auto finite = [&](uint32_t set, int w) {
      std::vector<std::pair<int, double>> out;
      const std::vector<double>& row = lb_[Index(set, w)];
      for (size_t h = 1; h < row.size(); ++h)
        if (row[h] < inf) out.push_back({static_cast<int>(h), row[h]});
      return out;
    };
    for (uint32_t set : SetsBySize()) {
      for (uint32_t a = (set - 1) & set; a != 0; a = (a - 1) & set) {
        const uint32_t b = set ^ a;
        if (a > b) continue;  // each split once: the bound is the same either way round
        std::vector<std::vector<std::pair<int, double>>> fa(cols_ + 1), fb(cols_ + 1);
        for (int w = 1; w <= cols_; ++w) fa[w] = finite(a, w), fb[w] = finite(b, w);
        for (int w = 1; w <= cols_; ++w) {
          std::vector<double>& row = lb_[Index(set, w)];
          for (const auto& [h1, c1] : fa[w])
            for (const auto& [h2, c2] : fb[w])
              if (h1 + h2 <= rows_)
                row[static_cast<size_t>(h1 + h2)] =
                    std::min(row[static_cast<size_t>(h1 + h2)], c1 + c2);
        }
        for (int w1 = 1; w1 < cols_; ++w1)
          for (int w2 = 1; w1 + w2 <= cols_; ++w2) {
            std::vector<double>& row = lb_[Index(set, w1 + w2)];
            const std::vector<double>& ra = lb_[Index(a, w1)];
            const std::vector<double>& rb = lb_[Index(b, w2)];
            for (size_t h = 1; h < row.size(); ++h)
              if (ra[h] < inf && rb[h] < inf) row[h] = std::min(row[h], ra[h] + rb[h]);
          }
      }
    }
  }

  bool Feasible(int kind, uint32_t set, int w, int h) const {
    const std::vector<RowSet>& t = kind == 1 ? not_across_ : kind == 2 ? not_down_ : any_;
    return t[Index(set, w)].Has(h);
  }

  // Whether a story's lock keeps it out of a rectangle.
  bool LocksFit(uint32_t set, const Task& t) const {
    for (size_t s = 0; s < n_; ++s) {
      if (!(set >> s & 1)) continue;
      const AutoStory& st = stories_[s];
      if (st.col && (*st.col < t.col || *st.col >= t.col + t.cols)) return false;
      if (st.row && (*st.row < t.row || *st.row >= t.row + t.rows)) return false;
      if (st.cols && *st.cols > t.cols) return false;
      if (st.rows && *st.rows > t.rows) return false;
    }
    return true;
  }

  double Bound() const {
    return kept_.size() < static_cast<size_t>(opt_.keep) ? std::numeric_limits<double>::infinity()
                                                         : kept_.back().layout.cost;
  }

  void Expand(std::vector<Task>& tasks, std::vector<AutoModule>& placed, double partial) {
    if (++nodes_ >= opt_.node_budget) return;
    double rest = 0;
    for (const Task& t : tasks) {
      if (!lb_.empty()) {
        rest += lb_[Index(t.set, t.cols)][static_cast<size_t>(t.rows)];
        continue;
      }
      for (size_t s = 0; s < n_; ++s)
        if (t.set >> s & 1) rest += min_own_[s];
    }
    if (partial + rest >= Bound()) return;
    if (tasks.empty()) {
      Complete(placed);
      return;
    }
    const Task t = tasks.back();
    tasks.pop_back();
    // The first story must start on the body's top: a part below it holding that story
    // breaks the rule whatever is set in it.
    if ((t.set & 1) && t.row != 0 && partial + AutoCosts::kRuleBreak + rest >= Bound()) {
      tasks.push_back(t);
      return;
    }
    if (std::popcount(t.set) == 1) {
      const size_t s = static_cast<size_t>(std::countr_zero(t.set));
      const AutoStory& st = stories_[s];
      // Its shapes of this width and height, cheapest first.
      std::vector<std::pair<double, size_t>> ways;
      for (size_t k = 0; k < st.shapes.size(); ++k) {
        const ModuleShape& sh = st.shapes[k];
        if (sh.cols != t.cols || !sh.rows.Has(t.rows)) continue;
        if (!LockAllows(st, sh, t.col, t.row, t.rows)) continue;
        ways.push_back({OwnCost(sh, t.rows, cols_, nullptr, "", Below(s)), k});
      }
      std::stable_sort(ways.begin(), ways.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      // Two shapes that meet their neighbours alike (the same headline and picture rows
      // and sides, box, rung) differ only in their own cost: the dearer can never do
      // better, so only the cheapest of each kind is tried.
      std::vector<std::tuple<int, bool, int, int, int, int, bool, bool>> tried;
      for (const auto& [cost, k] : ways) {
        AutoModule m{s, k, t.col, t.cols, t.row, t.rows};
        const ModuleShape& sh = st.shapes[k];
        const Interval head = HeadlineOf(sh, m), pic = PictureOf(sh, m);
        const auto kind = std::make_tuple(sh.rung, sh.boxed, head.from, head.to, pic.from, pic.to,
                                          sh.picture_left, sh.picture_right);
        if (std::find(tried.begin(), tried.end(), kind) != tried.end()) continue;
        tried.push_back(kind);
        double extra = cost;
        std::vector<RuleBreak> breaks;
        for (const AutoModule& o : placed) PairBreaks(stories_, o, m, breaks);
        extra += AutoCosts::kRuleBreak * static_cast<double>(breaks.size());
        if (s == 0 && t.row != 0) extra += AutoCosts::kRuleBreak;  // the first story on top
        placed.push_back(m);
        Expand(tasks, placed, partial + extra);
        placed.pop_back();
        if (nodes_ >= opt_.node_budget) break;
      }
      tasks.push_back(t);
      return;
    }
    // The splits in the order most likely to give a good layout soon (so the bound
    // prunes): the part holding the set's highest-ranked story first (on top, at the
    // left), and of those the smaller first (a story on its own before a group).
    std::vector<uint32_t> splits;
    for (uint32_t a = (t.set - 1) & t.set; a != 0; a = (a - 1) & t.set) splits.push_back(a);
    const uint32_t first = t.set & (~t.set + 1);  // the set's highest-ranked story
    std::stable_sort(splits.begin(), splits.end(), [&](uint32_t x, uint32_t y) {
      const bool fx = x & first, fy = y & first;
      if (fx != fy) return fx;
      return std::popcount(x) < std::popcount(y);
    });
    // Sets `first` (the part on top, or at the left) and `second` as the next rectangles.
    auto split = [&](const Task& first, const Task& second) {
      if (!LocksFit(first.set, first) || !LocksFit(second.set, second)) return;
      tasks.push_back(second);
      tasks.push_back(first);
      Expand(tasks, placed, partial);
      tasks.pop_back();
      tasks.pop_back();
    };
    for (uint32_t a : splits) {
      const uint32_t b = t.set ^ a;
      // Across: `a` on top, `b` under it.
      if (t.kind != 1) {
        for (int h1 : not_across_[Index(a, t.cols)].Values()) {
          if (h1 >= t.rows) break;
          if (!any_[Index(b, t.cols)].Has(t.rows - h1)) continue;
          split({t.col, t.cols, t.row, h1, a, 1}, {t.col, t.cols, t.row + h1, t.rows - h1, b, 0});
          if (nodes_ >= opt_.node_budget) break;
        }
      }
      // Down: `a` at the left, `b` at the right.
      if (t.kind != 2) {
        for (int w1 = 1; w1 < t.cols; ++w1) {
          if (!not_down_[Index(a, w1)].Has(t.rows) || !any_[Index(b, t.cols - w1)].Has(t.rows))
            continue;
          split({t.col, w1, t.row, t.rows, a, 2}, {t.col + w1, t.cols - w1, t.row, t.rows, b, 0});
          if (nodes_ >= opt_.node_budget) break;
        }
      }
      if (nodes_ >= opt_.node_budget) break;
    }
    tasks.push_back(t);
  }

  void Complete(const std::vector<AutoModule>& placed) {
    std::vector<AutoModule> modules = placed;
    std::sort(modules.begin(), modules.end(),
              [](const AutoModule& a, const AutoModule& b) { return a.story < b.story; });
    ScoredLayout layout = ScoreLayout(cols_, rows_, stories_, modules);
    // Alternatives differ in where the stories go, not only in a line more or less.
    std::vector<std::tuple<int, int, int>> sig;
    for (const AutoModule& m : layout.modules) {
      int above = 0;
      for (const AutoModule& o : layout.modules) above += VerticallyAdjacent(o, m);
      sig.push_back({m.col, m.cols, above});
    }
    for (size_t i = 0; i < kept_.size(); ++i) {
      if (kept_[i].signature != sig) continue;
      if (kept_[i].layout.cost <= layout.cost) return;
      kept_.erase(kept_.begin() + static_cast<long>(i));
      break;
    }
    if (kept_.size() >= static_cast<size_t>(opt_.keep) && layout.cost >= kept_.back().layout.cost)
      return;
    auto at = std::upper_bound(kept_.begin(), kept_.end(), layout.cost,
                               [](double c, const Kept& k) { return c < k.layout.cost; });
    kept_.insert(at, Kept{std::move(layout), std::move(sig)});
    if (kept_.size() > static_cast<size_t>(opt_.keep)) kept_.pop_back();
  }

  int cols_, rows_;
  const std::vector<AutoStory>& stories_;
  AutoSearchOptions opt_;
  size_t n_;
  std::vector<RowSet> any_, not_across_, not_down_;
  std::vector<double> min_own_;
  std::vector<std::vector<double>> lb_;  // LowerBounds(), by Index(set, width), per height
  std::vector<Kept> kept_;
  long nodes_ = 0;
};

}  // namespace

ScoredLayout ScoreLayout(int cols, int rows, const std::vector<AutoStory>& stories,
                         std::vector<AutoModule> modules) {
  (void)rows;
  ScoredLayout out;
  out.modules = std::move(modules);
  out.cut_rows.assign(stories.size(), 0);
  out.hole_rows.assign(stories.size(), 0);
  auto add = [&](const std::string& what, double c) {
    out.terms.push_back({what, c});
    out.cost += c;
  };
  for (const AutoModule& m : out.modules) {
    const ModuleShape& s = stories[m.story].shapes[m.shape];
    double own = 0;
    std::vector<CostTerm> terms;
    own = OwnCost(s, m.rows, cols, &terms, stories[m.story].id,
                  static_cast<int>(stories.size() - 1 - m.story));
    for (CostTerm& t : terms) out.terms.push_back(std::move(t));
    out.cost += own;
    out.cut_rows[m.story] = s.continues ? 0 : std::max(0, FillLow(s) - m.rows);
    out.hole_rows[m.story] = std::max(0, m.rows - std::max(s.natural_rows, s.max_fill_rows));
    if (s.fill_rows.size() > 0 && !s.fill_rows.Any() && m.rows >= s.natural_rows)
      out.hole_rows[m.story] = std::max(1, m.rows - s.natural_rows + s.level_short);
  }
  // Reading order and width by rank: a story ranked lower set above, before or wider than
  // one ranked higher.
  for (const AutoModule& a : out.modules)
    for (const AutoModule& b : out.modules) {
      if (a.story >= b.story) continue;  // a ranks higher
      const std::string pair = "'" + stories[b.story].id + "' before '" + stories[a.story].id + "'";
      if (b.row < a.row)
        add(pair + " (above it)", AutoCosts::kAboveOrder);
      else if (b.row == a.row && b.col < a.col)
        add(pair + " (left of it)", AutoCosts::kLeftOrder);
      if (!stories[a.story].continuation && !stories[b.story].continuation && b.cols > a.cols)
        add("'" + stories[b.story].id + "' wider than '" + stories[a.story].id + "'",
            AutoCosts::kWiderOrder);
    }
  // The story listed first starts at the body's top (a continuation listed first: the
  // jump heads the page and the lead comes under it).
  for (const AutoModule& m : out.modules)
    if (m.story == 0 && m.row != 0)
      out.breaks.push_back(
          {"lead-top", m.story, m.story,
           "'" + stories[0].id +
               "', the page's first story, does not start at the top of the body"});
  const int lead = LeadOf(stories);
  if (lead >= 0) {
    const AutoModule* lm = nullptr;
    for (const AutoModule& m : out.modules)
      if (static_cast<int>(m.story) == lead) lm = &m;
    if (lm) {
      const ModuleShape& ls = stories[lm->story].shapes[lm->shape];
      const std::string id = stories[lm->story].id;
      for (const AutoModule& m : out.modules) {
        if (&m == lm || stories[m.story].continuation) continue;
        const ModuleShape& s = stories[m.story].shapes[m.shape];
        if (m.cols > lm->cols)
          out.breaks.push_back({"lead-widest", lm->story, m.story,
                                "'" + stories[m.story].id + "' is wider than the lead '" + id +
                                    "' (" + std::to_string(m.cols) + " columns against " +
                                    std::to_string(lm->cols) + ")"});
        if (s.rung >= 0 && ls.rung >= 0 && s.rung < ls.rung)
          out.breaks.push_back(
              {"lead-headline", lm->story, m.story,
               "'" + stories[m.story].id + "' has a larger headline than the lead '" + id + "'"});
      }
    }
  }
  for (size_t i = 0; i < out.modules.size(); ++i)
    for (size_t j = i + 1; j < out.modules.size(); ++j)
      PairBreaks(stories, out.modules[i], out.modules[j], out.breaks);
  for (const RuleBreak& b : out.breaks) add("rule broken: " + b.rule, AutoCosts::kRuleBreak);
  return out;
}

AutoSearchResult SearchLayouts(int cols, int rows, const std::vector<AutoStory>& stories,
                               const AutoSearchOptions& options) {
  return Search(cols, rows, stories, options).Run();
}

}  // namespace banmian
