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
  REQUIRE(blocks.size() == 4);  // issue, article, paper, template
  Diagnostics d;
  auto issue = ParseIssueFile("issue.yaml", blocks[0], d);
  CHECK(issue);
  auto article = ParseArticle("example", "example.md", blocks[1],
                              test::SourcePath("issues/songjiang-2022-07-inside"), d);
  CHECK(article);
  auto paper = ParsePaper("paper.yaml", blocks[2], d);
  REQUIRE(paper);
  auto tmpl = ParseTemplate("front.yaml", "front", blocks[3], *paper, d);
  CHECK(tmpl);
  CHECK(Messages(d) == "");
  if (article) {
    CHECK(article->kicker.starts_with("虹桥镇召开"));
    CHECK(article->blocks.size() == 5);
  }
  if (tmpl) CHECK(tmpl->regions.at(0).items.size() == 4);
}
