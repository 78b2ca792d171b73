// Placing page furniture: the masthead, folio, footer and other template regions.
//
// Each region's items become frame items: text with placeholders filled from the
// issue ({title}, {date}, {page}, {board} …), QR codes encoded with libqrencode and
// drawn as filled squares, rules and boxes. An unknown placeholder is an input error
// at the item's line; text wider than its box is recorded as furniture overflow.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "layout/layout_report.h"
#include "model/diagnostic.h"
#include "model/frame.h"
#include "model/issue.h"
#include "text/font_set.h"

namespace banmian {

// Placeholder values for one page.
std::map<std::string, std::string> PagePlaceholders(const Issue& issue, const PageSpec& page);

// {page_of:ID} prints the labels of the pages article ID is set on, e.g. "A01、A02" for an
// index box (导读); the page builder adds one value per article under this prefix.
constexpr const char* kPageOfPrefix = "page_of:";

// Page labels as a reference prints them: joined by 、.
std::string JoinLabels(const std::vector<std::string>& labels);

// Replaces {name} by its value; unknown names are reported at `pos`, as is a
// {page_of:ID} whose article is on no page (its value is "").
// A field's value (from issue.yaml) may itself hold placeholders ({page_of:ID},
// {page_count}, {title}, other fields), expanded in turn and reported at the field's line
// when `field_pos` gives it; a field that prints itself is a `placeholder-loop` error.
std::string ExpandPlaceholders(const std::string& text,
                               const std::map<std::string, std::string>& values,
                               const SourcePos& pos, Diagnostics& diags,
                               const std::map<std::string, SourcePos>* field_pos = nullptr);

Frame PlaceRegion(const Region& region, const Paper& paper, FontSet& fonts,
                  const std::map<std::string, std::string>& values, int page_number,
                  LayoutReport& report, Diagnostics& diags,
                  const std::map<std::string, SourcePos>* field_pos = nullptr);

// The dark modules of a QR code for `data`, merged into horizontal runs of squares.
std::vector<RectItem> QrCodeRects(const std::string& data, double x, double y, double size,
                                  const Cmyk& colour);

}  // namespace banmian
