// The commands banmian takes and the options of each: one table that the argument
// parser, the help texts, the did-you-mean and the shell completions' test all read, so
// they cannot disagree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace banmian {

struct OptionSpec {
  std::string_view long_name;   // "--out"
  std::string_view short_name;  // "-o", or ""
  std::string_view value;       // what follows it ("DIR"), or "" for a flag
  std::string_view help;        // for --help; lines after the first indented by the printer
  std::string_view needs = {};  // what the value must be, for "--dpi needs …" ("a folder")
};

struct CommandSpec {
  std::string_view name;      // "render"
  std::string_view operands;  // "ISSUE_DIR"
  std::string_view summary;   // one line, for the main help
  std::string_view about;     // a paragraph, for the command's help
  std::vector<const OptionSpec*> options;
  std::vector<std::string_view> examples;
};

// Every command, in the order the main help lists them.
const std::vector<CommandSpec>& Commands();
// The command named `name`, or null.
const CommandSpec* FindCommand(std::string_view name);
// The option of `command` named `word` (long or short), or null.
const OptionSpec* FindOption(const CommandSpec& command, std::string_view word);
// Whether any command has an option named `word`: the name of the first that does, or "".
std::string_view CommandWithOption(std::string_view word);

}  // namespace banmian
