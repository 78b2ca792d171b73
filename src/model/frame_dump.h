// A stable text dump of the frame tree, for layout tests.
//
// One line per item, numbers with two decimals, so a golden file changes only when
// the page really changes. Glyph runs show their role, start point, width and text;
// a cropped picture its crop rectangle (shares of the file, three decimals) after its
// file name, an uncropped one nothing more.
#pragma once

#include <string>

#include "model/frame.h"

namespace banmian {

std::string DumpDocument(const Document& doc);
std::string DumpPage(const Page& page);

}  // namespace banmian
