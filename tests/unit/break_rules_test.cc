#include "compose/break_rules.h"

#include <doctest/doctest.h>

#include <string>

using namespace banmian;

TEST_CASE("break rules: every line-start-prohibited mark of docs/chinese-rules.md §2") {
  for (char32_t c : std::u32string(U"、，。．：；！？‼⁇”’」』）］｝〕】〗》〉～-–·・‧")) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(ProhibitedAtLineStart(c));
    CHECK_FALSE(CanBreakBetween(U'字', c));
  }
}

TEST_CASE("break rules: every line-end-prohibited mark of docs/chinese-rules.md §2") {
  for (char32_t c : std::u32string(U"“‘「『（［｛〔【〖《〈")) {
    CAPTURE(static_cast<unsigned>(c));
    CHECK(ProhibitedAtLineEnd(c));
    CHECK_FALSE(CanBreakBetween(c, U'字'));
    CHECK(CanBreakBetween(U'字', c));  // a break before an opening mark is fine
  }
}

TEST_CASE("break rules: ideographs break anywhere, Latin words and numbers never") {
  CHECK(CanBreakBetween(U'中', U'文'));
  CHECK(CanBreakBetween(U'年', U'2'));
  CHECK(CanBreakBetween(U'1', U'年'));
  CHECK_FALSE(CanBreakBetween(U'2', U'0'));
  CHECK_FALSE(CanBreakBetween(U'a', U'b'));
  CHECK_FALSE(CanBreakBetween(U'3', U','));
  CHECK(CanBreakBetween(U' ', U'a'));
  CHECK_FALSE(CanBreakBetween(U'a', U' '));
}

TEST_CASE("break rules: —— and …… are never split") {
  CHECK_FALSE(CanBreakBetween(U'—', U'—'));
  CHECK_FALSE(CanBreakBetween(U'…', U'…'));
  CHECK_FALSE(CanBreakBetween(U'字', U'—'));   // strict: —— never starts a line
  CHECK(CanBreakBetween(U'字', U'—', false));  // basic: it may
  CHECK_FALSE(CanBreakBetween(U'字', U'…'));
  CHECK(CanBreakBetween(U'—', U'字'));
}

TEST_CASE("break rules: over-long words are cut after / . @ - first") {
  CHECK(PreferredEmergencyBreak(U'/', U'p'));
  CHECK(PreferredEmergencyBreak(U'@', U'1'));
  CHECK(PreferredEmergencyBreak(U'.', U'c'));
  CHECK(PreferredEmergencyBreak(U'-', U'1'));
  CHECK_FALSE(PreferredEmergencyBreak(U'a', U'b'));
  CHECK_FALSE(PreferredEmergencyBreak(U'/', U'，'));
}
