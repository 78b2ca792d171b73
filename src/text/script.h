// Which writing system a character belongs to, as typesetting needs it.
//
// Shared by normalisation and the composer's break and spacing rules. Pure
// functions on code points.
#pragma once

namespace banmian {

// Han ideographs (URO, extension A, B–G, compatibility).
bool IsIdeograph(char32_t c);
// Full-width CJK punctuation and symbols, including “ ” ‘ ’ —— …… and the interpunct.
bool IsCjkPunctuation(char32_t c);
// Ideograph, kana or CJK punctuation: the text counts as Chinese here.
bool IsCjk(char32_t c);
bool IsAsciiDigit(char32_t c);
// A Latin letter, digit or other non-CJK visible character (a word character of Latin text).
bool IsLatinWordChar(char32_t c);
bool IsSpace(char32_t c);

}  // namespace banmian
