#include "load/text_check.h"

#include <doctest/doctest.h>

#include <string>

#include "load/yaml_reader.h"
#include "test_util.h"

using namespace banmian;
using banmian::test::Messages;

TEST_CASE("text check: control characters, U+FFFD and right-to-left text are found") {
  using std::string_literals::operator""s;
  CHECK_FALSE(FindUnsetCharacter("社区晨报 A01\t第185期\n", TextKind::kText));
  auto nul = FindUnsetCharacter("a\0b"s, TextKind::kText);
  REQUIRE(nul);
  CHECK(nul->offset == 1);
  CHECK(nul->kind == UnsetKind::kControl);
  CHECK(DescribeUnset(*nul) == "a control character (U+0000, NUL)");
  // C1 (U+0085), DEL and a carriage return inside a text.
  CHECK(FindUnsetCharacter("测\u0085试", TextKind::kText)->ch == 0x85);
  CHECK(FindUnsetCharacter("x\x7Fy", TextKind::kText)->ch == 0x7F);
  CHECK(FindUnsetCharacter("x\ry", TextKind::kText)->ch == '\r');
  // A file's line ends are no control characters; its U+FFFD and Hebrew are left to the
  // checks of the texts in it (a comment may hold anything printable).
  CHECK_FALSE(FindUnsetCharacter("a: b\r\nc: ם\uFFFD\n", TextKind::kFile));
  CHECK(FindUnsetCharacter("a: b\x0c\n", TextKind::kFile)->ch == 0x0C);
  // The smallest right-to-left case of the issue, Arabic, and the marks that turn text.
  auto rtl = FindUnsetCharacter("ם。", TextKind::kText);
  REQUIRE(rtl);
  CHECK(rtl->kind == UnsetKind::kRightToLeft);
  CHECK(DescribeUnset(*rtl) == "right-to-left text (ם, U+05DD), which banmian does not set");
  CHECK(FindUnsetCharacter("中文مرحبا", TextKind::kText)->offset == 6);
  for (const char* mark : {"\u200F", "\u061C", "\u202B", "\u202E", "\u2067", "\u2068"})
    CHECK(FindUnsetCharacter(std::string("中") + mark, TextKind::kText)->kind ==
          UnsetKind::kRightToLeft);
  // Left-to-right marks and the pop of an embedding are harmless.
  CHECK_FALSE(FindUnsetCharacter("中\u200E文\u202C", TextKind::kText));
  CHECK(FindUnsetCharacter("坏\uFFFD字", TextKind::kText)->kind == UnsetKind::kReplacement);
}

TEST_CASE("text check: every YAML key and value, at the character when it is in the source") {
  Diagnostics d;
  YamlSource src{"t.yaml",
                 "title: \"报\\0\"\nfields:\n  board: 本报 שלום\n  \"k\\x01\": v\nlist: [a, "
                 "\"\\u202E\"]\n",
                 0};
  CHECK_FALSE(ParseYaml(src, d));
  CHECK(Messages(d) ==
        "t.yaml:1:8: error[control-character]: 'title' holds a control character (U+0000, NUL)\n"
        "  hint: delete it: control characters are not printed (they are often left over from "
        "copying text out of another program)\n"
        "t.yaml:3:13: error[right-to-left]: 'board' holds right-to-left text (ש, U+05E9), which "
        "banmian does not set\n"
        "  hint: banmian sets Chinese and left-to-right text only: write the words in "
        "transliteration, or set them as a picture\n"
        "t.yaml:4:3: error[control-character]: a key holds a control character (U+0001)\n"
        "  hint: delete it: control characters are not printed (they are often left over from "
        "copying text out of another program)\n"
        "t.yaml:5:11: error[right-to-left]: a list item holds right-to-left text (\\u202e, "
        "U+202E), which banmian does not set\n"
        "  hint: banmian sets Chinese and left-to-right text only: write the words in "
        "transliteration, or set them as a picture\n");
}

TEST_CASE("text check: a value reached through many aliases is checked once") {
  // 200 000 aliases of one long value: walked once, not once per alias.
  std::string yaml = "a: &x \"" + std::string(100000, 'x') + "\"\nb: [";
  for (int i = 0; i < 200000; ++i) yaml += i ? ", *x" : "*x";
  yaml += "]\n";
  Diagnostics d;
  CHECK(ParseYaml({"t.yaml", yaml, 0}, d));
  CHECK(d.empty());
}
