// banmian: the command line. Parses arguments, runs the pipeline, prints diagnostics
// and the findings summary, and sets the exit status (0 clean, 1 pages made with
// error findings, 2 bad input: nothing written).
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "layout/column_dump.h"
#include "model/frame_dump.h"
#include "model/terminal_text.h"
#include "pipeline/pipeline.h"
#include "preflight/page_grid.h"
#include "watch/watch_command.h"

namespace {

constexpr const char* kUsage = R"(banmian: lays out newspaper issues as print-quality PDF pages.

Usage:
  banmian render ISSUE_DIR [-o OUT] [--dpi N] [--no-png] [--proof] [--pages LIST]
                 [--press [--pdfx 1a|4] [--marks] [--press-despite-errors]]
                 [--jobs N] [--fonts DIR] [--layouts DIR]
      Writes OUT/<issue>.pdf, a PNG preview per page (OUT/<issue>-p01.png …) and
      OUT/report.json. OUT defaults to out/<issue>. With --press, also one PDF/X file
      per page for the printing plant: OUT/press/<paper>-<date>-<page>.pdf, unless
      there are error findings.
      OUT is banmian's: each render replaces the whole folder at once (all the new
      files or, on any failure, all the previous ones), so it must be new or hold only
      files banmian wrote (listed in OUT/.banmian-manifest). Renders into the same OUT
      take turns: the second waits.
  banmian check ISSUE_DIR [--json] [--fonts DIR] [--layouts DIR]
      Loads, validates and composes the issue and reports findings; writes nothing.
  banmian dump ISSUE_DIR [--fonts DIR] [--layouts DIR]
      Prints the composed pages as a stable text dump (what layout tests compare).
  banmian watch ISSUE_DIR [--port N] [--dpi N] [--jobs N] [--fonts DIR] [--layouts DIR]
      Renders the issue and serves a live preview on http://127.0.0.1:5178/ (only on this
      machine); renders again on every change to the issue's files, its paper's templates
      or its pictures, and the page refreshes itself. Writes nothing to disk. Ctrl-C stops.
  banmian --help | --version

Options:
  -o, --out DIR      output folder (render)
  --dpi N            PNG preview resolution, 10 to 1200 (default 100)
  --no-png           skip the PNG previews
  --pages LIST       write only these pages (render): labels or page numbers and ranges in
                     page order, e.g. A01,A03-A05 or 1,3-5; the whole issue is still composed
                     and checked, and report.json keeps every page's findings
  --proof            overlay the column grid, the baseline grid, slot outlines with their
                     names and overset text in red (writes <issue>-proof.pdf and PNGs)
  --press            write press PDFs: PDF/X-1a:2001 (or --pdfx 4), exact CMYK, black
                     on K only, pictures in CMYK within the paper's ink limit, TrimBox
                     and BleedBox, the output intent's ICC profile embedded, black
                     overprinting; not written while error findings stand
  --pdfx 1a|4        the PDF/X standard of the press PDFs (default 1a)
  --marks            crop marks and a slug line outside the bleed of the press PDFs
  --press-despite-errors
                     write the press PDFs even with error findings (report.json says so)
  -j, --jobs N       use N threads: articles composed, the PDF's fonts subset and its
                     pages written, PNG previews and press files painted N at a time;
                     default: the number of cores. The files are the same for any N
  --json             print report.json to standard output (check)
  --port N           the preview's port on 127.0.0.1 (watch; default 5178, 0: any free one)
  --fonts DIR        folder holding fonts.conf (default: the project's fonts/)
  --layouts DIR      folder holding <paper>/paper.yaml (default: found from the issue)
  -q, --quiet        print only errors

Exit status: 0 clean; 1 pages made but with error findings (e.g. overset text);
2 bad input or output failure (nothing written).
)";

