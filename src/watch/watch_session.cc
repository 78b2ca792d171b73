#include "watch/watch_session.h"

#include <chrono>
#include <utility>

#include "base/parallel.h"
#include "base/read_file.h"
#include "base/read_recorder.h"
#include "load/issue_loader.h"
#include "load/text_file.h"
#include "render/export.h"
#include "render/painter.h"
#include "watch/page_hash.h"
#include "watch/page_picture.h"

namespace banmian {

namespace {

// The text of line `line` (from 1) of `file`, at most 400 bytes; "" when there is none.
std::string SourceLine(const std::string& file, int line) {
  if (file.empty() || line < 1) return "";
  std::optional<std::string> bytes = ReadFileBytes(file);
  if (!bytes) return "";
  size_t start = 0;
  for (int n = 1; n < line; ++n) {
    start = bytes->find('\n', start);
    if (start == std::string::npos) return "";
    ++start;
  }
  size_t end = bytes->find('\n', start);
  std::string text =
      bytes->substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!text.empty() && text.back() == '\r') text.pop_back();
  if (text.size() > 400) {
    text.resize(400);
    // Not in the middle of a UTF-8 sequence.
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
      text.pop_back();
    if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
  }
  return text;
}

PreviewFinding FindingOf(const Finding& f) {
  std::string where = f.where;
  if (!f.article.empty())
    where += (where.empty() ? "" : ", ") + std::string("article ") + f.article;
  return {SeverityName(f.severity), f.code, where, f.message};
}

}  // namespace

std::unique_ptr<WatchSession> WatchSession::Create(const RunOptions& options, Diagnostics& diags) {
  std::unique_ptr<WatchSession> session(new WatchSession(options));
  session->fonts_ =
      FontSet::Create(options.fonts_dir.empty() ? DefaultFontsDir() : options.fonts_dir, diags);
  if (!session->fonts_) return nullptr;
  std::string dir = options.issue_dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  session->issue_file_ = JoinPath(dir, "issue.yaml");
  // The paper's folder, so the first render's composed articles are keyed by its files
  // too; an issue that does not load yet names it on a later render.
  LoadOptions load;
  load.layouts_dir = options.layouts_dir;
  Diagnostics ignored;
  if (std::optional<Issue> issue = LoadIssue(options.issue_dir, load, ignored))
    session->paper_dir_ = RealPath(issue->paper.dir);
  return session;
}

std::shared_ptr<const PreviewState> WatchSession::Render() {
  const auto start = std::chrono::steady_clock::now();
  snapshot_ms_ = 0;
  composed_ = 0;
  // A file that changed while the render read it: once more, with the files as they are
  // then (a save in several writes is over within a few tries).
  for (int attempt = 0; attempt < 4; ++attempt)
    if (RenderOnce()) break;
  // A page too large for a preview at this dpi is refused as render refuses it: a failed
  // render, with the highest dpi that fits.
  if (result_.document && result_.issue && result_.exit_status != kExitBadInput) {
    int max_dpi = 0;
    if (auto problem = PreviewTooLarge(*result_.document, options_.png_dpi, max_dpi)) {
      result_.diagnostics.Error("dpi-too-high", result_.issue->paper.pos, *problem,
                                max_dpi >= 10 ? "use --dpi " + std::to_string(max_dpi) + " or lower"
                                              : "the page is too large for previews");
      result_.exit_status = kExitBadInput;
    }
  }
  const auto composed = std::chrono::steady_clock::now();
  std::shared_ptr<PreviewState> state = Publish();
  for (const StageTiming& t : result_.timings) state->stages.emplace_back(t.stage, t.ms);
  state->stages.emplace_back("snapshot", snapshot_ms_);
  state->stages.emplace_back("paint", std::chrono::duration<double, std::milli>(
                                          std::chrono::steady_clock::now() - composed)
                                          .count());
  state->milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return state;
}

bool WatchSession::InputsChanged() const {
  return !snapshot_.StillHolds();
}

std::vector<std::string> WatchSession::roots() const {
  std::vector<std::string> roots{options_.issue_dir};
  if (!paper_dir_.empty()) roots.push_back(paper_dir_);
  return roots;
}

bool WatchSession::FoldersChanged() const {
  return MakeSnapshot({}, roots(), walk_depth_).folders != walked_;
}

