// The normalize stage: article text → text fit for print, plus a list of changes.
//
// Copy from other systems brings half-width marks into Chinese text. Following
// CJK-RULES §7: , : ; ! ? after a Chinese character become ，：；！？ (and a space
// after them, before Chinese, is dropped); ( ) around Chinese become （ ）; a straight
// " pair around Chinese becomes “ ”. Latin runs, numbers (3,000 · 18:30) and URLs are
// left alone. Every change is recorded so the report can list it. An article with
// `normalize: false` is left untouched.
#pragma once

#include <string>
#include <vector>

#include "model/article.h"
#include "model/diagnostic.h"

namespace banmian {

struct Normalization {
  std::string article;
  SourcePos pos;         // the block or front-matter key the change is in
  std::string from, to;  // e.g. "," → "，"
  std::string context;   // a few characters around it, after the change
};

// Normalises one piece of text; appends its changes (pos and article filled by caller).
std::string NormalizeText(const std::string& text, std::vector<Normalization>& changes);

// Normalises every text of the article in place, returning the changes.
std::vector<Normalization> NormalizeArticle(Article& article);

}  // namespace banmian
