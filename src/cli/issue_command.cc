#include "cli/issue_command.h"

#include <ostream>
#include <sstream>

#include "cli/colour.h"
#include "cli/diagnostic_text.h"
#include "cli/help_text.h"
#include "cli/run_options_from_arguments.h"
#include "layout/column_dump.h"
#include "model/frame_dump.h"
#include "model/terminal_text.h"
#include "preflight/page_grid.h"
#include "watch/watch_command.h"

namespace banmian {

namespace {

// -q keeps the error findings of a summary alone.
std::string ErrorLines(const std::string& summary) {
  std::istringstream in(summary);
  std::string out, line;
  while (std::getline(in, line))
    if (line.starts_with("  error[")) out += line + "\n";
  return out;
}

std::string ColourLines(const std::string& text, bool colour) {
  if (!colour) return text;
  std::istringstream in(text);
  std::string out, line;
  while (std::getline(in, line)) out += ColourSeverityWord(line, true) + "\n";
  return out;
}

size_t WarningCount(const RunResult& result) {
  size_t n = 0;
  for (const Finding& f : result.findings) n += f.severity == Severity::kWarning;
  for (const Diagnostic& d : result.diagnostics.items()) n += d.severity == Severity::kWarning;
  return n;
}

}  // namespace

int RunIssueCommand(const CommandSpec& spec, const Arguments& args, std::ostream& out,
                    std::ostream& err) {
  const std::string command(spec.name);
  RunOptions options;
  int port = kDefaultWatchPort;
  if (auto problem = RunOptionsFromArguments(spec, args, options, port)) {
    err << UsageErrorText(command, *problem);
    return kExitBadInput;
  }
  ColourMode mode = ColourMode::kAuto;
  if (const std::string* v = args.Value("--color")) {
    auto parsed = ParseColourMode(*v);
    if (!parsed) {
      err << UsageErrorText(command, NeedsText("--color", *FindOption(spec, "--color")));
      return kExitBadInput;
    }
    mode = *parsed;
  }
  const bool colour = UseColour(mode);
  const bool quiet = args.Has("--quiet"), json = args.Has("--json");

  if (command == "watch") {
    WatchOptions watch;
    watch.run = options;
    watch.port = port;
    watch.quiet = quiet;
    watch.colour = colour;
    return RunWatch(watch, out, err);
  }
  if (!quiet)
    options.on_wait = [&err](const std::string& message) { err << "banmian: " << message << "\n"; };

  RunResult result = command == "render" ? RenderIssue(options) : ComposeIssue(options);
  for (const Diagnostic& d : result.diagnostics.items())
    if (!quiet || d.severity == Severity::kError) err << DiagnosticText(d, colour);
  if (result.exit_status == kExitBadInput) {
    size_t n = result.diagnostics.ErrorCount();
    // The output folder and the preview size are not the input's fault.
    bool input = false;
    for (const Diagnostic& d : result.diagnostics.items())
      input = input || (d.severity == Severity::kError && d.code != "write-failed" &&
                        !d.code.starts_with("output-") && d.code != "dpi-too-high");
    err << "banmian: " << n << (n == 1 ? " error" : " errors") << (input ? " in the input" : "")
        << "; nothing written\n";
    if (json) out << ReportJson(result.Report(command));
    return result.exit_status;
  }
  if (command == "dump") {
    out << TerminalLines(DumpDocument(*result.document) +
                         DumpColumnEnds(*result.document, result.layout));
  } else if (json) {
    out << ReportJson(result.Report(command));
  } else if (!quiet) {
    if (command == "check" && result.document && result.issue) {
      std::vector<std::string> templates;
      for (const Page& page : result.document->pages) {
        std::string name;
        for (const ResolvedSlotRecord& s : result.layout.grid.slots)
          if (s.page == page.number) name = s.template_name;
        templates.push_back(name);
      }
      out << TerminalLines(
          PageGridText(*result.document, result.layout, result.issue->paper, templates));
    }
    // Summaries name articles, slots and findings from the input: controls escaped.
    err << ColourLines(TerminalLines(ReportSummary(result.Report(command))), colour);
    // The copyfit after the findings: what would make each module fit.
    if (command == "check") err << TerminalLines(FitSummary(result.Report(command)));
  } else if (result.exit_status != kExitClean) {
    err << ColourLines(ErrorLines(TerminalLines(ReportSummary(result.Report(command)))), colour);
  }
  // Whether the plant's files were held back or written anyway: said even with -q.
  if (const PressRecord& press = result.press; press.requested && press.error_findings) {
    const std::string findings = std::to_string(press.error_findings) +
                                 (press.error_findings == 1 ? " error finding" : " error findings");
    if (!press.written)
      err << "banmian: press files not written: " << findings
          << " on the pages; fix them, or render with --press-despite-errors\n";
    else
      err << "banmian: press files written despite " << findings << " (--press-despite-errors)\n";
  }
  if (args.Has("--fail-on-warnings") && result.exit_status == kExitClean) {
    if (const size_t n = WarningCount(result)) {
      err << "banmian: " << n << (n == 1 ? " warning" : " warnings")
          << " and --fail-on-warnings: exit status 1\n";
      return kExitFindings;
    }
  }
  return result.exit_status;
}

}  // namespace banmian
