// The display breaker: headlines and titles broken where they read well. A table of texts
// set at a width in 10pt Noto Serif CJK SC (an ideograph is 10pt wide, a Latin letter or
// digit about half that, a quarter em between the two), with the lines and the words split
// worked out by hand from display_breaker.h's order: fewest lines, then the cheapest breaks
// (after a space or clause mark 0, a word boundary 1, between two characters ICU knew no
// word for or before 的 2.5, inside a word 1000) with even lines (4 × the squared share of
// the width each line is off the mean); a typed line break always breaks.
#include "compose/display_breaker.h"

#include <doctest/doctest.h>

#include <cmath>

#include "layout/line_items.h"
#include "load/article_loader.h"
#include "test_util.h"
#include "text/normalize.h"
#include "text/shaper.h"

using namespace banmian;

namespace {

ParagraphStyle Setting(Align align = Align::kLeft) {
  ParagraphStyle ps;
  ps.justify = false;
  ps.align = align;
  return ps;
}

// The lines as "line / line", and the words split as "line:word" after a #.
std::string Dump(const ShapedText& text, const DisplayText& d) {
  std::string out, split;
  for (size_t i = 0; i < d.lines.size(); ++i) {
    out += (i ? " / " : "") + LineText(text, d.lines[i]);
    if (!d.split_words[i].empty()) split += " " + std::to_string(i + 1) + ":" + d.split_words[i];
  }
  return split.empty() ? out : out + " #" + split;
}

struct Case {
  const char* what;
  const char* text;
  double width;  // pt
  const char* expected;
};

const Case kCases[] = {
    // The issue's examples: the old breaker gave …参与垃 / 圾分类…, —— 机关事业单 / 位…, 文明实|践.
    {"at the comma, not inside 垃圾 (the lines 125 and 135pt)",
     "社区居民积极参与垃圾分类，主动宣传环保知识“绿色生活”", 200,
     "社区居民积极参与垃圾分类， / 主动宣传环保知识“绿色生活”"},
    {"at a word boundary, the two lines alike (80 + a space each); —— alone is no line",
     "—— 机关事业单位工作人员 ——", 130, "—— 机关事业单位 / 工作人员 ——"},
    {"7 + 8 characters at 实践|中心 rather than 9 + 6 at 中心|服务",
     "新时代文明实践中心服务有限公司", 90, "新时代文明实践 / 中心服务有限公司"},
    {"7 + 8 at 与|物业 (the old balanced breaker: …与物 / 业服务…)",
     "实现疫情防控与物业服务同频共振", 140, "实现疫情防控与 / 物业服务同频共振"},
    {"quotes: 11 + 10 em at 建设|暨 (12 + 9 at 暨|“ is less even)",
     "虹桥镇召开精神文明建设暨“创全”工作推进会", 120,
     "虹桥镇召开精神文明建设 / 暨“创全”工作推进会"},
    // Spaces and marks first, as long as the lines stay even enough.
    {"at the space: 40 and 90pt still beat 62.5 and 70 at a word boundary",
     "往社区走 发挥年轻力量主动性", 100, "往社区走 / 发挥年轻力量主动性"},
    {"at the middle space of a byline", "□记者 李梦颖 通讯员 潘虹", 100,
     "□记者 李梦颖 / 通讯员 潘虹"},
    {"after ——, which is never split: 两会——人民 is 60pt", "两会——人民的盛会", 50,
     "两会—— / 人民的盛会"},
    {"是|青春 (1 and lines of 110 and 75pt) before 的|尽 (2.5, however even: 90 and 95)",
     "这个舞台上，展现的尽是青春该有的样子！", 110, "这个舞台上，展现的尽是 / 青春该有的样子！"},
    // Latin and numbers.
    {"a Latin word beside Chinese: 5G网络 about 35pt, 覆盖全区 40", "5G网络覆盖全区", 60,
     "5G网络 / 覆盖全区"},
    {"a number keeps its unit: 2021年国庆 about 54pt, 庆祝2021年 about 57", "庆祝2021年国庆", 60,
     "庆祝 / 2021年国庆"},
    // One line when it fits, however it could break.
    {"fits on one line", "人人都有一朵小红花！", 100, "人人都有一朵小红花！"},
    // Typed line breaks always break; each part is broken on its own. 领航新|百年 is a
    // word boundary; 聚力新征程 are one-character words alike, and on a tie the first
    // line is the longer.
    {"a typed line break, though the whole fits", "领航新百年\n聚力新征程", 300,
     "领航新百年 / 聚力新征程"},
    {"typed line breaks and parts too long for a line", "领航新百年\n聚力新征程", 30,
     "领航新 / 百年 / 聚力新 / 征程"},
    {"spaces around a typed line break are dropped", "  领航新百年 \n\n 聚力新征程  ", 300,
     "领航新百年 / 聚力新征程"},
    // No break between words fits: the lines say which word they split.
    {"a word longer than the line, split evenly", "有限公司", 30, "有限 / 公司 # 1:有限|公司"},
    {"three characters a line: two lines of three is the fewest, and the only way", "服务有限公司",
     30, "服务有 / 限公司 # 1:有|限公司"},
};

}  // namespace

TEST_CASE("display breaker: where headlines and titles break") {
  for (const Case& c : kCases) {
    INFO(c.what);
    ShapedText text = ShapeOne(test::ProjectFonts(), c.text, test::TextStyle("headline"));
    CHECK(Dump(text, BreakDisplay(text, c.width, Setting())) == c.expected);
  }
}

