#include "model/article.h"

#include "model/utf8.h"

namespace banmian {

std::string Block::PlainText() const {
  std::string out;
  for (const Span& s : spans) out += s.text;
  return out;
}

size_t Article::BodyCharacterCount() const {
  size_t n = 0;
  for (const Block& b : blocks) n += Utf8Length(b.PlainText());
  return n;
}

}  // namespace banmian
