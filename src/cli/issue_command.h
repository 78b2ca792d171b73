// banmian render, check, dump and watch: from their parsed arguments to the pipeline and
// back to the terminal. Prints the diagnostics (with their source lines), the findings
// summary and the copyfit, honouring -q, --color and --fail-on-warnings, and returns the
// exit status (0 clean, 1 pages made with error findings, or with warnings under
// --fail-on-warnings, 2 bad input: nothing written).
#pragma once

#include <iosfwd>

#include "cli/arguments.h"

namespace banmian {

int RunIssueCommand(const CommandSpec& command, const Arguments& args, std::ostream& out,
                    std::ostream& err);

}  // namespace banmian
