// Composed articles kept between builds (layout/composed_articles.h): found only under the
// same fingerprint and measure, handed out with their pointers moved to the new build's
// article, and dropped once a build no longer uses them.
#include "layout/composed_articles.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace banmian {
namespace {

Article ArticleWithBlocks(const std::string& id, int blocks) {
  Article a;
  a.id = id;
  a.file = "articles/" + id + ".md";
  for (int i = 0; i < blocks; ++i) {
    Block b;
    b.kind = i == 1 ? BlockKind::kPicture : BlockKind::kParagraph;
    a.blocks.push_back(b);
  }
  return a;
}

// A flow as ComposeArticle leaves it: one body block per block, the picture's pointing at
// its source block.
ArticleFlow FlowOf(const Article& a, int measure_loss) {
  ArticleFlow flow;
  flow.article = &a;
  flow.measure_loss = measure_loss;
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    BodyBlock b;
    b.text = a.id + " block " + std::to_string(i);
    b.flow.rows = static_cast<int>(i) + 2;
    if (a.blocks[i].kind == BlockKind::kPicture) b.source = &a.blocks[i], b.picture = true;
    flow.blocks.push_back(b);
  }
  flow.placed.assign(flow.blocks.size(), false);
  return flow;
}

TEST_CASE(
    "composed articles: found by fingerprint and measure, pointers moved to the new article") {
  std::map<std::string, std::string> prints = {{"a", "v1"}, {"b", "v1"}};
  auto by_map = [&prints](const Article& x) -> std::optional<std::string> {
    auto it = prints.find(x.id);
    if (it == prints.end()) return std::nullopt;
    return it->second;
  };
  ComposedArticles cache;
  {
    const Article a = ArticleWithBlocks("a", 3), b = ArticleWithBlocks("b", 2);
    cache.StartBuild(by_map);
    CHECK_FALSE(cache.Find(a, 0));
    cache.Store(a, FlowOf(a, 0));
    CHECK_FALSE(cache.Find(b, 1));
    cache.Store(b, FlowOf(b, 1));
    cache.EndBuild();
    CHECK(cache.misses() == 2);
    CHECK(cache.hits() == 0);
    CHECK(cache.size() == 2);
  }  // the articles of that build are gone
  const Article a2 = ArticleWithBlocks("a", 3), b2 = ArticleWithBlocks("b", 2);
  cache.StartBuild(by_map);
  struct Case {
    const char* what;
    const Article* article;
    int measure_loss;
    bool found;
  };
  const std::vector<Case> cases = {
      {"same article, same measure", &a2, 0, true},
      {"same article, narrower", &a2, 1, false},
      {"b at its measure", &b2, 1, true},
      {"b at another", &b2, 0, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    CHECK(cache.Has(*c.article, c.measure_loss) == c.found);
    std::optional<ArticleFlow> flow = cache.Find(*c.article, c.measure_loss);
    REQUIRE(flow.has_value() == c.found);
    if (!flow) continue;
    CHECK(flow->article == c.article);
    CHECK(flow->blocks.size() == c.article->blocks.size());
    CHECK(flow->blocks[0].source == nullptr);
    CHECK(flow->blocks[1].source == &c.article->blocks[1]);  // the new article's block
    CHECK(flow->blocks[1].text == c.article->id + " block 1");
    CHECK(flow->blocks[1].flow.rows == 3);
    CHECK(std::count(flow->placed.begin(), flow->placed.end(), true) == 0);
  }
  CHECK(cache.hits() == 2);
  CHECK(cache.misses() == 2);
  cache.EndBuild();
  CHECK(cache.size() == 2);

  // a's file changed: its fingerprint too. The old flow is not found, and once the build
  // has ended it is dropped; b's is kept as it was used.
  prints["a"] = "v2";
  cache.StartBuild(by_map);
  CHECK_FALSE(cache.Find(a2, 0));
  CHECK(cache.Find(b2, 1));
  cache.EndBuild();
  CHECK(cache.size() == 1);
  // A build that looked nothing up (the issue did not load) drops nothing.
  cache.StartBuild(by_map);
  cache.EndBuild();
  CHECK(cache.size() == 1);
  // No fingerprint (inputs not known): neither kept nor found.
  prints.erase("b");
  cache.StartBuild(by_map);
  CHECK_FALSE(cache.Find(b2, 1));
  cache.Store(b2, FlowOf(b2, 1));
  CHECK_FALSE(cache.Has(b2, 1));
}

TEST_CASE("composed articles: a flow whose block came from elsewhere is not kept") {
  ComposedArticles cache;
  cache.StartBuild([](const Article&) { return std::optional<std::string>("same"); });
  const Article a = ArticleWithBlocks("a", 2), other = ArticleWithBlocks("other", 2);
  ArticleFlow flow = FlowOf(a, 0);
  flow.blocks[1].source = &other.blocks[1];
  cache.Store(a, flow);
  CHECK(cache.size() == 0);
  // An article with fewer blocks than the flow was composed from is not that article.
  cache.Store(a, FlowOf(a, 0));
  const Article shorter = ArticleWithBlocks("a", 1);
  CHECK_FALSE(cache.Find(shorter, 0));
  CHECK(cache.Find(a, 0));
}

}  // namespace
}  // namespace banmian
