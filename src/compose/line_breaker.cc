#include "compose/line_breaker.h"

#include <algorithm>

#include "compose/break_rules.h"
#include "compose/punctuation.h"
#include "text/script.h"

namespace banmian {

namespace {

constexpr double kFitTolerance = 0.01;  // pt: rounding slack when a line fits exactly

struct Breaker {
  const ShapedText& text;
  const LineWidthFn& width_of_line;
  const ParagraphStyle& style;
  const std::vector<Atom>& atoms = text.atoms;
  const uint32_t n = static_cast<uint32_t>(text.atoms.size());
  const bool strict = style.rules.strictness == TypesettingRules::Strictness::kStrict;

  double Indent(int line_no) const { return line_no == 0 ? style.first_indent : 0; }
  double Avail(int line_no) const { return width_of_line(line_no) - Indent(line_no); }
  bool CanBreak(uint32_t at) const {
    return CanBreakBetween(atoms[at - 1].ch, atoms[at].ch, strict);
  }

  // [begin, end) without trailing spaces: they hang invisibly at a line's end.
  uint32_t Trim(uint32_t begin, uint32_t end) const {
    while (end > begin && IsSpace(atoms[end - 1].ch)) --end;
    return end;
  }
  bool Fits(uint32_t begin, uint32_t end, bool hanging, double avail) const {
    return MeasureLine(text, begin, Trim(begin, end), hanging, style).minimum <=
           avail + kFitTolerance;
  }
  ComposedLine Set(uint32_t begin, uint32_t end, int line_no, bool last, bool hanging) const {
    return SetLine(text, begin, Trim(begin, end), width_of_line(line_no), Indent(line_no), last,
                   hanging, style);
  }

  std::vector<ComposedLine> Run() {
    std::vector<ComposedLine> lines;
    uint32_t pos = 0;
    while (pos < n && IsSpace(atoms[pos].ch)) ++pos;
    int line_no = 0;
    while (pos < n) {
      const double avail = Avail(line_no);
      // The furthest end that fits with everything squeezed; spaces may hang past the edge.
      uint32_t e = pos;
      while (e < n && (IsSpace(atoms[e].ch) || Fits(pos, e + 1, false, avail))) ++e;
      if (e == n) {
        lines.push_back(Set(pos, n, line_no, true, false));
        break;
      }
      bool hanging = false;
      uint32_t b = e;
      if (style.rules.hanging && e > pos && MayHang(atoms[e].ch) && CanBreak(e) == false &&
          (e + 1 == n || CanBreak(e + 1))) {
        b = e + 1;  // the mark that would start the next line hangs past this one's end
        hanging = true;
      } else {
        while (b > pos && !CanBreak(b)) --b;
        // A word that fits on no line at all (a long URL) is started here and cut,
        // rather than pushed down and leaving this line nearly empty.
        if (b > pos && !FitsOnALine(b, line_no + 1)) b = pos;
      }
      bool overfull = false, cut = b == pos;
      if (cut) b = EmergencyBreak(pos, e, overfull);
      // A line ending inside a cut word is set flush, not stretched: Latin is never
      // letter-spaced, so the stretch would all fall into one or two gaps.
      ComposedLine line = Set(pos, b, line_no, b == n || cut, hanging);
      line.last = b == n;
      line.overfull |= overfull;
      lines.push_back(std::move(line));
      pos = b;
      while (pos < n && IsSpace(atoms[pos].ch)) ++pos;
      if (pos == n) lines.back() = Set(lines.back().begin, b, line_no, true, hanging);
      ++line_no;
    }
    AvoidLoneLastCharacter(lines);
    return lines;
  }

  // Whether the unbreakable run starting at `from` fits on an empty line.
  bool FitsOnALine(uint32_t from, int line_no) const {
    uint32_t to = from + 1;
    while (to < n && !CanBreak(to)) ++to;
    return Fits(from, to, false, Avail(line_no));
  }

  // No legal break on the line: the word is longer than the line. Cut after / . @ - if
  // one is in reach, else where the line is full; never before the first atom.
  uint32_t EmergencyBreak(uint32_t pos, uint32_t e, bool& overfull) const {
    for (uint32_t k = e; k > pos + 1; --k)
      if (PreferredEmergencyBreak(atoms[k - 1].ch, atoms[k].ch)) return k;
    overfull = e == pos;
    return std::max(e, pos + 1);
  }

  // A last line of one character (or one and its marks) takes one more from the line above.
  void AvoidLoneLastCharacter(std::vector<ComposedLine>& lines) const {
    if (lines.size() < 2 || !style.justify) return;
    ComposedLine& last = lines.back();
    int visible = 0;
    for (uint32_t k = last.begin; k < last.end; ++k)
      visible += ClassifyPunct(atoms[k].ch) == PunctKind::kNone && !IsSpace(atoms[k].ch);
    if (visible > 1) return;
    const int prev_no = static_cast<int>(lines.size()) - 2, last_no = prev_no + 1;
    const ComposedLine& prev = lines[prev_no];
    for (uint32_t nb = prev.end - 1; nb > prev.begin + 1; --nb) {
      if (!CanBreak(nb) || IsSpace(atoms[nb].ch)) continue;
      if (!Fits(nb, last.end, false, Avail(last_no))) return;
      uint32_t last_end = last.end;
      lines[prev_no] = Set(prev.begin, nb, prev_no, false, false);
      lines[last_no] = Set(nb, last_end, last_no, true, false);
      return;
    }
  }
};

}  // namespace

std::vector<ComposedLine> BreakLines(const ShapedText& text, const LineWidthFn& width_of_line,
                                     const ParagraphStyle& style) {
  return Breaker{text, width_of_line, style}.Run();
}

std::vector<ComposedLine> BreakLines(const ShapedText& text, double width,
                                     const ParagraphStyle& style) {
  return BreakLines(
      text, [width](int) { return width; }, style);
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
    line.right += static_cast<float>(shift);
    line.width = static_cast<float>(width);
  }
  return lines;
}

}  // namespace banmian
