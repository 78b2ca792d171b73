// Press checks: what on the finished pages a newspaper plant would phone about.
//
// The pages may be right as pages and still print badly on newsprint. These checks look
// at every item of the frame tree (model/frame.h) as the press file will carry it, in
// its declared CMYK, against the paper's limits (model/press_thresholds.h, from
// `press: checks:` and `press: ink_limit`). Each finding has its page and area:
//  - rich-black-text (warning): text whose black (K 90 % or more) has C, M or Y under it;
//    black type prints in 100 % K alone, or misregistration haloes it;
//  - small-multi-ink-text, small-reversed-text, small-single-ink-text (warnings): type in
//    two inks or more, white (reversed) type, or solid type in one ink, under the size
//    the plant can hold (10, 10 and 6 pt by default);
//  - thin-rule (warning): a rule or box outline under the weight for its inks (0.5 pt in
//    one ink, 1.5 pt in more);
//  - art-at-trim (warning): a filled box or a picture reaching the trim but not the
//    bleed beyond it, so a cut a little off shows a white sliver;
//  - ink-over-limit (error): a declared colour in use whose total ink is over the limit;
//  - invisible-text (error): type as light or dark as the fill (or paper) under it;
//  - transparent-art (error): a picture with see-through pixels (a logo's PNG alpha, an
//    SVG's background) over a fill, a picture, a placed PDF or text: the press files have
//    no transparency and compose it over white paper, so what lies under it would not print.
// One finding per frame, code and colour (with the size or weight), its area all the
// items it covers. The printer's marks (frame "marks") and what the proof draws on
// purpose are not checked. Pictures' resolution is checked with the layout's records
// (findings.h, `low-resolution`), against the same thresholds.
#pragma once

#include <vector>

#include "model/frame.h"
#include "model/layout.h"
#include "preflight/findings.h"

namespace banmian {

std::vector<Finding> CheckPress(const Document& doc, const PressSettings& press);

}  // namespace banmian
