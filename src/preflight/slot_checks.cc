#include "preflight/slot_checks.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "preflight/page_boxes.h"
#include "preflight/page_places.h"

namespace banmian {

namespace {

std::string Plural(long n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void SetArea(Finding& f, const Box& b) {
  if (b.width() <= 0 && b.height() <= 0) return;
  f.has_area = true;
  f.x = b.x0, f.y = b.y0, f.width = b.width(), f.height = b.height();
}

// Column i (0-based) of a part, from its top down to grid line `to` (from the part's top),
// starting at grid line `from`.
Box ColumnBox(const SlotRecord& s, const Grid& g, int i, double from, double to) {
  const double x = s.x + i * (g.column_width() + g.gutter);
  return {x, s.y + from * g.line_pitch, x + g.column_width(), s.y + to * g.line_pitch};
}

Finding SlotFinding(const SlotRecord& s, const Document& doc, const std::string& code) {
  Finding f;
  f.code = code;
  f.page = s.page;
  f.label = PageLabel(doc, s.page);
  f.where = "slot:" + s.slot;
  f.article = s.article;
  return f;
}

// "column 4 by 3, columns 5–6 by 5": runs of neighbouring columns short by as much.
std::string ShortColumns(const std::vector<std::pair<int, int>>& columns) {
  std::string out;
  for (size_t i = 0; i < columns.size();) {
    size_t j = i + 1;
    while (j < columns.size() && columns[j].first == columns[j - 1].first + 1 &&
           columns[j].second == columns[i].second)
      ++j;
    if (!out.empty()) out += ", ";
    out += j - i == 1 ? "column " + std::to_string(columns[i].first)
                      : "columns " + std::to_string(columns[i].first) + "–" +
                            std::to_string(columns[j - 1].first);
    out += " by " + std::to_string(columns[i].second);
    i = j;
  }
  return out;
}

// Nothing placed, or a continuation with nothing left to continue.
bool Empty(const SlotRecord& s) {
  return s.empty || (s.continuation && !s.ended_on.empty());
}

void EmptySlot(const SlotRecord& s, const Document& doc, const Grid& g, std::vector<Finding>& out) {
  Finding f = SlotFinding(s, doc, "empty-slot");
  const std::string on = PageName(PageLabel(doc, s.page));
  if (s.continuation && !s.ended_on.empty()) {
    f.message = "article '" + s.article + "' fits on " + PageName(s.ended_on) +
                "; continuation slot '" + s.slot + "' on " + on + " is empty";
  } else {
    // On a page banmian added for a stack (named as such) the other slots have nothing
    // given for them: information; but an ad slot left blank prints white space where an ad
    // belongs: an error, unless the template marks it optional.
    f.severity = s.optional || (s.added_page && !s.ad) ? Severity::kInfo : Severity::kError;
    f.message = std::string(s.optional ? "optional slot '" : "slot '") + s.slot + "' on " + on +
                (s.added_page ? " (a page added for a stack)" : "") + " is empty" +
                (s.ad && s.added_page && !s.optional
                     ? ": no ad is given for it; give the template a standing ad (ad: file) or "
                       "mark the slot optional"
                 : s.ad              ? ": no ad is given for it"
                 : s.banner          ? ": no banner headline is given for it ({banner: …})"
                 : s.article.empty() ? ": no article is placed in it"
                                     : ": nothing of article '" + s.article + "' was placed");
  }
  // A fitted slot with nothing in it has no height: marked by its first grid line.
  if (s.width > 0) SetArea(f, {s.x, s.y, s.x + s.width, s.y + std::max(s.height, g.line_pitch)});
  out.push_back(f);
}

void Holes(const SlotRecord& s, const Document& doc, const Grid& g, std::vector<Finding>& out) {
  if (s.column_ends.size() < 2) return;
  const int longest = *std::max_element(s.column_ends.begin(), s.column_ends.end());
  for (size_t i = 0; i < s.column_ends.size(); ++i) {
    const int short_by = longest - s.column_ends[i];
    if (short_by <= kHoleRows) continue;
    Finding f = SlotFinding(s, doc, "hole");
    f.count = short_by;
    f.message = "column " + std::to_string(i + 1) + " of slot '" + s.slot + "' ends " +
                Plural(short_by, "grid line") + " short of the longest (article '" + s.article +
                "')";
    if (s.width > 0) SetArea(f, ColumnBox(s, g, static_cast<int>(i), s.column_ends[i], longest));
    out.push_back(f);
  }
}

void Underfull(const SlotRecord& s, bool inserted, const Grid& g, const Document& doc,
               std::vector<Finding>& out) {
  Finding f = SlotFinding(s, doc, "underfull");
  // White space at a module's foot is as wrong on the page as a hole: an error. On a
  // page added to carry a stack on, the stack simply ends there: information.
  f.severity = inserted ? Severity::kInfo : Severity::kError;
  const int foot = s.slot_rows - s.first_row;  // the slot's foot, from the part's top
  if (s.column_ends.empty()) {
    // No ends recorded per column: the part's tallest column counts, as it always did.
    const int short_by = foot - s.rows_used;
    if (short_by <= kUnderfullRows) return;
    f.count = short_by;
    f.message = "slot '" + s.slot + "' is " + Plural(short_by, "grid line") + " short of its " +
                std::to_string(s.slot_rows) + " (article '" + s.article + "' ends early)";
    if (s.width > 0)
      SetArea(f, {s.x, s.y + s.rows_used * g.line_pitch, s.x + s.width, s.y + foot * g.line_pitch});
    out.push_back(f);
    return;
  }
  std::vector<std::pair<int, int>> columns;  // 1-based column, grid lines short
  Bounds area;
  for (size_t i = 0; i < s.column_ends.size(); ++i) {
    const int short_by = foot - s.column_ends[i];
    if (short_by <= kUnderfullRows) continue;
    columns.push_back({static_cast<int>(i) + 1, short_by});
    f.count = std::max<long>(f.count, short_by);
    area.Add(ColumnBox(s, g, static_cast<int>(i), s.column_ends[i], foot));
  }
  if (columns.empty()) return;
  f.message = "slot '" + s.slot + "' is short of its " + std::to_string(s.slot_rows) +
              " grid lines: " + ShortColumns(columns) + " (article '" + s.article + "' ends early)";
  if (s.width > 0 && area.any) SetArea(f, area.box);
  out.push_back(f);
}

}  // namespace

std::vector<Finding> CheckSlots(const LayoutReport& report, const Document& doc, const Grid& grid) {
  std::vector<Finding> out;
  for (const SlotRecord& s : report.slots) {
    if (Empty(s))
      EmptySlot(s, doc, grid, out);
    else
      Holes(s, doc, grid, out);
    // A picture carried on alone, away from its story.
    if (s.picture_only) {
      Finding f = SlotFinding(s, doc, "picture-apart");
      f.severity = Severity::kWarning;
      f.message = "slot '" + s.slot + "' on " + f.label + " holds only the picture of article '" +
                  s.article +
                  "': its text all fitted in the part before, so the picture stands apart "
                  "from its story (make it fit there: rows= on the picture, or more rows)";
      f.has_area = true;
      f.x = s.x, f.y = s.y, f.width = s.width, f.height = s.height;
      out.push_back(f);
    }
  }
  // A slot short of its foot, judged at its lowest part on the page (a stack's last article).
  std::map<std::pair<int, std::string>, const SlotRecord*> lowest;
  for (const SlotRecord& s : report.slots) {
    if (Empty(s)) continue;
    auto key = std::make_pair(s.page, s.slot);
    auto it = lowest.find(key);
    if (it == lowest.end() ||
        s.first_row + s.rows_used >= it->second->first_row + it->second->rows_used)
      lowest[key] = &s;
  }
  // A slot whose article was left over is reported as overset: its short columns are
  // what the keep rules or a picture cost, not an article that ended early.
  std::set<std::pair<int, std::string>> overset;
  for (const OversetRecord& o : report.overset) overset.insert({o.page, o.slot});
  for (const auto& [key, s] : lowest) {
    if (overset.count(key)) continue;
    const bool inserted = std::find(report.inserted_pages.begin(), report.inserted_pages.end(),
                                    s->page) != report.inserted_pages.end();
    Underfull(*s, inserted, grid, doc, out);
  }
  return out;
}

}  // namespace banmian
