#include "load/article_loader.h"

#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

using namespace banmian;
using banmian::test::Messages;

TEST_CASE("article: front matter and a body of paragraphs, subheads and emphasis") {
  Diagnostics d;
  auto a = ParseArticle(
      "x", "x.md",
      "---\nkicker: 引题\nheadline: 主题\nsubhead: 副题\nbyline: □记者 李梦颖\ntag: 文明实践\n---\n"
      "第一段第一行\n接着第一行,and\nmore\n\n#### 小标题\n\n有*强调*和**加粗**。\n\n"
      "### —— 医务工作者 ——\n",
      ".", d);
  REQUIRE(a);
  CHECK(Messages(d) == "");
  CHECK(a->kicker == "引题");
  CHECK(a->headline == "主题");
  CHECK(a->tag == "文明实践");
  REQUIRE(a->blocks.size() == 4);
  // A line break between Chinese characters joins without a space; between Latin words with one.
  CHECK(a->blocks[0].PlainText() == "第一段第一行接着第一行,and more");
  CHECK(a->blocks[0].pos.line == 8);
  CHECK(a->blocks[1].kind == BlockKind::kCrosshead);
  CHECK(a->blocks[2].spans.size() == 5);
  CHECK(a->blocks[2].spans[1].style == SpanStyle::kEmphasis);
  CHECK(a->blocks[2].spans[3].style == SpanStyle::kStrong);
  CHECK(a->blocks[3].kind == BlockKind::kSectionTitle);
  CHECK(a->blocks[3].PlainText() == "—— 医务工作者 ——");
}

TEST_CASE("article: Markdown a newspaper has no place for is an error, not dropped") {
  Diagnostics d;
  CHECK_FALSE(ParseArticle(
      "x", "x.md",
      "---\nheadline: 主题\n---\n正文。\n\n- 一\n- 二\n\n## 二级\n\n见[链接](http://a)。\n", ".",
      d));
  CHECK(Messages(d) ==
        "x.md:6:1: error[unsupported-markdown]: a list is not set by banmian\n"
        "  hint: write the points as paragraphs, numbered 一、 or （1） if they need numbers: a "
        "line that starts with -, +, * or 1. and a space makes a list\n"
        "x.md:9:1: error[unsupported-markdown]: a ## heading is not set by banmian\n"
        "  hint: the headline goes in the front matter; use #### for a subhead and ### for a "
        "centred section title\n"
        "x.md:11:2: error[unsupported-markdown]: a link is not set by banmian: a printed page "
        "cannot be clicked\n"
        "  hint: write the link's words, and its address if the reader needs it, as plain text\n");
}

namespace {
// The messages for one body (after a three-line front matter, so the body's first line is
// line 4), or "" when it loads.
std::string BodyMessages(const std::string& body) {
  Diagnostics d;
  auto a = ParseArticle("x", "x.md", "---\nheadline: 主题\n---\n" + body, ".", d);
  CHECK(a.has_value() == d.empty());
  return Messages(d);
}
}  // namespace

// The article with one body, loaded (REQUIREd to load).
Article LoadBody(const std::string& body) {
  Diagnostics d;
  auto a = ParseArticle("x", "x.md", "---\nheadline: 主题\n---\n" + body, ".", d);
  INFO(Messages(d));
  REQUIRE(a.has_value());
  return *a;
}

std::string CellText(const TableCell& c) {
  std::string out;
  for (const Span& s : c.spans) out += s.text;
  return out;
}

