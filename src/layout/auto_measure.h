// Measuring an auto page's stories for the search (layout/auto_layout.h): the ways each
// story can be set as a module, and the heights each way fills.
//
// A story is tried as a module of every width the body area allows (or its lock), with
// each headline rung of the paper's ladder its rank and width allow (the largest and the
// two after it), and, when what is left of it has a picture, with that picture across the
// module or a column or two narrower, and above its headline. Each try is a trial
// placement (PlaceModule with PlaceOptions::trial) in a module as tall as the body: the
// grid lines it uses, columns level, are the height it needs. A picture may then be made
// taller by cropping its sides, as placing does to fill a module (up to a fifth of its
// height), which adds one grid line to a module for each when it spans the module; and any
// module may end with one blank grid line. Heights beyond those are cuts (text that would
// not fit) or holes, which the search may choose only at a cost (AutoCosts).
#pragma once

#include <string>
#include <vector>

#include "layout/auto_layout.h"
#include "layout/module.h"
#include "model/issue.h"
#include "model/layout.h"
#include "text/font_set.h"

namespace banmian {

// The rungs of the ladder a story of rank `rank` (1: the lead) may take in a module `cols`
// wide, largest first: indices into paper.auto_layout.headlines (an empty ladder: {0}, the
// style `headline`).
std::vector<int> AllowedRungs(const AutoLayoutRules& rules, int rank, int cols);
// The style of rung `rung` ("headline" for an empty ladder).
std::string RungStyle(const AutoLayoutRules& rules, int rung);

// The module shapes of one story: what is left of `flow`, set as `part` (its first part
// with the headline, or a continuation). `rank` counts from 1 (the lead); `lock` limits the
// widths tried; body_cols × body_rows is the body area. Every shape's `rows` holds the
// heights it fills exactly; WidenForCuts adds the others.
// When `part.continues_on` is set (the story goes on on a later page), every height from
// its headline and three lines up to what it needs holds a part of it (ModuleShape::continues).
AutoStory MeasureStory(ArticleFlow& flow, const ModulePart& part, const StoryEntry& entry, int rank,
                       int body_cols, int body_rows, const Paper& paper, FontSet& fonts,
                       HeadlineCache& headlines);

// The same stories, each shape also allowed the heights up to `reach` grid lines below the
// shortest it fills (cutting its text, never under its headline and three lines) and above
// the tallest (leaving a hole), for a page its stories cannot fill exactly. The search tries
// a small reach first, as its table and its steps grow with the heights allowed.
std::vector<AutoStory> WidenForCuts(std::vector<AutoStory> stories, int body_rows, int reach);

// The slot an auto page's story is set in: named by its article, unless the template has a
// slot of that name ("story-" + id then).
std::string StorySlotName(const PageTemplate& tmpl, const std::string& id);

// Grid lines the picture of a module `rows` tall in `shape` is cropped shorter
// (Slot::picture_trim).
int PictureTrimAt(const ModuleShape& shape, int rows);

// A slot for module `m` of an auto page: named `name`, placed in the body area `body`
// (grid), in the shape the search chose.
Slot AutoSlot(const std::string& name, const AutoModule& m, const ModuleShape& shape,
              const BodyArea& body, const AutoLayoutRules& rules, const Paper& paper);

}  // namespace banmian
