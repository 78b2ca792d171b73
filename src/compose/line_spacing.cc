#include "compose/line_spacing.h"

#include <algorithm>

#include "compose/break_rules.h"
#include "text/script.h"

namespace banmian {

namespace {

bool IsLatinAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

bool IsHan(char32_t c) {
  return IsIdeograph(c) || (c >= 0x3040 && c <= 0x30FF);
}

}  // namespace

void AtomBox::Cut(double left, double right) {
  left = std::min(left, opt_left);
  right = std::min(right, opt_right);
  opt_left -= left, opt_right -= right;
  cut_left += left;
  width -= left + right;
}

AtomBox BoxOf(const Atom& a, const ParagraphStyle& style) {
  AtomBox box;
  box.kind = ClassifyPunct(a.ch);
  box.width = a.advance;
  box.space = IsSpace(a.ch);
  if (box.kind == PunctKind::kFixedHalf) {
    box.width = 0.5 * a.em;
    box.shift = (0.5 * a.em - a.advance) / 2;
    return box;
  }
  double left = a.blank_left, right = a.blank_right;
  // A font without halt data: full-width marks are half blank on their open side.
  if (left == 0 && right == 0 && box.kind != PunctKind::kNone && a.advance >= 0.9 * a.em)
    (box.kind == PunctKind::kOpening ? left : right) = 0.5 * a.advance;
  box.opt_left = left, box.opt_right = right;
  box.shrink_class = ShrinkPriority(box.kind);
  if (style.rules.punctuation == TypesettingRules::Punctuation::kKaiming &&
      box.kind != PunctKind::kNone && box.kind != PunctKind::kStop)
    box.Cut(left, right);
  return box;
}

void AtLineStart(AtomBox& box, const ParagraphStyle& style) {
  if (box.kind != PunctKind::kOpening) return;
  if (style.rules.line_start_opening == TypesettingRules::LineStartOpening::kFlush)
    box.Cut(box.opt_left, 0);
  else
    box.opt_left = 0;  // the blank stays, and is not there to squeeze
}

void SqueezePair(AtomBox& first, AtomBox& second, double em) {
  if (first.shrink_class < 0 || second.shrink_class < 0) return;
  const double remove = 0.5 * em;
  const double from_first = std::min(remove, first.opt_right);
  first.Cut(0, from_first);
  second.Cut(remove - from_first, 0);
}

GapRule GapBetween(const Atom& a, const AtomBox& box_a, const Atom& b, const AtomBox& box_b) {
  if (box_a.space || box_b.space) return {};  // a typed space is the gap
  if ((IsHan(a.ch) && IsLatinAlnum(b.ch)) || (IsLatinAlnum(a.ch) && IsHan(b.ch))) {
    const double em = IsHan(a.ch) ? a.em : b.em;
    return {GapKind::kHanLatin, 0.25 * em, 0.125 * em};
  }
  if (IsLatinWordChar(a.ch) && IsLatinWordChar(b.ch)) return {};  // Latin is not letter-spaced
  if (IsInseparablePair(a.ch, b.ch)) return {};
  if (box_a.kind == PunctKind::kFixedHalf || box_b.kind == PunctKind::kFixedHalf) return {};
  return {GapKind::kNormal, 0, 0};
}

bool MayLetterSpace(const Atom& a, const Atom& b) {
  return !IsSpace(a.ch) && !IsSpace(b.ch) && !IsInseparablePair(a.ch, b.ch);
}

}  // namespace banmian
