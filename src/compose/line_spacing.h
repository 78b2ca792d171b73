// The spacing rules of a line, one atom and one neighbouring pair at a time
// (docs/chinese-rules.md §5, §7; clreq §3.1 on punctuation widths, §3.2 on Han–Latin spacing).
//
// Both the justifier (which sets a chosen line) and the line meter (which measures every
// candidate line the paragraph composer weighs) build a line from these functions, so the
// widths the composer chooses by are exactly the widths the line is set with.
//   - An atom's box: its advance, and the blank halves of a punctuation mark that the
//     composer may take away (from the font's `halt` data, or half the advance of a
//     full-width mark in a font without it). 开明 style cuts every mark but 。？！ to half.
//   - The line's start: an opening mark there is always flush (its blank cut) or always
//     keeps its blank, as the layout's `line_start_opening` says; never a variable shrink,
//     so the column's left edge is straight.
//   - Two marks in a row lose half an em between them (the first's right blank first).
//   - The line's end: a mark there loses its right blank (the line ends on ink).
//   - The gap after an atom: a quarter em (shrinkable to an eighth) between an ideograph
//     and a Latin letter or digit, none inside a Latin word, —— or ……, or beside a typed
//     space or a fixed-half mark (· ／), and an empty stretchable gap anywhere else.
// All widths in pt. Pure functions.
#pragma once

#include "compose/justifier.h"
#include "compose/punctuation.h"
#include "text/shaped_text.h"

namespace banmian {

struct AtomBox {
  PunctKind kind = PunctKind::kNone;
  double width = 0;       // box width after the cuts so far
  double cut_left = 0;    // blank removed on the left: the glyph moves left by it
  double shift = 0;       // centring of a fixed-half mark inside its half em
  double opt_left = 0;    // blank that may still be taken away, left
  double opt_right = 0;   // … and right
  int shrink_class = -1;  // ShrinkPriority of the mark; -1 for an atom with no blank
  bool space = false;     // a typed space

  // Takes up to `left` and `right` of the optional blanks away.
  void Cut(double left, double right);
};

enum class GapKind : uint8_t { kNone, kNormal, kHanLatin };

struct GapRule {
  GapKind kind = GapKind::kNone;
  double natural = 0;  // pt
  double minimum = 0;  // pt, what shrinking may leave
};

// The box of `a` inside a line (not at its start or end), kaiming cuts applied.
AtomBox BoxOf(const Atom& a, const ParagraphStyle& style);
// The first atom of a line: an opening mark is made flush or keeps its blank for good.
void AtLineStart(AtomBox& box, const ParagraphStyle& style);
// Two adjacent atoms: marks in a row lose half an em (`em` of the first) between them.
void SqueezePair(AtomBox& first, AtomBox& second, double em);
// The last atom of a line: a mark loses its right blank.
inline void AtLineEnd(AtomBox& box) {
  box.Cut(0, box.opt_right);
}
// The gap between adjacent atoms `a` and `b` (boxes already made).
GapRule GapBetween(const Atom& a, const AtomBox& box_a, const Atom& b, const AtomBox& box_b);
// Whether the last-resort letter spacing of a line with no other gaps may open the gap
// between `a` and `b`: anywhere but beside a space and inside —— or …….
bool MayLetterSpace(const Atom& a, const Atom& b);

}  // namespace banmian
