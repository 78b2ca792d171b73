#include "layout/page_builder.h"

#include "layout/furniture.h"
#include "layout/module.h"

namespace banmian {

Page BuildPage(const Issue& issue, size_t page_index, FontSet& fonts, LayoutReport& report,
               Diagnostics& diags) {
  const PageSpec& spec = issue.pages[page_index];
  const Paper& paper = issue.paper;
  const PageTemplate& tmpl = paper.templates.at(spec.template_name);
  Page page;
  page.number = static_cast<int>(page_index) + 1;
  page.label = spec.label;
  page.width = paper.page.width;
  page.height = paper.page.height;
  page.bleed = paper.page.bleed;
  auto values = PagePlaceholders(issue, spec);
  for (const Region& region : tmpl.regions)
    page.frames.push_back(PlaceRegion(region, paper, fonts, values, page.number, report, diags));
  for (const Slot& slot : tmpl.slots) {
    const SlotAssignment* assigned = nullptr;
    for (const SlotAssignment& a : spec.slots)
      if (a.slot == slot.name) assigned = &a;
    if (!assigned) continue;
    const Article* article = issue.FindArticle(assigned->article);
    if (!article) continue;
    page.frames.push_back(PlaceModule(*article, slot, paper, fonts, page.number, report));
  }
  return page;
}

Document BuildDocument(const Issue& issue, FontSet& fonts, LayoutReport& report,
                       Diagnostics& diags) {
  Document doc;
  doc.title = issue.title + (issue.edition.empty() ? "" : " · " + issue.edition) +
              (issue.number.empty() ? "" : " " + issue.number) + " " + issue.date;
  doc.date = issue.date;
  for (size_t i = 0; i < issue.pages.size(); ++i)
    doc.pages.push_back(BuildPage(issue, i, fonts, report, diags));
  doc.fonts = fonts.faces();
  return doc;
}

}  // namespace banmian