TEST_CASE("article: a GFM table is read into rows of cells, with alignments and positions") {
  const Article a = LoadBody(
      "正文。\n\n| 日期 | 天气 | 气温 |\n|:--|:-:|--:|\n| 6月7日 | **多云** | 24~31℃ |\n"
      "| 6月8日 | 雷阵雨 |\n");
  REQUIRE(a.blocks.size() == 2);
  const Block& b = a.blocks[1];
  REQUIRE(b.kind == BlockKind::kTable);
  CHECK(b.pos.line == 6);
  CHECK(b.pos.col == 1);
  const Table& t = b.table;
  CHECK(t.align == std::vector<CellAlign>{CellAlign::kLeft, CellAlign::kCenter, CellAlign::kRight});
  REQUIRE(t.rows.size() == 3);
  CHECK(CellText(t.rows[0].cells[0]) == "日期");
  CHECK(CellText(t.rows[1].cells[2]) == "24~31℃");
  // Bold inside a cell stays a span of its own.
  REQUIRE(t.rows[1].cells[1].spans.size() == 1);
  CHECK(t.rows[1].cells[1].spans[0].style == SpanStyle::kStrong);
  // A short row is padded with an empty cell.
  REQUIRE(t.rows[2].cells.size() == 3);
  CHECK(t.rows[2].cells[2].spans.empty());
  // Where each cell stands (columns count characters): | 6月7日 | **多云** | on line 8.
  struct At {
    size_t row, cell;
    int line, col;
  };
  for (const At& at : {At{0, 0, 6, 2}, At{0, 1, 6, 7}, At{1, 0, 8, 2}, At{1, 1, 8, 9},
                       At{1, 2, 8, 18}, At{2, 1, 9, 9}}) {
    CAPTURE(at.row);
    CAPTURE(at.cell);
    CHECK(t.rows[at.row].cells[at.cell].pos.line == at.line);
    CHECK(t.rows[at.row].cells[at.cell].pos.col == at.col);
  }
  // The characters too: 云 of **多云** is line 8, column 13.
  const SourcePos yun = t.rows[1].cells[1].source.At(1, {});
  CHECK(yun.line == 8);
  CHECK(yun.col == 13);
  CHECK(t.caption.empty());
  CHECK(t.columns == -1);
}

TEST_CASE("article: a table's caption and columns from the paragraphs after it") {
  struct Case {
    std::string after;
    std::string caption;
    int columns;
    int caption_col;
  };
  const Case cases[] = {
      {"表：本周天气", "本周天气", -1, 3},
      {"表:本周天气 {cols=2}", "本周天气", 2, 3},
      {"Table: 活动安排", "活动安排", -1, 8},
      {": 活动安排 {cols=all}", "活动安排", 0, 3},
      {"{cols=1}", "", 1, 0},
      {"{cols=2}\n\n表：本周天气", "本周天气", 2, 3},
  };
  for (const Case& c : cases) {
    CAPTURE(c.after);
    const Article a =
        LoadBody("| 日期 | 天气 |\n|---|---|\n| 周五 | 多云 |\n\n" + c.after + "\n\n后文。\n");
    REQUIRE(a.blocks.size() == 2);  // the table, then the paragraph: nothing else printed
    CHECK(a.blocks[0].table.caption == c.caption);
    CHECK(a.blocks[0].table.columns == c.columns);
    if (c.caption_col) CHECK(a.blocks[0].table.caption_pos.col == c.caption_col);
    CHECK(a.blocks[1].PlainText() == "后文。");
  }
  // A paragraph that only mentions 表 is text.
  CHECK(LoadBody("| a | b |\n|---|---|\n| 1 | 2 |\n\n表明了态度。\n").blocks.size() == 2);
  CHECK(LoadBody("| a | b |\n|---|---|\n| 1 | 2 |\n\n表明了态度。\n").blocks[1].PlainText() ==
        "表明了态度。");
  // An article of a table alone has body text.
  CHECK(LoadBody("| a | b |\n|---|---|\n| 1 | 2 |\n").blocks.size() == 1);
}

