#include "layout/composed_articles.h"

#include <functional>
#include <utility>

namespace banmian {

void ComposedArticles::StartBuild(Fingerprint fingerprint) {
  fingerprint_ = std::move(fingerprint);
  ++build_;
  hits_ = misses_ = 0;
}

void ComposedArticles::EndBuild() {
  // A build that looked up nothing (its issue did not load) drops nothing.
  if (hits_ + misses_ == 0) return;
  for (auto it = entries_.begin(); it != entries_.end();)
    it = it->second.build == build_ ? std::next(it) : entries_.erase(it);
}

std::optional<std::string> ComposedArticles::Key(const Article& article, int measure_loss) const {
  if (!fingerprint_) return std::nullopt;
  std::optional<std::string> print = fingerprint_(article);
  if (!print) return std::nullopt;
  // The id too: two articles of the same file and text are still two flows.
  return article.id + '\n' + std::to_string(measure_loss) + '\n' + *print;
}

bool ComposedArticles::Has(const Article& article, int measure_loss) const {
  std::optional<std::string> key = Key(article, measure_loss);
  return key && entries_.count(*key) > 0;
}

std::optional<ArticleFlow> ComposedArticles::Find(const Article& article, int measure_loss) {
  std::optional<std::string> key = Key(article, measure_loss);
  auto it = key ? entries_.find(*key) : entries_.end();
  if (it == entries_.end()) {
    ++misses_;
    return std::nullopt;
  }
  Entry& entry = it->second;
  ArticleFlow flow = entry.flow;
  flow.article = &article;
  for (size_t i = 0; i < flow.blocks.size(); ++i) {
    const long index = entry.source_index[i];
    if (index < 0) continue;
    if (static_cast<size_t>(index) >= article.blocks.size()) {  // not the same article after all
      ++misses_;
      return std::nullopt;
    }
    flow.blocks[i].source = &article.blocks[static_cast<size_t>(index)];
  }
  entry.build = build_;
  ++hits_;
  return flow;
}

void ComposedArticles::Store(const Article& article, const ArticleFlow& fresh) {
  std::optional<std::string> key = Key(article, fresh.measure_loss);
  if (!key) return;
  Entry entry;
  entry.flow = fresh;
  entry.flow.article = nullptr;
  const Block* first = article.blocks.data();
  for (BodyBlock& block : entry.flow.blocks) {
    long index = -1;
    if (block.source) {
      // A source outside the article's blocks cannot be moved to the next build's article.
      const std::less<const Block*> before;
      if (before(block.source, first) || !before(block.source, first + article.blocks.size()))
        return;
      index = static_cast<long>(block.source - first);
    }
    entry.source_index.push_back(index);
    block.source = nullptr;
  }
  entry.build = build_;
  entries_[*key] = std::move(entry);
}

}  // namespace banmian
