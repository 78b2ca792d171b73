// Press checks of supplied art: what a plant would refuse in an advertiser's PDF.
//
// An ad arrives finished (ideally PDF/X-1a) and is placed as it is (render/pdf_writer.h), so
// what is wrong in it goes to press unless someone looks. From each placed PDF's inspection
// (model/pdf_art.h, made when it was loaded) and the paper's press settings, one finding per
// kind of problem, with its page, frame and area, its level set by `press: ads:`:
//  - ad-rgb: RGB or Lab colour (rg/RG, DeviceRGB, CalRGB, 3-channel ICC, Lab spaces, RGB
//    images): a PDF/X-1a file is CMYK (and spot) only;
//  - ad-spot: spot colourants (Separation or DeviceN other than cyan, magenta, yellow, black),
//    which a four-colour newspaper press has no plate for;
//  - ad-transparency: soft masks, constant alpha under 1, blend modes, transparency groups:
//    PDF/X-1a has none;
//  - ad-fonts: fonts not embedded (no FontFile, FontFile2 or FontFile3);
//  - ad-ink: a colour, an image's pixel or a shading's sample over the paper's total-ink
//    limit (each counted on its own: overprints and overlaps are not added);
//  - ad-output-condition: a PDF/X OutputIntent naming another condition than the paper's, or
//    none at all;
//  - ad-ink-unmeasured (warning): what carries ink that could not be measured (an image in
//    a filter qpdf does not decode, a mesh shading, a PostScript calculator function);
//  - ad-unchecked (error): the walk stopped before it had seen everything (more content
//    streams than kMaxContentStreams, colour spaces nested too deep): never a silent pass.
// A PDF ad scaled to fit its slot (`scale: fit`) is reported too (ad-scaled, information),
// saying how much.
#pragma once

#include <vector>

#include "layout/layout_report.h"
#include "model/layout.h"
#include "preflight/findings.h"

namespace banmian {

std::vector<Finding> CheckAds(const std::vector<AdRecord>& ads, const PressSettings& press);

}  // namespace banmian
