// Copyfit: for every module, how far its text is from filling its slot exactly, and what
// would make it fit, so an editor can fill a page from the numbers without trial renders.
//
// Computed from what the place stage recorded (slot parts, overset, the headline's
// measure). Text over: lines and characters to cut, or grid lines to add to the slot.
// Pictures over: how many, and when a block fits no slot or the headline alone is taller
// than the slot, that instead of grid lines to add.
// Text short: the empty grid lines summed over the columns, about how many characters
// would fill them (the grid's characters per column line), or how many grid lines the
// slot or a picture could give up or take. A headline that takes more than one line
// says the size at which it would take one.
#pragma once

#include <string>
#include <vector>

#include "layout/layout_report.h"
#include "model/layout.h"

namespace banmian {

struct FitRecord {
  int page = 0;
  std::string slot, article;
  int columns = 0, slot_rows = 0;
  int lines_over = 0;         // body lines overset
  long characters_over = 0;   // characters overset
  int pictures_over = 0;      // pictures overset
  int lines_short = 0;        // empty grid lines at the columns' feet, summed
  long characters_short = 0;  // about how many characters would fill them
  int rows_short = 0;         // grid lines every column leaves empty at the slot's foot
  int headline_lines = 0;
  double headline_size = 0, headline_one_line_size = 0;  // pt
  std::vector<std::string> advice;                       // e.g. "cut 37 characters (3 lines)"

  bool exact() const { return lines_over == 0 && pictures_over == 0 && lines_short == 0; }
};

// One record per module part and per stacked article's last part, in the order placed.
std::vector<FitRecord> Copyfit(const LayoutReport& report, const Paper& paper);

}  // namespace banmian
