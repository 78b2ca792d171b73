// The complete examples in docs/formats.md must load as they are written: a
// documented example that fails is a defect in the documentation or the loader.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "load/article_loader.h"
#include "load/issue_loader.h"
#include "load/layout_loader.h"
#include "test_util.h"

using namespace banmian;
using banmian::test::Messages;

namespace {

// The fenced code blocks of a Markdown file, in order.
std::vector<std::string> CodeBlocks(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> blocks;
  std::string line, current;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.starts_with("```")) {
      if (inside) blocks.push_back(current);
      current.clear();
      inside = !inside;
      continue;
    }
    if (inside) current += line + "\n";
  }
  return blocks;
}

}  // namespace

TEST_CASE("docs: every example in docs/formats.md loads without an error") {
  auto blocks = CodeBlocks(test::SourcePath("docs/formats.md"));
  REQUIRE(blocks.size() >= 4);  // issue, article, paper, template, then smaller examples
  Diagnostics d;
  auto issue = ParseIssueFile("issue.yaml", blocks[0], d);
  CHECK(issue);
  // In the issue's articles/ folder, as formats.md says: its picture is named from there.
  const std::string issue_dir = test::SourcePath("issues/songjiang-2022-07-inside");
  auto article =
      ParseArticle("example", issue_dir + "/articles/example.md", blocks[1], issue_dir, d);
  CHECK(article);
  // The paper is the first block that names one (section 3), its template the next; the
  // examples in section 2 come before them.
  size_t paper_at = 2;
  while (paper_at + 1 < blocks.size() && !blocks[paper_at].starts_with("name:")) ++paper_at;
  REQUIRE(paper_at + 1 < blocks.size());
  auto paper = ParsePaper("paper.yaml", blocks[paper_at], d);
  REQUIRE(paper);
  auto tmpl = ParseTemplate("front.yaml", "front", blocks[paper_at + 1], *paper, d);
  CHECK(tmpl);
  CHECK(Messages(d) == "");
  if (article) {
    CHECK(article->kicker.starts_with("虹桥镇召开"));
    CHECK(article->blocks.size() == 5);
  }
  if (tmpl) CHECK(tmpl->regions.at(0).items.size() == 4);
  // The smaller examples: templates (slots), issue files, articles (a body without front
  // matter, such as the table's, is loaded under one).
  for (size_t i = 2; i < blocks.size(); ++i) {
    if (i == paper_at || i == paper_at + 1) continue;
    CAPTURE(blocks[i]);
    Diagnostics e;
    const std::string& b = blocks[i];
    if (b.starts_with("slots:") || b.find("\nslots:") != std::string::npos) {
      CHECK(ParseTemplate("t.yaml", "t", b, *paper, e));
    } else if (b.find("pages:") != std::string::npos) {
      CHECK(ParseIssueFile("issue.yaml", b, e));
    } else if (b.starts_with("---")) {
      CHECK(ParseArticle("example", "example.md", b,
                         test::SourcePath("issues/songjiang-2022-07-inside"), e));
    } else if (b.find("\n|---") != std::string::npos) {
      const auto a = ParseArticle("example", "example.md", "---\nheadline: 例\n---\n" + b,
                                  test::SourcePath("issues/songjiang-2022-07-inside"), e);
      CHECK(a);
      if (a) CHECK(a->blocks.size() == 3);  // paragraph, table (with its caption), paragraph
    } else {
      continue;  // a fragment (e.g. one slot's lines) shown inside the text
    }
    CHECK(Messages(e) == "");
  }
}

TEST_CASE("docs: the relative slots example resolves as the text says") {
  auto blocks = CodeBlocks(test::SourcePath("docs/formats.md"));
  Diagnostics d;
  const std::string* paper_text = nullptr;
  for (const std::string& b : blocks)
    if (!paper_text && b.starts_with("name:")) paper_text = &b;
  REQUIRE(paper_text);
  auto paper = ParsePaper("paper.yaml", *paper_text, d);
  REQUIRE(paper);
  const std::string* example = nullptr;
  for (const std::string& b : blocks)
    if (b.find("below: lead") != std::string::npos && b.starts_with("slots:")) example = &b;
  REQUIRE(example);
  auto tmpl = ParseTemplate("t.yaml", "t", *example, *paper, d);
  REQUIRE(tmpl);
  const Slot* lead = tmpl->FindSlot("lead");
  const Slot* third = tmpl->FindSlot("third");
  REQUIRE(lead);
  REQUIRE(third);
  CHECK(lead->geometry.rows_mode == RowsMode::kFit);
  CHECK(lead->geometry.max_rows == 20);
  CHECK(third->geometry.below == std::vector<std::string>{"second"});
  CHECK(third->geometry.rows_mode == RowsMode::kRest);
}
