// Composition tests: a short article set at a given width, compared line by line,
// plus properties every composed line must have.
#include "compose/line_breaker.h"

#include <doctest/doctest.h>

#include <cmath>

#include "compose/break_rules.h"
#include "layout/line_items.h"
#include "model/utf8.h"
#include "test_util.h"
#include "text/normalize.h"
#include "text/shaper.h"

using namespace banmian;

namespace {

Style Body() {
  Style s;
  s.name = "body";
  s.family = "Noto Serif CJK SC";
  s.size = 10;
  return s;
}

// One line per composed line: its text, where it starts and where its last glyph ends.
std::string Dump(const ShapedText& text, const std::vector<ComposedLine>& lines) {
  std::string out;
  for (const ComposedLine& l : lines) {
    char buf[64];
    double end = l.x.back() + text.atoms[l.end - 1].advance;
    std::snprintf(buf, sizeof buf, "%6.2f %6.2f%s ", l.x.front(), end, l.last ? " last" : "");
    out += buf + LineText(text, l) + "\n";
  }
  return out;
}

char32_t First(const std::string& s) {
  size_t i = 0;
  return Utf8Next(s, i);
}

char32_t Last(const std::string& s) {
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return Utf8Next(s, i);
}

}  // namespace

TEST_CASE("compose: a short article at ten characters a line") {
  Style body = Body();
  std::vector<Normalization> changes;
  std::string para = NormalizeText(
      "本报讯(通讯员 "
      "张琳子)9月20日,虹桥镇召开“奋战50天,决胜进博会”誓师动员大会,动员全镇上下迅速行动起来。",
      changes);
  ShapedText text = ShapeOne(test::ProjectFonts(), para, body);
  ParagraphStyle ps;
  ps.first_indent = 20;
  auto lines = BreakLines(text, 100, ps);
  // Every full line ends exactly at 100pt; the indent is two characters; no line
  // starts with ，、。” or ends with “（.
  CHECK(Dump(text, lines) ==
        " 20.00 100.00 本报讯（通讯员\n"
        "  0.00 100.00 张琳子）9月20日，虹\n"
        "  0.00 100.00 桥镇召开“奋战50\n"
        "  0.00 100.00 天，决胜进博会”誓师\n"
        "  0.00 100.00 动员大会，动员全镇上\n"
        "  0.00  80.00 last 下迅速行动起来。\n");
}

TEST_CASE("compose: a line of ideographs only sits exactly on the grid") {
  ShapedText text =
      ShapeOne(test::ProjectFonts(), "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑", Body());
  auto lines = BreakLines(text, 100, ParagraphStyle{});
  REQUIRE(lines.size() == 3);
  for (int k = 0; k < 10; ++k) CHECK(lines[0].x[k] == doctest::Approx(10.0 * k));
  CHECK(lines[2].last);
  CHECK(LineText(text, lines[2]) == "子丑");
}

TEST_CASE("compose: the interpunct of a foreign name never starts a line") {
  // 马丁·路德·金 with the · landing at a line start at width 7 characters.
  ShapedText text = ShapeOne(test::ProjectFonts(), "我们纪念马丁·路德·金先生的演讲。", Body());
  for (double w = 30; w <= 120; w += 10) {
    CAPTURE(w);
    auto lines = BreakLines(text, w, ParagraphStyle{});
    for (const ComposedLine& l : lines) {
      std::string t = LineText(text, l);
      CHECK_FALSE(ProhibitedAtLineStart(First(t)));
      CHECK_FALSE(ProhibitedAtLineEnd(Last(t)));
    }
  }
}

TEST_CASE("compose: —— and …… stay whole, and Latin words are not split") {
  const std::string email = "jinhongqiao@163.com";
  ShapedText text = ShapeOne(
      test::ProjectFonts(),
      "问题意识——以问题为导向，低头在接种登记处……总有一股热情，COVID-19疫情与" + email + "。",
      Body());
  ShapedText alone = ShapeOne(test::ProjectFonts(), email, Body());
  const double email_width = alone.Width(0, alone.atoms.size());
  for (double w = 60; w <= 250; w += 10) {
    CAPTURE(w);
    auto lines = BreakLines(text, w, ParagraphStyle{});
    std::string all;
    for (size_t i = 0; i < lines.size(); ++i) {
      const ComposedLine& l = lines[i];
      CHECK(l.x.back() + text.atoms[l.end - 1].advance <= w + 0.01);
      all += LineText(text, l) + "|";
      if (i + 1 == lines.size()) break;
      std::string a = LineText(text, l), b = LineText(text, lines[i + 1]);
      CHECK_FALSE((Last(a) == U'—' && First(b) == U'—'));
      CHECK_FALSE((Last(a) == U'…' && First(b) == U'…'));
    }
    CHECK(all.find("COVID-19") != std::string::npos);
    // The address is cut only where it is wider than the line.
    CHECK((w < email_width) != (all.find(email) != std::string::npos));
  }
}

TEST_CASE("compose: a word longer than the line is cut so no line overflows") {
  ShapedText text = ShapeOne(test::ProjectFonts(),
                             "网址https://example.org/a/very/long/path/index.html见上", Body());
  auto lines = BreakLines(text, 60, ParagraphStyle{});
  for (const ComposedLine& l : lines) CHECK(l.x.back() + text.atoms[l.end - 1].advance <= 60.01);
  std::string all;
  for (const ComposedLine& l : lines) all += LineText(text, l);
  CHECK(all == "网址https://example.org/a/very/long/path/index.html见上");
}

TEST_CASE("compose: headlines are set unjustified, centred") {
  Style s = Body();
  ShapedText text = ShapeOne(test::ProjectFonts(), "社区晨报", s);
  ParagraphStyle ps;
  ps.justify = false;
  ps.align = Align::kCenter;
  auto lines = BreakLines(text, 100, ps);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].x[0] == doctest::Approx(30));
}

TEST_CASE("compose: a wrapped headline is balanced, never one character on its own") {
  Style s = Body();
  ShapedText text =
      ShapeOne(test::ProjectFonts(), "实现疫情防控与物业服务同频共振", s);  // 15 characters
  ParagraphStyle ps;
  ps.justify = false;
  ps.align = Align::kCenter;
  auto greedy = BreakLines(text, 140, ps);
  REQUIRE(greedy.size() == 2);
  CHECK(LineText(text, greedy[1]) == "振");
  auto balanced = BreakBalanced(text, 140, ps);
  REQUIRE(balanced.size() == 2);
  CHECK(LineText(text, balanced[0]) == "实现疫情防控与物");
  CHECK(LineText(text, balanced[1]) == "业服务同频共振");
  CHECK(std::abs(balanced[0].x[0] - 30) < 0.01);  // 80pt centred in 140pt
}
