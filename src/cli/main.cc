// banmian: the command line. Finds the command, parses its arguments against the command
// table (cli/command_spec.h), and runs it; prints help, and usage errors as one line with
// a did-you-mean and a pointer to the command's --help. The exit status: 0 clean, 1 pages
// made with error findings, 2 bad input, a usage error or an output failure (nothing
// written).
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "cli/arguments.h"
#include "cli/did_you_mean.h"
#include "cli/fonts_command.h"
#include "cli/help_text.h"
#include "cli/issue_command.h"
#include "cli/new_command.h"

namespace {

int UsageError(std::string_view command, const std::string& problem) {
  std::cerr << banmian::UsageErrorText(command, problem);
  return 2;
}

// The command a mistyped word was meant to be, as " did you mean 'render'?", or "".
std::string CommandSuggestion(const std::string& word) {
  std::vector<std::string> names;
  for (const banmian::CommandSpec& c : banmian::Commands()) names.emplace_back(c.name);
  const std::string near = banmian::DidYouMean(word, names);
  return near.empty() ? "" : "; did you mean '" + near + "'?";
}

}  // namespace

int main(int argc, char** argv) {
  // A file-size limit (ulimit -f) reached while writing is an output error, reported like a
  // full disk, not a signal that kills banmian.
  std::signal(SIGXFSZ, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return UsageError("", "no command given");
  const std::string& first = args[0];
  if (first == "--help" || first == "-h") {
    std::cout << banmian::MainHelp();
    return 0;
  }
  if (first == "--version" || first == "-V") {
    std::cout << "banmian " << BANMIAN_VERSION << "\n";
    return 0;
  }
  const banmian::CommandSpec* command = banmian::FindCommand(first);
  if (!command) {
    if (first.starts_with("-")) return UsageError("", "unknown option '" + first + "'");
    return UsageError("", "unknown command '" + first + "'" + CommandSuggestion(first));
  }
  if (command->name == "help") {
    if (args.size() == 1) {
      std::cout << banmian::MainHelp();
      return 0;
    }
    const banmian::CommandSpec* about =
        banmian::FindCommand(args[1] == "--help" || args[1] == "-h" ? "help" : args[1]);
    if (!about || args.size() > 2)
      return UsageError("help", "unknown command '" + args[1] + "'" + CommandSuggestion(args[1]));
    std::cout << banmian::CommandHelp(*about);
    return 0;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  // --help anywhere among the arguments asks for the help alone.
  for (const std::string& a : rest) {
    if (a == "--") break;
    if (a == "--help" || a == "-h") {
      std::cout << banmian::CommandHelp(*command);
      return 0;
    }
  }
  banmian::Arguments parsed;
  if (auto problem = banmian::ParseArguments(*command, rest, parsed))
    return UsageError(command->name, *problem);
  if (command->name == "fonts") return banmian::RunFontsCommand(parsed, std::cout, std::cerr);
  if (command->name == "new") return banmian::RunNewCommand(parsed, std::cout, std::cerr);
  return banmian::RunIssueCommand(*command, parsed, std::cout, std::cerr);
}
