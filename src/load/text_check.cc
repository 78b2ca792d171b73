#include "load/text_check.h"

#include <hb.h>

#include <cstdio>

#include "model/utf8.h"

namespace banmian {

namespace {

bool IsControl(char32_t c, TextKind kind) {
  if (c == '\t' || c == '\n') return false;
  if (c == '\r') return kind != TextKind::kFile;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

// The explicit marks and controls that make text right to left (their script is Common,
// so HarfBuzz's script table does not say it): RLM, ALM, RLE, RLO, RLI, FSI.
bool IsRightToLeftControl(char32_t c) {
  return c == 0x200F || c == 0x061C || c == 0x202B || c == 0x202E || c == 0x2067 || c == 0x2068;
}

bool IsRightToLeft(char32_t c) {
  if (c < 0x0590) return false;                  // Latin, Greek, Cyrillic, …: fast path
  if (c >= 0x2E80 && c <= 0xFAFF) return false;  // CJK: fast path
  if (IsRightToLeftControl(c)) return true;
  static hb_unicode_funcs_t* const funcs = hb_unicode_funcs_get_default();
  return hb_script_get_horizontal_direction(hb_unicode_script(funcs, c)) == HB_DIRECTION_RTL;
}

std::string CodePoint(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

}  // namespace

std::optional<UnsetCharacter> FindUnsetCharacter(std::string_view text, TextKind kind) {
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII, most of every file
      ++i;
      continue;
    }
    const char32_t c = Utf8Next(text, i);
    if (IsControl(c, kind)) return UnsetCharacter{at, c, UnsetKind::kControl};
    if (kind == TextKind::kFile) continue;
    if (c == 0xFFFD) return UnsetCharacter{at, c, UnsetKind::kReplacement};
    if (IsRightToLeft(c)) return UnsetCharacter{at, c, UnsetKind::kRightToLeft};
  }
  return std::nullopt;
}

std::string DescribeUnset(const UnsetCharacter& c) {
  switch (c.kind) {
    case UnsetKind::kControl:
      return "a control character (" + CodePoint(c.ch) + (c.ch == 0 ? ", NUL" : "") + ")";
    case UnsetKind::kReplacement:
      return "the replacement character U+FFFD, which stands for a character lost in a "
             "conversion (or a NUL)";
    case UnsetKind::kRightToLeft: {
      std::string s = "right-to-left text (";
      Utf8Append(s, c.ch);
      return s + ", " + CodePoint(c.ch) + "), which banmian does not set";
    }
  }
  return {};
}

std::string UnsetHint(const UnsetCharacter& c) {
  switch (c.kind) {
    case UnsetKind::kControl:
      return "delete it: control characters are not printed (they are often left over from "
             "copying text out of another program)";
    case UnsetKind::kReplacement:
      return "the text was damaged before it reached banmian: copy it again from its source";
    case UnsetKind::kRightToLeft:
      return "banmian sets Chinese and left-to-right text only: write the words in "
             "transliteration, or set them as a picture";
  }
  return {};
}

}  // namespace banmian
