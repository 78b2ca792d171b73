#include "cli/help_text.h"

#include "model/terminal_text.h"

namespace banmian {

namespace {

constexpr const char* kExitStatus =
    "Exit status: 0 clean; 1 pages made but with error findings (e.g. overset text), or\n"
    "with warning findings under --fail-on-warnings; 2 bad input, a usage error or an\n"
    "output failure (nothing written).\n";

// "  -o, --out DIR        text", the text wrapped to 80 columns under its first line.
std::string OptionLines(const OptionSpec& o) {
  constexpr size_t kColumn = 24, kWidth = 80;
  std::string head = "  ";
  head += o.short_name.empty() ? "    " : std::string(o.short_name) + ", ";
  head += o.long_name;
  if (!o.value.empty()) head += " " + std::string(o.value);
  std::string out = head;
  size_t used = head.size();
  if (used + 2 > kColumn) out += "\n", used = 0;
  out += std::string(kColumn - used, ' ');
  used = kColumn;
  std::string word;
  std::string text(o.help);
  for (char& c : text)
    if (c == '\n') c = ' ';
  size_t at = 0;
  bool first = true;
  while (at < text.size()) {
    size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    const std::string w = text.substr(at, end - at);
    at = end + 1;
    if (w.empty()) continue;
    if (!first && used + 1 + w.size() > kWidth) {
      out += "\n" + std::string(kColumn, ' ');
      used = kColumn;
      first = true;
    }
    out += (first ? "" : " ") + w;
    used += (first ? 0 : 1) + w.size();
    first = false;
  }
  return out + "\n";
}

std::string UsageLine(const CommandSpec& c) {
  std::string line = "banmian " + std::string(c.name);
  if (!c.operands.empty()) line += " " + std::string(c.operands);
  if (!c.options.empty()) line += " [options]";
  return line;
}

}  // namespace

std::string MainHelp() {
  std::string out;
  for (const CommandSpec& c : Commands())
    out += (out.empty() ? "Usage: " : "  or:  ") + UsageLine(c) + "\n";
  out +=
      "  or:  banmian --help | --version\n"
      "Lays out newspaper issues as print-quality PDF pages.\n\n"
      "Commands:\n";
  for (const CommandSpec& c : Commands()) {
    std::string name = "  " + std::string(c.name);
    out += name + std::string(10 - name.size(), ' ') + std::string(c.summary) + "\n";
  }
  out +=
      "\n"
      "Run 'banmian COMMAND --help' for a command's options and examples.\n\n"
      "Options:\n"
      "  -h, --help      print this help (after a command: that command's)\n"
      "  -V, --version   print banmian's version\n\n"
      "Examples:\n"
      "  banmian render issues/hongqiao-2021-05-front\n"
      "  banmian check issues/feature-demo\n"
      "  banmian watch issues/chunshen-2024-06-07\n\n";
  return out + kExitStatus;
}

std::string CommandHelp(const CommandSpec& c) {
  std::string out = "Usage: " + UsageLine(c) + "\n\n" + std::string(c.about) + "\n";
  if (!c.options.empty()) {
    out += "\nOptions:\n";
    for (const OptionSpec* o : c.options) out += OptionLines(*o);
  }
  out += "\nExamples:\n";
  for (std::string_view e : c.examples) out += "  " + std::string(e) + "\n";
  if (c.name == "render" || c.name == "check") out += std::string("\n") + kExitStatus;
  return out;
}

std::string UsageErrorText(std::string_view command, std::string_view problem) {
  std::string out = "banmian: " + TerminalText(problem) + "\n";
  out += command.empty() ? "Try 'banmian --help'.\n"
                         : "Try 'banmian " + std::string(command) + " --help'.\n";
  return out;
}

}  // namespace banmian
