#include "preflight/page_checks.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <utility>

#include "model/utf8.h"
#include "preflight/page_boxes.h"
#include "preflight/page_places.h"

namespace banmian {

namespace {

// "slot:lead" → "slot 'lead'", "stack-rule:news" → "stack rule 'news'".
std::string FrameName(const std::string& name) {
  size_t colon = name.find(':');
  if (colon == std::string::npos) return "frame '" + name + "'";
  std::string kind = name.substr(0, colon);
  std::replace(kind.begin(), kind.end(), '-', ' ');
  return kind + " '" + name.substr(colon + 1) + "'";
}

std::string Mm(double pt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", pt * 25.4 / 72);
  return buf;
}

std::string SizeMm(const Box& b) {
  return Mm(b.width()) + " × " + Mm(b.height()) + " mm";
}

// The first characters of `text`, with … when there are more.
std::string Beginning(const std::string& text, size_t characters = 12) {
  size_t i = 0, n = 0;
  while (i < text.size() && n < characters) Utf8Next(text, i), ++n;
  return i < text.size() ? text.substr(0, i) + "…" : text;
}

bool Blank(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    char32_t c = Utf8Next(s, i);
    if (c != ' ' && c != 0x3000 && c != 0xA0 && c != '\t' && c != '\n') return false;
  }
  return true;
}

// Glyphs over something: where, and which characters.
struct TextOver {
  Bounds area;
  std::string text;
  long characters = 0;
};

// Adds to `over` the characters of `run` whose glyphs overlap `target` (spaces, which
// draw nothing, are left out).
void AddTextOver(const GlyphRun& run, const Box& target, TextOver& over) {
  auto hit = [&](size_t from, size_t to) {
    bool any = false;
    for (size_t k = from; k < to; ++k) {
      Box g = GlyphBox(run, run.glyphs[k]);
      if (!Overlap(g, target)) continue;
      over.area.Add(Intersection(g, target));
      any = true;
    }
    return any;
  };
  auto add = [&](const std::string& chars) {
    over.text += chars;
    over.characters += static_cast<long>(Utf8Length(chars));
  };
  if (run.clusters.empty()) {  // a hand-built run: all its text
    if (hit(0, run.glyphs.size())) add(run.text);
    return;
  }
  size_t g = 0, b = 0;
  for (const TextCluster& c : run.clusters) {
    const size_t to = std::min(run.glyphs.size(), g + static_cast<size_t>(std::max(0, c.glyphs)));
    const std::string chars = b < run.text.size() ? run.text.substr(b, std::max(0, c.bytes)) : "";
    if (!Blank(chars) && hit(g, to)) add(chars);
    g = to, b += static_cast<size_t>(std::max(0, c.bytes));
  }
}

template <typename T>
struct Placed {
  size_t frame;
  const T* item;
  Box box;
};

Finding PageFinding(const Page& page, const std::string& code, const std::string& where,
                    const Box& area) {
  Finding f;
  f.severity = Severity::kError;
  f.code = code;
  f.page = page.number;
  f.label = page.label;
  f.where = where;
  f.has_area = true;
  f.x = area.x0, f.y = area.y0, f.width = area.width(), f.height = area.height();
  return f;
}

}  // namespace

bool OverlaysOnPurpose(const std::string& role) {
  return role.starts_with("proof") || role == "overset-mark";
}

