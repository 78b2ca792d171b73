// The place stage: an issue's page specs and composed articles → the frame tree.
//
// BuildDocument walks the issue's pages in order: for each it places the template's
// regions (furniture), the first parts of articles, then continuations of articles
// threaded from earlier slots, and stack slots, whose articles carry on to the next
// page of the same template (inserted when the issue has none). The result is a
// Document for the exporters and a LayoutReport for preflight. Errors found here (a
// placeholder the issue does not define) go to `diags`.
#pragma once

#include <functional>
#include <memory>

#include "layout/composed_articles.h"
#include "layout/layout_report.h"
#include "model/diagnostic.h"
#include "model/frame.h"
#include "model/issue.h"
#include "text/font_set.h"

namespace banmian {

// How to compose articles on several threads: each thread shapes with a font set of its
// own (Pango font maps are not thread-safe), made by `make_fonts`.
struct ComposeThreads {
  int jobs = 1;
  std::function<std::unique_ptr<FontSet>()> make_fonts;
  // Articles composed in earlier builds with the same fonts (banmian watch): found ones are
  // not composed again, new ones are kept. While it holds any, articles are composed on the
  // calling thread: the one or two an edit changed take less time than a helper's font set
  // takes to load.
  ComposedArticles* reuse = nullptr;
};

// With threads.jobs above 1, the other threads compose articles (shape them and break
// them into lines) ahead of placing, which runs on the calling thread; the document is
// the same as with one thread.
Document BuildDocument(const Issue& issue, FontSet& fonts, LayoutReport& report, Diagnostics& diags,
                       const ComposeThreads& threads = {});

// Numbers a document's fonts in order of first use, page by page, dropping faces no glyph
// uses: the ids then never depend on which thread met a font first.
void NumberFontsByUse(Document& doc);

}  // namespace banmian
