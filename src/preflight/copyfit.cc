#include "preflight/copyfit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace banmian {

namespace {

std::string Lines(long n, const char* word = "line") {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string Points(double pt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g pt", pt);
  return buf;
}

}  // namespace

std::vector<FitRecord> Copyfit(const LayoutReport& report, const Paper& paper) {
  const int per_line = paper.grid.characters;
  // The lowest part of each slot on each page: a stack is judged at its last article.
  std::map<std::pair<int, std::string>, size_t> lowest;
  for (size_t i = 0; i < report.slots.size(); ++i) {
    const SlotRecord& s = report.slots[i];
    auto key = std::make_pair(s.page, s.slot);
    auto it = lowest.find(key);
    if (it == lowest.end() || s.first_row >= report.slots[it->second].first_row) lowest[key] = i;
  }
  std::vector<FitRecord> out;
  for (size_t i = 0; i < report.slots.size(); ++i) {
    const SlotRecord& s = report.slots[i];
    if (s.empty || s.article.empty()) continue;
    FitRecord f;
    f.page = s.page, f.slot = s.slot, f.article = s.article;
    f.columns = s.columns, f.slot_rows = s.slot_rows;
    f.headline_lines = s.headline_lines;
    f.headline_size = s.headline_size, f.headline_one_line_size = s.headline_one_line_size;
    int headline_rows = 0, headline_slot_rows = 0;  // the headline alone is taller than the slot
    std::string blocking;                           // a block that fits no slot, and why
    for (const OversetRecord& o : report.overset)
      if (o.page == s.page && o.slot == s.slot && o.article == s.article) {
        f.lines_over += static_cast<int>(o.lines_left);
        f.characters_over += static_cast<long>(o.characters_left);
        f.pictures_over += static_cast<int>(o.pictures_left);
        if (o.headline_rows > 0) headline_rows = o.headline_rows, headline_slot_rows = o.slot_rows;
        if (blocking.empty()) blocking = o.blocking;
      }
    const bool last_in_slot = lowest[{s.page, s.slot}] == i;
    const bool over = f.lines_over > 0 || f.characters_over > 0 || f.pictures_over > 0;
    if (last_in_slot && !over && !s.column_ends.empty()) {
      const int foot = s.rows;  // the part's rows, from its own top
      int shortest = foot;
      for (int e : s.column_ends) {
        f.lines_short += std::max(0, foot - e);
        shortest = std::min(shortest, std::max(0, foot - e));
      }
      f.rows_short = shortest;
      f.characters_short = static_cast<long>(f.lines_short) * per_line;
    }
    if (over) {
      // What is left over, as the overset finding counts it; then how the slot could hold
      // it: what stops it when a block fits no slot or the headline alone is too tall,
      // otherwise the grid lines the lines over take across the columns.
      if (headline_rows > 0)
        f.advice.push_back("the headline alone takes " + Lines(headline_rows, "grid line") +
                           " of the slot's " + std::to_string(headline_slot_rows) +
                           ": shorten it or set it smaller");
      std::string cut;
      if (f.characters_over > 0)
        cut = Lines(f.characters_over, "character") + " (" + Lines(f.lines_over) + ")";
      if (f.pictures_over > 0)
        cut += (cut.empty() ? "" : " and ") + Lines(f.pictures_over, "picture");
      if (!cut.empty()) f.advice.push_back("cut " + cut);
      if (!blocking.empty()) {
        f.advice.push_back("or make it fit: " + blocking);
      } else if (f.lines_over > 0 && headline_rows == 0) {
        const int cols = std::max(1, s.columns);
        const int rows = (f.lines_over + cols - 1) / cols;
        f.advice.push_back(
            "or give the slot " + Lines(rows, "more grid line") +
            (s.pictures > 0 ? ", or make a picture " + Lines(rows, "grid line") + " shorter" : ""));
      }
    } else if (f.lines_short > 0) {
      std::string a = Lines(f.lines_short) + " short: add about " +
                      std::to_string(f.characters_short) + " characters";
      if (s.pictures > 0 && f.rows_short > 0)
        a += ", or make the picture " + Lines(f.rows_short, "grid line") + " taller";
      f.advice.push_back(a);
      if (f.rows_short > 0)
        f.advice.push_back("or give the slot " + Lines(f.rows_short, "grid line") + " fewer");
    }
    if (f.headline_lines > 1 && f.headline_one_line_size >= 0.75 * f.headline_size)
      f.advice.push_back("the headline fits on one line at " + Points(f.headline_one_line_size) +
                         " (it takes " + Lines(f.headline_lines) + " at " +
                         Points(f.headline_size) + ")");
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace banmian
