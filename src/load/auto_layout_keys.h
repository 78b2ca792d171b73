// The input keys of automatic layout (docs/formats.md; the rules are docs/auto-layout.md):
// the paper's headline ladder (`auto_layout: headlines:` in paper.yaml), a template's body
// area (`body:`) and an auto page's ranked stories (`stories:` in issue.yaml).
//
// Each reader checks what its own file can tell: the ladder's styles against the paper's,
// the body against the grid and the template's regions and slots (`rows: rest` resolved
// here), a story item's form and its lock's numbers. What needs the issue and the paper
// together (a page's template has a body, articles placed once, a lock inside the body)
// is checked with the rest of the issue in load/issue_loader.cc. Grid numbers are written
// from 1 and kept 0-based.
#pragma once

#include <optional>
#include <string>

#include "load/yaml_reader.h"
#include "model/diagnostic.h"
#include "model/issue.h"
#include "model/layout.h"

namespace banmian {

// Reads `auto_layout:` of paper.yaml (its styles already read) into paper.auto_layout.
void ReadAutoLayout(const YAML::Node& node, const YamlSource& src, Paper& paper,
                    Diagnostics& diags);

// Reads a template's `body:`, the template's regions and slots already read; reports it off
// the grid, empty, or over a region or a slot.
std::optional<BodyArea> ReadBodyArea(const YAML::Node& node, const YamlSource& src,
                                     const PageTemplate& page_template, const Paper& paper,
                                     Diagnostics& diags);

// Reads a page's `stories:` list into page.stories. `what` names the page ("page 2").
// Returns false on an error.
bool ReadStories(const YAML::Node& list, const YamlSource& src, const std::string& what,
                 PageSpec& page, Diagnostics& diags);

// "columns 1–6, grid lines 3–82": a rectangle of the grid (0-based) as the files count it.
std::string GridCellsText(int col, int cols, int row, int rows);

// Checks a story's lock against the page template's body area.
void CheckStoryLock(const StoryEntry& story, const BodyArea& body, const std::string& what,
                    Diagnostics& diags);

}  // namespace banmian