std::vector<Finding> CheckPage(const Page& page) {
  std::vector<Placed<ImageItem>> pictures;
  std::vector<Placed<RectItem>> boxes;  // filled
  for (size_t fi = 0; fi < page.frames.size(); ++fi)
    for (const Item& item : page.frames[fi].items) {
      if (const auto* image = std::get_if<ImageItem>(&item)) {
        if (!OverlaysOnPurpose(image->role)) pictures.push_back({fi, image, ImageBox(*image)});
      } else if (const auto* rect = std::get_if<RectItem>(&item)) {
        if (rect->has_fill && !OverlaysOnPurpose(rect->role))
          boxes.push_back({fi, rect, RectBox(*rect)});
      }
    }

  // Text over pictures (any frame's) and over filled boxes of other frames; keyed by the
  // text's frame and the picture, or the box's frame. A slot's fill and title bar are a
  // frame of the slot's own name, under its modules: text of that slot lies on them by design.
  std::map<std::pair<size_t, size_t>, TextOver> over_picture, over_box;
  for (size_t fi = 0; fi < page.frames.size(); ++fi)
    for (const Item& item : page.frames[fi].items) {
      const auto* run = std::get_if<GlyphRun>(&item);
      if (!run || run->glyphs.empty() || OverlaysOnPurpose(run->role)) continue;
      const Box run_box = ItemBox(item);
      for (size_t p = 0; p < pictures.size(); ++p)
        if (Overlap(run_box, pictures[p].box))
          AddTextOver(*run, pictures[p].box, over_picture[{fi, p}]);
      for (const Placed<RectItem>& b : boxes)
        if (b.frame != fi && page.frames[b.frame].name != page.frames[fi].name &&
            Overlap(run_box, b.box))
          AddTextOver(*run, b.box, over_box[{fi, b.frame}]);
    }

  // Rules through pictures, keyed by the rule's frame and the picture.
  struct RulesOver {
    Bounds area;
    int rules = 0;
    bool column_rules = true;
    double length = 0;
  };
  std::map<std::pair<size_t, size_t>, RulesOver> rules_over;
  for (size_t fi = 0; fi < page.frames.size(); ++fi)
    for (const Item& item : page.frames[fi].items) {
      const auto* rule = std::get_if<RuleItem>(&item);
      if (!rule || OverlaysOnPurpose(rule->role)) continue;
      for (size_t p = 0; p < pictures.size(); ++p) {
        const double length = RuleLengthInside(*rule, pictures[p].box);
        if (length <= kHair) continue;
        RulesOver& r = rules_over[{fi, p}];
        r.area.Add(Intersection(RuleBox(*rule), pictures[p].box));
        ++r.rules;
        r.column_rules = r.column_rules && rule->role == "column-rule";
        r.length += length;
      }
    }

  // What furniture draws inside a slot's rectangle, keyed by the region's frame and the
  // slot's name (a stack's parts are frames of one slot).
  std::map<std::pair<size_t, std::string>, Bounds> region_over;
  for (size_t ri = 0; ri < page.frames.size(); ++ri) {
    const Frame& region = page.frames[ri];
    if (!region.name.starts_with("region:")) continue;
    for (const Item& item : region.items) {
      if (const auto* run = std::get_if<GlyphRun>(&item))
        if (run->glyphs.empty() || OverlaysOnPurpose(run->role)) continue;
      if (const auto* rect = std::get_if<RectItem>(&item))
        if (OverlaysOnPurpose(rect->role)) continue;
      if (const auto* rule = std::get_if<RuleItem>(&item))
        if (OverlaysOnPurpose(rule->role)) continue;
      const Box drawn = ItemBox(item);
      for (const Frame& slot : page.frames) {
        if (!slot.name.starts_with("slot:") || slot.width <= 0 || slot.height <= 0) continue;
        const Box area{slot.x, slot.y, slot.x + slot.width, slot.y + slot.height};
        if (Overlap(drawn, area)) region_over[{ri, slot.name}].Add(Intersection(drawn, area));
      }
    }
  }

  std::vector<Finding> out;
  const std::string on = " on " + PageName(page.label);
  for (const auto& [key, over] : over_picture) {
    if (!over.area.any) continue;
    const Frame& frame = page.frames[key.first];
    const ImageItem& picture = *pictures[key.second].item;
    Finding f = PageFinding(page, "text-over-picture", frame.name, over.area.box);
    f.count = over.characters;
    f.message = "text of " + FrameName(frame.name) + on + " lies over picture '" + picture.path +
                "' (" + SizeMm(over.area.box) + "): “" + Beginning(over.text) + "”";
    out.push_back(f);
  }
  for (const auto& [key, over] : over_box) {
    if (!over.area.any) continue;
    const Frame& frame = page.frames[key.first];
    Finding f = PageFinding(page, "text-over-box", frame.name, over.area.box);
    f.count = over.characters;
    f.message = "text of " + FrameName(frame.name) + on + " lies over a box of " +
                FrameName(page.frames[key.second].name) + " (" + SizeMm(over.area.box) + "): “" +
                Beginning(over.text) + "”";
    out.push_back(f);
  }
  for (const auto& [key, r] : rules_over) {
    const Frame& frame = page.frames[key.first];
    const ImageItem& picture = *pictures[key.second].item;
    Finding f = PageFinding(page, "rule-over-picture", frame.name, r.area.box);
    f.count = r.rules;
    const std::string kind = r.column_rules ? "column rule" : "rule";
    f.message =
        (r.rules == 1 ? "a " + kind + " of " : std::to_string(r.rules) + " " + kind + "s of ") +
        FrameName(frame.name) + on + (r.rules == 1 ? " runs " : " run ") + Mm(r.length) +
        " mm through picture '" + picture.path + "'";
    out.push_back(f);
  }
  for (const auto& [key, area] : region_over) {
    const Frame& region = page.frames[key.first];
    Finding f = PageFinding(page, "region-over-slot", region.name, area.box);
    f.message = FrameName(region.name) + on + " draws into " + FrameName(key.second) + " (" +
                SizeMm(area.box) + ")";
    out.push_back(f);
  }
  return out;
}

std::vector<Finding> CheckPages(const Document& doc) {
  std::vector<Finding> out;
  for (const Page& page : doc.pages) {
    std::vector<Finding> found = CheckPage(page);
    out.insert(out.end(), std::make_move_iterator(found.begin()),
               std::make_move_iterator(found.end()));
  }
  return out;
}

}  // namespace banmian
