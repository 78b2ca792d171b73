// Composition tests. First a data-driven table, one case per rule of docs/chinese-rules.md:
// text, line width and options → the lines, each with the x of every glyph and where
// its content ends (10pt Noto Serif CJK SC, so an ideograph is 10pt wide). Then a
// stress article composed at every column width from 6 to 25 characters.
#include "compose/line_breaker.h"

#include <doctest/doctest.h>

#include <cstdio>

#include "compose/break_rules.h"
#include "layout/line_items.h"
#include "model/utf8.h"
#include "test_util.h"
#include "text/normalize.h"
#include "text/script.h"
#include "text/shaper.h"

using namespace banmian;

namespace {

// "text | x x x … | right [last] [hanging]" per line.
std::string Dump(const ShapedText& text, const std::vector<ComposedLine>& lines) {
  std::string out;
  for (const ComposedLine& l : lines) {
    out += LineText(text, l) + " |";
    char buf[32];
    for (float x : l.x) {
      std::snprintf(buf, sizeof buf, " %.2f", x);
      out += buf;
    }
    std::snprintf(buf, sizeof buf, " | %.2f", l.right);
    out += buf;
    if (l.last) out += " last";
    if (l.hanging) out += " hanging";
    out += "\n";
  }
  return out;
}

struct Case {
  const char* rule;
  const char* text;
  double width;
  const char* options;  // indent, kaiming, basic, hang, ukai
  const char* expected;
};

const Case kCases[] = {
    {"§1 a line of ideographs sits exactly on the grid", "一二三四五六七八九十", 100, "",
     "一二三四五六七八九十 | 0.00 10.00 20.00 30.00 40.00 50.00 60.00 70.00 80.00 90.00 | 100.00 "
     "last\n"},
    {"§6 two-character indent", "一二三四五六七八九十一二", 100, "indent",
     "一二三四五六七八 | 20.00 30.00 40.00 50.00 60.00 70.00 80.00 90.00 | 100.00\n"
     "九十一二 | 0.00 10.00 20.00 30.00 | 40.00 last\n"},
    {"§2 ， may not start a line: 十 is pushed down with it", "一二三四五六七八九十，一", 100, "",
     "一二三四五六七八九 | 0.00 11.25 22.50 33.75 45.00 56.25 67.50 78.75 90.00 | 100.00\n"
     "十，一 | 0.00 10.00 20.00 | 30.00 last\n"},
    {"§2 “ may not end a line, a break before it is fine", "一二三四五六七八九“十”甲乙", 100, "",
     "一二三四五六七八九 | 0.00 11.25 22.50 33.75 45.00 56.25 67.50 78.75 90.00 | 100.00\n"
     "“十”甲乙 | -5.00 5.00 15.00 25.00 35.00 | 45.00 last\n"},
    {"§2 strict: —— does not start a line", "一二三四五六七八九——十", 100, "",
     "一二三四五六七八 | 0.00 12.86 25.71 38.57 51.43 64.29 77.14 90.00 | 100.00\n"
     "九——十 | 0.00 10.00 20.00 30.00 | 40.00 last\n"},
    {"§2 basic: —— may start a line, but stays whole", "一二三四五六七八九——十", 100, "basic",
     "一二三四五六七八九 | 0.00 11.25 22.50 33.75 45.00 56.25 67.50 78.75 90.00 | 100.00\n"
     "——十 | 0.00 10.00 20.00 | 30.00 last\n"},
    {"§2 a URL longer than the line is cut where the line is full, letters spaced a little",
     "见https://example.org/path/x", 60, "",
     "见https://ex | 0.00 14.73 21.32 25.06 28.73 35.11 39.84 43.11 45.81 49.01 54.47 | 60.00\n"
     "ample.org/p | 0.00 5.65 15.35 21.78 25.23 30.52 33.59 39.66 44.26 50.17 53.62 | 60.00\n"
     "ath/x | 0.00 5.57 9.24 15.87 19.29 | 24.93 last\n"},
    {"§2 …after / where that leaves the line nearly full", "见https://example.org/path/x", 48, "",
     "见https:// | 0.00 13.72 20.31 24.05 27.72 34.10 38.83 42.10 44.80 | 48.00\n"
     "example. | 0.00 6.05 12.17 18.29 28.46 35.36 39.29 45.05 | 48.00\n"
     "org/path | 0.00 6.84 12.21 18.89 23.10 30.36 36.82 41.37 | 48.00\n"
     "/x | 0.00 3.42 | 9.06 last\n"},
    {"§3 a mark at the line end is half width (the pulled-in ， is squeezed)",
     "一二三四五六，七八九，十一二", 100, "",
     "一二三四五六，七八九， | 0.00 10.00 20.00 30.00 40.00 50.00 60.00 65.00 75.00 85.00 95.00 | "
     "100.00\n"
     "十一二 | 0.00 10.00 20.00 | 30.00 last\n"},
    {"§3 two marks in a row take 1.5 em", "甲：“乙。”丙", 100, "",
     "甲：“乙。”丙 | 0.00 10.00 15.00 25.00 35.00 40.00 50.00 | 60.00 last\n"},
    {"§3 an opening quote at the line start keeps its blank half, when the layout says so",
     "“一二三四五六七八九”", 100, "keep",
     "“一二三四五六七 | 0.00 12.86 25.71 38.57 51.43 64.29 77.14 90.00 | 100.00\n"
     "八九” | 0.00 10.00 20.00 | 25.00 last\n"},
    {"§3 …or is always flush (the default)", "“一二三四五六七八九”", 100, "",
     "“一二三四五六七八九” | -5.00 5.00 15.00 25.00 35.00 45.00 55.00 65.00 75.00 85.00 95.00 | "
     "100.00 last\n"},
    {"§3 …also after the indent", "“一二三四五六七八”九十", 100, "indent",
     "“一二三四五六七 | 15.00 25.71 36.43 47.14 57.86 68.57 79.29 90.00 | 100.00\n"
     "八”九十 | 0.00 10.00 20.00 30.00 | 40.00 last\n"},
    {"§3 · is half an em, centred", "马丁·路德·金", 100, "",
     "马丁·路德·金 | 0.00 10.00 20.87 25.00 35.00 45.87 50.00 | 60.00 last\n"},
    {"§3 开明 style: only 。？！ keep full width", "甲：“乙。”丙，丁", 100, "kaiming",
     "甲：“乙。”丙，丁 | 0.00 10.00 10.00 20.00 30.00 35.00 40.00 50.00 55.00 | 65.00 last\n"},
    {"§3 hanging punctuation: ， hangs past the line end", "一二三四五六七八九十，一二三", 100,
     "hang",
     "一二三四五六七八九十， | 0.00 10.00 20.00 30.00 40.00 50.00 60.00 70.00 80.00 90.00 100.00 | "
     "105.00 hanging\n"
     "一二三 | 0.00 10.00 20.00 | 30.00 last\n"},
    {"§3 a font without halt data (Kai): ， still half width at the end",
     "一二三四五六七八九，十一", 100, "ukai",
     "一二三四五六七八九， | 0.00 10.56 21.11 31.67 42.22 52.78 63.33 73.89 84.44 95.00 | 100.00\n"
     "十一 | 0.00 10.00 | 20.00 last\n"},
    {"§4 a quarter em between Han and Latin or digits", "在2021年用COVID-19检测", 200, "",
     "在2021年用COVID-19检测 | 0.00 12.50 18.08 23.65 29.23 36.44 46.44 58.94 65.85 73.14 80.28 "
     "84.33 "
     "92.06 95.52 101.01 109.00 119.00 | 129.00 last\n"},
    {"§5 shrink: Han–Latin gaps give way; numbers are not split", "共3,000人于18:30到场参加活动",
     100, "",
     "共3,000人于18:30到 | 0.00 12.44 18.01 21.28 26.85 32.42 40.43 50.43 62.86 67.57 73.15 76.42 "
     "81.99 90.00 | 100.00\n"
     "场参加活动 | 0.00 10.00 20.00 30.00 40.00 | 50.00 last\n"},
    {"§5 stretch: Latin spaces first (to 1/2 em), Latin never letter-spaced",
     "用 Hello world 说中文的人很多很多很多", 100, "",
     "用 Hello world 说中 | 0.00 10.00 15.00 23.28 28.64 31.98 35.32 41.28 46.28 54.47 60.43 64.95 "
     "68.29 74.58 "
     "79.58 90.00 | 100.00\n"
     "文的人很多很多很多 | 0.00 10.00 20.00 30.00 40.00 50.00 60.00 70.00 80.00 | 90.00 last\n"},
    {"§6 no last line of a single character", "一二三四五六七八九十甲", 100, "",
     "一二三四五六七八九 | 0.00 11.25 22.50 33.75 45.00 56.25 67.50 78.75 90.00 | 100.00\n"
     "十甲 | 0.00 10.00 | 20.00 last\n"},
    {"§6 …nor of a single character and its mark", "一二三四五六七八九十甲。", 100, "",
     "一二三四五六七八九 | 0.00 11.25 22.50 33.75 45.00 56.25 67.50 78.75 90.00 | 100.00\n"
     "十甲。 | 0.00 10.00 20.00 | 25.00 last\n"},
};

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

TEST_CASE("compose: the rule table") {
  for (const Case& c : kCases) {
    std::string rule = c.rule;
    CAPTURE(rule);
    std::string opt = c.options;
    ParagraphStyle ps;
    if (opt.find("indent") != std::string::npos) ps.first_indent = 20;
    if (opt.find("kaiming") != std::string::npos)
      ps.rules.punctuation = TypesettingRules::Punctuation::kKaiming;
    if (opt.find("basic") != std::string::npos)
      ps.rules.strictness = TypesettingRules::Strictness::kBasic;
    if (opt.find("hang") != std::string::npos) ps.rules.hanging = true;
    if (opt.find("keep") != std::string::npos)
      ps.rules.line_start_opening = TypesettingRules::LineStartOpening::kKeep;
    Style style = test::TextStyle(
        "body", opt.find("ukai") != std::string::npos ? "AR PL UKai CN" : "Noto Serif CJK SC");
    ShapedText text = ShapeOne(test::ProjectFonts(), c.text, style);
    CHECK(Dump(text, BreakLines(text, c.width, ps)) == c.expected);
  }
}

TEST_CASE("compose: a short article at ten characters a line, normalised first") {
  std::vector<Normalization> changes;
  std::string para = NormalizeText(
      "本报讯(通讯员 "
      "张琳子)9月20日,虹桥镇召开“奋战50天,决胜进博会”誓师动员大会,动员全镇上下迅速行动起来。",
      changes);
  ShapedText text = ShapeOne(test::ProjectFonts(), para, test::TextStyle("body"));
  ParagraphStyle ps;
  ps.first_indent = 20;
  auto lines = BreakLines(text, 100, ps);
  std::string got;
  for (const ComposedLine& l : lines) got += LineText(text, l) + "\n";
  CHECK(got ==
        "本报讯（通讯员 张\n"  // （ gives up its blank half to pull 张 in
        "琳子）9月20日，虹桥\n"
        "镇召开“奋战50天，决\n"
        "胜进博会”誓师动员大\n"
        "会，动员全镇上下迅速\n"
        "行动起来。\n");
  for (const ComposedLine& l : lines)
    if (!l.last) CHECK(l.right == doctest::Approx(100).epsilon(0.0001));
}

// Where every way of setting a line from its start is hopeless (gaps stretched by more
// than 3/4 em, letter spacing, or a line left short), the composer takes the longest legal
// line, as greedy setting would, rather than a costed choice between bad lines (a line of
// one character before an unbreakable e-mail address; one Latin word letter-spaced).
TEST_CASE("compose: where no line from a start is good, it is the longest that fits") {
  struct Row {
    const char* text;
    double width;
    const char* expected;
  };
  const Row rows[] = {
      {"投稿邮箱:jinhongqiao@163.com 新闻热线:021-64059791", 150,
       "投稿邮\n箱:jinhongqiao@163.com 新闻\n热线:021-64059791\n"},
      {"SHANGHAI COMMUNITY NEWS", 160, "SHANGHAI COMMUNITY\nNEWS\n"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.text);
    ShapedText text = ShapeOne(test::ProjectFonts(), r.text, test::TextStyle("body"));
    ParagraphStyle ps;
    ps.first_indent = 20;
    std::string got;
    for (const ComposedLine& l : BreakLines(text, r.width, ps)) {
      got += LineText(text, l) + "\n";
      CHECK(l.letter_spacing == 0);
    }
    CHECK(got == r.expected);
  }
}

// The stress article: Latin and digits, URLs and e-mail, a foreign name with ·, nested
// quotes, —— and ……, runs of closing and opening marks, numbers with separators.
const char* kStress =
    "据悉,2021年5月起,COVID-19疫苗接种点扩展到15个(含1699广场、爱琴海)。马丁·路德·金说:"
    "“我有一个梦想——"
    "‘自由’终将到来……”他们回答:“是的。”详情见https://www.example.org/hongqiao/vaccine/2021-05-10/"
    "index.html,"
    "或发邮件至jinhongqiao@163.com询问。活动共有3,000人参加,18:30开始,持续约1.5小时;现场设置了"
    "咨询区、预检区、接种区、留观区。《组织人事报》发文为“初心话剧社”点赞——这是两年来的写照!"
    "他问:“为什么?”(答案见下文)……随后,大家说了声“谢谢”。";

TEST_CASE("compose: the stress article at every column width from 6 to 25 characters") {
  std::vector<Normalization> changes;
  std::string para = NormalizeText(kStress, changes);
  CHECK(changes.size() >= 10);
  ShapedText text = ShapeOne(test::ProjectFonts(), para, test::TextStyle("body"));
  for (int chars = 6; chars <= 25; ++chars) {
    for (bool hanging : {false, true}) {
      CAPTURE(chars);
      CAPTURE(hanging);
      const double width = 10.0 * chars;
      ParagraphStyle ps;
      ps.first_indent = 20;
      ps.rules.hanging = hanging;
      auto lines = BreakLines(text, width, ps);
      std::string all;
      for (size_t i = 0; i < lines.size(); ++i) {
        const ComposedLine& l = lines[i];
        std::string t = LineText(text, l);
        all += t;
        CAPTURE(t);
        CHECK_FALSE(ProhibitedAtLineStart(First(t)));
        CHECK_FALSE(ProhibitedAtLineEnd(Last(t)));
        // No line wider than its column (a hanging mark lives outside it, half an em at most).
        CHECK(l.right <= width + (l.hanging ? 5.01 : 0.01));
        if (!l.last && !l.overfull) CHECK(l.right >= width - 0.01 - 50);  // full lines reach far
        if (i + 1 < lines.size()) {
          std::string next = LineText(text, lines[i + 1]);
          CHECK_FALSE((Last(t) == U'—' && First(next) == U'—'));
          CHECK_FALSE((Last(t) == U'…' && First(next) == U'…'));
          CHECK_FALSE((First(next) == U'—' || First(next) == U'…'));  // strict
        }
      }
      // Nothing lost or doubled: the lines hold the paragraph, spaces aside.
      std::string expected;
      for (size_t i = 0; i < para.size();) {
        char32_t c = Utf8Next(para, i);
        if (c != ' ') Utf8Append(expected, c);
      }
      std::string got;
      for (size_t i = 0; i < all.size();) {
        char32_t c = Utf8Next(all, i);
        if (c != ' ') Utf8Append(got, c);
      }
      CHECK(got == expected);
    }
  }
}

TEST_CASE("compose: justified lines end exactly at the column edge in the stress article") {
  std::vector<Normalization> changes;
  ShapedText text =
      ShapeOne(test::ProjectFonts(), NormalizeText(kStress, changes), test::TextStyle("body"));
  for (int chars = 10; chars <= 25; ++chars) {
    CAPTURE(chars);
    auto lines = BreakLines(text, 10.0 * chars, ParagraphStyle{});
    for (const ComposedLine& l : lines) {
      if (l.last || l.overfull) continue;
      std::string t = LineText(text, l);
      CAPTURE(t);
      // Every line but the last is flush (issue 13, kind 7): a line of one Latin word, or
      // one ending inside a cut URL, has its letters spaced rather than end short.
      CHECK(l.right == doctest::Approx(10.0 * chars).epsilon(0.0001));
      if (l.letter_spacing > 0) CHECK(l.gap_stretch == 0);
    }
  }
}
