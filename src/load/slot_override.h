// An issue's change to a slot's geometry for one page: the `col`, `cols`, `row`, `rows`,
// `below`, `min_rows` and `max_rows` keys given beside the article in issue.yaml, e.g.
// `lead: {article: jinbo, rows: fit, max_rows: 40}`.
//
// ReadSlotOverride reads them from the slot's mapping when the issue file is parsed and
// checks what the mapping alone can tell (types, `row` or `below`, `min_rows` and
// `max_rows` only with `rows: fit`, min ≤ max). CheckSlotOverride checks the rest
// against the page's template and the paper's grid once they are loaded (columns
// and the first grid line within the grid, `below` naming the template's slots or
// regions). Whether the slots then overlap is the layout stage's to find, page by page.
#pragma once

#include <string>

#include "load/yaml_reader.h"
#include "model/diagnostic.h"
#include "model/issue.h"
#include "model/layout.h"

namespace banmian {

// Whether `rows` is a word other than fit or rest (e.g. `fitt`): then reports it, with a
// did-you-mean, as the value it is rather than as a number that failed to parse.
bool RowsWordError(const YAML::Node& rows, const YamlSource& src, const std::string& what,
                   Diagnostics& diags);

// Reads the geometry keys of `slot` (a mapping already checked for unknown keys).
// `what` names it in messages ("page 1 slot 'lead'"). Returns false on an error.
bool ReadSlotOverride(MapReader& slot, const std::string& what, SlotOverride& out,
                      Diagnostics& diags);

// Checks an override against the slot it changes, on the page's template and paper.
void CheckSlotOverride(const SlotOverride& o, const Slot& slot, const PageTemplate& page_template,
                       const Paper& paper, const std::string& what, Diagnostics& diags);

}  // namespace banmian
