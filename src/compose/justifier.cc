#include "compose/justifier.h"

#include <algorithm>

#include "compose/line_spacing.h"

namespace banmian {

namespace {

constexpr double kEpsilon = 0.005;  // pt

// The plan of one line: every atom's box and every gap, before and after adjusting.
struct Plan {
  uint32_t begin = 0;
  size_t n = 0;
  std::vector<AtomBox> box;
  std::vector<double> gap, gap_min;  // after atom i
  std::vector<GapKind> gap_kind;

  double Natural() const {
    double w = 0;
    for (size_t i = 0; i < n; ++i) w += box[i].width + gap[i];
    return w;
  }
  double ShrinkCapacity() const {
    double c = 0;
    for (size_t i = 0; i < n; ++i)
      c += box[i].opt_left + box[i].opt_right + (gap[i] - gap_min[i]);
    return c;
  }
};

// Fills `p` for atoms [begin, end). The meter (line_meter.h) builds the same widths from the
// same rules, one atom at a time. Reusing one plan's vectors keeps this free of heap
// allocations.
void MakePlan(const ShapedText& text, uint32_t begin, uint32_t end, const ParagraphStyle& style,
              Plan& p) {
  const auto& atoms = text.atoms;
  p.begin = begin;
  p.n = end - begin;
  const size_t n = p.n;
  p.box.resize(n);
  p.gap.assign(n, 0), p.gap_min.assign(n, 0), p.gap_kind.assign(n, GapKind::kNone);
  for (size_t i = 0; i < n; ++i) p.box[i] = BoxOf(atoms[begin + i], style);
  if (n > 0) AtLineStart(p.box[0], style);
  for (size_t i = 0; i + 1 < n; ++i) SqueezePair(p.box[i], p.box[i + 1], atoms[begin + i].em);
  if (n > 0) AtLineEnd(p.box[n - 1]);
  for (size_t i = 0; i + 1 < n; ++i) {
    GapRule g = GapBetween(atoms[begin + i], p.box[i], atoms[begin + i + 1], p.box[i + 1]);
    p.gap_kind[i] = g.kind, p.gap[i] = g.natural, p.gap_min[i] = g.minimum;
  }
}

StretchRoom RoomOf(const ShapedText& text, const Plan& p) {
  StretchRoom r;
  for (size_t i = 0; i < p.n; ++i) {
    const Atom& a = text.atoms[p.begin + i];
    if (p.box[i].space) {
      ++r.space_count;
      r.spaces += std::max(0.0, 0.5 * a.em - p.box[i].width);
    }
    if (i + 1 == p.n) continue;
    if (p.gap_kind[i] != GapKind::kNone) ++r.gap_count;
    if (p.gap_kind[i] == GapKind::kHanLatin) {
      ++r.han_latin_count;
      r.han_latin += std::max(0.0, 0.5 * a.em - p.gap[i]);
    }
    r.letter_gaps += MayLetterSpace(a, text.atoms[p.begin + i + 1]);
  }
  return r;
}

// Takes `amount` in from the optional blanks of one shrink class, in proportion.
double ShrinkClass(Plan& p, int cls, double amount) {
  double capacity = 0;
  for (size_t i = 0; i < p.n; ++i)
    if (p.box[i].shrink_class == cls) capacity += p.box[i].opt_left + p.box[i].opt_right;
  if (capacity <= 0 || amount <= 0) return 0;
  double share = std::min(1.0, amount / capacity);
  for (size_t i = 0; i < p.n; ++i)
    if (p.box[i].shrink_class == cls)
      p.box[i].Cut(p.box[i].opt_left * share, p.box[i].opt_right * share);
  return capacity * share;
}

double ShrinkHanLatin(Plan& p, double amount) {
  double capacity = 0;
  for (size_t i = 0; i < p.n; ++i) capacity += p.gap[i] - p.gap_min[i];
  if (capacity <= 0 || amount <= 0) return 0;
  double share = std::min(1.0, amount / capacity);
  for (size_t i = 0; i < p.n; ++i) p.gap[i] -= (p.gap[i] - p.gap_min[i]) * share;
  return capacity * share;
}

}  // namespace

LineMeasure MeasureLine(const ShapedText& text, uint32_t begin, uint32_t end, bool hanging,
                        const ParagraphStyle& style) {
  if (hanging && end > begin) --end;
  thread_local Plan p;
  MakePlan(text, begin, end, style, p);
  LineMeasure m;
  m.natural = p.Natural();
  m.minimum = m.natural - p.ShrinkCapacity();
  m.room = RoomOf(text, p);
  return m;
}

StretchPlan PlanStretch(double extra, const StretchRoom& room) {
  StretchPlan plan;
  if (extra <= kEpsilon) return plan;
  plan.spaces = std::min(extra, room.spaces);
  extra -= plan.spaces;
  plan.han_latin = std::min(extra, room.han_latin);
  extra -= plan.han_latin;
  if (extra <= kEpsilon) return plan;
  if (room.gap_count > 0)
    plan.per_gap = extra / room.gap_count;
  else if (room.space_count > 0)
    plan.per_space_more = extra / room.space_count;
  else if (room.letter_gaps > 0)
    plan.per_letter = extra / room.letter_gaps;
  else
    plan.short_by = extra;
  return plan;
}

ComposedLine SetLine(const ShapedText& text, uint32_t begin, uint32_t end, double width,
                     double indent, bool last, bool hanging, const ParagraphStyle& style) {
  const auto& atoms = text.atoms;
  ComposedLine line;
  line.begin = begin;
  line.end = end;
  line.width = static_cast<float>(width);
  line.last = last;
  line.hanging = hanging && end > begin + 1;
  const uint32_t content_end = line.hanging ? end - 1 : end;
  thread_local Plan p;
  MakePlan(text, begin, content_end, style, p);
  const double avail = width - indent;
  const double natural = p.Natural();
  line.natural = static_cast<float>(indent + natural);

  std::vector<double> letter(p.n, 0);  // letter spacing after atom i
  double used = natural;
  bool justified = false;
  if (natural > avail + kEpsilon) {
    double need = natural - avail;
    for (int cls = 0; cls < 3 && need > kEpsilon; ++cls) need -= ShrinkClass(p, cls, need);
    if (need > kEpsilon) need -= ShrinkHanLatin(p, need);
    line.overfull = need > 0.01;
    used = p.Natural();
    justified = true;
  } else if (style.justify && !last && natural < avail - kEpsilon) {
    const StretchRoom room = RoomOf(text, p);
    const StretchPlan plan = PlanStretch(avail - natural, room);
    for (size_t i = 0; i < p.n; ++i) {
      const Atom& a = atoms[begin + i];
      if (p.box[i].space) {
        const double grow = std::max(0.0, 0.5 * a.em - p.box[i].width);
        p.box[i].width += (room.spaces > 0 ? plan.spaces * grow / room.spaces : 0) +
                          plan.per_space_more;
      }
      if (i + 1 == p.n) continue;
      if (p.gap_kind[i] == GapKind::kHanLatin && room.han_latin > 0)
        p.gap[i] += plan.han_latin * std::max(0.0, 0.5 * a.em - p.gap[i]) / room.han_latin;
      if (p.gap_kind[i] != GapKind::kNone) p.gap[i] += plan.per_gap;
      if (plan.per_letter > 0 && MayLetterSpace(a, atoms[begin + i + 1]))
        letter[i] = plan.per_letter;
    }
    line.gap_stretch = static_cast<float>(plan.per_gap);
    line.letter_spacing = static_cast<float>(plan.per_letter);
    used = p.Natural();
    for (double l : letter) used += l;
    justified = plan.short_by <= kEpsilon;
  }

  double x = indent;
  if (!justified && used < avail) {
    if (style.align == Align::kCenter) x += (avail - used) / 2;
    if (style.align == Align::kRight) x += avail - used;
  }
  line.x.reserve(end - begin);
  for (size_t i = 0; i < p.n; ++i) {
    line.x.push_back(static_cast<float>(x - p.box[i].cut_left + p.box[i].shift));
    x += p.box[i].width + (i + 1 < p.n ? p.gap[i] + letter[i] : 0);
  }
  line.right = static_cast<float>(x);
  if (p.n > 0) {
    const Atom& last_atom = atoms[begin + p.n - 1];
    line.half_end = last_atom.blank_right > 0 &&
                    p.box[p.n - 1].width <= last_atom.advance - last_atom.blank_right + 0.01;
  }
  if (line.hanging) {
    // The hanging mark sits just past the content, outside the column.
    Plan h;
    MakePlan(text, end - 1, end, style, h);
    line.x.push_back(static_cast<float>(x - h.box[0].cut_left + h.box[0].shift));
    line.right = static_cast<float>(x + h.box[0].width);
  }
  return line;
}

}  // namespace banmian
