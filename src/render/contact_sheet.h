// The contact sheet: index.html beside the previews, for the staff who check pages.
//
// One self-contained HTML file (inline CSS and a few lines of script, no server, no
// network): the issue's title, a table of the findings' counts (errors, warnings,
// information: the issue as a whole, each page and in all) and the findings about the
// issue as a whole (the input's warnings among them), then every page as a thumbnail (its
// PNG preview) with its label, its counts, its errors and warnings and its copyfit table (per
// module: slot, article, lines and characters over or short, what would make it fit), and links to
// the PDFs. The script records on <body data-thumbnails> whether every thumbnail loaded, which the
// browser test reads.
//
// The sheet is built from input (the folder's name, page labels, titles, findings): its
// text is HTML-escaped, every link is a relative, percent-encoded URL
// (render/relative_url.h), and a Content-Security-Policy lets only the sheet's own style
// sheet and script run (by their SHA-256) and only images beside it load.
#pragma once

#include <string>
#include <vector>

#include "preflight/report.h"

namespace banmian {

struct SheetPage {
  std::string label;
  std::string png;  // file name, relative to the sheet
  std::vector<Finding> findings;
  std::vector<FitRecord> fit;  // the page's modules, in the order placed
  std::string proof_png = {};  // --proof: the page's proof preview, relative to the sheet
};

// The policy the sheet carries in its <meta http-equiv="Content-Security-Policy">.
std::string ContactSheetPolicy();

// `selection`, when not empty, says under the title which pages the render wrote (--pages).
std::string ContactSheetHtml(const std::string& title, const std::vector<SheetPage>& pages,
                             const std::vector<Finding>& issue_findings,
                             const std::vector<std::string>& pdfs,
                             const std::string& selection = "");

}  // namespace banmian