TEST_CASE("article: rows of pipes that are no table, and tables banmian does not set") {
  // Without its delimiter row, or with one of another number of cells.
  CHECK(BodyMessages("正文。\n\n| 项目 | 数量 |\n| 苹果 | 3 |\n") ==
        "x.md:6:1: error[unsupported-markdown]: these lines look like a table but are not one: "
        "they would be printed as their | and - characters\n"
        "  hint: a table is a header row, then a delimiter row with as many cells (|---|---|), "
        "then its rows, with a blank line before it\n");
  CHECK(BodyMessages("正文。\n\n| 项目 | 数量 |\n|---|\n| 苹果 | 3 |\n")
            .starts_with("x.md:6:1: error[unsupported-markdown]: these lines look like a table"));
  // Straight after a paragraph's line, GFM takes the line for the header row.
  const Article a = LoadBody("正文。\n项目 | 数量\n--- | ---\n苹果 | 3\n");
  REQUIRE(a.blocks.size() == 2);
  CHECK(a.blocks[1].kind == BlockKind::kTable);
  // Inside a pull quote, at the table's own column.
  CHECK(BodyMessages("正文。\n\n> | a | b |\n> |---|---|\n") ==
        "x.md:6:3: error[unsupported-markdown]: a table inside a pull quote is not set by "
        "banmian\n"
        "  hint: a pull quote holds plain paragraphs: put the table after it, without the >\n");
  // Bad attributes, at their brace.
  CHECK(BodyMessages("| a | b |\n|---|---|\n| 1 | 2 |\n\n表：数据 {cols=x}\n") ==
        "x.md:8:6: error[bad-value]: 'cols' takes a number of columns (1 to 20) or all, not "
        "'x'\n"
        "  hint: a table takes one attribute, the columns it spans: {cols=2} or {cols=all}\n");
  CHECK(BodyMessages("| a | b |\n|---|---|\n| 1 | 2 |\n\n{rows=3}\n") ==
        "x.md:8:1: error[bad-value]: unknown table attribute 'rows=3'\n"
        "  hint: a table takes one attribute, the columns it spans: {cols=2} or {cols=all}\n");
  CHECK(BodyMessages("| a | b |\n|---|---|\n| 1 | 2 |\n\n表：数据 {cols=2}\n\n{cols=1}\n") ==
        "x.md:10:1: error[bad-value]: the table's attributes are given twice\n"
        "  hint: keep one of them\n");
  // Two attribute blocks on one line: the first would print in the caption.
  CHECK(BodyMessages("| a | b |\n|---|---|\n| 1 | 2 |\n\n表：数据 {cols=2}{cols=3}\n") ==
        "x.md:8:14: error[bad-value]: the table's attributes are given twice\n"
        "  hint: keep one of them\n");
  // Cells past the header's count, which GFM drops: each kind of row end, an escaped
  // pipe (no cell), a pipe in a code span (a cell, as GFM splits it).
  const std::string extra =
      "  hint: add the columns to the header and delimiter rows, or join the cells\n";
  CHECK(BodyMessages("| a | b |\n|---|---|\n| 1 | 2 | 3 | 4 |\n") ==
        "x.md:6:1: error[table-extra-cells]: this row has 4 cells, but the table has 2 (its "
        "header and delimiter rows)\n" +
            extra);
  CHECK(BodyMessages("a | b\n--- | ---\n1 | 2 | 3\n") ==
        "x.md:6:1: error[table-extra-cells]: this row has 3 cells, but the table has 2 (its "
        "header and delimiter rows)\n" +
            extra);
  CHECK(BodyMessages("| a | b |\n|---|---|\n| 1 | 2 |  \n| x \\| y | z |\n| 1 | 2\n").empty());
  CHECK(BodyMessages("| a | b |\n|---|---|\n| 1 | 2 | 3\n")
            .starts_with("x.md:6:1: error[table-extra-cells]: this row has 3 cells"));
  CHECK(BodyMessages("| a | b |\n|---|---|\n| `1|2` | 3 |\n")
            .starts_with("x.md:6:1: error[table-extra-cells]: this row has 3 cells"));
  // Text banmian does not set, at its cell's character; an empty caption.
  CHECK(BodyMessages("| a | b |\n|---|---|\n| 1\u202e2 | 3 |\n")
            .starts_with("x.md:6:4: error[right-to-left]: the table cell holds right-to-left"));
  CHECK(BodyMessages("| a | b |\n|---|---|\n| 1 | 2 |\n\n表：\n") ==
        "x.md:8:1: error[empty-caption]: the table's caption is empty\n"
        "  hint: write its words after the marker, or remove the line\n");
  // Struck-through text in a cell, once for its row.
  CHECK(BodyMessages("| a | b |\n|---|---|\n| ~~1~~ | ~~2~~ |\n")
            .starts_with("x.md:6:3: error[unsupported-markdown]: struck-through text (~~1~~)"));
}

