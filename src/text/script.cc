#include "text/script.h"

namespace banmian {

bool IsIdeograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x3134F) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

bool IsCjkPunctuation(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) || (c >= 0xFE30 && c <= 0xFE4F) || c == 0x201C ||
         c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2014 || c == 0x2026 || c == 0x00B7 ||
         c == 0x2027 || c == 0x30FB || c == 0x2E3A || c == 0x25A1;
}

bool IsCjk(char32_t c) {
  return IsIdeograph(c) || IsCjkPunctuation(c) || (c >= 0x3040 && c <= 0x30FF) ||
         (c >= 0x2E80 && c <= 0x2FDF);
}

bool IsAsciiDigit(char32_t c) {
  return c >= '0' && c <= '9';
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == 0x00A0 || c == '\n';
}

bool IsLatinWordChar(char32_t c) {
  return !IsSpace(c) && !IsCjk(c) && c > 0x20;
}

}  // namespace banmian
