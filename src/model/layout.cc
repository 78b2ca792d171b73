#include "model/layout.h"

#include <algorithm>
#include <cmath>

namespace banmian {

const Slot* PageTemplate::FindSlot(const std::string& slot_name) const {
  for (const Slot& s : slots)
    if (s.name == slot_name) return &s;
  return nullptr;
}

const Style* Paper::FindStyle(const std::string& style_name) const {
  auto it = styles.find(style_name);
  return it == styles.end() ? nullptr : &it->second;
}

double PaddingInset::side() const {
  return measure_loss * body_size / 2;
}

PaddingInset InsetFor(double padding, const Grid& grid, double side_air) {
  PaddingInset inset;
  if (padding <= 0) return inset;
  // The em box of a grid line's text starts (pitch - body size) / 2 below the line's top.
  const double above_text = (grid.line_pitch - grid.body_size) / 2;
  inset.body_size = grid.body_size;
  inset.measure_loss =
      static_cast<int>(std::ceil(2 * std::max(0.0, padding - side_air) / grid.body_size - 1e-9));
  inset.rows =
      std::max(0, static_cast<int>(std::ceil((padding - above_text) / grid.line_pitch - 1e-9)));
  return inset;
}

PaddingInset SlotInset(const Slot& slot, const Grid& grid) {
  return InsetFor(slot.padding, grid, slot.boxed ? grid.gutter / 2 : 0);
}

}  // namespace banmian