TEST_CASE("article: every other kind of Markdown banmian does not set, each at its place") {
  CHECK(BodyMessages("这是~~删除~~的字。\n") ==
        "x.md:4:3: error[unsupported-markdown]: struck-through text (~~删除~~) is not set by "
        "banmian: it would be printed with its tildes\n"
        "  hint: delete the words, or remove the ~~ around them\n");
  CHECK(BodyMessages("正文。\n\n- [ ] 任务\n- [x] 完成\n") ==
        "x.md:6:1: error[unsupported-markdown]: a task list (- [ ] …) is not set by banmian\n"
        "  hint: write the points as paragraphs, numbered 一、 or （1） if they need numbers: a "
        "line that starts with -, +, * or 1. and a space makes a list\n");
  CHECK(BodyMessages("正文。\n\n1. 第一\n")
            .starts_with("x.md:6:1: error[unsupported-markdown]: a list is not set by banmian\n"));
  CHECK(
      BodyMessages("正文。\n\n标题\n===\n\n另一标题\n---\n") ==
      "x.md:6:1: error[unsupported-markdown]: a heading underlined with === is not set by "
      "banmian\n"
      "  hint: remove the line of === under the text; for a subhead write #### before the text\n"
      "x.md:9:1: error[unsupported-markdown]: a heading underlined with --- is not set by "
      "banmian\n"
      "  hint: remove the line of --- under the text; for a subhead write #### before the text\n");
  CHECK(BodyMessages("行尾\\\n下一行\n") ==
        "x.md:4:3: error[unsupported-markdown]: a line break (\\ at a line's end) is not set by "
        "banmian\n"
        "  hint: banmian joins the lines of a paragraph: remove the \\, or start a new paragraph "
        "after a blank line\n");
  CHECK(BodyMessages("脚注[^1]。\n\n[^1]: 注释\n\n[ref]: http://example.org\n") ==
        "x.md:4:3: error[unsupported-markdown]: a footnote ([^1]) is not set by banmian\n"
        "  hint: put the note in the text, in brackets （注：…）, or in a paragraph at the "
        "article's end\n"
        "x.md:6:1: error[unsupported-markdown]: a footnote ([^1]: …) is not set by banmian: the "
        "line would be dropped\n"
        "  hint: put the note in the text, in brackets （注：…）, or in a paragraph at the "
        "article's end\n"
        "x.md:8:1: error[unsupported-markdown]: a link reference definition ([ref]: …) is not set "
        "by banmian: the line would be dropped\n"
        "  hint: write the address out in the text, if the reader needs it\n");
  // A definition in front of a paragraph's text is dropped from it, the rest kept.
  CHECK(BodyMessages("[a]: http://x\n正文。\n") ==
        "x.md:4:1: error[unsupported-markdown]: a link reference definition ([a]: …) is not set "
        "by banmian: the line would be dropped\n"
        "  hint: write the address out in the text, if the reader needs it\n");
  // An editor's note written like one is a definition too, and would vanish.
  CHECK(BodyMessages("正文。\n\n[注]: 这一行会消失\n") ==
        "x.md:6:1: error[unsupported-markdown]: a link reference definition ([注]: …) is not set "
        "by banmian: the line would be dropped\n"
        "  hint: write the address out in the text, if the reader needs it\n");
  CHECK(
      BodyMessages("脚注[^注]没有定义。\n")
          .starts_with(
              "x.md:4:3: error[unsupported-markdown]: a footnote ([^注]) is not set by banmian\n"));
  CHECK(BodyMessages("文字![图](a.jpg)文字\n") ==
        "x.md:4:3: error[picture-inline]: a picture must stand alone in its own paragraph\n"
        "  hint: put a blank line before and after ![caption](file)\n");
  CHECK(BodyMessages("正文。\n\n<div>html</div>\n\n<!-- 注释 -->\n\n文字<b>粗</b>\n") ==
        "x.md:6:1: error[unsupported-markdown]: HTML is not set by banmian\n"
        "  hint: remove the tags; write *text* for emphasis and **text** for bold\n"
        "x.md:8:1: error[unsupported-markdown]: an HTML comment is not set by banmian\n"
        "  hint: delete the comment: keep notes outside the article file\n"
        "x.md:10:3: error[unsupported-markdown]: HTML (<b>) is not set by banmian\n"
        "  hint: remove the tag; write *text* for emphasis and **text** for bold\n"
        "x.md:10:7: error[unsupported-markdown]: HTML (</b>) is not set by banmian\n"
        "  hint: remove the tag; write *text* for emphasis and **text** for bold\n");
  CHECK(BodyMessages("正文。\n\n    缩进的段落\n\n```\nfence\n```\n\n用`代码`。\n") ==
        "x.md:6:5: error[unsupported-markdown]: a line indented four spaces (or a tab) is a code "
        "block, which banmian does not set\n"
        "  hint: remove the indentation: banmian indents every paragraph itself\n"
        "x.md:8:1: error[unsupported-markdown]: a code block (``` … ```) is not set by banmian\n"
        "  hint: remove the fence lines and write the text as paragraphs\n"
        "x.md:12:2: error[unsupported-markdown]: code (`…`) is not set by banmian\n"
        "  hint: remove the backticks\n");
  CHECK(BodyMessages("正文。\n\n***\n\n<http://a.b>\n") ==
        "x.md:6:1: error[unsupported-markdown]: a thematic break (---, *** or ___) is not set by "
        "banmian\n"
        "  hint: remove the line; a ### section title separates the parts of an article\n"
        "x.md:8:1: error[unsupported-markdown]: a link is not set by banmian: a printed page "
        "cannot be clicked\n"
        "  hint: remove the < > around the address\n");
  CHECK(BodyMessages("正文。\n\n# 一级\n\n##### 五级\n\n####小标题\n") ==
        "x.md:6:1: error[unsupported-markdown]: a # heading is not set by banmian\n"
        "  hint: the headline goes in the front matter; use #### for a subhead and ### for a "
        "centred section title\n"
        "x.md:8:1: error[unsupported-markdown]: a ##### heading is not set by banmian\n"
        "  hint: the headline goes in the front matter; use #### for a subhead and ### for a "
        "centred section title\n"
        "x.md:10:1: error[unsupported-markdown]: '####小标题' would be printed as it stands: a "
        "subhead needs a space after ####\n"
        "  hint: write '#### 小标题'\n");
  CHECK(BodyMessages("正文。\n\n> 引文\n> - 列表\n\n> > 嵌套\n\n> ## 标题\n") ==
        "x.md:7:3: error[unsupported-markdown]: a list is not set by banmian\n"
        "  hint: write the points as paragraphs, numbered 一、 or （1） if they need numbers: a "
        "line that starts with -, +, * or 1. and a space makes a list\n"
        "x.md:9:3: error[unsupported-markdown]: a pull quote inside a pull quote is not set by "
        "banmian\n"
        "  hint: a pull quote is a paragraph after a single >\n"
        "x.md:11:3: error[unsupported-markdown]: a heading inside a pull quote is not set by "
        "banmian\n"
        "  hint: a pull quote holds plain paragraphs\n");
}

