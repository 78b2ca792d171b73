#include "compose/line_meter.h"

#include <algorithm>

namespace banmian {

LineMeter::LineMeter(const ShapedText& text, const ParagraphStyle& style)
    : text_(text), style_(style) {
  const size_t n = text.atoms.size();
  boxes_.reserve(n);
  for (const Atom& a : text.atoms) boxes_.push_back(BoxOf(a, style));
  // The gap rule reads only the boxes' kind and space, which no cut changes.
  gap_.assign(n, GapRule{});
  letter_.assign(n, false);
  for (size_t k = 1; k < n; ++k) {
    gap_[k] = GapBetween(text.atoms[k - 1], boxes_[k - 1], text.atoms[k], boxes_[k]);
    letter_[k] = MayLetterSpace(text.atoms[k - 1], text.atoms[k]);
  }
}

void LineMeter::Start(uint32_t begin) {
  begin_ = end_ = begin;
  last_ = AtomBox{};
  width_ = optional_ = gaps_ = gap_shrink_ = 0;
  room_ = StretchRoom{};
}

void LineMeter::Extend() {
  AtomBox box = boxes_[end_];
  if (empty()) {
    AtLineStart(box, style_);
  } else {
    const Atom& prev = text_.atoms[end_ - 1];
    SqueezePair(last_, box, prev.em);
    const GapRule& g = gap_[end_];
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
    room_.letter_gaps += letter_[end_];
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
