// A command's arguments after the command word: its options (by long name) and operands,
// checked against the command table (cli/command_spec.h).
//
// An option is written as in the table, long or short; a long option's value may follow
// it or be joined with '=' (--out=DIR), and is given once (a flag may be repeated). "--" ends
// the options. A word the command does
// not know gets the nearest of its options as a did-you-mean, or the command it belongs
// to when it is another command's.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/command_spec.h"

namespace banmian {

struct Arguments {
  std::map<std::string, std::string, std::less<>> options;  // long name → value ("" for flags)
  std::vector<std::string> operands;

  bool Has(std::string_view long_name) const { return options.contains(long_name); }
  // The value given, or null when the option is not.
  const std::string* Value(std::string_view long_name) const;
};

// Parses `args`; on a usage error returns its one-line problem (input quoted escaped).
std::optional<std::string> ParseArguments(const CommandSpec& command,
                                          const std::vector<std::string>& args, Arguments& out);

// "--dpi needs a number from 10 to 1200", as typed (-j or --jobs).
std::string NeedsText(std::string_view typed, const OptionSpec& option);

}  // namespace banmian
