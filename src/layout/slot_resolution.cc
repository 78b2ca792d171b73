#include "layout/slot_resolution.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

namespace banmian {

namespace {

const SlotAssignment* AssignmentOf(const PageSpec& spec, const std::string& slot) {
  for (const SlotAssignment& a : spec.slots)
    if (a.slot == slot) return &a;
  return nullptr;
}

bool ColumnsMeet(int col_a, int cols_a, int col_b, int cols_b) {
  return col_a < col_b + cols_b && col_b < col_a + cols_a;
}

}  // namespace

SlotResolver::SlotResolver(const PageTemplate& tmpl, const PageSpec& spec, const Paper& paper)
    : tmpl_(tmpl), spec_(spec), paper_(paper) {
  for (const Slot& s : tmpl.slots) {
    SlotGeometry g = s.geometry;
    if (const SlotAssignment* a = AssignmentOf(spec, s.name)) g = a->override.AppliedTo(g);
    geometry_[s.name] = g;
  }
}

const SlotGeometry& SlotResolver::Geometry(const Slot& slot) const {
  return geometry_.at(slot.name);
}

std::vector<const Slot*> SlotResolver::CycleFrom(const Slot& start,
                                                 const std::set<std::string>& placed) const {
  // Follow the first neighbour not yet placed until a slot comes round again.
  std::vector<const Slot*> chain;
  const Slot* at = &start;
  while (at && std::find(chain.begin(), chain.end(), at) == chain.end()) {
    chain.push_back(at);
    const Slot* next = nullptr;
    for (const std::string& b : Geometry(*at).below)
      if (const Slot* o = tmpl_.FindSlot(b); o && !placed.count(b)) {
        next = o;
        break;
      }
    at = next;
  }
  if (!at) return {};
  return {std::find(chain.begin(), chain.end(), at), chain.end()};
}

std::vector<const Slot*> SlotResolver::Order(Diagnostics& diags) const {
  const size_t n = tmpl_.slots.size();
  std::vector<const Slot*> order;
  std::vector<bool> done(n, false);
  std::set<std::string> placed;
  auto ready = [&](size_t i) {
    for (const std::string& b : Geometry(tmpl_.slots[i]).below)
      if (tmpl_.FindSlot(b) && !placed.count(b)) return false;
    return true;
  };
  auto key = [&](size_t i) {
    const Slot& s = tmpl_.slots[i];
    const SlotAssignment* a = AssignmentOf(spec_, s.name);
    return std::make_tuple(Geometry(s).rows_mode == RowsMode::kRest, a && a->continuation, i);
  };
  while (order.size() < n) {
    size_t best = n;
    for (size_t i = 0; i < n; ++i)
      if (!done[i] && ready(i) && (best == n || key(i) < key(best))) best = i;
    if (best == n) {
      // A cycle: report it once, naming its chain, at its first slot, and place the rest
      // in order.
      for (size_t i = 0; i < n; ++i)
        if (!done[i]) {
          std::vector<const Slot*> cycle = CycleFrom(tmpl_.slots[i], placed);
          if (cycle.empty()) cycle = {&tmpl_.slots[i]};
          std::string chain = "slot '" + cycle[0]->name + "' is below '" +
                              (cycle.size() > 1 ? cycle[1]->name : cycle[0]->name) + "'";
          for (size_t k = 2; k < cycle.size(); ++k)
            chain += ", which is below '" + cycle[k]->name + "'";
          if (cycle.size() > 1) chain += ", which is below '" + cycle[0]->name + "'";
          diags.Error("slot-cycle", Geometry(*cycle[0]).below_pos,
                      chain + ": no slot of the chain has a top of its own",
                      "one slot of the chain must start on a grid line (row: N)");
          break;
        }
      // Where the slots left come out is no one's intent: Check says nothing of them.
      for (size_t i = 0; i < n; ++i)
        if (!done[i]) {
          done[i] = true, order.push_back(&tmpl_.slots[i]);
          unordered_.insert(tmpl_.slots[i].name);
        }
      break;
    }
    done[best] = true;
    placed.insert(tmpl_.slots[best].name);
    order.push_back(&tmpl_.slots[best]);
  }
  return order;
}

int SlotResolver::Top(const Slot& slot) const {
  const SlotGeometry& g = Geometry(slot);
  if (g.below.empty()) return g.row;
  const Grid& grid = paper_.grid;
  int top = 0;
  for (const std::string& name : g.below) {
    if (auto a = Resolved(name)) {
      top = std::max(top, a->row + a->rows);
      continue;
    }
    for (const Region& r : tmpl_.regions)
      if (r.name == name) {
        const double foot = (r.area.y + r.area.height - paper_.area_top()) / grid.line_pitch;
        top = std::max(top, static_cast<int>(std::ceil(foot - 1e-6)));
      }
  }
  return top;
}

int SlotResolver::Room(const Slot& slot) const {
  return RoomAndLimit(slot).first;
}

std::pair<int, std::string> SlotResolver::RoomAndLimit(const Slot& slot) const {
  const SlotGeometry& g = Geometry(slot);
  const Grid& grid = paper_.grid;
  const int top = Top(slot);
  int foot = grid.lines;
  std::string limit = "the foot of the grid";
  for (const Slot& other : tmpl_.slots) {
    if (other.name == slot.name) continue;
    std::optional<Area> a = Resolved(other.name);
    // A slot not placed yet bounds this one once its top is known: a grid line, or the
    // foot of slots already placed.
    const SlotGeometry& og = Geometry(other);
    const bool top_known = std::all_of(og.below.begin(), og.below.end(), [&](const auto& b) {
      return !tmpl_.FindSlot(b) || Resolved(b).has_value();
    });
    if (!a && top_known) a = paper_.GridArea(og.col, og.cols, Top(other), 1);
    if (!a || !ColumnsMeet(g.col, g.cols, a->col, a->cols)) continue;
    // An empty slot (a fitted one with nothing in it) bounds nothing; one that starts on
    // this slot's own top overlaps it, which Check reports with both areas, rather than
    // leaving both without room.
    if (a->rows == 0 || a->row == top) continue;
    if (a->row > top && a->row < foot) foot = a->row, limit = "slot '" + other.name + "'";
  }
  const Area self = paper_.GridArea(g.col, g.cols, top, 1);
  for (const Region& r : tmpl_.regions) {
    if (!(r.area.x < self.x + self.width - 0.5 && self.x < r.area.x + r.area.width - 0.5)) continue;
    const double head = (r.area.y - paper_.area_top()) / grid.line_pitch;
    const int row = static_cast<int>(std::floor(head + 1e-6));
    if (row >= top && row < foot) foot = row, limit = "region '" + r.name + "'";
  }
  int room = std::max(0, foot - top);
  if (g.rows_mode == RowsMode::kFit && g.max_rows > 0) room = std::min(room, g.max_rows);
  return {room, limit};
}

Area SlotResolver::Resolve(const Slot& slot, int rows) {
  const SlotGeometry& g = Geometry(slot);
  const int top = Top(slot);
  // A slot that follows others never runs off the grid: it keeps what is left, which may
  // be nothing when the slots above it reach the foot (the caller reports that).
  if (!g.absolute()) rows = std::min(rows, std::max(0, paper_.grid.lines - top));
  Area a = paper_.GridArea(g.col, g.cols, top, std::max(g.absolute() ? 1 : 0, rows));
  a.pos = g.pos;
  resolved_[slot.name] = a;
  return a;
}

Area SlotResolver::ResolveUnmeasured(const Slot& slot) {
  const SlotGeometry& g = Geometry(slot);
  return Resolve(slot, g.rows_mode == RowsMode::kFixed ? g.rows : Room(slot));
}

std::optional<Area> SlotResolver::Resolved(const std::string& name) const {
  auto it = resolved_.find(name);
  if (it == resolved_.end()) return std::nullopt;
  return it->second;
}

std::vector<Area> SlotResolver::Uncovered() const {
  const Grid& g = paper_.grid;
  const int columns = g.columns, lines = g.lines;
  std::vector<std::vector<bool>> covered(static_cast<size_t>(columns),
                                         std::vector<bool>(static_cast<size_t>(lines), false));
  for (const auto& [name, a] : resolved_)
    for (int c = a.col; c < a.col + a.cols && c < columns; ++c)
      for (int r = a.row; r < a.row + a.rows && r < lines; ++r)
        covered[static_cast<size_t>(c)][static_cast<size_t>(r)] = true;
  for (const Region& reg : tmpl_.regions)
    for (int c = 0; c < columns; ++c)
      for (int r = 0; r < lines; ++r) {
        const double x = paper_.area_left() + g.column_x(c) + g.column_width() / 2;
        const double y = paper_.area_top() + (r + 0.5) * g.line_pitch;
        if (x >= reg.area.x && x <= reg.area.x + reg.area.width && y >= reg.area.y &&
            y <= reg.area.y + reg.area.height)
          covered[static_cast<size_t>(c)][static_cast<size_t>(r)] = true;
      }
  // Runs of uncovered lines per column, joined with the same run in the next columns.
  std::vector<Area> out;
  std::vector<std::vector<bool>> taken = covered;
  for (int c = 0; c < columns; ++c)
    for (int r = 0; r < lines; ++r) {
      if (taken[static_cast<size_t>(c)][static_cast<size_t>(r)]) continue;
      int rows = 0;
      while (r + rows < lines && !taken[static_cast<size_t>(c)][static_cast<size_t>(r + rows)])
        ++rows;
      int cols = 1;
      auto same = [&](int cc) {
        for (int k = r; k < r + rows; ++k)
          if (taken[static_cast<size_t>(cc)][static_cast<size_t>(k)]) return false;
        return true;
      };
      while (c + cols < columns && same(c + cols)) ++cols;
      for (int cc = c; cc < c + cols; ++cc)
        for (int k = r; k < r + rows; ++k)
          taken[static_cast<size_t>(cc)][static_cast<size_t>(k)] = true;
      out.push_back(paper_.GridArea(c, cols, r, rows));
    }
  return out;
}

void SlotResolver::Check(const std::string& label, Diagnostics& diags) const {
  const int lines = paper_.grid.lines;
  auto rows_text = [](const Area& a) {
    return "grid lines " + std::to_string(a.row + 1) + "–" + std::to_string(a.row + a.rows);
  };
  std::vector<const Slot*> seen;
  for (const Slot& s : tmpl_.slots) {
    auto a = Resolved(s.name);
    if (!a || unordered_.count(s.name)) continue;
    // An absolute slot without an override was checked when the template was loaded.
    const bool changed = !Geometry(s).absolute() || AssignmentOf(spec_, s.name) != nullptr;
    if (a->row + a->rows > lines)
      diags.Error("outside-grid", a->pos,
                  "on page " + label + ", slot '" + s.name + "' takes " + rows_text(*a) +
                      " but the page has " + std::to_string(lines) + " grid lines",
                  "give it fewer rows, or 'rows: rest' to take what is left");
    for (const Slot* o : seen) {
      auto b = Resolved(o->name);
      const bool other_changed =
          !Geometry(*o).absolute() || AssignmentOf(spec_, o->name) != nullptr;
      if (!b || !(changed || other_changed)) continue;
      if (ColumnsMeet(a->col, a->cols, b->col, b->cols) && a->row < b->row + b->rows &&
          b->row < a->row + a->rows)
        diags.Error("slots-overlap", a->pos,
                    "on page " + label + ", slot '" + s.name + "' (" + rows_text(*a) +
                        ") overlaps slot '" + o->name + "' (" + rows_text(*b) + ")",
                    "start it below the other (below: " + o->name + ") or make one shorter");
    }
    seen.push_back(&s);
    if (!changed) continue;
    for (const Region& r : tmpl_.regions)
      if (r.area.Overlaps(*a))
        diags.Error("region-over-slot", a->pos,
                    "on page " + label + ", region '" + r.name + "' lies over slot '" + s.name +
                        "' (" + rows_text(*a) + "): its furniture would be printed over the text",
                    "make the slot shorter (rows: rest stops above the region)");
  }
}

}  // namespace banmian
