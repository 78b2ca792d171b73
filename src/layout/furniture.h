// Placing page furniture: the masthead, folio, footer and other template regions.
//
// Each region's items become frame items: text with placeholders filled from the
// issue ({title}, {date}, {page}, {board} …), QR codes encoded with libqrencode and
// drawn as filled squares, rules and boxes. An unknown placeholder is an input error
// at the item's line; text wider than its box is recorded as furniture overflow.
#pragma once

#include <map>
#include <string>

#include "layout/layout_report.h"
#include "model/diagnostic.h"
#include "model/frame.h"
#include "model/issue.h"
#include "text/font_set.h"

namespace banmian {

// Placeholder values for one page.
std::map<std::string, std::string> PagePlaceholders(const Issue& issue, const PageSpec& page);

// Replaces {name} by its value; unknown names are reported at `pos`.
std::string ExpandPlaceholders(const std::string& text,
                               const std::map<std::string, std::string>& values,
                               const SourcePos& pos, Diagnostics& diags);

Frame PlaceRegion(const Region& region, const Paper& paper, FontSet& fonts,
                  const std::map<std::string, std::string>& values, int page_number,
                  LayoutReport& report, Diagnostics& diags);

// The dark modules of a QR code for `data`, merged into horizontal runs of squares.
std::vector<RectItem> QrCodeRects(const std::string& data, double x, double y, double size,
                                  const Cmyk& colour);

}  // namespace banmian