TEST_CASE("article: prose with a lone |, ~, # or * is not mistaken for Markdown") {
  Diagnostics d;
  auto a = ParseArticle("x", "x.md",
                        "---\nheadline: 主题\n---\n"
                        "气温24~31℃,“A | B”两项,#话题#也可以,5*3=15。\n\n"
                        "好开心~~~\n\n"
                        "| 独行 |\n\n"
                        "行尾两空格  \n下一行\n",
                        ".", d);
  REQUIRE(a);
  CHECK(Messages(d) == "");
  REQUIRE(a->blocks.size() == 4);
  CHECK(a->blocks[0].PlainText() == "气温24~31℃,“A | B”两项,#话题#也可以,5*3=15。");
  CHECK(a->blocks[1].PlainText() == "好开心~~~");
  CHECK(a->blocks[2].PlainText() == "| 独行 |");
  // Two spaces at a line's end (a hard break in CommonMark) join the lines like any other.
  CHECK(a->blocks[3].PlainText() == "行尾两空格下一行");
}

namespace {
// The picture blocks of a body of pictures (the sample's picture file), or the messages.
std::vector<Block> Pictures(const std::string& pictures, std::string* messages = nullptr) {
  Diagnostics d;
  auto a = ParseArticle("x", "x.md", "---\nheadline: 主题\n---\n正文。\n\n" + pictures,
                        test::SourcePath("issues/songjiang-2022-07-inside"), d);
  if (messages) *messages = Messages(d);
  std::vector<Block> out;
  if (a)
    for (const Block& b : a->blocks)
      if (b.kind == BlockKind::kPicture) out.push_back(b);
  return out;
}
const char* kPic = "![图](pictures/kangyuan-standin.jpg \"供图\")";
}  // namespace

