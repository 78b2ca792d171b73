#include "text/cluster_joins.h"

namespace banmian {

bool IsVariationSelector(char32_t c) {
  return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}

bool AsksForGlyphVariant(char32_t c) {
  return (c >= 0xFE00 && c <= 0xFE0D) || (c >= 0xE0100 && c <= 0xE01EF);
}

bool JoinsPrevious(char32_t c) {
  return IsVariationSelector(c) || c == 0x200D || (c >= 0x1F3FB && c <= 0x1F3FF) ||
         (c >= 0xE0020 && c <= 0xE007F) || c == 0x20E3 || (c >= 0x0300 && c <= 0x036F) ||
         (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

}  // namespace banmian
