#include "cli/display_width.h"

#include <unicode/uchar.h>

namespace banmian {

int DisplayWidth(char32_t ch) {
  const UChar32 c = static_cast<UChar32>(ch);
  const int category = u_charType(c);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR)
    return 0;
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

}  // namespace banmian
