// Phrase breaks: where display text (a headline, a title) reads well broken, and how well.
//
// Body text breaks between any two characters (the kinsoku rules aside), but a headline
// broken inside a word (垃|圾, 单|位) reads as a mistake. This classifies every gap between
// two atoms of a text: after a space or a mark that ends a clause (，、。；：！？ —— ……) is
// a phrase boundary (the best); a word boundary found by ICU's dictionary-based word break
// iterator (UAX #29 with ICU's Chinese dictionary) is good, and so is a break beside quotes
// and brackets, which hold a term inside its phrase (“创全”工作); a boundary between two single
// characters ICU found no word for (a name its dictionary lacks: 虹|桥, 疫|情), or before
// a particle that leans on the word before it (展现|的), is weaker;
// anything else is inside a word, as is a number and the unit after it (2021年, 72周年,
// 第3). The classes say nothing about whether a line may break there: that is the
// composer's business (compose/break_rules.h), which applies the kinsoku rules on top.
//
// ICU's iterator is created once per thread and reused (creating one loads its rules and
// dictionary), so the functions are thread-safe, and they are deterministic.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/shaped_text.h"

namespace banmian {

// How good a break between two atoms is, best first.
enum class BreakClass : uint8_t {
  kPhrase,    // after a space, or a mark that ends a clause or phrase (， 、 。 ——)
  kWord,      // at a word boundary of ICU's dictionary
  kWeakWord,  // between two one-character "words" (ICU did not know the word), or before 的
  kInWord,    // inside a word, or between a number and its unit
};

// The class of a break before each atom of `utf8`, whose atoms start at the byte offsets
// `atom_begins` (ascending, the first 0). result[k] is the break between atoms k-1 and k;
// result[0], before the text, is kPhrase. ICU's boundaries inside an atom (a cluster of a
// character and its marks or variation selector) are not breaks between atoms.
std::vector<BreakClass> PhraseBreaks(std::string_view utf8,
                                     const std::vector<uint32_t>& atom_begins);

// The same for a shaped text's atoms.
std::vector<BreakClass> PhraseBreaks(const ShapedText& text);

// The same with each code point an atom (for tests and plain strings).
std::vector<BreakClass> PhraseBreaks(std::string_view utf8);

}  // namespace banmian
