// The warm state of `banmian watch`: one issue rendered again and again in one process,
// each time doing only what the edit made necessary.
//
// The session keeps, between renders, the font set (fontconfig, Pango, the faces and their
// caches), the articles as composed (layout/composed_articles.h, keyed by the bytes of the
// article file, its pictures, the issue file and the paper's files) and every page's
// picture with the hash of its items (watch/page_hash.h). A render loads and checks the
// whole issue as `render` does and places every page, but composes only the articles whose
// inputs changed and paints only the pages whose items changed; the pages are the same as a
// cold render's (tests/unit/watch_session_test.cc compares them). Nothing is written to
// disk: the pictures are kept in memory for the preview server.
//
// The render reads only the files the issue uses (watch/input_snapshot.h), and records the
// bytes it read; an article's key names those bytes. When a file changes while a render
// reads it (a save in several writes), the files no longer hold what was read: the render
// is done again, at most a few times, and what it composed is kept (its key names the
// bytes it was composed from), so the next try composes only what changed. A render that
// stops on input errors keeps the last good pages (PreviewState::failed), if any.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/composed_articles.h"
#include "pipeline/pipeline.h"
#include "text/font_set.h"
#include "watch/input_snapshot.h"
#include "watch/preview_state.h"

namespace banmian {

class WatchSession {
 public:
  // Loads the fonts; nothing (with `diags`) when they cannot be loaded. Uses
  // options.issue_dir, fonts_dir, layouts_dir, png_dpi and jobs.
  static std::unique_ptr<WatchSession> Create(const RunOptions& options, Diagnostics& diags);

  // Renders the issue as its files are now and returns what the preview shows.
  std::shared_ptr<const PreviewState> Render();

  // The folders to watch (the issue's and its paper's, with their subfolders, and the
  // folder of every file the render read): what the file watcher watches. Known after
  // each Render.
  const std::vector<std::string>& folders() const { return snapshot_.folders; }
  // The files the latest render read (real paths).
  const InputSnapshot& inputs() const { return snapshot_; }
  // Whether the input files differ from what the latest render read.
  bool InputsChanged() const;
  // Whether the folders under the issue's and the paper's folders are not those the
  // latest render listed (one was made or removed since).
  bool FoldersChanged() const;
  // The issue folder and the paper's (once known): the folders whose files may be input.
  std::vector<std::string> roots() const;
  // Whether the latest render read the issue file (false: the folder is not an issue).
  bool ReadIssueFile() const { return snapshot_.Find(issue_file_).has_value(); }
  // The latest render's result (tests compare its document with a cold render's).
  const RunResult& last_result() const { return result_; }
  const ComposedArticles& articles() const { return articles_; }
  // For tests: run after each try has composed and before it checks its files (a save
  // that lands while a render reads).
  void set_after_compose(std::function<void()> f) { after_compose_ = std::move(f); }

 private:
  explicit WatchSession(const RunOptions& options) : options_(options) {}
  // One try: false when a file changed while it ran.
  bool RenderOnce();
  std::shared_ptr<PreviewState> Publish();

  RunOptions options_;
  std::unique_ptr<FontSet> fonts_;
  ComposedArticles articles_;
  std::string issue_file_;           // issue.yaml's path
  std::string paper_dir_;            // real path; "" until an issue has loaded
  InputSnapshot snapshot_;           // as the latest render read the files
  int walk_depth_ = 0;               // how deep the roots are listed (0: not an issue)
  std::vector<std::string> walked_;  // the folders under the roots at the latest render
  RunResult result_;
  int renders_ = 0;
  std::function<void()> after_compose_;
  int composed_ = 0;        // articles composed by the latest render, all its tries
  double snapshot_ms_ = 0;  // the latest render's time hashing the input files
  std::shared_ptr<const PreviewState> last_good_;  // the latest state with pages
};

}  // namespace banmian
