#include "compose/line_meter.h"

#include <algorithm>

namespace banmian {

void LineMeter::Start(uint32_t begin) {
  begin_ = end_ = begin;
  last_ = AtomBox{};
  width_ = optional_ = gaps_ = gap_shrink_ = 0;
  room_ = StretchRoom{};
}

void LineMeter::Extend() {
  const Atom& a = text_.atoms[end_];
  AtomBox box = BoxOf(a, style_);
  if (empty()) {
    AtLineStart(box, style_);
  } else {
    const Atom& prev = text_.atoms[end_ - 1];
    SqueezePair(last_, box, prev.em);
    const GapRule g = GapBetween(prev, last_, a, box);
    // The previous atom is final now: fold it into the totals.
    width_ += last_.width;
    optional_ += last_.opt_left + last_.opt_right;
    if (last_.space) {
      ++room_.space_count;
      room_.spaces += std::max(0.0, 0.5 * prev.em - last_.width);
    }
    gaps_ += g.natural;
    gap_shrink_ += g.natural - g.minimum;
    if (g.kind != GapKind::kNone) ++room_.gap_count;
    if (g.kind == GapKind::kHanLatin) {
      ++room_.han_latin_count;
      room_.han_latin += std::max(0.0, 0.5 * prev.em - g.natural);
    }
    room_.letter_gaps += MayLetterSpace(prev, a);
  }
  last_ = box;
  ++end_;
}

LineMeasure LineMeter::Measure() const {
  LineMeasure m;
  if (empty()) return m;
  AtomBox last = last_;
  AtLineEnd(last);
  m.natural = width_ + gaps_ + last.width;
  m.minimum = m.natural - (optional_ + gap_shrink_ + last.opt_left + last.opt_right);
  m.room = room_;
  if (last.space) {
    ++m.room.space_count;
    m.room.spaces += std::max(0.0, 0.5 * text_.atoms[end_ - 1].em - last.width);
  }
  return m;
}

}  // namespace banmian
