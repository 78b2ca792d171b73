// Composed articles kept from one build of an issue to the next (banmian watch): an
// article whose inputs have not changed is not shaped and broken into lines again.
//
// Composing an article (ComposeArticle, layout/module.h) depends on the article, the
// paper, the fonts and the measure it is set at. The caller names the first three by a
// fingerprint per article (watch/input_snapshot.h: the bytes of the article file, of its
// pictures, of the issue file and of the paper's files); the measure is part of the key
// here. A flow found here is a copy of the one composed before, its pointers (the article,
// the picture and table blocks) moved to the article of the current build, so placing may
// use it up as it does a fresh one. The glyph runs name fonts by the ids of the font set
// the flows were composed with: one cache serves one FontSet. Not thread-safe: the build
// looks up and stores on its placing thread only.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "layout/module.h"
#include "model/article.h"

namespace banmian {

class ComposedArticles {
 public:
  // Everything but the measure an article's composition depends on, as one string; no
  // value: the article is not to be reused or kept (its inputs are not known).
  using Fingerprint = std::function<std::optional<std::string>(const Article&)>;

  // Sets the fingerprint for the next build and starts counting its hits and misses.
  void StartBuild(Fingerprint fingerprint);
  // Drops the entries the build just ended neither found nor stored, so an edited article's
  // old flows do not pile up; a build that looked up no article (its issue did not load)
  // drops nothing, so the flows are there again once the error is fixed.
  void EndBuild();

  // Whether Find would find the article (without counting a hit or a miss).
  bool Has(const Article& article, int measure_loss) const;
  // The article as composed before with the same inputs and measure, ready to place.
  std::optional<ArticleFlow> Find(const Article& article, int measure_loss);
  // Keeps a copy of `fresh`, composed from `article` and not placed yet.
  void Store(const Article& article, const ArticleFlow& fresh);

  size_t size() const { return entries_.size(); }
  int hits() const { return hits_; }      // in the current (or last) build
  int misses() const { return misses_; }  // articles composed afresh in it

 private:
  std::optional<std::string> Key(const Article& article, int measure_loss) const;

  struct Entry {
    ArticleFlow flow;                // article and block sources null
    std::vector<long> source_index;  // per block: its source's index in article.blocks, or -1
    int build = 0;                   // the last build that found or stored it
  };
  Fingerprint fingerprint_;
  std::map<std::string, Entry> entries_;
  int build_ = 0;
  int hits_ = 0, misses_ = 0;
};

}  // namespace banmian
