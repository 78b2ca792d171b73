#include "layout/dash_joins.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <string_view>

#include "model/utf8.h"
#include "text/glyph_metrics.h"

namespace banmian {

namespace {

// A dash glyph's ink on the page (y down).
struct DashInk {
  double left = 0, right = 0, top = 0, bottom = 0;
  double size = 0;
  const GlyphRun* run = nullptr;
};

std::optional<DashInk> InkOnPage(const std::vector<FontFace>& fonts, const GlyphRun& run,
                                 const PositionedGlyph& g) {
  if (run.font < 0 || static_cast<size_t>(run.font) >= fonts.size()) return std::nullopt;
  const InkBox ink = GlyphInk(fonts[run.font], g.id);
  if (ink.empty()) return std::nullopt;
  // A synthetic bold outline is stroked kSyntheticBoldStroke em wide: half of it outside.
  const double grow = run.synthetic_bold ? run.size * kSyntheticBoldStroke / 2 : 0;
  return DashInk{g.x + ink.left * run.size - grow,
                 g.x + ink.right * run.size + grow,
                 g.y - ink.top * run.size - grow,
                 g.y - ink.bottom * run.size + grow,
                 run.size,
                 &run};
}

enum class Direction { kNone, kAcross, kDown };

// How dash `b` follows dash `a`: to its right with their strokes level (across), below it
// with their strokes in one column (down), or not in line with it (none).
Direction Follows(const DashInk& a, const DashInk& b) {
  if (!(a.run->colour == b.run->colour)) return Direction::kNone;
  const double farthest = kDashJoinFarthest * std::min(a.size, b.size);
  if (std::min(a.bottom, b.bottom) > std::max(a.top, b.top) && b.left > a.left &&
      b.left - a.right <= farthest)
    return Direction::kAcross;
  if (std::min(a.right, b.right) > std::max(a.left, b.left) && b.top > a.top &&
      b.top - a.bottom <= farthest)
    return Direction::kDown;
  return Direction::kNone;
}

// The rectangle over the blank between dash `a` and dash `b`, which follows it in
// `direction`: as thick as the two strokes are together, reaching into each.
std::optional<RectItem> Join(const DashInk& a, const DashInk& b, Direction direction) {
  const double reach = kDashJoinOverlap * std::min(a.size, b.size);
  RectItem r;
  if (direction == Direction::kAcross) {
    if (b.left <= a.right) return std::nullopt;  // touching already (─)
    r.x = a.right - std::min(reach, (a.right - a.left) / 2);
    r.width = b.left + std::min(reach, (b.right - b.left) / 2) - r.x;
    r.y = std::max(a.top, b.top);
    r.height = std::min(a.bottom, b.bottom) - r.y;
  } else {
    if (b.top <= a.bottom) return std::nullopt;
    r.y = a.bottom - std::min(reach, (a.bottom - a.top) / 2);
    r.height = b.top + std::min(reach, (b.bottom - b.top) / 2) - r.y;
    r.x = std::max(a.left, b.left);
    r.width = std::min(a.right, b.right) - r.x;
  }
  r.has_fill = true;
  r.fill = a.run->colour;
  r.role = "dash-join:" + a.run->role;
  return r;
}

// Whether a cluster is drawn as one glyph and all its characters are dashes (a two-em dash
// glyph made of —— below is one such cluster).
bool IsDashCluster(const std::string& text, size_t byte, const TextCluster& c) {
  if (c.glyphs != 1 || c.bytes <= 0 || byte + static_cast<size_t>(c.bytes) > text.size())
    return false;
  for (size_t i = byte; i < byte + static_cast<size_t>(c.bytes);)
    if (!IsJoiningDash(Utf8Next(text, i))) return false;
  return true;
}

constexpr std::string_view kEmDash = "\u2014";
constexpr double kSame = 0.001;  // pt: two positions this close are one

bool IsEmDash(const std::string& text, size_t byte, const TextCluster& c) {
  return c.glyphs == 1 && std::string_view(text).substr(byte, c.bytes) == kEmDash;
}

// Across, within one run: two — one advance apart (no letter spacing) become the font's
// two-em dash, one glyph for the two characters.
void TwoEmAcross(const std::vector<FontFace>& fonts, GlyphRun& run) {
  if (run.font < 0 || static_cast<size_t>(run.font) >= fonts.size()) return;
  std::vector<PositionedGlyph> glyphs;
  std::vector<TextCluster> clusters;
  size_t byte = 0, glyph = 0;
  bool any = false;
  for (size_t k = 0; k < run.clusters.size(); ++k) {
    const TextCluster& c = run.clusters[k];
    if (k + 1 < run.clusters.size() && glyph + 1 < run.glyphs.size() &&
        IsEmDash(run.text, byte, c) && IsEmDash(run.text, byte + c.bytes, run.clusters[k + 1])) {
      const PositionedGlyph &a = run.glyphs[glyph], &b = run.glyphs[glyph + 1];
      if (a.id == b.id && std::abs(b.y - a.y) < kSame && std::abs(b.x - a.x - a.advance) < kSame) {
        const TwoEmDash two = TwoEmDashGlyph(fonts[run.font], false);
        if (two.glyph && std::abs(two.advance * run.size - 2 * a.advance) < kSame) {
          glyphs.push_back({two.glyph, a.x, a.y, 2 * a.advance});
          clusters.push_back({c.bytes + run.clusters[k + 1].bytes, 1});
          byte += static_cast<size_t>(c.bytes + run.clusters[k + 1].bytes);
          glyph += 2;
          ++k;
          any = true;
          continue;
        }
      }
    }
    for (int g = 0; g < c.glyphs && glyph < run.glyphs.size(); ++g)
      glyphs.push_back(run.glyphs[glyph++]);
    clusters.push_back(c);
    byte += static_cast<size_t>(c.bytes);
  }
  if (!any) return;
  for (; glyph < run.glyphs.size(); ++glyph) glyphs.push_back(run.glyphs[glyph]);
  run.glyphs = std::move(glyphs);
  run.clusters = std::move(clusters);
}

// Down: a vertical line is a run per character (line_items.h). Two runs of one — each, in one
// style, the second one vertical advance below the first, become one run of the font's
// vertical two-em dash, placed from the same centre line and box top.
bool TwoEmDown(const std::vector<FontFace>& fonts, GlyphRun& a, const GlyphRun& b) {
  if (a.font != b.font || a.size != b.size || !(a.colour == b.colour) ||
      a.colour.name != b.colour.name || a.role != b.role || a.synthetic_bold != b.synthetic_bold)
    return false;
  if (a.font < 0 || static_cast<size_t>(a.font) >= fonts.size()) return false;
  if (a.clusters.size() != 1 || b.clusters.size() != 1 || a.glyphs.size() != 1 ||
      b.glyphs.size() != 1 || !IsEmDash(a.text, 0, a.clusters[0]) ||
      !IsEmDash(b.text, 0, b.clusters[0]))
    return false;
  const PositionedGlyph &ga = a.glyphs[0], &gb = b.glyphs[0];
  if (ga.id != gb.id || std::abs(ga.x - gb.x) >= kSame) return false;
  const FontFace& face = fonts[a.font];
  const VerticalGlyph one = GlyphVertical(face, ga.id);
  if (std::abs(gb.y - ga.y - one.advance * a.size) >= kSame) return false;
  const TwoEmDash two = TwoEmDashGlyph(face, true);
  if (!two.glyph || std::abs(two.advance - 2 * one.advance) >= 1e-6) return false;
  const VerticalGlyph both = GlyphVertical(face, two.glyph);
  const double centre = ga.x - one.origin_x * a.size, top = ga.y - one.origin_y * a.size;
  a.glyphs[0] = {two.glyph, centre + both.origin_x * a.size, top + both.origin_y * a.size,
                 ga.advance};
  a.text += b.text;
  a.clusters[0].bytes += b.clusters[0].bytes;
  return true;
}

// The font's two-em dashes for the pairs of — that can take one, across and down.
void UseTwoEmDashes(const std::vector<FontFace>& fonts, std::vector<Item>& items) {
  std::vector<Item> out;
  bool merged = false;
  for (size_t i = 0; i < items.size(); ++i) {
    auto* run = std::get_if<GlyphRun>(&items[i]);
    const auto* next = i + 1 < items.size() ? std::get_if<GlyphRun>(&items[i + 1]) : nullptr;
    if (run && next && TwoEmDown(fonts, *run, *next)) {
      if (!merged)
        out.assign(std::make_move_iterator(items.begin()),
                   std::make_move_iterator(items.begin() + static_cast<long>(i)));
      merged = true;
      out.push_back(std::move(items[i]));
      ++i;  // the second run is now in the first
      continue;
    }
    if (run) TwoEmAcross(fonts, *run);
    if (merged) out.push_back(std::move(items[i]));
  }
  if (merged) items = std::move(out);
}

}  // namespace

bool IsJoiningDash(char32_t c) {
  return c == 0x2014 || c == 0x2E3A || c == 0x2E3B || c == 0x2500;
}

void JoinDashes(const std::vector<FontFace>& fonts, std::vector<Item>& items) {
  UseTwoEmDashes(fonts, items);
  // The joins, each with the index of the item holding the second of its two dashes: it goes
  // right after that item.
  std::vector<std::pair<size_t, RectItem>> joins;
  std::optional<DashInk> previous;
  Direction direction = Direction::kNone;  // of the run of dashes so far
  for (size_t i = 0; i < items.size(); ++i) {
    const auto* run = std::get_if<GlyphRun>(&items[i]);
    if (!run) {
      previous.reset();
      continue;
    }
    size_t byte = 0, glyph = 0;
    for (const TextCluster& c : run->clusters) {
      std::optional<DashInk> ink;
      if (IsDashCluster(run->text, byte, c) && glyph < run->glyphs.size())
        ink = InkOnPage(fonts, *run, run->glyphs[glyph]);
      byte += static_cast<size_t>(c.bytes);
      glyph += static_cast<size_t>(c.glyphs);
      const Direction d = ink && previous ? Follows(*previous, *ink) : Direction::kNone;
      // A run goes one way: a dash that turns (the last of one vertical line and the first of
      // the next, side by side) starts a run of its own.
      if (d != Direction::kNone && (direction == Direction::kNone || d == direction)) {
        if (std::optional<RectItem> join = Join(*previous, *ink, d)) joins.push_back({i, *join});
        direction = d;
      } else {
        direction = Direction::kNone;
      }
      previous = ink;
    }
  }
  if (joins.empty()) return;
  std::vector<Item> out;
  out.reserve(items.size() + joins.size());
  size_t next = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    out.push_back(std::move(items[i]));
    for (; next < joins.size() && joins[next].first == i; ++next)
      out.push_back(std::move(joins[next].second));
  }
  items = std::move(out);
}

void JoinDashes(Document& doc) {
  for (Page& page : doc.pages)
    for (Frame& frame : page.frames) JoinDashes(doc.fonts, frame.items);
}

}  // namespace banmian
