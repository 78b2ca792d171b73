// Chinese line-break rules as data (docs/chinese-rules.md §2).
//
// A table of the characters that may not start a line and those that may not end
// one, plus the runs that are never split (—— and ……, Latin words and numbers).
// The line breaker asks CanBreakBetween(prev, next) for every gap; everything about
// where a line may break lives here. Pure functions over code points.
#pragma once

#include <string_view>

namespace banmian {

// 、，。．：；！？‼⁇, closing quotes and brackets, and connectors (～ - – · ・ ‧).
bool ProhibitedAtLineStart(char32_t c);
// Opening quotes and brackets: “ ‘ 「 『 （ ［ ｛ 〔 【 〖 《 〈.
bool ProhibitedAtLineEnd(char32_t c);
// Pairs that are one mark: —— (U+2014 U+2014) and …… (U+2026 U+2026).
bool IsInseparablePair(char32_t prev, char32_t next);

// Whether a line may break between two adjacent characters. Spaces are break
// opportunities after them (a space never starts a line). `strict` also keeps —— and
// …… from starting a line.
bool CanBreakBetween(char32_t prev, char32_t next, bool strict = true);

// A digit and the character after it, other than a space: a figure and its unit or
// counter (28℃, 3级, 7日, 45%). Table cells keep them on one line (ParagraphStyle::
// keep_numbers_with_units); body text breaks before a Han character as usual.
bool NumberWithUnit(char32_t prev, char32_t next);

// In a word too long for its line (a URL, an e-mail address): whether to prefer a cut
// after `prev`, which is the case after / . @ - (docs/chinese-rules.md §2).
bool PreferredEmergencyBreak(char32_t prev, char32_t next);

// The characters of the two tables, for documentation and tests.
std::u32string_view LineStartProhibited();
std::u32string_view LineEndProhibited();

}  // namespace banmian
