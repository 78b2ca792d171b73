// `banmian new paper NAME [--from SAMPLE]` and `banmian new issue DIR --paper NAME`:
// scaffolds to start from.
//
// new paper copies a sample paper's layout folder (paper.yaml and its templates) to
// LAYOUTS/NAME. new issue writes DIR/issue.yaml with one page of the paper's template with
// the fewest slots, an article per slot (articles/a1.md …) and a field for every
// placeholder its furniture prints. The articles' placeholder text is sized by composing
// the issue (up to a few times, following the copyfit) so that it fills its slot and the
// issue renders without error findings. Both write into a staging folder and move it into
// place at the end: nothing is written when anything fails, and nothing is overwritten.
#pragma once

#include <iosfwd>

#include "cli/arguments.h"

namespace banmian {

// 0 when written, 2 on a usage or input problem (nothing written).
int RunNewCommand(const Arguments& args, std::ostream& out, std::ostream& err);

}  // namespace banmian
