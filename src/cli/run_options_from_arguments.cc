#include "cli/run_options_from_arguments.h"

#include <algorithm>
#include <cstdlib>

#include "model/terminal_text.h"

namespace banmian {

bool PlainNumber(const std::string& s, size_t digits, size_t decimals) {
  const size_t point = s.find('.');
  const std::string whole = s.substr(0, point);
  const std::string fraction = point == std::string::npos ? "" : s.substr(point + 1);
  auto all_digits = [](const std::string& t) {
    return std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || whole.size() > digits || !all_digits(whole)) return false;
  if (point == std::string::npos) return true;
  return decimals > 0 && !fraction.empty() && fraction.size() <= decimals && all_digits(fraction);
}

std::optional<std::string> RunOptionsFromArguments(const CommandSpec& command,
                                                   const Arguments& args, RunOptions& options,
                                                   int& port) {
  auto needs = [&](std::string_view name) { return NeedsText(name, *FindOption(command, name)); };
  if (const std::string* v = args.Value("--out")) options.out_dir = *v;
  if (const std::string* v = args.Value("--fonts")) options.fonts_dir = *v;
  if (const std::string* v = args.Value("--layouts")) options.layouts_dir = *v;
  if (const std::string* v = args.Value("--dpi")) {
    const bool plain = PlainNumber(*v, 4, 3);
    const double dpi = plain ? std::strtod(v->c_str(), nullptr) : 0;
    if (!plain || dpi < 10 || dpi > 1200) return needs("--dpi");
    options.png_dpi = dpi;
  }
  if (const std::string* v = args.Value("--jobs")) {
    const bool plain = PlainNumber(*v, 3, 0);
    const long jobs = plain ? std::strtol(v->c_str(), nullptr, 10) : 0;
    if (!plain || jobs < 1 || jobs > 256) return needs("--jobs");
    options.jobs = static_cast<int>(jobs);
  }
  if (const std::string* v = args.Value("--port")) {
    const bool plain = PlainNumber(*v, 5, 0);
    const long n = plain ? std::strtol(v->c_str(), nullptr, 10) : -1;
    if (!plain || n > 65535) return needs("--port");
    port = static_cast<int>(n);
  }
  if (const std::string* v = args.Value("--pages")) {
    std::string problem;
    auto ranges = ParsePageList(*v, problem);
    if (!ranges) return problem;
    options.pages = std::move(*ranges);
  }
  if (const std::string* v = args.Value("--pdfx")) {
    if (*v != "1a" && *v != "4") return needs("--pdfx");
    options.pdfx4 = *v == "4";
  }
  options.png = !args.Has("--no-png");
  options.press = args.Has("--press");
  options.proof = args.Has("--proof");
  options.press_despite_errors = args.Has("--press-despite-errors");
  options.marks = args.Has("--marks");
  if (options.press_despite_errors && !options.press) return "--press-despite-errors needs --press";

  if (args.operands.empty()) return std::string(command.name) + " needs an issue folder";
  if (args.operands.size() > 1)
    return "more than one issue folder given ('" + TerminalText(args.operands[0]) + "' and '" +
           TerminalText(args.operands[1]) + "')";
  options.issue_dir = args.operands[0];
  return std::nullopt;
}

}  // namespace banmian
