#include "preflight/findings.h"

#include "preflight/ad_checks.h"
#include "preflight/auto_checks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <tuple>

#include "compose/break_rules.h"
#include "model/utf8.h"
#include "preflight/page_checks.h"
#include "preflight/page_places.h"
#include "preflight/press_checks.h"
#include "preflight/slot_checks.h"
#include "text/cluster_joins.h"

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

bool HasMissingGlyph(const GlyphRun&, const PositionedGlyph* glyphs, int count) {
  for (int i = 0; i < count; ++i)
    if (glyphs[i].id == 0) return true;
  return false;
}
bool IsSyntheticBold(const GlyphRun& run, const PositionedGlyph*, int) {
  return run.synthetic_bold;
}
bool AnyCluster(const GlyphRun&, const PositionedGlyph*, int) {
  return true;
}

void SetArea(Finding& f, const std::optional<Box>& b) {
  if (!b) return;
  f.has_area = true;
  f.x = b->x0, f.y = b->y0, f.width = b->width(), f.height = b->height();
}

// The columns and grid lines an area covers (each column reaching to the middle of the
// gutters beside it; an area only partly on the grid, the part that is).
void PlaceOnGrid(Finding& f, const Paper& paper) {
  const Grid& g = paper.grid;
  if (!f.has_area || g.columns < 1 || g.lines < 1 || g.line_pitch <= 0) return;
  const double left = paper.area_left(), top = paper.area_top();
  const double right = left + g.area_width(), bottom = top + g.lines * g.line_pitch;
  const double x0 = f.x, x1 = f.x + f.width, y0 = f.y, y1 = f.y + f.height;
  if (x1 <= left || x0 >= right || y1 <= top || y0 >= bottom) return;
  const double cell = g.column_width() + g.gutter, eps = 0.1;
  auto col = [&](double x) {
    return std::clamp(static_cast<int>(std::floor((x - left + g.gutter / 2) / cell)), 0,
                      g.columns - 1);
  };
  auto row = [&](double y) {
    return std::clamp(static_cast<int>(std::floor((y - top) / g.line_pitch)), 0, g.lines - 1);
  };
  f.col_first = col(x0 + eps) + 1, f.col_last = col(std::max(x0 + eps, x1 - eps)) + 1;
  f.row_first = row(y0 + eps) + 1, f.row_last = row(std::max(y0 + eps, y1 - eps)) + 1;
}

// A body line stretched more than this between every two characters is loose
// (issue 13: a quarter em).
constexpr double kLooseLineEm = 0.25;

// The article of a page-check finding in a slot: the part of the slot on that page whose
// rows hold the finding's top (a stack holds several).
std::string ArticleAt(const LayoutReport& report, const Finding& f) {
  if (!f.where.starts_with("slot:")) return "";
  const std::string slot = f.where.substr(5);
  std::string article;
  int parts = 0;
  for (const SlotRecord& s : report.slots) {
    if (s.page != f.page || s.slot != slot || s.empty) continue;
    ++parts;
    if (parts == 1 || (s.height > 0 && f.y >= s.y && f.y < s.y + s.height)) article = s.article;
  }
  return article;
}

// The frame a finding is in, always as "<kind>:<name>" (slot:lead, region:folio,
// stack-rule:news), or "" for none: a finding that names an article (a missing glyph, a
// picture set otherwise than asked) is in the slot that holds the article on its page;
// a banner headline's (its article "banner:<label>:<slot>") in the banner's slot.
std::string FrameOf(const LayoutReport& report, const Finding& f) {
  const std::string& where = f.where;
  if (where.starts_with("banner:")) return "slot:" + where.substr(where.find_last_of(':') + 1);
  if (where.find(':') != std::string::npos) return where;
  if (f.page <= 0 || f.article.empty()) return "";
  if (f.article.starts_with("banner:"))
    return "slot:" + f.article.substr(f.article.find_last_of(':') + 1);
  std::string slot;
  for (const SlotRecord& s : report.slots) {
    if (s.page != f.page || s.article != f.article || s.empty) continue;
    if (slot.empty() || (f.has_area && s.height > 0 && f.y >= s.y && f.y < s.y + s.height))
      slot = s.slot;
  }
  return slot.empty() ? "" : "slot:" + slot;
}

}  // namespace

