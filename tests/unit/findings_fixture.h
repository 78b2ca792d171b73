// The report and document pieces the preflight findings tests build (unit/findings_test.cc,
// unit/glyph_findings_test.cc): a document of labelled pages, a slot's frame on a page, a
// missing-glyph record as the layout writes one, and the findings of one code picked out of
// what Preflight returns.
#pragma once

#include <string>
#include <vector>

#include "preflight/findings.h"

namespace banmian::test {

// A document of empty pages, numbered from 1, labelled `labels` in order.
inline Document Labelled(const std::vector<std::string>& labels) {
  Document doc;
  for (size_t i = 0; i < labels.size(); ++i) {
    Page page;
    page.number = static_cast<int>(i) + 1;
    page.label = labels[i];
    doc.pages.push_back(page);
  }
  return doc;
}

// An empty frame named `name` ("slot:lead"), its top left at (x, y) on the page, in pt.
inline Frame SlotFrame(const std::string& name, double x, double y, double width, double height) {
  Frame slot;
  slot.name = name;
  slot.x = x, slot.y = y, slot.width = width, slot.height = height;
  return slot;
}

// A record of `kind` for the character `ch`, drawn in `cluster` (empty: the character alone),
// found on page 1 in article "a", in the text `context`.
inline MissingGlyphRecord MissingGlyph(MissingGlyphRecord::Kind kind, char32_t ch,
                                       const std::string& cluster, const std::string& context) {
  MissingGlyphRecord m;
  m.kind = kind, m.page = 1, m.where = "a", m.ch = ch, m.cluster = cluster, m.context = context;
  return m;
}

// The findings of `all` with the code `code`, in their order.
inline std::vector<Finding> Coded(const std::vector<Finding>& all, const std::string& code) {
  std::vector<Finding> out;
  for (const Finding& f : all)
    if (f.code == code) out.push_back(f);
  return out;
}

}  // namespace banmian::test
