// From a render, check, dump or watch command line to the pipeline's RunOptions: each
// option's value checked (plain decimals in range, a page list, a PDF/X standard), the
// one issue folder taken from the operands.
#pragma once

#include <optional>
#include <string>

#include "cli/arguments.h"
#include "pipeline/pipeline.h"

namespace banmian {

// Whether `s` is a plain decimal: 1 to `digits` digits, then, when `decimals` > 0, at most
// that many after a point. strtod or strtol alone would also take " 100", "1e2", "0x64",
// "+100" or "inf".
bool PlainNumber(const std::string& s, size_t digits, size_t decimals);

// Fills `options` (and `port`, for watch); returns the usage problem, if any.
std::optional<std::string> RunOptionsFromArguments(const CommandSpec& command,
                                                   const Arguments& args, RunOptions& options,
                                                   int& port);

}  // namespace banmian