std::vector<Finding> Preflight(const LayoutReport& report, const Document& doc,
                               const Paper& paper) {
  std::vector<Finding> out;
  for (const OversetRecord& o : report.overset) {
    Finding f;
    f.code = "overset";
    f.page = o.page;
    f.where = "slot:" + o.slot;
    f.article = o.article;
    f.count = static_cast<long>(o.characters_left);
    f.pos = o.pos;
    std::vector<std::string> parts;
    if (o.characters_left)
      parts.push_back(Plural(o.characters_left, "character") + " (" + Plural(o.lines_left, "line") +
                      ")");
    if (o.pictures_left) parts.push_back(Plural(o.pictures_left, "picture"));
    // A banner slot's headline is set as an article of its own, "banner:<page>:<slot>".
    f.message = (o.article.rfind("banner:", 0) == 0 ? std::string("the banner headline")
                                                    : "article '" + o.article + "'") +
                " does not fit slot '" + o.slot + "': ";
    if (o.headline_rows)
      f.message += "its headline alone takes " + Plural(o.headline_rows, "grid line") +
                   " of the slot's " + std::to_string(o.slot_rows) + (parts.empty() ? "" : "; ");
    for (size_t i = 0; i < parts.size(); ++i) f.message += (i ? " and " : "") + parts[i];
    if (!parts.empty()) f.message += " left over";
    if (!o.text_left.empty()) f.message += ", from “" + o.text_left + "…”";
    if (!o.blocking.empty()) f.message += "; it fits no slot: " + o.blocking;
    if (const Page* page = FindPage(doc, o.page)) SetArea(f, SlotBox(*page, o.slot));
    out.push_back(f);
  }
  // Characters not shown as asked. The n-th record of a cluster (and kind) on a page is
  // placed at the n-th such cluster drawn there.
  std::map<std::tuple<int, int, std::string, char32_t>, int> seen;
  for (const MissingGlyphRecord& m : report.missing_glyphs) {
    using Kind = MissingGlyphRecord::Kind;
    Finding f;
    f.page = m.page;
    f.where = m.where;
    f.article = m.where.starts_with("region:") ? "" : m.where;
    f.pos = m.pos;
    f.count = 1;
    std::string ch;
    Utf8Append(ch, m.ch);
    const std::string cluster = m.cluster.empty() ? ch : m.cluster;
    const int nth = seen[{m.page, static_cast<int>(m.kind), cluster, m.ch}]++;
    std::optional<ClusterPlace> place;
    if (const Page* page = FindPage(doc, m.page))
      place = FindCluster(*page, cluster, nth,
                          m.kind == Kind::kMissing         ? HasMissingGlyph
                          : m.kind == Kind::kSyntheticBold ? IsSyntheticBold
                                                           : AnyCluster);
    if (place) SetArea(f, place->box);
    const std::string font =
        place && static_cast<size_t>(place->font) < doc.fonts.size()
            ? doc.fonts[place->font].family + " " + doc.fonts[place->font].style
            : "a font without a bold face";
    switch (m.kind) {
      case Kind::kMissing:
        f.code = "missing-glyph";
        f.message = "no font has the character " + ch + " (" + CodePoint(m.ch) + "), in “" +
                    m.context + "”";
        break;
      case Kind::kSyntheticBold:
        f.severity = Severity::kInfo;
        f.code = "synthetic-bold";
        f.message = "no bold face has the character " + ch + " (" + CodePoint(m.ch) +
                    "): it is set in " + font + " and emboldened, in “" + m.context + "”";
        break;
      case Kind::kNoVariant: {
        std::string selectors;
        for (size_t i = 0; i < cluster.size();) {
          const char32_t c = Utf8Next(cluster, i);
          if (IsVariationSelector(c)) selectors += (selectors.empty() ? "" : ", ") + CodePoint(c);
        }
        f.severity = Severity::kWarning;
        f.code = "missing-variant";
        f.message = "the font " + (place ? font + " " : std::string()) + "has no glyph for " + ch +
                    " (" + CodePoint(m.ch) + ") with the variation selector " + selectors +
                    ": its usual glyph is printed (the selector stays in the text), in “" +
                    m.context + "”";
        break;
      }
    }
    out.push_back(f);
  }
  for (const LineRecord& l : report.lines) {
    if (l.text.empty()) continue;
    const Page* page = FindPage(doc, l.page);
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
      if (page) SetArea(f, LineBox(*page, l.where, l.text));
      out.push_back(f);
    }
    // What the paragraph composer could not avoid (compose/line_breaker.h), each a warning at
    // the line's place on the page and its paragraph's line:col.
    auto line_warning = [&](const std::string& code, const std::string& message) {
      Finding f;
      f.severity = Severity::kWarning;
      f.code = code;
      f.page = l.page;
      f.where = l.where;
      f.pos = l.pos;
      f.message = message;
      f.count = 1;
      if (page) SetArea(f, LineBox(*page, l.where, l.text));
      f.article = ArticleAt(report, f);
      out.push_back(f);
    };
    char em[32];
    if (l.overfull)
      line_warning(
          "overfull-line",
          "the line is wider than its column even with its punctuation squeezed: “" + l.text + "”");
    if (l.cut)
      line_warning("word-cut", "a word longer than the column is cut at this line's end: “" +
                                   l.text + "”; a URL or address can be shortened or set apart");
    if (l.letter_spacing_em > 0) {
      std::snprintf(em, sizeof em, "%.2f", l.letter_spacing_em);
      line_warning("letter-spaced", std::string("the line has nothing to stretch but its letters, "
                                                "spaced ") +
                                        em + " em apart to fill the column: “" + l.text + "”");
    }
    if (l.gap_stretch_em > kLooseLineEm) {
      char limit[32];
      std::snprintf(em, sizeof em, "%.2f", l.gap_stretch_em);
      std::snprintf(limit, sizeof limit, "%.2f", kLooseLineEm);
      line_warning("loose-line", std::string("the line is stretched ") + em +
                                     " em between every two characters (more than " + limit +
                                     " em): “" + l.text +
                                     "”; a word or number that may not be split is likely near "
                                     "it; rewording a line above or below lets it close up");
    }
    if (!l.split_word.empty()) {
      Finding f;
      f.severity = Severity::kWarning;
      f.code = "display-break-in-word";
      f.page = l.page;
      f.where = l.where;
      f.message = "the " + l.role + " line “" + l.text + "” ends inside the word " + l.split_word +
                  ": no break between words fits the width; shorten the text, or break the "
                  "line by hand where it reads well (a kicker, headline or subhead in the front "
                  "matter: a line break in its text)";
      f.count = 1;
      if (page) SetArea(f, LineBox(*page, l.where, l.text));
      f.article = ArticleAt(report, f);
      out.push_back(f);
    }
  }
  for (const PictureRecord& p : report.pictures) {
    // A picture set otherwise than asked, or too thin to see: said, never silent.
    auto picture_finding = [&](const std::string& code, const std::string& message) {
      Finding f;
      f.severity = Severity::kWarning;
      f.code = code;
      f.page = p.page;
      f.article = p.article;
      f.where = p.where;
      f.pos = p.pos;
      f.message = message;
      if (const Page* page = FindPage(doc, p.page))
        SetArea(f, PictureBox(*page, p.image_path.empty() ? p.path : p.image_path));
      out.push_back(f);
      return &out.back();
    };
    if (p.columns_asked > p.columns_set && p.columns_set > 0)
      picture_finding("picture-narrowed",
                      "picture '" + p.path + "' asks for " + std::to_string(p.columns_asked) +
                          " columns; its module has " + std::to_string(p.columns_set) +
                          ", so it is set across " + std::to_string(p.columns_set));
    if (p.placed_width > 0 && p.placed_height > 0 &&
        (p.placed_height < 0.5 * paper.grid.body_size ||
         p.placed_width < 0.5 * paper.grid.body_size)) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "%.1f × %.1f mm", p.placed_width * 25.4 / 72,
                    p.placed_height * 25.4 / 72);
      picture_finding("picture-too-thin", "picture '" + p.path + "' prints " + buf +
                                              " at its own proportions: give it rows= or "
                                              "ratio= to crop it to a visible shape");
    }
    // The plant's thresholds (press: checks:): coarse under the warning's, refused under
    // the error's.
    const PressThresholds& limits = paper.press.checks;
    if (p.effective_ppi >= limits.picture_ppi_warning) continue;
    const bool refused = p.effective_ppi < limits.picture_ppi_error;
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  refused ? "%.0f ppi (under %g ppi, too coarse for the press)"
                          : "%.0f ppi (under %g ppi looks coarse)",
                  p.effective_ppi, refused ? limits.picture_ppi_error : limits.picture_ppi_warning);
    Finding* f = picture_finding("low-resolution", "picture '" + p.path + "' prints at " + buf);
    f->count = std::lround(p.effective_ppi);
    if (refused) f->severity = Severity::kError;
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
    f.message = o.tab_stop > 0 ? "“" + o.text + "” runs " + buf + " past its tab stop " +
                                     std::to_string(o.tab_stop) + ": the text before it is too long"
                               : "“" + o.text + "” is " + buf + " wider than its box";
    if (const Page* page = FindPage(doc, o.page)) SetArea(f, LineBox(*page, f.where, o.text));
    out.push_back(f);
  }
  // A banner headline not over its stories' columns (page_builder's CheckBanners).
  for (const BannerRecord& b : report.banners) {
    Finding f;
    f.severity = Severity::kError;
    f.code = "banner-not-over-stories";
    f.page = b.page;
    f.where = "slot:" + b.slot;
    f.message = "banner '" + b.slot + "': ";
    for (size_t i = 0; i < b.problems.size(); ++i) f.message += (i ? "; " : "") + b.problems[i];
    f.has_area = true;
    f.x = b.area.x, f.y = b.area.y, f.width = b.area.width, f.height = b.area.height;
    f.pos = b.area.pos;
    out.push_back(f);
  }
  // Auto pages: the rules their layout breaks, their cuts and holes (auto_checks.h).
  for (Finding& f : CheckAutoPages(report, doc, paper)) out.push_back(std::move(f));
  // Slots with holes, left short or empty, then what lies where it must not on the pages.
  for (Finding& f : CheckSlots(report, doc, paper.grid)) out.push_back(std::move(f));
  for (Finding& f : CheckPages(doc)) {
    f.article = ArticleAt(report, f);
    out.push_back(std::move(f));
  }
  // What the press would phone about: type, rules, art at the trim, ink (press_checks.h).
  for (Finding& f : CheckPress(doc, paper.press)) {
    f.article = ArticleAt(report, f);
    out.push_back(std::move(f));
  }
  // Supplied ads and images: what the press would refuse in them (ad_checks.h).
  for (Finding& f : CheckAds(report.ads, paper.press)) out.push_back(std::move(f));
  // Grid cells of a page that no slot or region covers: white space where text was meant.
  // (A single grid line between two modules is the usual air between stories.)
  for (const auto& [page, a] : report.grid.uncovered) {
    if (a.rows < 2) continue;
    Finding f;
    f.severity = Severity::kError;  // as wrong on the page as a module short of its foot
    f.code = "uncovered";
    f.page = page;
    f.count = a.cols * a.rows;
    f.message = "no slot or region covers columns " + std::to_string(a.col + 1) +
                (a.cols > 1 ? "–" + std::to_string(a.col + a.cols) : "") + ", grid lines " +
                std::to_string(a.row + 1) + "–" + std::to_string(a.row + a.rows) +
                ": the page prints white space there";
    f.has_area = true;
    f.x = a.x, f.y = a.y, f.width = a.width, f.height = a.height;
    out.push_back(f);
  }
  // Pages added because a stack slot asked for them.
  for (const AddedPageRecord& p : report.added_pages) {
    Finding f;
    f.severity = p.label_taken ? Severity::kWarning : Severity::kInfo;
    f.code = "added-page";
    f.page = p.page;
    f.where = "slot:" + p.slot;
    f.label = p.label;
    f.message = "stack '" + p.slot + "' ran over on " + p.after_label + ": page " + p.label +
                " (template '" + p.template_name + "') was added for it";
    if (p.label_taken)
      f.message += "; the issue already has the next label, so this one is made up";
    out.push_back(f);
  }
  long changed = 0;
  for (const Normalization& n : report.normalizations) {
    if (!n.unpaired) {
      ++changed;
      continue;
    }
    // Straight quotes left as typed: which one opens a quotation is a guess.
    Finding f;
    f.severity = Severity::kWarning;
    f.code = "unpaired-quotes";
    f.article = n.article;
    f.pos = n.pos;
    f.count = static_cast<long>(n.quotes);
    const std::string marks = n.from == "'" ? "‘ ’" : "“ ”";
    if (n.quotes == 1) {
      f.message = "this straight quote (" + n.from + ") has no partner in its text, at “" +
                  n.context + "”: it is left as typed; type the quotation mark (" + marks +
                  "), or add the missing straight one";
    } else if (n.quotes % 2 == 1) {
      f.message =
          "the text holds " + std::to_string(n.quotes) + " straight quotes (" + n.from + ")";
      if (n.first_pos.line > 0)
        f.message += ", the first at " + std::to_string(n.first_pos.line) + ":" +
                     std::to_string(n.first_pos.col);
      f.message += "; paired in order, this last one has no partner, at “" + n.context +
                   "”: they are left as typed; type the quotation marks (" + marks +
                   "), or add the missing straight one";
    } else {
      f.message = "two straight quotes (" + n.from + n.from + ") with nothing between them, at “" +
                  n.context +
                  "”: pairing the text's quotes in order is a guess here (a quotation inside "
                  "a quotation?); they are left as typed: type the quotation marks (“ ” for "
                  "the outer, ‘ ’ for the inner)";
    }
    out.push_back(f);
  }
  if (changed > 0) {
    Finding f;
    f.severity = Severity::kInfo;
    f.code = "normalized";
    f.count = changed;
    f.message = std::to_string(changed) +
                " characters were normalised (half-width marks set full width, straight quotes "
                "paired, look-alike characters replaced): listed under normalizations";
    out.push_back(f);
  }
  for (Finding& f : out) {
    if (f.page > 0 && f.label.empty()) f.label = PageLabel(doc, f.page);
    f.where = FrameOf(report, f);
    PlaceOnGrid(f, paper);
  }
  return out;
}

}  // namespace banmian
