#include "load/article_loader.h"

#include <doctest/doctest.h>

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
  CHECK(
      Messages(d) ==
      "x.md:6:1: error[unsupported-markdown]: unsupported Markdown: list\n"
      "  hint: articles hold paragraphs, #### subheads, ### section titles, > pull quotes and "
      "pictures\n"
      "x.md:9:1: error[unsupported-markdown]: heading level 2 is not used in articles\n"
      "  hint: the headline goes in the front matter; use #### for a subhead and ### for a centred "
      "section title\n"
      "x.md:11:2: error[unsupported-markdown]: links have no place in a printed article\n"
      "  hint: write the address out as text\n");
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
        "y.md:6:1: error[missing-picture]: picture 'no/such.jpg' does not exist\n"
        "  hint: pictures are found relative to the issue folder issue\n");
}
