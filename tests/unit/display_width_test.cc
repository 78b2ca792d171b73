#include "cli/display_width.h"

#include <doctest/doctest.h>

using namespace banmian;

TEST_CASE("display width: wide and fullwidth characters take 2 cells") {
  CHECK(DisplayWidth(U'a') == 1);
  CHECK(DisplayWidth(U' ') == 1);
  CHECK(DisplayWidth(U'社') == 2);
  CHECK(DisplayWidth(U'，') == 2);          // a full-width comma
  CHECK(DisplayWidth(U'Ａ') == 2);          // fullwidth Latin
  CHECK(DisplayWidth(U'\U00020000') == 2);  // CJK extension B
  CHECK(DisplayWidth(U'“') == 1);           // ambiguous: narrow
  CHECK(DisplayWidth(U'ｱ') == 1);           // halfwidth katakana
}

TEST_CASE("display width: combining marks and format characters take none") {
  CHECK(DisplayWidth(U'\u0301') == 0);  // combining acute
  CHECK(DisplayWidth(U'\u200b') == 0);  // zero-width space
  CHECK(DisplayWidth(U'\ufe0f') == 0);  // variation selector
}
