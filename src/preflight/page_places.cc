#include "preflight/page_places.h"

#include <algorithm>

#include "model/utf8.h"

namespace banmian {

const Page* FindPage(const Document& doc, int number) {
  if (number >= 1 && static_cast<size_t>(number) <= doc.pages.size() &&
      doc.pages[number - 1].number == number)
    return &doc.pages[number - 1];
  for (const Page& p : doc.pages)
    if (p.number == number) return &p;
  return nullptr;
}

std::string PageLabel(const Document& doc, int number) {
  const Page* page = FindPage(doc, number);
  return page && !page->label.empty() ? page->label : std::to_string(number);
}

std::string PageName(const std::string& label) {
  bool number = !label.empty();
  for (char c : label) number = number && c >= '0' && c <= '9';
  return number ? "page " + label : label;
}

std::optional<Box> SlotBox(const Page& page, const std::string& slot) {
  std::optional<Box> box;
  for (const Frame& f : page.frames)
    if (f.name == "slot:" + slot && f.width > 0 && f.height > 0)
      box = Box{f.x, f.y, f.x + f.width, f.y + f.height};
  return box;
}

std::optional<Box> LineBox(const Page& page, const std::string& frame, const std::string& text) {
  if (text.empty()) return std::nullopt;
  for (const Frame& f : page.frames) {
    if (f.name != frame) continue;
    // A line is drawn as consecutive runs (one per font and style) whose texts make it up.
    for (size_t i = 0; i < f.items.size(); ++i) {
      std::string made;
      Bounds bounds;
      for (size_t j = i; j < f.items.size() && made.size() < text.size(); ++j) {
        const auto* run = std::get_if<GlyphRun>(&f.items[j]);
        if (!run || run->text.empty() || text.compare(made.size(), run->text.size(), run->text))
          break;
        made += run->text;
        if (!run->glyphs.empty()) bounds.Add(ItemBox(f.items[j]));
      }
      if (made == text && bounds.any) return bounds.box;
    }
  }
  return std::nullopt;
}

std::optional<ClusterPlace> FindCluster(const Page& page, const std::string& cluster, int nth,
                                        bool (*qualifies)(const GlyphRun& run,
                                                          const PositionedGlyph* glyphs,
                                                          int count)) {
  for (const Frame& f : page.frames)
    for (const Item& item : f.items) {
      const auto* run = std::get_if<GlyphRun>(&item);
      if (!run) continue;
      size_t g = 0, b = 0;
      for (const TextCluster& c : run->clusters) {
        const size_t count = std::min(static_cast<size_t>(std::max(0, c.glyphs)),
                                      run->glyphs.size() - std::min(g, run->glyphs.size()));
        if (count > 0 && b + cluster.size() <= run->text.size() &&
            run->text.compare(b, c.bytes, cluster) == 0 &&
            static_cast<size_t>(c.bytes) == cluster.size() &&
            qualifies(*run, &run->glyphs[g], static_cast<int>(count)) && nth-- == 0) {
          Bounds bounds;
          for (size_t k = 0; k < count; ++k) bounds.Add(GlyphBox(*run, run->glyphs[g + k]));
          return ClusterPlace{bounds.box, run->font};
        }
        g += static_cast<size_t>(std::max(0, c.glyphs));
        b += static_cast<size_t>(std::max(0, c.bytes));
      }
    }
  return std::nullopt;
}

std::optional<Box> PictureBox(const Page& page, const std::string& path) {
  for (const Frame& f : page.frames)
    for (const Item& item : f.items)
      if (const auto* image = std::get_if<ImageItem>(&item))
        if (image->path == path) return ImageBox(*image);
  return std::nullopt;
}

}  // namespace banmian