TEST_CASE("display breaker: lines are aligned within the whole width") {
  ShapedText text =
      ShapeOne(test::ProjectFonts(), "—— 机关事业单位工作人员 ——", test::TextStyle("headline"));
  for (Align align : {Align::kLeft, Align::kCenter, Align::kRight}) {
    DisplayText d = BreakDisplay(text, 130, Setting(align));
    REQUIRE(d.lines.size() == 2);
    for (const ComposedLine& l : d.lines) {
      CHECK(l.width == doctest::Approx(130));
      const double left = l.x.front(), right = 130 - l.right;
      if (align == Align::kLeft) CHECK(left == doctest::Approx(0));
      if (align == Align::kCenter) CHECK(left == doctest::Approx(right).epsilon(0.001));
      if (align == Align::kRight) CHECK(right == doctest::Approx(0).epsilon(0.001));
      CHECK_FALSE(l.overfull);
    }
    CHECK_FALSE(d.lines[0].last);
    CHECK(d.lines[1].last);
  }
}

TEST_CASE("display breaker: the vertical headline, each character one step down") {
  ShapedText text =
      ShapeOne(test::ProjectFonts(), "人人都有一朵小红花！", test::TextStyle("headline"));
  const DisplayExtentFn steps = [](uint32_t begin, uint32_t end) {
    return DisplayExtent{(end - begin) * 30.0, (end - begin) * 30.0};
  };
  // Six characters a line: 人人都有|一朵 (4 + 6) and 一朵|小红花 (6 + 4) are word
  // boundaries equally even, and on a tie the first line is the longer; 一|朵 (5 + 5) is
  // inside a word.
  std::vector<DisplaySpan> spans = ChooseDisplayBreaks(text, 180, steps, true);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].begin == 0);
  CHECK(spans[0].end == 6);
  CHECK(spans[1].begin == 6);
  CHECK(spans[1].end == 10);
  CHECK(spans[0].split_word.empty());
  // Ten characters a line: one line.
  CHECK(ChooseDisplayBreaks(text, 300, steps, true).size() == 1);
  // Two a line: five full lines, the only way (！ may not start a line), and the fourth,
  // 小红, ends inside 红花.
  spans = ChooseDisplayBreaks(text, 60, steps, true);
  REQUIRE(spans.size() == 5);
  CHECK(spans[3].begin == 6);
  CHECK(spans[3].end == 8);
  CHECK(spans[3].split_word == "红|花");
  for (size_t i : {0, 1, 2, 4}) CHECK(spans[i].split_word.empty());
}

TEST_CASE("display breaker: a word wider than the line is cut, where nothing else can be") {
  ShapedText text =
      ShapeOne(test::ProjectFonts(), "访问www.example.com", test::TextStyle("headline"));
  DisplayText d = BreakDisplay(text, 50, Setting());
  REQUIRE(d.lines.size() >= 2);
  std::string all;
  int split = 0;
  for (size_t i = 0; i < d.lines.size(); ++i) {
    CHECK(d.lines[i].right - d.lines[i].x.front() <= 50.01);
    all += LineText(text, d.lines[i]);
    split += !d.split_words[i].empty();
  }
  CHECK(all == "访问www.example.com");
  CHECK(split >= 1);
}

TEST_CASE("display breaker: empty and blank text has no lines") {
  for (const char* s : {"", "   ", "\n\n"}) {
    ShapedText text = ShapeOne(test::ProjectFonts(), s, test::TextStyle("headline"));
    CHECK(BreakDisplay(text, 100, Setting()).lines.empty());
  }
}

TEST_CASE("display breaker: a line break typed in the front matter (docs/formats.md) breaks") {
  // The two ways formats.md gives: \n in a double-quoted string, a YAML | block; and a
  // half-width comma before the break, which normalisation sets full width.
  const std::string md =
      "---\n"
      "kicker: \"对标最高标准,\\n为进博保驾护航\"\n"
      "headline: \"领航新百年\\n聚力新征程\"\n"
      "subhead: |\n"
      "  虹桥镇发布\n"
      "  区域化党建五年规划\n"
      "---\n"
      "正文。\n";
  Diagnostics d;
  auto article = ParseArticle("a", "a.md", md, test::SourcePath("issues/feature-demo"), d);
  REQUIRE(article);
  CHECK(article->headline == "领航新百年\n聚力新征程");
  CHECK(article->subhead == "虹桥镇发布\n区域化党建五年规划\n");
  // Normalised, the comma is set full width, and the line break after it stays.
  CHECK(article->kicker == "对标最高标准,\n为进博保驾护航");
  NormalizeArticle(*article);
  CHECK(article->kicker == "对标最高标准，\n为进博保驾护航");
  CHECK(article->headline == "领航新百年\n聚力新征程");
  // Both fit on one 300pt line, and break where typed all the same.
  ShapedText headline =
      ShapeOne(test::ProjectFonts(), article->headline, test::TextStyle("headline"));
  CHECK(Dump(headline, BreakDisplay(headline, 300, Setting())) == "领航新百年 / 聚力新征程");
  ShapedText subhead =
      ShapeOne(test::ProjectFonts(), article->subhead, test::TextStyle("headline"));
  CHECK(Dump(subhead, BreakDisplay(subhead, 300, Setting())) == "虹桥镇发布 / 区域化党建五年规划");
}
