// Findings from the slot records: how full each slot came out.
//
// The layout stage records every article part placed in a slot, and every slot left empty
// (SlotRecord in layout_report.h), with its place on the page and where each of its text
// columns ends. From those:
//  - hole (error): a text column ending more than kHoleRows grid lines above the longest
//    column of its part; the area is the column's empty part;
//  - underfull (error; information on a page banmian added to carry a stack on): columns
//    ending more than kUnderfullRows grid lines short of the slot's foot, judged at the
//    lowest part of the slot on its page (for a stack, below its last article); the area
//    is the empty foot of those columns. Not for a slot with overset text (that error
//    says what is wrong there);
//  - empty-slot (error; information for a slot the template marks optional): nothing
//    placed in a slot, or a continuation slot left empty because its article ended on an
//    earlier page.
// Column positions come from the paper's grid; page labels from the placed Document.
#pragma once

#include <vector>

#include "layout/layout_report.h"
#include "model/frame.h"
#include "model/layout.h"
#include "preflight/findings.h"

namespace banmian {

// A slot with more grid lines than this left empty at the foot of a column is underfull.
constexpr int kUnderfullRows = 2;

// A column ending more grid lines than this above the longest of its part leaves a hole.
constexpr int kHoleRows = 1;

std::vector<Finding> CheckSlots(const LayoutReport& report, const Document& doc, const Grid& grid);

}  // namespace banmian
