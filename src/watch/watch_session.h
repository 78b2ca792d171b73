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
// When a file changes while a render reads it (a save in several writes), the snapshots
// taken before and after differ: the render is done again, at most a few times, and what
// it composed from the moving files is not kept. A render that stops on input errors
// keeps the last good pages (PreviewState::failed).
#pragma once

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

  // The folders whose files the render read (the issue's and its paper's, with their
  // subfolders): what the file watcher watches. Known after each Render.
  const std::vector<std::string>& folders() const { return snapshot_.folders; }
  // Whether the input files differ from what the latest render read.
  bool InputsChanged() const;
  // The latest render's result (tests compare its document with a cold render's).
  const RunResult& last_result() const { return result_; }
  const ComposedArticles& articles() const { return articles_; }

 private:
  explicit WatchSession(const RunOptions& options) : options_(options) {}
  // One try: false when a file changed while it ran.
  bool RenderOnce(const InputSnapshot& before);
  std::shared_ptr<PreviewState> Publish();

  RunOptions options_;
  std::unique_ptr<FontSet> fonts_;
  ComposedArticles articles_;
  std::string issue_file_;  // issue.yaml's path
  std::string paper_dir_;   // real path; "" until an issue has loaded
  InputSnapshot snapshot_;  // as the latest render read the files
  RunResult result_;
  int renders_ = 0;
  double snapshot_ms_ = 0;  // the latest render's time hashing the input files
  std::shared_ptr<const PreviewState> last_good_;  // the latest state with pages
};

}  // namespace banmian
