#include "compose/break_rules.h"

#include "text/script.h"

namespace banmian {

namespace {
// docs/chinese-rules.md §2, in the order given there.
constexpr std::u32string_view kStartProhibited =
    U"、，。．：；！？‼⁇"
    U"”’」』）］｝〕】〗》〉"
    U"～-–·・‧"
    // Half-width forms of the same marks, in case normalisation was turned off.
    U",.:;!?)]}";
constexpr std::u32string_view kEndProhibited = U"“‘「『（［｛〔【〖《〈([{";
}  // namespace

std::u32string_view LineStartProhibited() {
  return kStartProhibited;
}
std::u32string_view LineEndProhibited() {
  return kEndProhibited;
}

bool ProhibitedAtLineStart(char32_t c) {
  return kStartProhibited.find(c) != std::u32string_view::npos;
}
bool ProhibitedAtLineEnd(char32_t c) {
  return kEndProhibited.find(c) != std::u32string_view::npos;
}

bool IsInseparablePair(char32_t prev, char32_t next) {
  return (prev == 0x2014 && next == 0x2014) || (prev == 0x2026 && next == 0x2026) ||
         (prev == 0x2E3A && next == 0x2E3A);
}

bool CanBreakBetween(char32_t prev, char32_t next, bool strict) {
  if (IsSpace(next)) return false;  // break after the space run, not before it
  if (strict && (next == 0x2014 || next == 0x2026 || next == 0x2E3A)) return false;
  if (ProhibitedAtLineStart(next) || ProhibitedAtLineEnd(prev)) return false;
  if (IsInseparablePair(prev, next)) return false;
  if (IsSpace(prev)) return true;
  // Latin words and numbers hold together; they break only at spaces (or, when longer
  // than a line, by the breaker's emergency rule).
  if (IsLatinWordChar(prev) && IsLatinWordChar(next)) return false;
  return true;
}

}  // namespace banmian

namespace banmian {

bool NumberWithUnit(char32_t prev, char32_t next) {
  const bool digit = (prev >= '0' && prev <= '9') || (prev >= 0xFF10 && prev <= 0xFF19);
  return digit && next > 0x20 && next != 0x3000;
}

bool PreferredEmergencyBreak(char32_t prev, char32_t next) {
  return (prev == '/' || prev == '.' || prev == '@' || prev == '-') && IsLatinWordChar(next);
}

}  // namespace banmian
