// Running the stages in order for one issue: load → validate → normalize → shape →
// compose → place → paint → export → preflight.
//
// ComposeIssue runs everything up to the frame tree without touching the output
// folder (check, tests, fuzzing); RenderIssue adds the exporters. Bad input stops
// before anything is written (exit status 2); pages with error findings are still
// written (exit status 1), but not their press files: the plant gets no page with an
// overset, a missing character or any other error finding unless the run asks for it
// (RunOptions::press_despite_errors; RunResult::press says what was done). RenderIssue writes the
// whole set of files into a staging folder and swaps it in as the output folder only when all of it
// is written (pipeline/output_folder.h): any failure leaves the previous set as it was.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/layout_report.h"
#include "model/diagnostic.h"
#include "model/frame.h"
#include "model/issue.h"
#include "pipeline/page_selection.h"
#include "preflight/copyfit.h"
#include "preflight/findings.h"
#include "preflight/report.h"

namespace banmian {

class ComposedArticles;
class FontSet;

struct RunOptions {
  std::string issue_dir;
  std::string out_dir;      // render: default out/<issue folder name>
  std::string fonts_dir;    // default: DefaultFontsDir()
  std::string layouts_dir;  // default: found from the issue folder
  bool png = true;
  double png_dpi = 100;
  bool press = false;  // also write press PDFs (PDF/X, one per page)
  bool pdfx4 = false;  // PDF/X-4 rather than PDF/X-1a:2001
  bool marks = false;  // crop marks and a slug line on the press pages
  // Write the press files even when error findings stand (recorded in report.json).
  bool press_despite_errors = false;
  // Also write proof files (<issue>-proof.pdf and PNGs) beside the clean ones: the pages
  // with the column and baseline grids, slot outlines and findings overlaid.
  bool proof = false;
  int jobs = 0;  // pages painted at once; 0: the number of cores
  // render --pages: only these pages' files (PDF, previews, press files) are written; the
  // whole issue is still composed and preflighted. Empty: every page.
  std::vector<PageRange> pages;
  // render: told when another render is writing the same output folder and this one
  // waits for it (pipeline/output_folder.h).
  std::function<void(const std::string& message)> on_wait;
};

// The diagnostic code of an exception that escaped a stage: always a bug in banmian.
inline constexpr const char* kInternalErrorCode = "internal-error";

enum ExitStatus { kExitClean = 0, kExitFindings = 1, kExitBadInput = 2 };

struct RunResult {
  std::string issue_dir;  // the issue folder as given (report.json's `issue`, loaded or not)
  int exit_status = kExitClean;
  Diagnostics diagnostics;  // input errors
  std::optional<Issue> issue;
  std::optional<Document> document;
  std::optional<Document> press_document;  // with printer's marks, when asked for
  std::optional<Document> proof_document;  // --proof: the pages with the proof overlay
  LayoutReport layout;
  std::vector<Finding> findings;
  std::vector<FitRecord> fit;  // copyfit, once per run: report.json, the contact sheet, check
  std::vector<StageTiming> timings;
  std::vector<std::string> outputs;
  std::vector<int> written_pages;  // render: the numbers of the pages whose files were written
  PressRecord press;               // render --press: whether the press files were written
  // render --press: what the conversion found of each picture (picture path → report).
  std::map<std::string, PressPictureReport> press_pictures;

  ReportInput Report(const std::string& command) const;
};

// `fonts`: a font set to reuse across runs (the fuzzer, benchmarks, watch); null loads
// options.fonts_dir for this run. `reuse`: articles composed in earlier runs with the same
// `fonts`, looked up and kept by the fingerprint it was given (layout/composed_articles.h).
RunResult ComposeIssue(const RunOptions& options, FontSet* fonts = nullptr,
                       ComposedArticles* reuse = nullptr);
RunResult RenderIssue(const RunOptions& options, FontSet* fonts = nullptr);

// The folder name of an issue path ("issues/x/" -> "x"; ".." -> the name of the folder
// it is, found through its real path; "" for the root folder).
std::string IssueName(const std::string& issue_dir);

}  // namespace banmian
