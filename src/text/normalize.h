// The normalize stage: article text → text fit for print, plus a list of changes.
//
// Copy from other systems brings half-width marks into Chinese text. Following
// CJK-RULES §7: , : ; ! ? after a Chinese character become ，：；！？ (and a space
// after them, before Chinese, is dropped); ( ) around Chinese become （ ）; straight
// quotes are paired in order through a text (the first " opens, the second closes, …;
// ' alike, but for apostrophes between letters) and a pair in or beside Chinese becomes
// “ ” or ‘ ’ (GB/T 15834); an odd number is left as typed and reported. Latin runs, numbers (3,000
// · 18:30) and URLs are left alone. Every change is recorded so the report can list it. An article
// with `normalize: false` is left untouched.
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
  // Not a change: straight quotes in Chinese text that cannot be paired (an odd number of
  // them in one text), left as typed; reported as a warning.
  bool unpaired = false;
};

// Normalises one piece of text; appends its changes (pos and article filled by caller).
std::string NormalizeText(const std::string& text, std::vector<Normalization>& changes);

// Normalises every text of the article in place, returning the changes.
std::vector<Normalization> NormalizeArticle(Article& article);

}  // namespace banmian
