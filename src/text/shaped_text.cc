#include "text/shaped_text.h"

namespace banmian {

float ShapedText::Width(size_t begin, size_t end) const {
  float w = 0;
  for (size_t i = begin; i < end && i < atoms.size(); ++i) w += atoms[i].advance;
  return w;
}

}  // namespace banmian
