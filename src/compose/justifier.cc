#include "compose/justifier.h"

#include <algorithm>

#include "compose/break_rules.h"
#include "compose/punctuation.h"
#include "text/script.h"

namespace banmian {

namespace {

constexpr double kEpsilon = 0.005;  // pt

bool IsLatinAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool IsHan(char32_t c) {
  return IsIdeograph(c) || (c >= 0x3040 && c <= 0x30FF);
}

enum class Gap : uint8_t { kNone, kNormal, kHanLatin };

// The plan of one line: every atom's box and every gap, before and after adjusting.
struct Plan {
  uint32_t begin = 0;
  size_t n = 0;
  std::vector<double> width;                // box width after the cuts so far
  std::vector<double> cut_left;             // blank removed on the left: the glyph moves left by it
  std::vector<double> shift;                // centring of fixed-half marks
  std::vector<double> opt_left, opt_right;  // blanks still optional
  std::vector<int> shrink_class;            // ShrinkPriority of the atom, -1 for none
  std::vector<double> gap, gap_min;         // after atom i
  std::vector<Gap> gap_kind;
  std::vector<bool> space;
  std::vector<PunctKind> kind;

  void Cut(size_t i, double left, double right) {
    left = std::min(left, opt_left[i]);
    right = std::min(right, opt_right[i]);
    opt_left[i] -= left, opt_right[i] -= right;
    cut_left[i] += left;
    width[i] -= left + right;
  }
  double Natural() const {
    double w = 0;
    for (size_t i = 0; i < n; ++i) w += width[i] + gap[i];
    return w;
  }
  double ShrinkCapacity() const {
    double c = 0;
    for (size_t i = 0; i < n; ++i) c += opt_left[i] + opt_right[i] + (gap[i] - gap_min[i]);
    return c;
  }
};

// Fills `p` for atoms [begin, end). The breaker measures thousands of candidate lines:
// reusing one plan's vectors keeps that free of heap allocations.
void MakePlan(const ShapedText& text, uint32_t begin, uint32_t end, const ParagraphStyle& style,
              Plan& p) {
  const auto& atoms = text.atoms;
  p.begin = begin;
  p.n = end - begin;
  const size_t n = p.n;
  p.width.assign(n, 0), p.cut_left.assign(n, 0), p.shift.assign(n, 0), p.opt_left.assign(n, 0);
  p.opt_right.assign(n, 0), p.shrink_class.assign(n, -1), p.gap.assign(n, 0),
      p.gap_min.assign(n, 0);
  p.gap_kind.assign(n, Gap::kNone), p.space.assign(n, false);
  const bool kaiming = style.rules.punctuation == TypesettingRules::Punctuation::kKaiming;
  p.kind.assign(n, PunctKind::kNone);
  std::vector<PunctKind>& kind = p.kind;
  for (size_t i = 0; i < n; ++i) {
    const Atom& a = atoms[begin + i];
    kind[i] = ClassifyPunct(a.ch);
    p.width[i] = a.advance;
    p.space[i] = IsSpace(a.ch);
    if (kind[i] == PunctKind::kFixedHalf) {
      p.width[i] = 0.5 * a.em;
      p.shift[i] = (0.5 * a.em - a.advance) / 2;
      continue;
    }
    double left = a.blank_left, right = a.blank_right;
    // A font without halt data: full-width marks are half blank on their open side.
    if (left == 0 && right == 0 && kind[i] != PunctKind::kNone && a.advance >= 0.9 * a.em)
      (kind[i] == PunctKind::kOpening ? left : right) = 0.5 * a.advance;
    p.opt_left[i] = left, p.opt_right[i] = right;
    p.shrink_class[i] = ShrinkPriority(kind[i]);
    if (kaiming && kind[i] != PunctKind::kNone && kind[i] != PunctKind::kStop)
      p.Cut(i, left, right);
  }
  // Two marks in a row lose half an em between them: the first's right blank, then the
  // second's left.
  for (size_t i = 0; i + 1 < n; ++i) {
    if (p.shrink_class[i] < 0 || p.shrink_class[i + 1] < 0) continue;
    double remove = 0.5 * atoms[begin + i].em;
    double from_first = std::min(remove, p.opt_right[i]);
    p.Cut(i, 0, from_first);
    p.Cut(i + 1, remove - from_first, 0);
  }
  // The line ends on ink.
  if (n > 0) p.Cut(n - 1, 0, p.opt_right[n - 1]);
  // Gaps between neighbours.
  for (size_t i = 0; i + 1 < n; ++i) {
    const Atom &a = atoms[begin + i], &b = atoms[begin + i + 1];
    if (p.space[i] || p.space[i + 1]) continue;  // a typed space is the gap
    if ((IsHan(a.ch) && IsLatinAlnum(b.ch)) || (IsLatinAlnum(a.ch) && IsHan(b.ch))) {
      double em = IsHan(a.ch) ? a.em : b.em;
      p.gap[i] = 0.25 * em, p.gap_min[i] = 0.125 * em;
      p.gap_kind[i] = Gap::kHanLatin;
      continue;
    }
    if (IsLatinWordChar(a.ch) && IsLatinWordChar(b.ch)) continue;  // Latin is never letter-spaced
    if (IsInseparablePair(a.ch, b.ch)) continue;
    if (kind[i] == PunctKind::kFixedHalf || kind[i + 1] == PunctKind::kFixedHalf) continue;
    p.gap_kind[i] = Gap::kNormal;
  }
}

// Takes `amount` in from the optional blanks of one shrink class, in proportion.
double ShrinkClass(Plan& p, int cls, double amount) {
  double capacity = 0;
  for (size_t i = 0; i < p.n; ++i)
    if (p.shrink_class[i] == cls) capacity += p.opt_left[i] + p.opt_right[i];
  if (capacity <= 0 || amount <= 0) return 0;
  double share = std::min(1.0, amount / capacity);
  for (size_t i = 0; i < p.n; ++i)
    if (p.shrink_class[i] == cls) p.Cut(i, p.opt_left[i] * share, p.opt_right[i] * share);
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

// Spreads `amount` over items with room (capacity each), in proportion to their room.
template <typename Room, typename Grow>
double StretchUpTo(size_t n, double amount, Room room, Grow grow) {
  double capacity = 0;
  for (size_t i = 0; i < n; ++i) capacity += std::max(0.0, room(i));
  if (capacity <= 0 || amount <= 0) return 0;
  double share = std::min(1.0, amount / capacity);
  for (size_t i = 0; i < n; ++i)
    if (room(i) > 0) grow(i, room(i) * share);
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
  return m;
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
    double extra = avail - natural;
    // Latin spaces up to half an em, then Han–Latin gaps up to half an em…
    extra -= StretchUpTo(
        p.n, extra,
        [&](size_t i) { return p.space[i] ? 0.5 * atoms[begin + i].em - p.width[i] : 0.0; },
        [&](size_t i, double d) { p.width[i] += d; });
    extra -= StretchUpTo(
        p.n, extra,
        [&](size_t i) {
          return p.gap_kind[i] == Gap::kHanLatin ? 0.5 * atoms[begin + i].em - p.gap[i] : 0.0;
        },
        [&](size_t i, double d) { p.gap[i] += d; });
    // …then every gap between characters alike.
    size_t gaps = 0;
    for (size_t i = 0; i + 1 < p.n; ++i) gaps += p.gap_kind[i] != Gap::kNone;
    if (gaps > 0 && extra > kEpsilon) {
      for (size_t i = 0; i + 1 < p.n; ++i)
        if (p.gap_kind[i] != Gap::kNone) p.gap[i] += extra / gaps;
      extra = 0;
    }
    used = p.Natural();
    justified = extra <= kEpsilon;
  }

  double x = indent;
  if (!justified && used < avail) {
    if (style.align == Align::kCenter) x += (avail - used) / 2;
    if (style.align == Align::kRight) x += avail - used;
  }
  line.x.reserve(end - begin);
  for (size_t i = 0; i < p.n; ++i) {
    line.x.push_back(static_cast<float>(x - p.cut_left[i] + p.shift[i]));
    x += p.width[i] + (i + 1 < p.n ? p.gap[i] : 0);
  }
  line.right = static_cast<float>(x);
  if (p.n > 0) {
    const Atom& last_atom = atoms[begin + p.n - 1];
    line.half_end = last_atom.blank_right > 0 &&
                    p.width[p.n - 1] <= last_atom.advance - last_atom.blank_right + 0.01;
  }
  if (line.hanging) {
    // The hanging mark sits just past the content, outside the column.
    Plan h;
    MakePlan(text, end - 1, end, style, h);
    line.x.push_back(static_cast<float>(x - h.cut_left[0] + h.shift[0]));
    line.right = static_cast<float>(x + h.width[0]);
  }
  return line;
}

}  // namespace banmian
