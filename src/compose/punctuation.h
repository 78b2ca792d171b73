// Punctuation widths (docs/chinese-rules.md §5): what kind of mark a character is, and which
// of its halves is blank and may be taken away.
//
// Full-width Chinese punctuation is half ink, half blank. Closing marks and 、，。：；！？
// carry their blank on the right, opening brackets and quotes on the left; · and ／ are
// set half an em wide and never widen. The blank's actual size comes from the font's
// `halt` data (Atom::blank_left/right, measured by the shaper); this table says which
// kind of mark a character is, for the squeeze order and the styles.
#pragma once

namespace banmian {

enum class PunctKind {
  kNone,
  kOpening,    // “ ‘ （ 《 【 「 『 〔 〖 〈 ［ ｛
  kClosing,    // ” ’ ） 》 】 」 』 〕 〗 〉 ］ ｝
  kPause,      // 、 ，
  kColon,      // ： ；
  kStop,       // 。 ？ ！ ．
  kFixedHalf,  // · ・ ‧ ／: half an em, centred, never widened
};

PunctKind ClassifyPunct(char32_t c);

// Shrink priority when a line is too long (docs/chinese-rules.md §8): brackets and quotes first,
// then 、，：；, then 。？！. Returns 0, 1 or 2; -1 for characters with no blank.
int ShrinkPriority(PunctKind kind);

// Marks that may hang past the line end when hanging punctuation is on: 、，。．
bool MayHang(char32_t c);

}  // namespace banmian
