#include "load/slot_override.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace banmian {

bool RowsWordError(const YAML::Node& rows, const YamlSource& src, const std::string& what,
                   Diagnostics& diags) {
  const std::string word = rows.IsScalar() ? rows.Scalar() : "";
  if (word.empty() || word == "fit" || word == "rest" ||
      std::isdigit(static_cast<unsigned char>(word[0])) || word[0] == '-' || word[0] == '+')
    return false;
  std::string lower = word;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string hint = DidYouMean(lower, {"fit", "rest"});
  diags.Error("bad-value", src.Pos(rows),
              what + ": 'rows' takes a number of grid lines, fit or rest, not '" + word + "'",
              hint.empty() ? "write rows: 12, rows: fit or rows: rest" : hint);
  return true;
}

bool ReadSlotOverride(MapReader& slot, const std::string& what, SlotOverride& out,
                      Diagnostics& diags) {
  const size_t errors = diags.ErrorCount();
  const YamlSource& src = slot.src();
  SlotOverride o;
  o.pos = slot.Pos();
  if (auto v = slot.Int("col", false, 1, 1000)) o.col = *v - 1;
  if (auto v = slot.Int("cols", false, 1, 1000)) o.cols = *v;
  if (slot.Has("row") && slot.Has("below")) {
    diags.Error("bad-value", slot.KeyPos("below"),
                what + " gives both 'row' and 'below'; its top is one or the other");
  } else if (slot.Has("below")) {
    const YAML::Node b = slot.Get("below");
    std::vector<std::string> names;
    if (b.IsScalar()) {
      o.below = {b.Scalar()};
    } else if (b.IsSequence() && b.size() > 0) {
      for (size_t i = 0; i < b.size(); ++i)
        if (b[i].IsScalar()) names.push_back(b[i].Scalar());
      if (names.size() == b.size())
        o.below = names;
      else
        diags.Error("wrong-type", src.Pos(b), what + ": 'below' lists slot or region names");
    } else {
      diags.Error("wrong-type", src.Pos(b),
                  what + ": 'below' must name a slot or region, or list several");
    }
  } else if (auto v = slot.Int("row", false, 1, 10000)) {
    o.row = *v - 1;
  }
  const YAML::Node rows = slot.Get("rows");
  if (rows.IsScalar() && (rows.Scalar() == "fit" || rows.Scalar() == "rest")) {
    o.rows_mode = rows.Scalar() == "fit" ? RowsMode::kFit : RowsMode::kRest;
  } else if (RowsWordError(rows, slot.src(), what, diags)) {
    // reported; the error count below returns false
  } else if (auto v = slot.Int("rows", false, 1, 10000)) {
    o.rows = *v;
  }
  const bool rows_given = rows.IsDefined() && !rows.IsNull();
  for (const char* key : {"min_rows", "max_rows"}) {
    if (!slot.Has(key)) continue;
    if (rows_given && o.rows_mode != RowsMode::kFit) {
      diags.Error("bad-value", slot.KeyPos(key), what + ": '" + key + "' goes with 'rows: fit'",
                  "a slot sized by its article takes rows: fit, min_rows and max_rows");
      continue;
    }
    if (auto v = slot.Int(key, false, 1, 10000)) (key[1] == 'i' ? o.min_rows : o.max_rows) = *v;
  }
  if (o.min_rows && o.max_rows && *o.min_rows > *o.max_rows)
    diags.Error("bad-value", slot.KeyPos("max_rows"),
                what + ": max_rows " + std::to_string(*o.max_rows) + " is less than min_rows " +
                    std::to_string(*o.min_rows));
  if (diags.ErrorCount() > errors) return false;
  out = o;
  return true;
}

void CheckSlotOverride(const SlotOverride& o, const Slot& slot, const PageTemplate& page_template,
                       const Paper& paper, const std::string& what, Diagnostics& diags) {
  if (o.empty()) return;
  const Grid& g = paper.grid;
  // The geometry as the page will have it (the layout stage applies the override alike).
  const SlotGeometry geo = o.AppliedTo(slot.geometry);
  const std::string columns = " but the grid has " + std::to_string(g.columns) + " columns";
  if (o.col && *o.col >= g.columns)
    diags.Error("outside-grid", o.pos,
                what + " starts in column " + std::to_string(*o.col + 1) + columns);
  else if ((o.col || o.cols) && geo.col + geo.cols > g.columns)
    diags.Error("outside-grid", o.pos,
                what + " reaches column " + std::to_string(geo.col + geo.cols) + columns,
                "it starts in column " + std::to_string(geo.col + 1) + " and spans " +
                    std::to_string(geo.cols) + "; give it fewer columns or an earlier 'col'");
  if (o.row && *o.row >= g.lines)
    diags.Error("outside-grid", o.pos,
                what + " starts on grid line " + std::to_string(*o.row + 1) + " but the page has " +
                    std::to_string(g.lines) + " grid lines");
  if (o.min_rows && *o.min_rows > g.lines)
    diags.Error("outside-grid", o.pos,
                what + ": min_rows " + std::to_string(*o.min_rows) + " is more than the page's " +
                    std::to_string(g.lines) + " grid lines");
  // min_rows and max_rows without rows in the override: the template's rows must be fit.
  if ((o.min_rows || o.max_rows) && !o.rows && !o.rows_mode && geo.rows_mode != RowsMode::kFit)
    diags.Error("bad-value", o.pos,
                what + ": '" + (o.min_rows ? "min_rows" : "max_rows") +
                    "' goes with 'rows: fit', and the template's slot has " +
                    (geo.rows_mode == RowsMode::kRest ? "'rows: rest'" : "fixed rows"),
                "add rows: fit beside it");
  else if ((o.min_rows || o.max_rows) && !(o.min_rows && o.max_rows) && geo.min_rows &&
           geo.max_rows && geo.min_rows > geo.max_rows)
    diags.Error("bad-value", o.pos,
                what + ": max_rows " + std::to_string(geo.max_rows) + " is less than min_rows " +
                    std::to_string(geo.min_rows) + " (one of them from the template)");
  if (slot.kind == SlotKind::kStack && o.rows_mode == RowsMode::kFit)
    diags.Error("bad-value", o.pos,
                what + " is a stack slot: it takes fixed rows or 'rows: rest', not 'rows: fit'");
  if (o.below) {
    std::vector<std::string> names;
    for (const Slot& s : page_template.slots)
      if (s.name != slot.name) names.push_back(s.name);
    for (const Region& r : page_template.regions) names.push_back(r.name);
    for (const std::string& name : *o.below)
      if (std::find(names.begin(), names.end(), name) == names.end())
        diags.Error("unknown-slot", o.pos,
                    what + " is below '" + name + "', which is no other slot or region of " +
                        "template '" + page_template.name + "'",
                    SuggestOrList(name, names, "slots and regions:"));
  }
}

}  // namespace banmian
