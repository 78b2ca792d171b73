#include "model/article.h"

#include "model/utf8.h"

namespace banmian {

std::string Block::PlainText() const {
  std::string out;
  for (const Span& s : spans) out += s.text;
  // A table: its caption, then its cells row by row.
  out += table.caption;
  for (const TableRow& row : table.rows)
    for (const TableCell& cell : row.cells)
      for (const Span& s : cell.spans) out += s.text;
  return out;
}

size_t Article::BodyCharacterCount() const {
  size_t n = 0;
  for (const Block& b : blocks) n += Utf8Length(b.PlainText());
  return n;
}

}  // namespace banmian
