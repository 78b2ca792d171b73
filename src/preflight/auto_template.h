// An auto page's chosen layout written out as an ordinary template, for an editor to adjust
// by hand (`banmian check ISSUE --write-templates DIR`, docs/formats.md "Automatic layout").
//
// The auto template's own file is loaded again with yaml-cpp, its `body` dropped and
// everything else kept; a slot is added per module of the layout set (the first), named as
// the page builder names it and shaped as AutoSlot shaped it: its area counted from 1, its
// headline style and its picture keys. Rendered with the issue lines given beside it, the
// page is the one the search set.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/layout_report.h"
#include "model/issue.h"

namespace banmian {

struct WrittenTemplate {
  int page = 0;           // 1-based
  std::string label;      // the page's
  std::string name;       // the new template's: <auto template>-<label>
  std::string file_name;  // name + ".yaml"
  std::string yaml;       // the file's text
  // What the page's entry of issue.yaml takes to use it, e.g.
  // "template: inside_auto-A02\nslots: {jinbo: {continues: jinbo}, linghang: linghang}\n".
  std::string issue_lines;
};

// The written-out template of every auto page with a layout, in page order. Nothing, with
// `error` set, when a template file cannot be read or parsed again.
std::optional<std::vector<WrittenTemplate>> AutoTemplates(const Issue& issue,
                                                          const LayoutReport& layout,
                                                          std::string& error);

}  // namespace banmian
