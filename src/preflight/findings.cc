#include "preflight/findings.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "compose/break_rules.h"
#include "model/utf8.h"

namespace banmian {

namespace {

std::string CodePoint(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

std::string Plural(size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

std::vector<Finding> Preflight(const LayoutReport& report) {
  std::vector<Finding> out;
  for (const OversetRecord& o : report.overset) {
    Finding f;
    f.code = "overset";
    f.page = o.page;
    f.where = o.slot;
    f.article = o.article;
    f.count = static_cast<long>(o.characters_left);
    f.pos = o.pos;
    std::vector<std::string> parts;
    if (o.characters_left)
      parts.push_back(Plural(o.characters_left, "character") + " (" + Plural(o.lines_left, "line") +
                      ")");
    if (o.pictures_left) parts.push_back(Plural(o.pictures_left, "picture"));
    f.message = "article '" + o.article + "' does not fit slot '" + o.slot + "': ";
    if (o.headline_rows)
      f.message += "its headline alone takes " + Plural(o.headline_rows, "grid line") +
                   " of the slot's " + std::to_string(o.slot_rows) + (parts.empty() ? "" : "; ");
    for (size_t i = 0; i < parts.size(); ++i) f.message += (i ? " and " : "") + parts[i];
    if (!parts.empty()) f.message += " left over";
    if (!o.text_left.empty()) f.message += ", from “" + o.text_left + "…”";
    out.push_back(f);
  }
  for (const MissingGlyphRecord& m : report.missing_glyphs) {
    Finding f;
    f.code = "missing-glyph";
    f.page = m.page;
    f.where = m.where;
    f.article = m.where.starts_with("region:") ? "" : m.where;
    f.pos = m.pos;
    std::string ch;
    Utf8Append(ch, m.ch);
    f.message =
        "no font has the character " + ch + " (" + CodePoint(m.ch) + "), in “" + m.context + "”";
    f.count = 1;
    out.push_back(f);
  }
  for (const LineRecord& l : report.lines) {
    if (l.text.empty()) continue;
    size_t i = 0;
    char32_t first = Utf8Next(l.text, i);
    size_t j = l.text.size() - 1;
    while (j > 0 && (static_cast<unsigned char>(l.text[j]) & 0xC0) == 0x80) --j;
    char32_t last = Utf8Next(l.text, j);
    bool is_body = l.where.starts_with("slot:");
    if (is_body && (ProhibitedAtLineStart(first) || ProhibitedAtLineEnd(last))) {
      Finding f;
      f.code = "break-rule";
      f.page = l.page;
      f.where = l.where;
      f.message = std::string("line ") + (ProhibitedAtLineStart(first) ? "starts" : "ends") +
                  " with a mark that may not " + (ProhibitedAtLineStart(first) ? "start" : "end") +
                  " a line: “" + l.text + "”";
      f.count = 1;
      out.push_back(f);
    }
    if (l.overfull) {
      Finding f;
      f.severity = Severity::kWarning;
      f.code = "overfull-line";
      f.page = l.page;
      f.where = l.where;
      f.message = "a word wider than the column had to be cut: “" + l.text + "”";
      out.push_back(f);
    }
  }
  for (const PictureRecord& p : report.pictures) {
    if (p.effective_ppi >= kMinPicturePpI) continue;
    Finding f;
    f.severity = Severity::kWarning;
    f.code = "low-resolution";
    f.page = p.page;
    f.article = p.article;
    f.pos = p.pos;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f ppi", p.effective_ppi);
    f.message = "picture '" + p.path + "' prints at " + buf + " (under " +
                std::to_string(static_cast<int>(kMinPicturePpI)) + " ppi looks coarse)";
    f.count = static_cast<long>(p.effective_ppi);
    out.push_back(f);
  }
  for (const FurnitureOverflow& o : report.furniture_overflow) {
    Finding f;
    f.severity = Severity::kWarning;
    f.code = "furniture-overflow";
    f.page = o.page;
    f.where = "region:" + o.region;
    f.pos = o.pos;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.1fmm", o.overflow * 25.4 / 72);
    f.message = "“" + o.text + "” is " + buf + " wider than its box";
    out.push_back(f);
  }
  // A slot left more than a few grid lines short (judged at the last article of a stack).
  std::map<std::pair<int, std::string>, const SlotRecord*> lowest;
  for (const SlotRecord& s : report.slots) {
    auto key = std::make_pair(s.page, s.slot);
    auto it = lowest.find(key);
    if (it == lowest.end() ||
        s.first_row + s.rows_used >= it->second->first_row + it->second->rows_used)
      lowest[key] = &s;
  }
  for (const auto& [key, s] : lowest) {
    int short_by = s->slot_rows - (s->first_row + s->rows_used);
    if (short_by <= kUnderfullRows) continue;
    Finding f;
    // On a page added to carry a stack on, the stack simply ends there: information.
    bool inserted = std::find(report.inserted_pages.begin(), report.inserted_pages.end(),
                              s->page) != report.inserted_pages.end();
    f.severity = inserted ? Severity::kInfo : Severity::kWarning;
    f.code = "underfull";
    f.page = s->page;
    f.where = "slot:" + s->slot;
    f.article = s->article;
    f.count = short_by;
    f.message = "slot '" + s->slot + "' is " + Plural(static_cast<size_t>(short_by), "grid line") +
                " short of its " + std::to_string(s->slot_rows) + " (article '" + s->article +
                "' ends early)";
    out.push_back(f);
  }
  if (!report.normalizations.empty()) {
    Finding f;
    f.severity = Severity::kInfo;
    f.code = "normalized";
    f.count = static_cast<long>(report.normalizations.size());
    f.message = std::to_string(report.normalizations.size()) +
                " half-width marks between Chinese characters were set full-width";
    out.push_back(f);
  }
  return out;
}

}  // namespace banmian