TEST_CASE("article: picture attributes, in any order, and their defaults") {
  std::string body;
  for (const char* attrs :
       {"", "{cols=2}", "{cols=all}", "{place=top}",
        "{cols=2 place=bottom ratio=16:9 focus=30%,70%}", " {place=bottom-left rows=12 cols=1}",
        "{ place=flow cols=1 ratio=2.35:1 }", "{cols=1}", "{place=top-left}",
        "{focus=0%,100% cols=3 place=bottom-right}"})
    body += kPic + std::string(attrs) + "\n\n";
  std::string messages;
  auto p = Pictures(body, &messages);
  CHECK(messages == "");
  REQUIRE(p.size() == 10);
  auto check = [](const Block& b, int cols, PicturePlace place, int rows, double ratio, double fx,
                  double fy) {
    CHECK(b.picture_columns == cols);
    CHECK(b.picture_place == place);
    CHECK(b.picture_rows == rows);
    CHECK(b.picture_ratio == doctest::Approx(ratio));
    CHECK(b.focus_x == doctest::Approx(fx));
    CHECK(b.focus_y == doctest::Approx(fy));
  };
  check(p[0], 1, PicturePlace::kFlow, 0, 0, 0.5, 0.5);
  CHECK(p[0].credit == "供图");
  check(p[1], 2, PicturePlace::kTopRight, 0, 0, 0.5, 0.5);
  check(p[2], 0, PicturePlace::kTop, 0, 0, 0.5, 0.5);
  check(p[3], 0, PicturePlace::kTop, 0, 0, 0.5, 0.5);
  check(p[4], 2, PicturePlace::kBottom, 0, 16.0 / 9, 0.3, 0.7);
  check(p[5], 1, PicturePlace::kBottomLeft, 12, 0, 0.5, 0.5);
  check(p[6], 1, PicturePlace::kFlow, 0, 2.35, 0.5, 0.5);
  check(p[7], 1, PicturePlace::kFlow, 0, 0, 0.5, 0.5);
  check(p[8], 1, PicturePlace::kTopLeft, 0, 0, 0.5, 0.5);
  check(p[9], 3, PicturePlace::kBottomRight, 0, 0, 0, 1);
}

TEST_CASE("article: bad picture attributes are errors at the attribute block") {
  std::string body;
  for (const char* attrs :
       {"{colls=2}", "{cols=0}", "{cols=two}", "{place=topright}", "{rows=0}", "{ratio=4/3}",
        "{ratio=30:1}", "{focus=50,30}", "{focus=50%,130%}", "{cols=2 cols=3}",
        "{rows=10 ratio=4:3}", "{place=flow cols=3}", "{place=flow cols=all}", "{cols}", "{}",
        "{cols=2", "{.wide}", "{ratio=nan:1 rows=-3}", "\n{cols=2}"})
    body += kPic + std::string(attrs) + "\n\n";
  std::string messages;
  CHECK(Pictures(body, &messages).empty());
  CHECK(messages ==
        "x.md:6:41: error[bad-value]: unknown picture attribute 'colls'\n"
        "  hint: did you mean 'cols'?\n"
        "x.md:8:41: error[bad-value]: a picture spans 1 to 20 columns, not 0\n"
        "  hint: write cols=all for all the module's columns\n"
        "x.md:10:41: error[bad-value]: 'cols' takes a number of columns (1 to 20) or all, not "
        "'two'\n"
        "x.md:12:41: error[bad-value]: 'place' takes top-right, top-left, bottom-right, "
        "bottom-left, top, bottom or flow, not 'topright'\n"
        "  hint: did you mean 'top-right'?\n"
        "x.md:14:41: error[bad-value]: 'rows' takes the picture's height in grid lines, 1 to 500, "
        "not '0'\n"
        "x.md:16:41: error[bad-value]: 'ratio' takes width:height, two positive numbers such as "
        "4:3 or 16:9, not '4/3'\n"
        "x.md:18:41: error[bad-value]: a picture's ratio lies between 1:10 and 10:1, not 30:1\n"
        "x.md:20:41: error[bad-value]: 'focus' takes two percentages from the top left, each 0% "
        "to 100%, such as 50%,30%, not '50,30'\n"
        "x.md:22:41: error[bad-value]: 'focus' takes two percentages from the top left, each 0% "
        "to 100%, such as 50%,30%, not '50%,130%'\n"
        "x.md:24:41: error[bad-value]: picture attribute 'cols' is given twice\n"
        "  hint: keep one of them\n"
        "x.md:26:41: error[bad-value]: a picture takes 'rows' or 'ratio', not both\n"
        "  hint: rows=N sets its height in grid lines, ratio=W:H its shape\n"
        "x.md:28:41: error[bad-value]: place=flow is for a one-column picture in the text, not "
        "one across 3 columns\n"
        "  hint: give it another place, such as place=top-right, or write cols=1\n"
        "x.md:30:41: error[bad-value]: place=flow is for a one-column picture in the text, not "
        "one across all the columns\n"
        "  hint: give it another place, such as place=top-right, or write cols=1\n"
        "x.md:32:41: error[bad-value]: picture attribute 'cols' has no value\n"
        "  hint: write e.g. cols=2\n"
        "x.md:34:41: error[bad-value]: the picture's attribute block {} is empty\n"
        "  hint: remove it, or write attributes such as {cols=2 place=top-left}\n"
        "x.md:36:41: error[bad-value]: the picture's attributes are not closed with }\n"
        "  hint: write them as {cols=2 place=top-left}\n"
        "x.md:38:41: error[bad-value]: unknown picture attribute '.wide'\n"
        "  hint: picture attributes: cols place rows ratio focus\n"
        "x.md:40:41: error[bad-value]: 'ratio' takes width:height, two positive numbers such as "
        "4:3 or 16:9, not 'nan:1'\n"
        "x.md:40:41: error[bad-value]: 'rows' takes the picture's height in grid lines, 1 to 500, "
        "not '-3'\n"
        "x.md:43:1: error[bad-value]: the picture's attributes must be on its line, right after "
        "it\n"
        "  hint: write ![caption](file){cols=2} with nothing between ) and {\n");
}