// Whether `s` is a plain decimal: 1 to `digits` digits, then, when `decimals` > 0, at most
// that many after a point. strtod or strtol alone would also take " 100", "1e2", "0x64",
// "+100" or "inf".
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

int Usage(const std::string& problem) {
  std::cerr << "banmian: " << banmian::TerminalText(problem) << "\n\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  // A file-size limit (ulimit -f) reached while writing is an output error, reported like a
  // full disk, not a signal that kills banmian.
  std::signal(SIGXFSZ, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage("no command given");
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (args[0] == "--version") {
    std::cout << "banmian " << BANMIAN_VERSION << "\n";
    return 0;
  }
  const std::string command = args[0];
  if (command != "render" && command != "check" && command != "dump" && command != "watch")
    return Usage("unknown command '" + command + "'");

  banmian::RunOptions options;
  bool json = false, quiet = false;
  int port = banmian::kDefaultWatchPort;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> const std::string* {
      if (i + 1 >= args.size()) return nullptr;
      (void)name;
      return &args[++i];
    };
    if (a == "-o" || a == "--out") {
      const std::string* v = value("--out");
      if (!v) return Usage(a + " needs a folder");
      options.out_dir = *v;
    } else if (a == "--fonts") {
      const std::string* v = value("--fonts");
      if (!v) return Usage("--fonts needs a folder");
      options.fonts_dir = *v;
    } else if (a == "--layouts") {
      const std::string* v = value("--layouts");
      if (!v) return Usage("--layouts needs a folder");
      options.layouts_dir = *v;
    } else if (a == "--dpi") {
      const std::string* v = value("--dpi");
      // Plain decimals only: strtod alone would take " 100", "1e2", "0x64" or "inf".
      const bool plain = v && PlainNumber(*v, 4, 3);
      double dpi = plain ? std::strtod(v->c_str(), nullptr) : 0;
      if (!plain || dpi < 10 || dpi > 1200) return Usage("--dpi needs a number from 10 to 1200");
      options.png_dpi = dpi;
    } else if (a == "--jobs" || a == "-j") {
      const std::string* v = value(a.c_str());
      const bool plain = v && PlainNumber(*v, 3, 0);
      long jobs = plain ? std::strtol(v->c_str(), nullptr, 10) : 0;
      if (!plain || jobs < 1 || jobs > 256)
        return Usage("--jobs needs a whole number from 1 to 256");
      options.jobs = static_cast<int>(jobs);
    } else if (a == "--port") {
      const std::string* v = value("--port");
      const bool plain = v && PlainNumber(*v, 5, 0);
      long n = plain ? std::strtol(v->c_str(), nullptr, 10) : -1;
      if (!plain || n > 65535) return Usage("--port needs a whole number from 0 to 65535");
      port = static_cast<int>(n);
    } else if (a == "--pages") {
      const std::string* v = value("--pages");
      if (!v) return Usage("--pages needs pages, e.g. A01,A03-A05");
      std::string problem;
      auto ranges = banmian::ParsePageList(*v, problem);
      if (!ranges) return Usage(problem);
      options.pages = std::move(*ranges);
    } else if (a == "--no-png") {
      options.png = false;
    } else if (a == "--press") {
      options.press = true;
    } else if (a == "--proof") {
      options.proof = true;
    } else if (a == "--press-despite-errors") {
      options.press_despite_errors = true;
    } else if (a == "--marks") {
      options.marks = true;
    } else if (a == "--pdfx") {
      const std::string* v = value("--pdfx");
      if (!v || (*v != "1a" && *v != "4")) return Usage("--pdfx needs 1a or 4");
      options.pdfx4 = *v == "4";
    } else if (a == "--json") {
      json = true;
    } else if (a == "-q" || a == "--quiet") {
      quiet = true;
    } else if (!a.empty() && a[0] == '-') {
      return Usage("unknown option '" + a + "'");
    } else if (options.issue_dir.empty()) {
      options.issue_dir = a;
    } else {
      return Usage("more than one issue folder given ('" + options.issue_dir + "' and '" + a +
                   "')");
    }
  }
  if (options.issue_dir.empty()) return Usage(command + " needs an issue folder");
  if (!options.pages.empty() && command != "render")
    return Usage("--pages is an option of render: " + command + " looks at the whole issue");
  if (command == "watch") {
    // Only what a preview needs: the pictures stay in memory, nothing is written.
    for (const std::string& a : args)
      if (a == "-o" || a == "--out" || a == "--no-png" || a == "--press" || a == "--proof" ||
          a == "--marks" || a == "--pdfx" || a == "--press-despite-errors" || a == "--json")
        return Usage("watch does not take " + a);
    banmian::WatchOptions watch;
    watch.run = options;
    watch.port = port;
    watch.quiet = quiet;
    return banmian::RunWatch(watch, std::cout, std::cerr);
  }
  for (const std::string& a : args)
    if (a == "--port") return Usage("--port is for watch");
  if (options.press_despite_errors && !options.press)
    return Usage("--press-despite-errors needs --press");
  if (!quiet)
    options.on_wait = [](const std::string& message) {
      std::cerr << "banmian: " << message << "\n";
    };

  banmian::RunResult result =
      command == "render" ? banmian::RenderIssue(options) : banmian::ComposeIssue(options);
  for (const banmian::Diagnostic& d : result.diagnostics.items())
    std::cerr << banmian::FormatDiagnostic(d) << "\n";
  if (result.exit_status == banmian::kExitBadInput) {
    size_t n = result.diagnostics.ErrorCount();
    // The output folder and the preview size are not the input's fault.
    bool input = false;
    for (const banmian::Diagnostic& d : result.diagnostics.items())
      input = input || (d.severity == banmian::Severity::kError && d.code != "write-failed" &&
                        !d.code.starts_with("output-") && d.code != "dpi-too-high");
    std::cerr << "banmian: " << n << (n == 1 ? " error" : " errors")
              << (input ? " in the input" : "") << "; nothing written\n";
    if (json) std::cout << banmian::ReportJson(result.Report(command));
    return result.exit_status;
  }
  if (command == "dump") {
    std::cout << banmian::TerminalLines(banmian::DumpDocument(*result.document) +
                                        banmian::DumpColumnEnds(*result.document, result.layout));
  } else if (json) {
    std::cout << banmian::ReportJson(result.Report(command));
  } else if (!quiet || result.exit_status != 0) {
    if (command == "check" && !quiet && result.document && result.issue) {
      std::vector<std::string> templates;
      for (const banmian::Page& page : result.document->pages) {
        std::string name;
        for (const banmian::ResolvedSlotRecord& s : result.layout.grid.slots)
          if (s.page == page.number) name = s.template_name;
        templates.push_back(name);
      }
      std::cout << banmian::TerminalLines(
          banmian::PageGridText(*result.document, result.layout, result.issue->paper, templates));
    }
    // Summaries name articles, slots and findings from the input: controls escaped.
    std::cerr << banmian::TerminalLines(banmian::ReportSummary(result.Report(command)));
    // The copyfit after the findings: what would make each module fit (not with -q).
    if (command == "check" && !quiet)
      std::cerr << banmian::TerminalLines(banmian::FitSummary(result.Report(command)));
  }
  // Whether the plant's files were held back or written anyway: said even with -q.
  if (const banmian::PressRecord& press = result.press; press.requested && press.error_findings) {
    const std::string findings = std::to_string(press.error_findings) +
                                 (press.error_findings == 1 ? " error finding" : " error findings");
    if (!press.written)
      std::cerr << "banmian: press files not written: " << findings
                << " on the pages; fix them, or render with --press-despite-errors\n";
    else
      std::cerr << "banmian: press files written despite " << findings
                << " (--press-despite-errors)\n";
  }
  return result.exit_status;
}