bool WatchSession::RenderOnce() {
  // The files the render reads, with the bytes it read: the articles' keys name those
  // bytes, so what is composed matches its key even when a file changes meanwhile.
  ReadRecorder recorder;
  std::optional<InputSnapshot> read;  // made at the first article (the loader is done)
  const std::string paper_dir = paper_dir_;
  articles_.StartBuild([&](const Article& a) -> std::optional<std::string> {
    if (!read) read = MakeSnapshot(recorder.files(), {});
    std::string shared = "issue=";
    if (std::optional<uint64_t> issue = read->Find(issue_file_)) shared += std::to_string(*issue);
    shared += "\npaper=" + paper_dir + "\n" + read->Under(paper_dir);
    std::optional<uint64_t> file = read->Find(a.file);
    if (!file) return std::nullopt;
    std::string print = shared + "article=" + std::to_string(*file);
    for (const Block& b : a.blocks) {
      if (b.kind != BlockKind::kPicture) continue;
      std::optional<uint64_t> picture = read->Find(b.picture_path);
      print += "," + std::to_string(picture           ? *picture
                                    : b.picture_bytes ? HashBytes(*b.picture_bytes)
                                                      : 0);
    }
    return print;
  });
  result_ = ComposeIssue(options_, fonts_.get(), &articles_);
  articles_.EndBuild();
  composed_ += articles_.misses();
  if (after_compose_) after_compose_();
  const std::string paper = result_.issue ? RealPath(result_.issue->paper.dir) : paper_dir_;
  std::vector<std::string> roots{options_.issue_dir};
  if (!paper.empty()) roots.push_back(paper);
  const auto before_after = std::chrono::steady_clock::now();
  // Subfolders are listed only for an issue: a folder that is not one (no issue.yaml read)
  // is watched itself, for issue.yaml to appear, and never walked (it may be /tmp).
  std::map<std::string, uint64_t> files = recorder.files();
  walk_depth_ = files.count(RealPath(issue_file_)) ? 8 : 0;
  snapshot_ = MakeSnapshot(std::move(files), roots, walk_depth_);
  const bool stable = paper == paper_dir_ && snapshot_.StillHolds();
  snapshot_ms_ +=
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before_after)
          .count();
  paper_dir_ = paper;
  walked_ = MakeSnapshot({}, roots, walk_depth_).folders;
  // What was composed stays: its key names the bytes it was composed from.
  return stable;
}

std::shared_ptr<PreviewState> WatchSession::Publish() {
  auto state = std::make_shared<PreviewState>();
  state->render = ++renders_;
  state->composed = composed_;
  state->reused = articles_.hits();
  if (result_.exit_status == kExitBadInput || !result_.document) {
    state->failed = true;
    for (const Diagnostic& d : result_.diagnostics.items()) {
      if (d.severity != Severity::kError) continue;
      state->errors.push_back({d.pos.file, d.pos.line, d.pos.col, d.code, d.message, d.hint,
                               SourceLine(d.pos.file, d.pos.line)});
    }
    if (last_good_) {
      state->title = last_good_->title;
      state->pages = last_good_->pages;
      for (PreviewPage& p : state->pages) p.changed = false;
      state->issue_findings = last_good_->issue_findings;
    }
    return state;
  }
  const Document& doc = *result_.document;
  state->title = doc.title;
  std::vector<size_t> to_paint;
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const Page& page = doc.pages[i];
    PreviewPage p;
    p.number = page.number;
    p.label = page.label;
    p.hash = PageHash(page, doc);
    const PreviewPage* before =
        last_good_ && i < last_good_->pages.size() ? &last_good_->pages[i] : nullptr;
    if (before && before->hash == p.hash && before->png) {
      p.version = before->version;
      p.png = before->png;
      p.width = before->width, p.height = before->height;
    } else {
      p.version = state->render;
      p.changed = true;
      to_paint.push_back(i);
    }
    for (const Finding& f : result_.findings)
      if (f.page == page.number) p.findings.push_back(FindingOf(f));
    for (const AutoPageRecord& r : result_.layout.auto_pages)
      if (r.page == page.number && result_.issue)
        p.auto_page = SummarizeAutoPage(r, result_.issue->paper.auto_layout);
    state->pages.push_back(std::move(p));
  }
  for (const Finding& f : result_.findings)
    if (f.page == 0) state->issue_findings.push_back(FindingOf(f));
  // The changed pages painted a few at a time, one painter per thread.
  const int jobs = options_.jobs > 0 ? options_.jobs : DefaultJobs();
  std::vector<std::unique_ptr<Painter>> painters(static_cast<size_t>(std::max(jobs, 1)));
  std::vector<PagePicture> pictures(to_paint.size());
  ParallelFor(to_paint.size(), jobs, [&](size_t k, int worker) {
    std::unique_ptr<Painter>& painter = painters[static_cast<size_t>(worker)];
    if (!painter) painter = std::make_unique<Painter>(doc);
    pictures[k] = PaintPagePicture(*painter, doc.pages[to_paint[k]], options_.png_dpi);
  });
  for (size_t k = 0; k < to_paint.size(); ++k) {
    PreviewPage& p = state->pages[to_paint[k]];
    if (!pictures[k].ok) {
      state->errors.push_back({"", 0, 0, "preview-failed", pictures[k].error, "", ""});
      p.hash = 0;  // painted again next time
      continue;
    }
    p.png = std::make_shared<const std::string>(std::move(pictures[k].png));
    p.width = pictures[k].width, p.height = pictures[k].height;
  }
  state->painted = static_cast<int>(to_paint.size());
  last_good_ = state;
  return state;
}

}  // namespace banmian
