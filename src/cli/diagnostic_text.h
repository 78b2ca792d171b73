// A diagnostic as the command line prints it: the first line exactly as
// FormatDiagnostic gives it ("file:line:col: error[code]: message", so editors can jump
// to it), then the source line with a caret under the column (cli/source_excerpt.h), then
// the hint. With colour, the severity word and the caret are coloured.
#pragma once

#include <string>

#include "model/diagnostic.h"

namespace banmian {

// The lines, each ending in a newline.
std::string DiagnosticText(const Diagnostic& d, bool colour);

}  // namespace banmian
