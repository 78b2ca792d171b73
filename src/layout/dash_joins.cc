#include "layout/dash_joins.h"

#include <algorithm>
#include <optional>

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

// The one character of a cluster of one glyph, 0 otherwise.
char32_t SingleCharacter(const std::string& text, size_t byte, const TextCluster& c) {
  if (c.glyphs != 1 || c.bytes <= 0) return 0;
  size_t i = byte;
  const char32_t ch = Utf8Next(text, i);
  return i == byte + static_cast<size_t>(c.bytes) ? ch : 0;
}

}  // namespace

bool IsJoiningDash(char32_t c) {
  return c == 0x2014 || c == 0x2E3A || c == 0x2E3B || c == 0x2500;
}

void JoinDashes(const std::vector<FontFace>& fonts, std::vector<Item>& items) {
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
      const char32_t ch = SingleCharacter(run->text, byte, c);
      std::optional<DashInk> ink;
      if (IsJoiningDash(ch) && glyph < run->glyphs.size())
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
