// `banmian fonts`: the font families banmian's font configuration (fonts.conf) offers,
// each with its faces' styles and files, in name order; with --paper, which of the
// paper's styles use each family, and the families it names that the configuration lacks.
#pragma once

#include <iosfwd>

#include "cli/arguments.h"

namespace banmian {

// 0, or 1 when the paper names a family the configuration lacks, 2 when the configuration
// or the paper cannot be loaded.
int RunFontsCommand(const Arguments& args, std::ostream& out, std::ostream& err);

}  // namespace banmian
