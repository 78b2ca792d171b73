// What a PDF's glyphs stand for (render/glyph_text.h): the ToUnicode map prefers a glyph's
// text as one character drawn alone, else the cluster it begins, gives .notdef U+FFFD and
// the other glyphs of a cluster nothing; which clusters copy out through it; PDF text strings
// in UTF-16BE with surrogate pairs, all checked against code points worked out by hand.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/glyph_text.h"

using namespace banmian;

namespace {

GlyphRun Run(std::vector<uint32_t> ids, std::string text, std::vector<TextCluster> clusters) {
  GlyphRun run;
  for (uint32_t id : ids) run.glyphs.push_back({id, 0, 0, 10});
  run.text = std::move(text);
  run.clusters = std::move(clusters);
  return run;
}

}  // namespace

TEST_CASE("glyph text: PdfUtf16Hex writes UTF-16BE with its mark, surrogates above U+FFFF") {
  struct Case {
    const char* text;
    const char* hex;
  } cases[] = {
      {"", "<feff>"},
      {"A", "<feff0041>"},
      {"年等", "<feff5e747b49>"},
      {"葛󠄀", "<feff845bdb40dd00>"},  // U+E0100: D800+0x340, DC00+0x100
      {"𠀁", "<feffd840dc01>"},           // U+20001: D800+0x40, DC00+0x001
      {"🍷", "<feffd83cdf77>"},            // U+1F377: D800+0x3C, DC00+0x377
      {"a b", "<feff006100200062>"},      // a space is a character like any other
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(PdfUtf16Hex(c.text) == c.hex);
  }
}

TEST_CASE("glyph text: the map prefers one character drawn alone, whenever it comes") {
  struct Case {
    const char* what;
    std::vector<GlyphRun> runs;
    uint32_t glyph;
    const char* text;
  } cases[] = {
      {"alone", {Run({7}, "甲", {{3, 1}})}, 7, "甲"},
      {"first of two alone wins", {Run({7, 7}, "甲乙", {{3, 1}, {3, 1}})}, 7, "甲"},
      {"with a selector only", {Run({7}, "葛󠄀", {{7, 1}})}, 7, "葛󠄀"},
      {"alone after a selector",
       {Run({7}, "葛󠄀", {{7, 1}}), Run({7}, "葛", {{3, 1}})},
       7,
       "葛"},
      {"alone before a selector",
       {Run({7}, "葛", {{3, 1}}), Run({7}, "葛󠄀", {{7, 1}})},
       7,
       "葛"},
      {"first of a cluster of two glyphs", {Run({7, 8}, "ab", {{2, 2}})}, 7, "ab"},
      {"second of a cluster of two glyphs", {Run({7, 8}, "ab", {{2, 2}})}, 8, ""},
      {"alone after beginning a cluster",
       {Run({7, 8}, "ab", {{2, 2}}), Run({7}, "a", {{1, 1}})},
       7,
       "a"},
      {"notdef", {Run({0}, "🍷", {{4, 1}})}, 0, "\xEF\xBF\xBD"},
      {"never seen", {Run({7}, "甲", {{3, 1}})}, 9, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    GlyphTexts map;
    for (const GlyphRun& r : c.runs) map.Add(r);
    CHECK(map.TextOf(c.glyph) == c.text);
  }
}

TEST_CASE("glyph text: the ToUnicode CMap lists every used glyph with text, in order") {
  // The map keeps views of the runs' text: the runs must outlive it.
  const GlyphRun first =
      Run({0x20, 0, 0x1234, 0x0FFFFFFF}, "乙🍷𠀁x", {{3, 1}, {4, 1}, {4, 1}, {1, 1}});
  const GlyphRun second = Run({0x05}, "甲", {{3, 1}});
  GlyphTexts map;
  map.Add(first);
  map.Add(second);
  CHECK(map.Glyphs() == std::vector<uint32_t>{0, 0x05, 0x20, 0x1234});
  const std::string cmap = map.ToUnicodeCMap();
  CHECK(cmap.find("4 beginbfchar\n<0000> <fffd>\n<0005> <7532>\n<0020> <4e59>\n"
                  "<1234> <d840dc01>\nendbfchar\n") != std::string::npos);
}

TEST_CASE("glyph text: a cluster copies out when it is one glyph whose map text it is") {
  const GlyphRun drawn = Run({7, 8}, "甲乙", {{3, 1}, {3, 1}});
  GlyphTexts map;
  map.Add(drawn);
  struct Case {
    const char* what;
    GlyphRun run;
    bool copies;
  } cases[] = {
      {"甲", Run({7}, "甲", {{3, 1}}), true},
      {"甲 drawn with 乙's glyph", Run({8}, "甲", {{3, 1}}), false},
      {"甲 with a selector", Run({7}, "甲󠄀", {{7, 1}}), false},
      {"two glyphs", Run({7, 8}, "甲乙", {{6, 2}}), false},
      {"no glyph", Run({}, "甲", {{3, 0}}), false},
      {"notdef", Run({0}, "\xEF\xBF\xBD", {{3, 1}}), true},  // U+FFFD is what it says
      {"invisible glyph", Run({0x0FFFFFFF}, "甲", {{3, 1}}), false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    CHECK(ClusterCopiesOut(c.run, c.run.clusters[0], 0, 0, map) == c.copies);
  }
}
