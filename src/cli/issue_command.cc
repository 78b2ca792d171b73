#include "cli/issue_command.h"

#include <ostream>
#include <sstream>

#include "cli/colour.h"
#include "cli/diagnostic_text.h"
#include "cli/help_text.h"
#include "cli/run_options_from_arguments.h"
#include "cli/template_folder.h"
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

// --write-templates DIR: the auto pages' layouts as templates, and the issue lines that use
// them on standard output. 0, or kExitBadInput when nothing was written.
int WriteTemplates(const std::string& dir, const RunResult& result, std::ostream& out,
                   std::ostream& err) {
  std::string error;
  std::optional<std::vector<WrittenTemplate>> written;
  if (result.issue)
    written = AutoTemplates(*result.issue, result.layout, error);
  else
    error = "the issue did not load";
  if (!written) {
    err << "banmian: --write-templates: " << error << "; nothing written\n";
    return kExitBadInput;
  }
  if (written->empty()) {
    err << "banmian: --write-templates: the issue has no auto page with a layout (a page with "
           "'stories:' on a template with a 'body:'); nothing written\n";
    return kExitBadInput;
  }
  if (!WriteTemplateFolder(dir, *written, error)) {
    err << "banmian: --write-templates: " << error << "; nothing written\n";
    return kExitBadInput;
  }
  std::ostringstream lines_out;
  const bool one = written->size() == 1;
  lines_out << "wrote " << written->size() << (one ? " template" : " templates") << " to " << dir
            << ": copy " << (one ? "it" : "them") << " into " << result.issue->paper.dir
            << " (the paper's folder)\nand give each page in issue.yaml these lines instead of "
               "its 'template:' and 'stories:'\n";
  for (const WrittenTemplate& t : *written) {
    lines_out << "  " << t.label << ": " << t.file_name << "\n";
    std::istringstream lines(t.issue_lines);
    for (std::string line; std::getline(lines, line);) lines_out << "    " << line << "\n";
  }
  out << TerminalLines(lines_out.str());
  return 0;
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
  const std::string* templates_dir = args.Value("--write-templates");
  if (templates_dir) {
    if (auto problem = TemplateFolderProblem(*templates_dir)) {
      err << "banmian: --write-templates: " << *problem << "; nothing written\n";
      return kExitBadInput;
    }
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
  if (templates_dir) {
    // With --json standard output is the report: the lines go to standard error.
    if (int status = WriteTemplates(*templates_dir, result, json ? err : out, err)) return status;
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