TEST_CASE("article: front matter problems") {
  Diagnostics d;
  CHECK_FALSE(ParseArticle("x", "x.md", "正文\n", ".", d));
  CHECK_FALSE(ParseArticle("x", "x.md", "---\nheadline: 主题\n正文\n", ".", d));
  CHECK_FALSE(ParseArticle("x", "x.md", "---\nheadlin: 主题\n---\n正文\n", ".", d));
  CHECK(Messages(d) ==
        "x.md:1:1: error[no-front-matter]: the article does not start with front matter\n"
        "  hint: begin the file with a line ---, then headline: …, then a line ---\n"
        "x.md:1:1: error[no-front-matter]: the front matter is not closed\n"
        "  hint: end it with a line ---\n"
        "x.md:2:1: error[unknown-key]: unknown key 'headlin' in the front matter\n"
        "  hint: did you mean 'headline'?\n");
}

TEST_CASE("article: an empty article and a missing picture") {
  Diagnostics d;
  CHECK_FALSE(ParseArticle("x", "x.md", "---\nheadline: 主题\n---\n\n", ".", d));
  CHECK_FALSE(ParseArticle("y", "y.md", "---\nheadline: 主题\n---\n正文。\n\n![图](no/such.jpg)\n",
                           "issue", d));
  CHECK(Messages(d) ==
        "x.md:4:1: error[empty-article]: the article 'x' has no body text\n"
        "  hint: write the article's paragraphs after the front matter\n"
        "y.md:6:1: error[missing-picture]: picture 'no/such.jpg' does not exist: there is no "
        "issue/no/such.jpg\n"
        "  hint: a picture is named relative to the Markdown file that shows it (y.md)\n");
}

TEST_CASE("article: pictures are named relative to the Markdown file, the old way still found") {
  const std::string issue = test::SourcePath("issues/songjiang-2022-07-inside");
  const std::string file = issue + "/articles/x.md";
  const std::string pic = issue + "/pictures/kangyuan-standin.jpg";
  auto parse = [&](const std::string& body, Diagnostics& d) {
    return ParseArticle("x", file, "---\nheadline: 主题\n---\n正文。\n\n" + body + "\n", issue, d);
  };
  {  // relative to articles/x.md: as an editor's preview finds it
    Diagnostics d;
    auto a = parse("![图](../pictures/kangyuan-standin.jpg)", d);
    REQUIRE(a);
    CHECK(Messages(d) == "");
    CHECK(a->blocks.back().picture_path == pic);
  }
  {  // relative to the issue folder: found, with a warning at the picture that says how
    Diagnostics d;
    auto a = parse("文字。\n\n  ![图](pictures/kangyuan-standin.jpg){cols=2}", d);
    REQUIRE(a);
    CHECK(Messages(d) == file +
                             ":8:3: warning[picture-path]: picture 'pictures/kangyuan-standin.jpg' "
                             "is found relative to the issue folder, not to articles/x.md; write "
                             "'../pictures/kangyuan-standin.jpg'\n"
                             "  hint: a picture is named relative to the Markdown file that shows "
                             "it, as editors' previews find it\n");
    CHECK(a->blocks.back().picture_path == pic);
    CHECK(a->blocks.back().picture_columns == 2);
  }
  {  // in neither place: the error names the file looked for beside the Markdown file
    Diagnostics d;
    CHECK_FALSE(parse("![图](pictures/none.jpg)", d));
    CHECK(Messages(d) == file +
                             ":6:1: error[missing-picture]: picture 'pictures/none.jpg' does not "
                             "exist: there is no " +
                             issue + "/articles/pictures/none.jpg\n" +
                             "  hint: a picture is named relative to the Markdown file that shows "
                             "it (articles/x.md)\n");
  }
  {  // a Markdown-relative path that leaves the issue folder is refused, not looked up the old way
    Diagnostics d;
    CHECK_FALSE(parse("![图](../../hongqiao-2021-05-front/pictures/huichang-standin.jpg)", d));
    CHECK(Messages(d) ==
          file +
              ":6:1: error[outside-issue]: picture "
              "'../../hongqiao-2021-05-front/pictures/huichang-standin.jpg' lies "
              "outside the issue folder\n"
              "  hint: copy the picture into the issue folder, e.g. into pictures/\n");
  }
  {  // no file at all
    Diagnostics d;
    CHECK_FALSE(parse("![图]()", d));
    CHECK(Messages(d) == file +
                             ":6:1: error[missing-picture]: the picture has no file\n"
                             "  hint: write ![caption](../pictures/file.jpg), the file named from "
                             "the article\n");
  }
  {  // the old rule is never a way out either: "../x" from the issue folder is outside it
    Diagnostics d;
    CHECK_FALSE(parse("![图](../hongqiao-2021-05-front/pictures/huichang-standin.jpg)", d));
    CHECK(Messages(d).find("error[missing-picture]") != std::string::npos);
  }
}

