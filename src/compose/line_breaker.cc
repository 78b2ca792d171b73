#include "compose/line_breaker.h"

#include <algorithm>

#include "compose/break_rules.h"
#include "text/script.h"

namespace banmian {

namespace {

constexpr double kFitTolerance = 0.01;  // pt: rounding slack when a line fits exactly

bool StretchableGap(char32_t prev, char32_t next) {
  if (IsLatinWordChar(prev) && IsLatinWordChar(next)) return false;
  if (IsInseparablePair(prev, next)) return false;
  return true;
}

ComposedLine SetLine(const ShapedText& text, uint32_t begin, uint32_t end, double width,
                     double indent, bool last, const ParagraphStyle& style) {
  const auto& atoms = text.atoms;
  while (end > begin && IsSpace(atoms[end - 1].ch)) --end;  // trailing spaces hang invisibly
  ComposedLine line;
  line.begin = begin;
  line.end = end;
  line.width = static_cast<float>(width);
  line.last = last;
  double natural = text.Width(begin, end);
  line.natural = static_cast<float>(indent + natural);
  double extra = width - indent - natural;

  int gaps = 0;
  for (uint32_t k = begin; k + 1 < end; ++k) gaps += StretchableGap(atoms[k].ch, atoms[k + 1].ch);
  bool justify = style.justify && !last && extra > 0 && gaps > 0;
  double per_gap = justify ? extra / gaps : 0;

  double x = indent;
  if (!justify && extra > 0) {
    if (style.align == Align::kCenter) x += extra / 2;
    if (style.align == Align::kRight) x += extra;
  }
  line.x.reserve(end - begin);
  for (uint32_t k = begin; k < end; ++k) {
    line.x.push_back(static_cast<float>(x));
    x += atoms[k].advance;
    if (justify && k + 1 < end && StretchableGap(atoms[k].ch, atoms[k + 1].ch)) x += per_gap;
  }
  return line;
}

}  // namespace

std::vector<ComposedLine> BreakLines(const ShapedText& text, const LineWidthFn& width_of_line,
                                     const ParagraphStyle& style) {
  std::vector<ComposedLine> lines;
  const auto& atoms = text.atoms;
  const uint32_t n = static_cast<uint32_t>(atoms.size());
  uint32_t pos = 0;
  while (pos < n && IsSpace(atoms[pos].ch)) ++pos;
  int line_no = 0;
  while (pos < n) {
    double width = width_of_line(line_no);
    double indent = line_no == 0 ? style.first_indent : 0;
    double avail = width - indent;
    // The furthest end that fits; spaces may hang past the edge.
    uint32_t e = pos;
    double acc = 0;
    while (e < n && (IsSpace(atoms[e].ch) || acc + atoms[e].advance <= avail + kFitTolerance)) {
      acc += atoms[e].advance;
      ++e;
    }
    if (e == n) {
      lines.push_back(SetLine(text, pos, n, width, indent, true, style));
      break;
    }
    // Step back to a gap the rules allow.
    uint32_t b = e;
    while (b > pos && !CanBreakBetween(atoms[b - 1].ch, atoms[b].ch)) --b;
    bool overfull = false;
    if (b == pos) {
      // No legal break on the line: cut where it is full (an over-long word or URL),
      // but never before the first atom.
      b = std::max(e, pos + 1);
      overfull = e == pos;
    }
    ComposedLine line = SetLine(text, pos, b, width, indent, false, style);
    line.overfull = overfull;
    lines.push_back(std::move(line));
    pos = b;
    while (pos < n && IsSpace(atoms[pos].ch)) ++pos;
    if (pos == n) lines.back().last = true;
    ++line_no;
  }
  return lines;
}

std::vector<ComposedLine> BreakBalanced(const ShapedText& text, double width,
                                        const ParagraphStyle& style) {
  std::vector<ComposedLine> lines = BreakLines(text, width, style);
  if (lines.size() < 2) return lines;
  // The narrowest width that still needs no more lines.
  double lo = width / lines.size(), hi = width;
  for (int i = 0; i < 16; ++i) {
    double mid = (lo + hi) / 2;
    (BreakLines(text, mid, style).size() > lines.size() ? lo : hi) = mid;
  }
  lines = BreakLines(text, hi, style);
  const double shift = style.align == Align::kCenter  ? (width - hi) / 2
                       : style.align == Align::kRight ? width - hi
                                                      : 0;
  for (ComposedLine& line : lines) {
    for (float& x : line.x) x += static_cast<float>(shift);
    line.width = static_cast<float>(width);
  }
  return lines;
}

std::vector<ComposedLine> BreakLines(const ShapedText& text, double width,
                                     const ParagraphStyle& style) {
  return BreakLines(
      text, [width](int) { return width; }, style);
}

}  // namespace banmian
