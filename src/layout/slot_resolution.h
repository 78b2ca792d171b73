// Slot resolution: a template's slots, with an issue's overrides for one page, turned
// into areas on the page's grid.
//
// A slot's columns are given; its top is a grid line or the grid line after the lowest
// of the slots and regions it is `below`; its height is fixed, fitted to its article
// (whole grid lines, within min_rows and max_rows, measured by the caller) or the rest of
// the space down to the next slot or region below it in its columns (or the grid's foot).
// SlotResolver gives the order to place slots in (each after those it is below, first
// parts of articles before continuations, then the template's order), the room a slot
// has, and checks the resolved page: slots sharing a cell, slots off the grid and
// regions over slots are errors at the template's or the override's position.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/diagnostic.h"
#include "model/issue.h"
#include "model/layout.h"

namespace banmian {

class SlotResolver {
 public:
  // REQUIRES: tmpl, spec and paper outlive the resolver.
  SlotResolver(const PageTemplate& tmpl, const PageSpec& spec, const Paper& paper);

  // The template's slots in placing order; a cycle of `below` is reported and breaks
  // the order at the first slot in it.
  std::vector<const Slot*> Order(Diagnostics& diags) const;

  // The cycle of `below` that following `start`'s unplaced neighbours runs into, from
  // the slot where it closes; empty when there is none.
  std::vector<const Slot*> CycleFrom(const Slot& start, const std::set<std::string>& placed) const;

  // The slot's geometry with the page's override applied.
  const SlotGeometry& Geometry(const Slot& slot) const;

  // The grid line the slot starts on. REQUIRES: the slots it is below are resolved.
  int Top(const Slot& slot) const;
  // The most grid lines it may take from its top: to the first resolved slot or region
  // below it in its columns, or the grid's foot; for `rows: fit`, no more than max_rows.
  int Room(const Slot& slot) const;

  // Room(), and what bounds it: "slot 'x'", "region 'y'" or "the foot of the grid".
  std::pair<int, std::string> RoomAndLimit(const Slot& slot) const;

  // Fixes the slot's area: `rows` grid lines from Top. A slot that follows others is cut
  // at the grid's foot and may get no rows at all; an absolute one gets at least one.
  Area Resolve(const Slot& slot, int rows);
  // The area of a slot that needs no measuring (fixed or rest rows).
  Area ResolveUnmeasured(const Slot& slot);

  std::optional<Area> Resolved(const std::string& name) const;

  // Rectangles of grid cells that no slot and no region covers once every slot is
  // resolved: white space the page will print where text was meant to be.
  std::vector<Area> Uncovered() const;

  // Errors of the resolved page (label: the page's, for messages): slots off the grid or
  // sharing a cell, regions lying over slots.
  void Check(const std::string& label, Diagnostics& diags) const;

 private:
  const PageTemplate& tmpl_;
  const PageSpec& spec_;
  const Paper& paper_;
  std::map<std::string, SlotGeometry> geometry_;  // with overrides
  std::map<std::string, Area> resolved_;
  // Slots left in or under a cycle of `below`: placed anyhow, and not checked.
  mutable std::set<std::string> unordered_;
};

}  // namespace banmian