TEST_CASE("article: 50 000 nested emphasis marks are an error at the paragraph, not a crash") {
  Diagnostics d;
  const std::string deep = std::string(100000, '*') + "深" + std::string(100000, '*');
  CHECK_FALSE(
      ParseArticle("x", "x.md", "---\nheadline: 主题\n---\n正文。\n\n" + deep + "\n", ".", d));
  CHECK(Messages(d) ==
        "x.md:6:1: error[too-deep]: emphasis is nested more than 32 deep (*…**…**…*)\n"
        "  hint: an article sets *emphasis* and **bold**, each once: remove the extra * marks\n");
  // 32 levels are set.
  Diagnostics ok;
  CHECK(ParseArticle(
      "x", "x.md",
      "---\nheadline: 主题\n---\n" + std::string(32, '*') + "深" + std::string(32, '*') + "\n", ".",
      ok));
  CHECK(ok.empty());
}

TEST_CASE("article: text cmark would turn into U+FFFD or a control is an error at its line") {
  Diagnostics d;
  CHECK_FALSE(
      ParseArticle("x", "x.md",
                   "---\nheadline: 主题\n---\n正文。\n\n门诊&#0;时间。\n\n时间&#x85;为。\n\n"
                   "> 引文 שלום\n",
                   ".", d));
  CHECK(Messages(d) ==
        "x.md:6:1: error[control-character]: the paragraph holds the replacement character "
        "U+FFFD, which stands for a character lost in a conversion (or a NUL)\n"
        "  hint: the text was damaged before it reached banmian: copy it again from its source\n"
        "x.md:8:1: error[control-character]: the paragraph holds a control character (U+0085)\n"
        "  hint: delete it: control characters are not printed (they are often left over from "
        "copying text out of another program)\n"
        "x.md:10:6: error[right-to-left]: the paragraph holds right-to-left text (ש, U+05E9), "
        "which banmian does not set\n"
        "  hint: banmian sets Chinese and left-to-right text only: write the words in "
        "transliteration, or set them as a picture\n");
}

TEST_CASE("article: a picture's attribute block on its own is an error, braces in text are not") {
  Diagnostics d;
  CHECK_FALSE(ParseArticle(
      "x", "x.md", "---\nheadline: 主题\n---\n正文。\n\n{cols=2x}\n\n他说{这=那}。\n\n{注}\n", ".",
      d));
  CHECK(Messages(d) ==
        "x.md:6:1: error[bad-value]: picture attributes {cols=2x} stand on their own, after no "
        "picture: they would be printed as text\n"
        "  hint: write them on the picture's line, right after it: ![caption](file){cols=2}\n");
}

TEST_CASE("article: a long paragraph of many lines loads whole") {
  // Each line break used to copy the paragraph so far (8 MB took minutes); how the time
  // grows with the size is measured by bench/scaling.sh, not here.
  std::string body = "---\nheadline: 主题\n---\n";
  const std::string line = "社区卫生服务中心从下周起开设夜间门诊，方便居民。";
  for (int i = 0; i < 20000; ++i) body += line + "\n";
  Diagnostics d;
  auto a = ParseArticle("x", "x.md", body, ".", d);
  REQUIRE(a);
  REQUIRE(a->blocks.size() == 1);
  size_t text = 0;
  for (const Span& span : a->blocks[0].spans) text += span.text.size();
  CHECK(text >= 20000 * line.size());
}
