#include "pipeline/pipeline.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <mutex>

#include "base/new_file.h"
#include "base/parallel.h"
#include "layout/page_builder.h"
#include "layout/press_marks.h"
#include "layout/proof_overlay.h"
#include "load/issue_loader.h"
#include "load/text_file.h"
#include "pipeline/output_folder.h"
#include "preflight/proof_marks.h"
#include "render/contact_sheet.h"
#include "render/export.h"
#include "render/press.h"
#include "text/font_set.h"
#include "text/normalize.h"

namespace banmian {

namespace {

class StageClock {
 public:
  explicit StageClock(std::vector<StageTiming>& out) : out_(out), start_(Now()) {}
  void Lap(const char* stage) {
    auto now = Now();
    out_.push_back({stage, std::chrono::duration<double, std::milli>(now - start_).count()});
    start_ = now;
  }

 private:
  static std::chrono::steady_clock::time_point Now() { return std::chrono::steady_clock::now(); }
  std::vector<StageTiming>& out_;
  std::chrono::steady_clock::time_point start_;
};

// The document with only the pages numbered `numbers` (ascending).
Document OnlyPages(const Document& doc, const std::vector<int>& numbers) {
  Document only;
  only.title = doc.title;
  only.date = doc.date;
  only.fonts = doc.fonts;
  for (int n : numbers) only.pages.push_back(doc.pages[n - 1]);
  return only;
}

int JobsOf(const RunOptions& options) {
  return options.jobs > 0 ? options.jobs : DefaultJobs();
}

std::string FontsDirOf(const RunOptions& options) {
  return options.fonts_dir.empty() ? DefaultFontsDir() : options.fonts_dir;
}

}  // namespace

std::string IssueName(const std::string& issue_dir) {
  std::string d = issue_dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  size_t slash = d.find_last_of('/');
  std::string name = slash == std::string::npos ? d : d.substr(slash + 1);
  if (name.empty() || name == "." || name == ".." || name == "/") {
    char real[PATH_MAX];
    if (!::realpath(issue_dir.empty() ? "." : issue_dir.c_str(), real)) return "";
    d = real;
    name = d.substr(d.find_last_of('/') + 1);
  }
  return name;
}

ReportInput RunResult::Report(const std::string& command) const {
  ReportInput in;
  in.issue_dir = issue ? issue->dir : issue_dir;
  in.command = command;
  in.document = document ? &*document : nullptr;
  in.layout = &layout;
  in.findings = &findings;
  in.fit = &fit;
  in.auto_rules = issue ? &issue->paper.auto_layout : nullptr;
  in.diagnostics = &diagnostics;
  in.outputs = outputs;
  if (command == "render" && document) {
    in.pages_written.emplace();
    for (int n : written_pages) in.pages_written->push_back(document->pages[n - 1].label);
  }
  in.press = press;
  in.press_pictures = press.requested ? &press_pictures : nullptr;
  in.timings = timings;
  in.exit_status = exit_status;
  return in;
}

namespace {

RunResult ComposeUnguarded(const RunOptions& options, FontSet* fonts,
                           ComposedArticles* reuse = nullptr) {
  RunResult result;
  result.issue_dir = options.issue_dir;
  StageClock clock(result.timings);
  LoadOptions load_options;
  load_options.layouts_dir = options.layouts_dir;
  load_options.jobs = JobsOf(options);
  // Articles are normalised as they are loaded, on the loading threads.
  std::mutex normalized_mutex;
  std::map<std::string, std::vector<Normalization>> normalized;
  load_options.prepare_article = [&](Article& a) {
    std::vector<Normalization> changes = NormalizeArticle(a);
    std::lock_guard<std::mutex> lock(normalized_mutex);
    normalized[a.id] = std::move(changes);
  };
  result.issue = LoadIssue(options.issue_dir, load_options, result.diagnostics);
  clock.Lap("load");
  if (!result.issue) {
    result.exit_status = kExitBadInput;
    return result;
  }
  std::unique_ptr<FontSet> own_fonts;
  if (!fonts) {
    own_fonts = FontSet::Create(FontsDirOf(options), result.diagnostics);
    fonts = own_fonts.get();
  }
  if (fonts) fonts->CheckStyles(result.issue->paper, result.diagnostics);
  clock.Lap("fonts");
  if (!fonts || result.diagnostics.HasErrors()) {
    result.exit_status = kExitBadInput;
    return result;
  }
  for (const Article& a : result.issue->articles) {
    std::vector<Normalization>& changes = normalized[a.id];
    result.layout.normalizations.insert(result.layout.normalizations.end(),
                                        std::make_move_iterator(changes.begin()),
                                        std::make_move_iterator(changes.end()));
  }
  // The furniture's texts (footer credits, call-outs) are Chinese text too.
  for (auto& [name, value] : result.issue->fields) {
    std::vector<Normalization> changes;
    value = NormalizeText(value, changes);
    for (Normalization& n : changes) {
      n.article = "fields." + name;
      n.pos = result.issue->field_pos[name];
      result.layout.normalizations.push_back(n);
    }
  }
  clock.Lap("normalize");
  const std::string fonts_dir = FontsDirOf(options);
  ComposeThreads threads{JobsOf(options),
                         [&fonts_dir] {
                           Diagnostics ignored;  // the same configuration loaded once already
                           return FontSet::Create(fonts_dir, ignored);
                         },
                         reuse};
  result.document =
      BuildDocument(*result.issue, *fonts, result.layout, result.diagnostics, threads);
  if (options.press) {
    result.press_document = *result.document;
    if (options.marks) {
      AddPressMarks(*result.press_document, result.issue->paper, *fonts, result.issue->title,
                    result.issue->date);
      result.press_document->fonts = fonts->faces();
    }
  }
  NumberFontsByUse(*result.document);
  if (result.press_document) NumberFontsByUse(*result.press_document);
  clock.Lap("compose");
  if (result.diagnostics.HasErrors()) {
    result.document.reset();
    result.exit_status = kExitBadInput;
    return result;
  }
  // Preflight looks at the pages as placed; the proof overlay then marks what it found.
  result.findings = Preflight(result.layout, *result.document, result.issue->paper);
  result.fit = Copyfit(result.layout, result.issue->paper);
  // The proof is a copy of the screen pages with the overlay, written beside them; never
  // the press files.
  if (options.proof) {
    result.proof_document = *result.document;
    AddProofOverlay(*result.proof_document, result.issue->paper, result.layout,
                    ProofMarks(result.findings), *fonts);
    result.proof_document->fonts = fonts->faces();
    NumberFontsByUse(*result.proof_document);
  }
  clock.Lap("preflight");
  result.exit_status = kExitClean;
  for (const Finding& f : result.findings)
    if (f.severity == Severity::kError) result.exit_status = kExitFindings;
  return result;
}

RunResult RenderUnguarded(const RunOptions& options, FontSet* fonts) {
  RunResult result = ComposeUnguarded(options, fonts);
  if (result.exit_status == kExitBadInput) return result;
  // --pages: the pages whose files are written, named by label or number.
  std::vector<std::string> labels;
  for (const Page& page : result.document->pages) labels.push_back(page.label);
  for (size_t n = 1; n <= labels.size(); ++n) result.written_pages.push_back(static_cast<int>(n));
  std::optional<Document> only, only_press, only_proof;
  if (!options.pages.empty()) {
    PageSelectionError wrong;
    std::optional<std::vector<int>> chosen = SelectPages(options.pages, labels, wrong);
    if (!chosen) {
      result.diagnostics.Error(wrong.code, {"--pages", 0, 0}, wrong.message, wrong.hint);
      result.exit_status = kExitBadInput;
      result.written_pages.clear();
      return result;
    }
    result.written_pages = *chosen;
    only = OnlyPages(*result.document, *chosen);
    if (result.press_document) only_press = OnlyPages(*result.press_document, *chosen);
    if (result.proof_document) only_proof = OnlyPages(*result.proof_document, *chosen);
  }
  const Document& shown = only ? *only : *result.document;
  const Document* proof = only_proof              ? &*only_proof
                          : result.proof_document ? &*result.proof_document
                                                  : nullptr;
  Document* press_document = only_press              ? &*only_press
                             : result.press_document ? &*result.press_document
                                                     : nullptr;
  auto written = [&](int page) {  // whether a finding on `page` (0: the issue) is on the files
    return page == 0 ||
           std::binary_search(result.written_pages.begin(), result.written_pages.end(), page);
  };
  const std::string name = IssueName(options.issue_dir);
  const std::string out = options.out_dir.empty() ? "out/" + name : options.out_dir;
  std::string error;
  StageClock clock(result.timings);
  std::string stage;  // the staging folder, once there is one: named as OUT in messages
  auto fail = [&](std::string message) {
    for (size_t at; !stage.empty() && (at = message.find(stage)) != std::string::npos;)
      message.replace(at, stage.size(), out);
    result.diagnostics.Error("write-failed", {out, 0, 0}, message);
    result.exit_status = kExitBadInput;
    result.outputs.clear();
    return result;
  };
  PressOptions press;
  PressPictures press_pictures;
  if (options.press) {
    const Issue& issue = *result.issue;
    press.standard = options.pdfx4 ? PdfxSettings::Standard::kX4 : PdfxSettings::Standard::kX1a2001;
    press.marks = options.marks;
    press.paper_id = issue.paper_id;
    press.date = issue.date;
    press.settings = issue.paper.press;
    // What cannot go to press is refused before anything is written.
    press_pictures = ConvertPressPictures(*press_document, press);
    result.press_pictures = press_pictures.reports;
    for (const PressProblem& problem : PressProblems(*press_document, press, press_pictures)) {
      SourcePos at = issue.paper.press.pos.file.empty() ? issue.paper.pos : issue.paper.press.pos;
      if (auto c = issue.paper.colour_pos.find(problem.colour); c != issue.paper.colour_pos.end())
        at = c->second;
      result.diagnostics.Error(
          "not-press-ready", at, problem.message,
          problem.colour.empty() ? "" : "lower the colour's CMYK values or raise press: ink_limit");
    }
    clock.Lap("press-check");
    if (result.diagnostics.HasErrors()) {
      result.exit_status = kExitBadInput;
      return result;
    }
  }
  // The previews' image surfaces have a size limit: a --dpi that makes a page too large
  // is refused before anything is written.
  if (options.png) {
    int max_dpi = 0;
    if (auto problem = PreviewTooLarge(shown, options.png_dpi, max_dpi)) {
      result.diagnostics.Error(
          "dpi-too-high", result.issue->paper.pos, *problem,
          max_dpi >= 10 ? "use --dpi " + std::to_string(max_dpi) + " or lower, or --no-png"
                        : "the page is too large for previews: use --no-png");
      result.exit_status = kExitBadInput;
      return result;
    }
  }
  if (name.empty()) return fail("the issue folder has no name to name the output after");

  // The whole set goes into a staging folder, swapped in as OUT when complete.
  OutputRequest request;
  request.out = out;
  request.issue_name = name;
  request.inputs = {result.issue->dir, result.issue->paper.dir, FontsDirOf(options)};
  if (!options.layouts_dir.empty()) request.inputs.push_back(options.layouts_dir);
  request.on_wait = options.on_wait;
  std::optional<OutputError> refused;
  std::unique_ptr<OutputFolder> folder = OutputFolder::Open(request, refused);
  if (!folder) {
    result.diagnostics.Error(refused->code, {out, 0, 0}, refused->message, refused->hint);
    result.exit_status = kExitBadInput;
    return result;
  }
  clock.Lap("output-folder");
  stage = folder->staging();
  // The files' names as the report gives them: in OUT, where they will be.
  auto in_out = [&](const std::vector<std::string>& files) {
    for (const std::string& f : files)
      result.outputs.push_back(JoinPath(out, f.substr(stage.size() + 1)));
  };
  const std::string stem = name;
  const int jobs = JobsOf(options);
  ExportResult pdf = WritePdf(shown, JoinPath(stage, stem + ".pdf"), jobs);
  clock.Lap("pdf");
  if (!pdf.ok) return fail(pdf.error);
  in_out(pdf.files);
  if (options.png) {
    ExportResult png = WritePngs(shown, JoinPath(stage, stem), options.png_dpi, jobs);
    clock.Lap("png");
    if (!png.ok) return fail(png.error);
    in_out(png.files);
  }
  // --proof: the proof PDF and its previews beside the clean ones.
  const std::string proof_stem = name + "-proof";
  if (proof) {
    ExportResult proof_pdf = WritePdf(*proof, JoinPath(stage, proof_stem + ".pdf"), jobs);
    if (!proof_pdf.ok) return fail(proof_pdf.error);
    in_out(proof_pdf.files);
    if (options.png) {
      ExportResult png = WritePngs(*proof, JoinPath(stage, proof_stem), options.png_dpi, jobs);
      if (!png.ok) return fail(png.error);
      in_out(png.files);
    }
    clock.Lap("proof");
  }
  std::vector<std::string> press_files;
  // Press files are the pages as they should print: none while an error finding stands,
  // unless asked for anyway.
  if (options.press) {
    result.press.requested = true;
    // Those on the pages written (--pages) and the issue's own.
    for (const Finding& f : result.findings)
      if (f.severity == Severity::kError && written(f.page)) ++result.press.error_findings;
    result.press.despite_errors = result.press.error_findings > 0 && options.press_despite_errors;
    result.press.written = result.press.error_findings == 0 || options.press_despite_errors;
  }
  if (result.press.written) {
    std::string dir = JoinPath(stage, "press");
    if (::mkdir(dir.c_str(), 0777) != 0) return fail("cannot create folder '" + dir + "'");
    ExportResult pdfs = WritePressPdfs(*press_document, press, press_pictures, dir, jobs);
    if (!pdfs.ok) return fail(pdfs.error);
    in_out(pdfs.files);
    for (const std::string& f : pdfs.files) press_files.push_back(f.substr(stage.size() + 1));
    clock.Lap("press");
  }
  if (options.png) {
    // The contact sheet: thumbnails with each page's findings.
    std::vector<SheetPage> sheet;
    std::vector<Finding> issue_findings;
    // The input's warnings (a picture named the old way, …) are about the issue too.
    for (const Diagnostic& d : result.diagnostics.items()) {
      Finding f;
      f.severity = d.severity;
      f.code = d.code;
      f.pos = d.pos;
      f.message = d.message;
      issue_findings.push_back(f);
    }
    for (const Finding& f : result.findings)
      if (f.page == 0) issue_findings.push_back(f);
    for (const Page& page : shown.pages) {
      char png[32];
      std::snprintf(png, sizeof png, "-p%02d.png", page.number);
      SheetPage p{page.label, stem + png, {}, {}, proof ? proof_stem + png : ""};
      for (const Finding& f : result.findings)
        if (f.page == page.number) p.findings.push_back(f);
      for (const FitRecord& f : result.fit)
        if (f.page == page.number) p.fit.push_back(f);
      sheet.push_back(std::move(p));
    }
    std::vector<std::string> pdfs{stem + ".pdf"};
    if (proof) pdfs.push_back(proof_stem + ".pdf");
    pdfs.insert(pdfs.end(), press_files.begin(), press_files.end());
    std::string selection;
    if (!options.pages.empty())
      selection = "Pages " + DescribePages(result.written_pages, labels) + " of " +
                  std::to_string(labels.size()) +
                  " written (--pages); report.json has the findings of every page.";
    if (!WriteNewFile(
            JoinPath(stage, "index.html"),
            ContactSheetHtml(result.document->title, sheet, issue_findings, pdfs, selection),
            error))
      return fail(error);
    result.outputs.push_back(JoinPath(out, "index.html"));
  }
  result.outputs.push_back(JoinPath(out, "report.json"));
  clock.Lap("sheet");
  if (!WriteNewFile(JoinPath(stage, "report.json"), ReportJson(result.Report("render")), error))
    return fail(error);
  if (!folder->Commit(jobs, error)) return fail(error);
  return result;
}

// A library's exception escaping a stage is a bug in banmian (input is checked before
// it reaches the libraries), but the editor still gets a message rather than an abort.
template <typename Run>
RunResult Guarded(const RunOptions& options, Run run) {
  try {
    return run();
  } catch (const std::exception& e) {
    RunResult result;
    result.issue_dir = options.issue_dir;
    result.diagnostics.Error(kInternalErrorCode, {options.issue_dir, 0, 0},
                             std::string("banmian failed on this issue: ") + e.what(),
                             "this is a bug in banmian; please report it with the issue folder");
    result.exit_status = kExitBadInput;
    return result;
  }
}

}  // namespace

RunResult ComposeIssue(const RunOptions& options, FontSet* fonts, ComposedArticles* reuse) {
  return Guarded(options, [&] { return ComposeUnguarded(options, fonts, reuse); });
}

RunResult RenderIssue(const RunOptions& options, FontSet* fonts) {
  return Guarded(options, [&] { return RenderUnguarded(options, fonts); });
}

}  // namespace banmian
