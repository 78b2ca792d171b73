#include "cli/help_text.h"

#include "model/terminal_text.h"

namespace banmian {

namespace {

constexpr const char* kExitStatus =
    "Exit status: 0 clean; 1 pages made but with error findings (e.g. overset text), or\n"
    "with warning findings under --fail-on-warnings; 2 bad input, a usage error or an\n"
    "output failure (nothing written).\n";

constexpr size_t kWidth = 79;

// The display width of a help text (ASCII, and "…" of one column).
size_t Columns(std::string_view word) {
  size_t n = 0;
  for (unsigned char c : word) n += (c & 0xC0) != 0x80;
  return n;
}

// `text` (its line breaks taken as spaces) wrapped to kWidth columns, each line after the
// first indented by `indent`; `used` is how much of the first line is taken.
std::string Wrap(std::string_view text, size_t indent, size_t used) {
  std::string out;
  bool first = true;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find_first_of(" \n", at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view w = text.substr(at, end - at);
    at = end + 1;
    if (w.empty()) continue;
    if (!first && used + 1 + Columns(w) > kWidth) {
      out += "\n" + std::string(indent, ' ');
      used = indent;
      first = true;
    }
    out += (first ? "" : " ") + std::string(w);
    used += (first ? 0 : 1) + Columns(w);
    first = false;
  }
  return out + "\n";
}

// "  -o, --out DIR        text", the text wrapped under its first line.
std::string OptionLines(const OptionSpec& o) {
  constexpr size_t kColumn = 24;
  std::string head = "  ";
  head += o.short_name.empty() ? "    " : std::string(o.short_name) + ", ";
  head += o.long_name;
  if (!o.value.empty()) head += " " + std::string(o.value);
  if (head.size() + 2 > kColumn)
    return head + "\n" + std::string(kColumn, ' ') + Wrap(o.help, kColumn, kColumn);
  return head + std::string(kColumn - head.size(), ' ') + Wrap(o.help, kColumn, kColumn);
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
  return out + Wrap(kExitStatus, 0, 0);
}

std::string CommandHelp(const CommandSpec& c) {
  std::string out = "Usage: " + UsageLine(c) + "\n\n" + Wrap(c.about, 0, 0);
  if (!c.options.empty()) {
    out += "\nOptions:\n";
    for (const OptionSpec* o : c.options) out += OptionLines(*o);
  }
  out += "\nExamples:\n";
  for (std::string_view e : c.examples) out += "  " + std::string(e) + "\n";
  if (c.name == "render" || c.name == "check") out += "\n" + Wrap(kExitStatus, 0, 0);
  return out;
}

std::string UsageErrorText(std::string_view command, std::string_view problem) {
  std::string out = "banmian: " + TerminalText(problem) + "\n";
  out += command.empty() ? "Try 'banmian --help'.\n"
                         : "Try 'banmian " + std::string(command) + " --help'.\n";
  return out;
}

}  // namespace banmian
