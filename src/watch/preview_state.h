// What the live preview shows after a render: the pages' pictures, each page's findings,
// and the input errors of a render that stopped. Plain values, made by the watch session
// (watch/watch_session.h) and served read-only by the preview server; StateJson is what
// the preview page fetches (/state.json) to draw itself.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "preflight/auto_page_summary.h"

namespace banmian {

struct PreviewFinding {
  std::string severity;  // "error", "warning", "info"
  std::string code;      // overset, missing-glyph, …
  std::string where;     // slot or region, article
  std::string message;
};

struct PreviewPage {
  int number = 0;  // 1-based: the page's address is /page/<number>.png
  std::string label;
  uint64_t hash = 0;     // of the page's items (watch/page_hash.h)
  int version = 0;       // the render that last painted it: a new picture when it changes
  bool changed = false;  // painted by the latest render (its items changed)
  std::shared_ptr<const std::string> png;
  int width = 0, height = 0;  // pixels
  std::vector<PreviewFinding> findings;
  // An auto page: the layouts the search found, best first (the first is the one set),
  // with their cost terms and modules, as report.json's `auto_pages` has them.
  std::optional<AutoPageSummary> auto_page;
};

// An input error with where it is and, when the file has that line, the line itself.
struct PreviewError {
  std::string file;
  int line = 0, col = 0;
  std::string code, message, hint;
  std::string source_line;  // the text of `line` in `file` (at most 400 bytes), or ""
};

struct PreviewState {
  int render = 0;       // renders finished so far (good or not): the page reloads its state on each
  bool failed = false;  // the latest render stopped on input errors; `pages` are the last good ones
  std::vector<PreviewError> errors;
  std::string title;
  std::vector<PreviewPage> pages;
  std::vector<PreviewFinding> issue_findings;  // findings about the whole issue
  double milliseconds = 0;       // the latest render's time, from reading the input to the pictures
  int composed = 0, reused = 0;  // articles composed afresh and taken as composed before
  int painted = 0;               // pages painted by the latest render
  // Where the latest render's time went: the pipeline's stages (load, fonts, normalize,
  // compose, preflight), then "snapshot" (hashing the input files) and "paint".
  std::vector<std::pair<std::string, double>> stages;  // name, ms
};

// The state as JSON (UTF-8; the page escapes it as text, never as markup).
std::string StateJson(const PreviewState& state);

}  // namespace banmian
