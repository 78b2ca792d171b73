// How many terminal cells a character takes, for placing a caret under a column.
//
// By Unicode's East Asian Width (from ICU, so the same on every machine whatever the
// locale): wide and fullwidth characters (汉字, ，, Ａ) take 2 cells; combining marks,
// enclosing marks and format characters (a zero-width space, a variation selector) 0;
// everything else 1. Ambiguous-width characters (“ ” …) are taken as 1, as terminals set
// up for Chinese outside East Asian locales show them.
#pragma once

namespace banmian {

int DisplayWidth(char32_t ch);

}  // namespace banmian
