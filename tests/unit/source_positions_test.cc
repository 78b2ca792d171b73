// AlignText: each character of a parsed text at the line:col where it was typed.
#include "load/source_positions.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using namespace banmian;

namespace {
std::vector<std::pair<int, int>> Positions(std::string_view text, std::string_view source,
                                           size_t from = 0) {
  TextSource out;
  AlignText(text, source, from, 1, 1, out);
  std::vector<std::pair<int, int>> at;
  for (size_t k = 0; k < out.length; ++k) {
    const SourcePos p = out.At(k, {"f", 0, 0});
    at.push_back({p.line, p.col});
  }
  return at;
}
using P = std::vector<std::pair<int, int>>;
}  // namespace

TEST_CASE("source positions: characters found where they were typed") {
  // plain text: one run
  CHECK(Positions("甲乙丙", "甲乙丙") == P{{1, 1}, {1, 2}, {1, 3}});
  // an escape's backslash is skipped: \" is the quote at its own column
  CHECK(Positions("甲\"乙", "甲\\\"乙") == P{{1, 1}, {1, 3}, {1, 4}});
  // an entity is its character at the &, and what follows goes on after the ;
  CHECK(Positions("a&b", "a&amp;b") == P{{1, 1}, {1, 2}, {1, 7}});
  CHECK(Positions("\"x", "&quot;x") == P{{1, 1}, {1, 7}});
  // a YAML value in quotes, from the opening quote
  CHECK(Positions("副题", "\"副题\"") == P{{1, 2}, {1, 3}});
  // across a line break and the next line's indentation (a folded value: its space is the
  // first of the indentation)
  CHECK(Positions("甲 乙", "甲\n  乙") == P{{1, 1}, {2, 1}, {2, 3}});
  // a character an escape wrote is at its backslash, and the text goes on after the escape
  CHECK(Positions("“好", "\\u201C好") == P{{1, 1}, {1, 7}});
  CHECK(Positions("年\n聚力", "年\\n聚力\"\n") == P{{1, 1}, {1, 2}, {1, 4}, {1, 5}});
  CHECK(Positions("a\tb", "a\\tb") == P{{1, 1}, {1, 2}, {1, 4}});
  // a backslash that is text (Markdown keeps C:\Users as typed)
  CHECK(Positions("C:\\U", "C:\\U") == P{{1, 1}, {1, 2}, {1, 3}, {1, 4}});
  // a character neither the source nor an escape holds takes the place reached
  CHECK(Positions("甲x乙", "甲乙") == P{{1, 1}, {1, 2}, {1, 2}});
  // from a byte inside the source: the column given is that byte's
  TextSource out;
  AlignText("乙", "甲乙", 3, 4, 2, out);
  CHECK(out.At(0, {"f", 0, 0}).line == 4);
  CHECK(out.At(0, {"f", 0, 0}).col == 2);
  CHECK(out.At(1, {"f", 9, 9}).line == 9);  // past the text: the fallback
}

TEST_CASE("source positions: a long text is one run, found in one pass") {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "甲";
  TextSource out;
  AlignText(text, text, 0, 1, 1, out);
  CHECK(out.runs.size() == 1);
  CHECK(out.length == 100000);
  CHECK(out.At(99999, {"f", 0, 0}).col == 100000);
}
