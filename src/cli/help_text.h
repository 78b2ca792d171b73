// The help texts (banmian --help, banmian COMMAND --help) and the one-line usage error,
// all made from the command table (cli/command_spec.h).
#pragma once

#include <string>
#include <string_view>

#include "cli/command_spec.h"

namespace banmian {

// banmian --help: what banmian is, each command's usage and summary, the global options,
// the exit status.
std::string MainHelp();

// banmian COMMAND --help: its usage, what it does, its options, examples, exit status.
std::string CommandHelp(const CommandSpec& command);

// A usage error for standard error: "banmian: PROBLEM" (its controls escaped), then "Try 'banmian
// COMMAND --help'." (or 'banmian --help' for no command).
std::string UsageErrorText(std::string_view command, std::string_view problem);

}  // namespace banmian
