#include "cli/arguments.h"

#include "cli/did_you_mean.h"
#include "model/terminal_text.h"

namespace banmian {

const std::string* Arguments::Value(std::string_view long_name) const {
  auto it = options.find(long_name);
  return it == options.end() ? nullptr : &it->second;
}

std::string NeedsText(std::string_view typed, const OptionSpec& option) {
  return TerminalText(typed) + " needs " + std::string(option.needs);
}

namespace {

std::string UnknownOption(const CommandSpec& command, const std::string& word) {
  const std::string name = std::string(command.name);
  if (std::string_view other = CommandWithOption(word); !other.empty())
    return name + " does not take " + TerminalText(word) + ": it is an option of " +
           std::string(other);
  std::vector<std::string> names;
  for (const OptionSpec* o : command.options) {
    names.emplace_back(o->long_name);
    if (!o->short_name.empty()) names.emplace_back(o->short_name);
  }
  std::string problem = "unknown option '" + TerminalText(word) + "' for " + name;
  // Only the name of --name=value is compared.
  const std::string typed = word.substr(0, word.find('='));
  if (std::string near = DidYouMean(typed, names); !near.empty())
    problem += "; did you mean '" + near + "'?";
  return problem;
}

}  // namespace

std::optional<std::string> ParseArguments(const CommandSpec& command,
                                          const std::vector<std::string>& args, Arguments& out) {
  bool options_end = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_end || a.size() < 2 || a[0] != '-') {
      out.operands.push_back(a);
      continue;
    }
    if (a == "--") {
      options_end = true;
      continue;
    }
    std::string word = a;
    std::optional<std::string> joined;
    if (const size_t eq = a.find('='); a.starts_with("--") && eq != std::string::npos) {
      word = a.substr(0, eq);
      joined = a.substr(eq + 1);
    }
    const OptionSpec* o = FindOption(command, word);
    if (!o) return UnknownOption(command, a);
    if (o->value.empty()) {
      if (joined) return TerminalText(word) + " takes no value";
      out.options[std::string(o->long_name)] = "";
      continue;
    }
    // A value given twice: which one was meant is not for banmian to guess.
    if (out.Has(o->long_name)) return std::string(o->long_name) + " is given twice; give it once";
    if (joined) {
      out.options[std::string(o->long_name)] = *joined;
    } else if (i + 1 < args.size()) {
      out.options[std::string(o->long_name)] = args[++i];
    } else {
      return NeedsText(word, *o);
    }
  }
  return std::nullopt;
}

}  // namespace banmian
