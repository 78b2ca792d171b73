// Loading a paper's layout folder: paper.yaml and its page templates.
//
// LoadPaper reads layouts/<paper>/paper.yaml and every other *.yaml beside it as a
// template, validates them against each other (grid fits the page, areas inside the
// grid, styles name declared colours, required styles present) and collects every
// error rather than stopping at the first.
#pragma once

#include <optional>
#include <string>

#include "model/diagnostic.h"
#include "model/layout.h"

namespace banmian {

// Styles the composer needs; a paper must declare each.
extern const char* const kRequiredStyles[];

// `dir` is the paper's folder; `paper_id` its name; `referenced_from` the line that
// asked for it (issue.yaml's paper key).
std::optional<Paper> LoadPaper(const std::string& dir, const std::string& paper_id,
                               const SourcePos& referenced_from, Diagnostics& diags);

// Parses one template's text (no disk access), for tests and for LoadPaper.
std::optional<PageTemplate> ParseTemplate(const std::string& file, const std::string& name,
                                          const std::string& text, const Paper& paper,
                                          Diagnostics& diags);

// Parses paper.yaml's text (no disk access).
std::optional<Paper> ParsePaper(const std::string& file, const std::string& text,
                                Diagnostics& diags);

}  // namespace banmian
