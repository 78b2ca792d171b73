#include "model/issue.h"

namespace banmian {

const Article* Issue::FindArticle(const std::string& id) const {
  for (const Article& a : articles)
    if (a.id == id) return &a;
  return nullptr;
}

}  // namespace banmian
