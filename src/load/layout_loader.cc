#include "load/layout_loader.h"

#include <dirent.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "load/auto_layout_keys.h"
#include "load/contained_path.h"
#include "load/slot_override.h"
#include "load/supplied_art.h"
#include "load/text_file.h"
#include "load/units.h"
#include "load/yaml_reader.h"

namespace banmian {

const char* const kRequiredStyles[] = {"body",      "body_emph", "body_strong", "kicker",
                                       "headline",  "subhead",   "byline",      "section_title",
                                       "crosshead", "caption",   "tag",         nullptr};

namespace {

// The smallest type banmian sets.
constexpr double kMinTypeSize = 4;

// "9.5pt", for messages.
std::string Points(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%gpt", v);
  return buf;
}

// 150, 99.5: for messages.
std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// A line weight: more than 0 (or 0 when `zero_ok`) and at most 50pt.
bool CheckWeight(MapReader& r, double weight, bool zero_ok, const std::string& what,
                 Diagnostics& diags) {
  if ((zero_ok ? weight >= 0 : weight > 0) && weight <= 50) return true;
  diags.Error("out-of-range", r.src().Pos(r.Get("weight")),
              what + ": 'weight' must be " + (zero_ok ? "0" : "more than 0") + " to 50pt, not " +
                  Points(weight));
  return false;
}

std::optional<Cmyk> ReadCmyk(const YAML::Node& v, const YamlSource& src, const std::string& what,
                             Diagnostics& diags) {
  if (!v.IsSequence() || v.size() != 4) {
    diags.Error("bad-colour", src.Pos(v), what + " must be four CMYK percentages [C, M, Y, K]",
                "colours are declared in CMYK, e.g. [0, 100, 100, 0] for a masthead red");
    return std::nullopt;
  }
  double values[4];
  for (int i = 0; i < 4; ++i) {
    const YAML::Node& n = v[i];
    std::string s = n.IsScalar() ? n.Scalar() : "";
    const std::optional<double> value = ParseDecimal(s);
    values[i] = value.value_or(-1);
    if (!value || !(values[i] >= 0 && values[i] <= 100)) {
      diags.Error("bad-colour", src.Pos(n),
                  what + ": each CMYK value is a percentage from 0 to 100, not '" + s + "'");
      return std::nullopt;
    }
  }
  return Cmyk{values[0], values[1], values[2], values[3], {}};
}

std::optional<std::pair<double, double>> ReadPoint(const YAML::Node& v, const YamlSource& src,
                                                   const std::string& what, Diagnostics& diags) {
  if (!v.IsSequence() || v.size() != 2) {
    diags.Error("wrong-type", src.Pos(v), what + " must be a pair of lengths [x, y]");
    return std::nullopt;
  }
  auto x = ReadLength(v[0], src, what, 0, diags);
  auto y = ReadLength(v[1], src, what, 0, diags);
  if (!x || !y) return std::nullopt;
  return std::make_pair(*x, *y);
}

std::optional<Cmyk> LookupColour(const Paper& paper, const YAML::Node& v, const YamlSource& src,
                                 const std::string& what, Diagnostics& diags) {
  if (!v.IsScalar()) {
    diags.Error("wrong-type", src.Pos(v), what + " must name a declared colour");
    return std::nullopt;
  }
  auto it = paper.colours.find(v.Scalar());
  if (it == paper.colours.end()) {
    std::string hint = SuggestOrList(v.Scalar(), KeysOf(paper.colours), "declared colours:");
    diags.Error("unknown-colour", src.Pos(v),
                what + ": colour '" + v.Scalar() + "' is not declared in paper.yaml", hint);
    return std::nullopt;
  }
  return it->second;
}

// A fill (底纹, a box's or a slot's): a declared colour (`blue`), a CMYK tint
// (`[0, 0, 0, 10]`) or a percentage of a declared colour (`blue 20%`: every ink of blue at
// a fifth). `what` names the key for messages ("slot 'note' 'fill'").
std::optional<Cmyk> ReadFill(const YAML::Node& v, const Paper& paper, const YamlSource& src,
                             const std::string& what, Diagnostics& diags) {
  if (v.IsSequence()) {
    std::optional<Cmyk> c = ReadCmyk(v, src, what, diags);
    if (c) c->name = "";
    return c;
  }
  if (!v.IsScalar() || v.Scalar().empty()) {
    diags.Error("wrong-type", src.Pos(v),
                what + " must be a declared colour, a colour and a percentage or [C, M, Y, K]",
                "e.g. fill: blue, fill: blue 20% or fill: [0, 0, 0, 10]");
    return std::nullopt;
  }
  const std::string text = v.Scalar();
  const size_t space = text.find_last_of(' ');
  if (space == std::string::npos) return LookupColour(paper, v, src, what, diags);
  std::string name = text.substr(0, space), share = text.substr(space + 1);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  const bool percent = !share.empty() && share.back() == '%';
  const std::optional<double> value =
      percent ? ParseDecimal(share.substr(0, share.size() - 1)) : std::nullopt;
  if (!value || name.empty()) {
    diags.Error(
        "bad-colour", src.Pos(v),
        what + ": '" + text + "' is not a colour and a percentage such as 'blue 20%'",
        percent || name.empty() ? "" : "write the tint with '%': '" + name + " " + share + "%'");
    return std::nullopt;
  }
  if (*value < 0 || *value > 100) {
    diags.Error("bad-colour", src.Pos(v),
                what + ": the tint '" + text + "' is " + (*value < 0 ? "negative" : "over 100%") +
                    "; a tint is 0% to 100% of its colour");
    return std::nullopt;
  }
  auto it = paper.colours.find(name);
  if (it == paper.colours.end()) {
    diags.Error("unknown-colour", src.Pos(v),
                what + ": colour '" + name + "' is not declared in paper.yaml",
                SuggestOrList(name, KeysOf(paper.colours), "declared colours:"));
    return std::nullopt;
  }
  const double f = *value / 100;
  // Rounded to a hundredth of a percent: the press file writes four decimals of a fraction.
  auto scaled = [&](double ink) { return std::round(ink * f * 100) / 100; };
  const Cmyk& c = it->second;
  return Cmyk{scaled(c.c), scaled(c.m), scaled(c.y), scaled(c.k),
              name + " " + Number(*value) + "%"};
}

void ReadStyle(Paper& paper, const std::string& name, const YAML::Node& node, const YamlSource& src,
               Diagnostics& diags) {
  MapReader r(node, src, "style '" + name + "'",
              {"family", "weight", "size", "colour", "align", "letter_spacing", "leading"}, diags);
  Style s;
  s.name = name;
  s.pos = src.Pos(node);
  if (auto v = r.String("family", true)) s.family = *v;
  if (auto v = r.Choice("weight", false, {"regular", "bold"})) s.bold = *v == "bold";
  if (auto v = r.Length("size", true, paper.grid.body_size)) {
    if (*v < kMinTypeSize || *v > 400)
      diags.Error("out-of-range", src.Pos(r.Get("size")),
                  "style '" + name + "': size must be between 4pt and 400pt, not " + Points(*v),
                  *v < kMinTypeSize ? "text smaller than 4pt cannot be read in print" : "");
    else
      s.size = *v;
  }
  if (r.Has("colour")) {
    if (auto c = LookupColour(paper, r.Get("colour"), src, "style '" + name + "'", diags))
      s.colour = *c;
  } else if (paper.colours.count("black")) {
    s.colour = paper.colours.at("black");
  } else {
    s.colour = Cmyk{0, 0, 0, 100, "black"};
  }
  if (auto v = r.Choice("align", false, {"left", "center", "right"}))
    s.align = *v == "left" ? Align::kLeft : *v == "center" ? Align::kCenter : Align::kRight;
  // Relative to the size, when it is known: letters may close up by half an em at most,
  // and a leading is half the size to ten times it.
  if (auto v = r.Length("letter_spacing", false, paper.grid.body_size)) {
    if (s.size > 0 && (*v < -s.size / 2 || *v > 5 * s.size))
      diags.Error("out-of-range", src.Pos(r.Get("letter_spacing")),
                  "style '" + name + "': letter_spacing " + Points(*v) +
                      " is out of range for its size " + Points(s.size),
                  "letter spacing lies between minus half the size and five times the size");
    else
      s.letter_spacing = *v;
  }
  if (auto v = r.Length("leading", false, paper.grid.body_size)) {
    if (s.size > 0 && (*v < s.size / 2 || *v > 10 * s.size))
      diags.Error("out-of-range", src.Pos(r.Get("leading")),
                  "style '" + name + "': leading " + Points(*v) + " is out of range for its size " +
                      Points(s.size),
                  "the leading lies between half the size and ten times the size");
    else
      s.leading = *v;
  }
  paper.styles[name] = s;
}

// Reads an area: grid cells {col, cols, row, rows} or page coordinates {x, y, width, height}.
std::optional<Area> ReadArea(const YAML::Node& node, const YamlSource& src, const std::string& what,
                             const Paper& paper, bool grid_only, Diagnostics& diags) {
  Area a;
  a.pos = src.Pos(node);
  bool on_grid = node.IsMap() && (Child(node, "col").IsDefined() || Child(node, "row").IsDefined());
  if (on_grid || grid_only) {
    MapReader r(node, src, what + " area", {"col", "cols", "row", "rows"}, diags);
    if (!r.ok()) return std::nullopt;
    const Grid& g = paper.grid;
    auto col = r.Int("col", true, 1, 1000), cols = r.Int("cols", true, 1, 1000);
    auto row = r.Int("row", true, 1, 10000), rows = r.Int("rows", true, 1, 10000);
    if (!col || !cols || !row || !rows) return std::nullopt;
    if (*col + *cols - 1 > g.columns) {
      diags.Error("outside-grid", r.KeyPos("cols"),
                  what + " area reaches column " + std::to_string(*col + *cols - 1) +
                      " but the grid has " + std::to_string(g.columns) + " columns");
      return std::nullopt;
    }
    if (*row + *rows - 1 > g.lines) {
      diags.Error("outside-grid", r.KeyPos("rows"),
                  what + " area reaches grid line " + std::to_string(*row + *rows - 1) +
                      " but the page has " + std::to_string(g.lines) + " grid lines");
      return std::nullopt;
    }
    const SourcePos pos = a.pos;
    a = paper.GridArea(*col - 1, *cols, *row - 1, *rows);
    a.pos = pos;
    return a;
  }
  MapReader r(node, src, what + " area", {"x", "y", "width", "height"}, diags);
  if (!r.ok()) return std::nullopt;
  auto x = r.Length("x", true), y = r.Length("y", true);
  auto w = r.Length("width", true), h = r.Length("height", true);
  if (!x || !y || !w || !h) return std::nullopt;
  if (*w <= 0 || *h <= 0 || *x < -paper.page.bleed || *y < -paper.page.bleed ||
      *x + *w > paper.page.width + paper.page.bleed + 0.01 ||
      *y + *h > paper.page.height + paper.page.bleed + 0.01) {
    diags.Error("outside-page", a.pos, what + " area is empty or lies outside the page");
    return std::nullopt;
  }
  a.on_grid = false;
  a.x = *x, a.y = *y, a.width = *w, a.height = *h;
  return a;
}

// Reads a slot's area: columns on the grid, its top a grid line (`row`) or `below` other
// slots or regions, its height `rows: N`, `rows: fit` (with optional `min_rows` and
// `max_rows`) or `rows: rest`.
std::optional<SlotGeometry> ReadSlotGeometry(const YAML::Node& node, const YamlSource& src,
                                             const std::string& what, const Paper& paper,
                                             Diagnostics& diags) {
  MapReader r(node, src, what + " area",
              {"col", "cols", "row", "rows", "below", "min_rows", "max_rows"}, diags);
  if (!r.ok()) return std::nullopt;
  const Grid& g = paper.grid;
  SlotGeometry geo;
  geo.pos = src.Pos(node);
  const size_t errors = diags.ErrorCount();
  auto col = r.Int("col", true, 1, 1000), cols = r.Int("cols", true, 1, 1000);
  if (col && cols && *col + *cols - 1 > g.columns) {
    diags.Error("outside-grid", r.KeyPos("cols"),
                what + " area reaches column " + std::to_string(*col + *cols - 1) +
                    " but the grid has " + std::to_string(g.columns) + " columns");
    return std::nullopt;
  }
  if (col) geo.col = *col - 1;
  if (cols) geo.cols = *cols;
  if (r.Has("row") && r.Has("below")) {
    diags.Error("bad-value", r.KeyPos("below"),
                what + " area gives both 'row' and 'below'; its top is one or the other");
    return std::nullopt;
  }
  if (r.Has("below")) {
    YAML::Node b = r.Get("below");
    geo.below_pos = src.Pos(b);
    if (b.IsScalar()) {
      geo.below.push_back(b.Scalar());
    } else if (b.IsSequence() && b.size() > 0) {
      for (size_t i = 0; i < b.size(); ++i) {
        if (!b[i].IsScalar()) {
          diags.Error("wrong-type", src.Pos(b[i]), what + ": 'below' lists slot or region names");
          return std::nullopt;
        }
        geo.below.push_back(b[i].Scalar());
      }
    } else {
      diags.Error("wrong-type", src.Pos(b),
                  what + ": 'below' must name a slot or region, or list several");
      return std::nullopt;
    }
  } else if (auto row = r.Int("row", true, 1, 10000)) {
    if (*row > g.lines) {
      diags.Error("outside-grid", r.KeyPos("row"),
                  what + " area starts on grid line " + std::to_string(*row) +
                      " but the page has " + std::to_string(g.lines) + " grid lines");
      return std::nullopt;
    }
    geo.row = *row - 1;
  }
  YAML::Node rows = r.Get("rows");
  if (!rows.IsDefined()) {
    r.ReportMissing("rows");
  } else if (rows.IsScalar() && (rows.Scalar() == "fit" || rows.Scalar() == "rest")) {
    geo.rows_mode = rows.Scalar() == "fit" ? RowsMode::kFit : RowsMode::kRest;
  } else if (RowsWordError(rows, src, what, diags)) {
    return std::nullopt;
  } else if (auto n = r.Int("rows", true, 1, 10000)) {
    geo.rows = *n;
    if (geo.below.empty() && geo.row + geo.rows > g.lines) {
      diags.Error("outside-grid", r.KeyPos("rows"),
                  what + " area reaches grid line " + std::to_string(geo.row + geo.rows) +
                      " but the page has " + std::to_string(g.lines) + " grid lines");
      return std::nullopt;
    }
  }
  for (const char* key : {"min_rows", "max_rows"}) {
    if (!r.Has(key)) continue;
    if (geo.rows_mode != RowsMode::kFit) {
      diags.Error("bad-value", r.KeyPos(key), what + ": '" + key + "' goes with 'rows: fit'",
                  "a slot sized by its article takes rows: fit, min_rows and max_rows");
      continue;
    }
    if (auto v = r.Int(key, true, 1, 10000)) {
      (key[1] == 'i' ? geo.min_rows : geo.max_rows) = *v;
      if (key[1] == 'i' && *v > g.lines)
        diags.Error("outside-grid", r.KeyPos(key),
                    what + ": min_rows " + std::to_string(*v) + " is more than the page's " +
                        std::to_string(g.lines) + " grid lines");
    }
  }
  if (geo.min_rows && geo.max_rows && geo.min_rows > geo.max_rows)
    diags.Error("bad-value", r.KeyPos("max_rows"),
                what + ": max_rows " + std::to_string(geo.max_rows) + " is less than min_rows " +
                    std::to_string(geo.min_rows));
  if (diags.ErrorCount() > errors) return std::nullopt;
  return geo;
}

// Whether a style name used by a template is declared; reports it when not.
// An ad slot's label is printed on one line at the slot's top: a line feed, carriage return
// or tab in it is an error at the label (other control characters are the YAML reader's).
void CheckAdLabel(const std::string& label, const SourcePos& pos, const std::string& what,
                  Diagnostics& diags) {
  for (char c : label) {
    if (c != '\n' && c != '\r' && c != '\t') continue;
    diags.Error("control-character", pos,
                what + ": 'label' holds a " +
                    (c == '\n'   ? "line feed (U+000A)"
                     : c == '\r' ? "carriage return (U+000D)"
                                 : "tab (U+0009)") +
                    ", but a label is one line of text",
                "write the label on one line");
    return;
  }
}

bool CheckStyleName(const Paper& paper, const YAML::Node& v, const YamlSource& src,
                    const std::string& what, Diagnostics& diags) {
  if (paper.FindStyle(v.Scalar())) return true;
  diags.Error("unknown-style", src.Pos(v),
              what + ": style '" + v.Scalar() + "' is not declared in paper.yaml",
              DidYouMean(v.Scalar(), KeysOf(paper.styles)));
  return false;
}

// A text item's `tabs:`, a list of stops in increasing position, each a length (a left
// stop) or {at, align: left|right|center, leader: "·"}.
std::optional<std::vector<TabStop>> ReadTabStops(const YAML::Node& node, const YamlSource& src,
                                                 const std::string& what, Diagnostics& diags) {
  if (!node.IsSequence()) {
    diags.Error(
        "wrong-type", src.Pos(node),
        what + ": 'tabs' is a list of stops, e.g. [{at: 90mm, align: right, leader: \"·\"}]");
    return std::nullopt;
  }
  std::vector<TabStop> stops;
  for (const YAML::Node& n : node) {
    TabStop stop;
    stop.pos = src.Pos(n);
    if (n.IsScalar()) {
      auto v = ReadLength(n, src, what + " tab stop", 0, diags);
      if (!v) return std::nullopt;
      stop.position = *v;
    } else {
      MapReader r(n, src, what + " tab stop", {"at", "align", "leader"}, diags);
      if (!r.ok()) return std::nullopt;
      auto at = r.Length("at", true);
      if (!at) return std::nullopt;
      stop.position = *at;
      if (auto v = r.Choice("align", false, {"left", "right", "center"}))
        stop.align = *v == "right"    ? TabStop::Align::kRight
                     : *v == "center" ? TabStop::Align::kCenter
                                      : TabStop::Align::kLeft;
      else if (r.Has("align"))
        return std::nullopt;
      if (auto v = r.String("leader", false)) {
        if (v->empty() || v->find_first_of("\t\n") != std::string::npos || v->size() > 12) {
          diags.Error("out-of-range", src.Pos(r.Get("leader")),
                      what + " tab stop: a leader is one mark or a few, e.g. \"·\" or \"…\"");
          return std::nullopt;
        }
        stop.leader = *v;
      } else if (r.Has("leader")) {
        return std::nullopt;
      }
    }
    if (stop.position < 0) {
      diags.Error("out-of-range", stop.pos, what + ": a tab stop cannot be left of the item");
      return std::nullopt;
    }
    if (!stops.empty() && stop.position <= stops.back().position) {
      diags.Error(
          "tab-order", stop.pos,
          what + ": tab stops go from left to right; this one is not right of the one before",
          "list the stops in order of position");
      return std::nullopt;
    }
    stops.push_back(stop);
  }
  return stops;
}

// A slot's fill, padding and headline bar (docs/formats.md, "Shaded and reversed modules").
void ReadSlotShading(MapReader& sr, Slot& s, const YamlSource& src, const std::string& what,
                     const Paper& paper, Diagnostics& diags) {
  if (sr.Has("fill")) s.fill = ReadFill(sr.Get("fill"), paper, src, what + " 'fill'", diags);
  if (auto v = sr.Length("padding", false, paper.grid.body_size)) {
    const double most = 20 * kPointsPerMm;
    char mm[32];
    std::snprintf(mm, sizeof mm, "%gmm", std::round(*v / kPointsPerMm * 100) / 100);
    if (*v < 0 || *v > most + 1e-9) {
      diags.Error("out-of-range", src.Pos(sr.Get("padding")),
                  what + ": 'padding' must be 0 to 20mm, not " + mm);
    } else if (!sr.Has("fill") && !(sr.Has("boxed") && s.boxed)) {
      diags.Error("bad-value", sr.KeyPos("padding"),
                  what +
                      ": 'padding' insets the text from a fill or a frame, and the slot has "
                      "neither",
                  "give the slot 'fill: …' or 'boxed: true'");
    } else {
      const PaddingInset inset = InsetFor(*v, paper.grid, s.boxed ? paper.grid.gutter / 2 : 0);
      const int left = paper.grid.characters - inset.measure_loss;
      if (left < 4)
        diags.Error(
            "out-of-range", src.Pos(sr.Get("padding")),
            what + ": padding " + mm + " leaves columns of " + std::to_string(left) + " characters",
            "the measure loses whole characters, half at each side: a column keeps at least 4");
      else
        s.padding = *v;
    }
  }
  if (sr.Has("headline_bar")) {
    MapReader br(sr.Get("headline_bar"), src, what + " headline_bar", {"fill", "style", "text"},
                 diags);
    if (!br.ok()) return;
    HeadlineBar bar;
    bar.pos = br.Pos();
    std::optional<Cmyk> fill;
    if (!br.Has("fill"))
      br.ReportMissing("fill");
    else
      fill = ReadFill(br.Get("fill"), paper, src, what + " headline_bar 'fill'", diags);
    auto style = br.String("style", true);
    if (style && !CheckStyleName(paper, br.Get("style"), src, what + " headline_bar", diags))
      style.reset();
    if (auto t = br.String("text", false)) bar.text = *t;
    if (br.Has("text") && bar.text.empty())
      diags.Error("bad-value", br.KeyPos("text"), what + " headline_bar: 'text' is empty",
                  "leave 'text' out to set each article's headline on the bar");
    // The bar's title is one line as written: no tabs or breaks, no placeholders.
    if (std::any_of(bar.text.begin(), bar.text.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
      diags.Error("bad-value", src.Pos(br.Get("text")),
                  what +
                      " headline_bar: 'text' holds a tab, a line break or another control "
                      "character",
                  "a bar's title is one line of text, set as written");
    else if (bar.text.find('{') != std::string::npos &&
             bar.text.find('}', bar.text.find('{')) != std::string::npos)
      diags.Error("bad-value", src.Pos(br.Get("text")),
                  what +
                      " headline_bar: 'text' holds a placeholder ({…}), which a bar does not "
                      "fill in",
                  "write the title as it should print, e.g. text: 简讯");
    if (!fill || !style) return;
    bar.fill = *fill;
    bar.style = *style;
    s.headline_bar = bar;
  }
}

// An image item's box must lie on the page (its bleed included) and be no larger than it:
// art off the page would never print, and art larger than the page is a typing slip (and
// would be drawn at a size no press needs).
void CheckImageOnPage(const RegionItem& it, const Area& area, const Paper& paper,
                      const std::string& what, Diagnostics& diags) {
  const PageGeometry& g = paper.page;
  auto mm = [](double pt) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", std::round(pt / kPointsPerMm * 10) / 10);
    return std::string(buf);
  };
  const double x = area.x + it.x, y = area.y + it.y;
  if (it.box_w > g.width + 2 * g.bleed + 0.01 || it.box_h > g.height + 2 * g.bleed + 0.01) {
    diags.Error("out-of-range", it.pos,
                what + ": image '" + it.file + "' is given a box of " + mm(it.box_w) + " × " +
                    mm(it.box_h) + " mm, larger than the page (" + mm(g.width) + " × " +
                    mm(g.height) + " mm)",
                "give 'size' the size the image is to print at");
  } else if (x >= g.width + g.bleed || y >= g.height + g.bleed || x + it.box_w <= -g.bleed ||
             y + it.box_h <= -g.bleed) {
    diags.Error("out-of-range", it.pos,
                what + ": image '" + it.file + "' lies off the page: its box starts " + mm(x) +
                    " mm from the page's left edge and " + mm(y) + " mm from its top, on a page " +
                    mm(g.width) + " × " + mm(g.height) + " mm",
                "'at' is measured from the region's top-left corner");
  }
}

std::optional<RegionItem> ReadItem(const YAML::Node& node, const YamlSource& src,
                                   const std::string& what, const Paper& paper,
                                   Diagnostics& diags) {
  RegionItem it;
  it.pos = src.Pos(node);
  if (!node.IsMap()) {
    diags.Error("wrong-type", it.pos,
                what + ": an item must be a mapping (text, qr, rule, box or image)");
    return std::nullopt;
  }
  auto read_at = [&](MapReader& r) -> bool {
    if (!r.Has("at")) {
      diags.Error("missing-key", r.Pos(), what + ": the item needs 'at: [x, y]'");
      return false;
    }
    auto p = ReadPoint(r.Get("at"), src, what + " 'at'", diags);
    if (!p) return false;
    it.x = p->first, it.y = p->second;
    return true;
  };
  if (Child(node, "text").IsDefined()) {
    MapReader r(node, src, what + " text item", {"text", "style", "at", "width", "tabs"}, diags);
    it.kind = ItemKind::kText;
    if (auto v = r.String("text", true)) it.text = *v;
    if (auto v = r.String("style", true)) {
      it.style = *v;
      if (!CheckStyleName(paper, r.Get("style"), src, what, diags)) return std::nullopt;
    }
    if (auto v = r.Length("width", false)) {
      if (*v < 0) {
        diags.Error("out-of-range", src.Pos(r.Get("width")),
                    what + " text item: 'width' cannot be negative");
        return std::nullopt;
      }
      it.width = *v;
    }
    if (r.Has("tabs")) {
      auto tabs = ReadTabStops(r.Get("tabs"), src, what + " text item", diags);
      if (!tabs) return std::nullopt;
      it.tabs = std::move(*tabs);
    }
    if (!read_at(r)) return std::nullopt;
    return it;
  }
  if (Child(node, "qr").IsDefined()) {
    MapReader r(node, src, what + " qr item", {"qr", "at", "size", "colour"}, diags);
    it.kind = ItemKind::kQr;
    if (auto v = r.String("qr", true)) it.text = *v;
    if (auto v = r.Length("size", true)) it.size = *v;
    it.stroke =
        paper.colours.count("black") ? paper.colours.at("black") : Cmyk{0, 0, 0, 100, "black"};
    if (r.Has("colour"))
      if (auto c = LookupColour(paper, r.Get("colour"), src, what, diags)) it.stroke = *c;
    if (r.Has("size") && it.size <= 0) {
      diags.Error("out-of-range", src.Pos(r.Get("size")),
                  what + " qr item: 'size' must be more than 0, not " + Points(it.size),
                  "a QR code under 10mm is hard to scan");
      return std::nullopt;
    }
    if (!read_at(r) || it.size <= 0) return std::nullopt;
    return it;
  }
  if (Child(node, "rule").IsDefined()) {
    MapReader outer(node, src, what + " rule item", {"rule"}, diags);
    MapReader r(Child(node, "rule"), src, what + " rule", {"from", "to", "weight", "colour"},
                diags);
    it.kind = ItemKind::kRule;
    auto from =
        r.Has("from") ? ReadPoint(r.Get("from"), src, what + " rule 'from'", diags) : std::nullopt;
    auto to = r.Has("to") ? ReadPoint(r.Get("to"), src, what + " rule 'to'", diags) : std::nullopt;
    if (!from || !to) {
      if (!r.Has("from") || !r.Has("to"))
        diags.Error("missing-key", r.Pos(), what + ": a rule needs 'from' and 'to'");
      return std::nullopt;
    }
    it.x = from->first, it.y = from->second, it.x2 = to->first, it.y2 = to->second;
    if (auto v = r.Length("weight", false)) {
      if (!CheckWeight(r, *v, false, what + " rule", diags)) return std::nullopt;
      it.weight = *v;
    }
    it.stroke =
        paper.colours.count("black") ? paper.colours.at("black") : Cmyk{0, 0, 0, 100, "black"};
    if (r.Has("colour"))
      if (auto c = LookupColour(paper, r.Get("colour"), src, what, diags)) it.stroke = *c;
    return it;
  }
  if (Child(node, "box").IsDefined()) {
    MapReader outer(node, src, what + " box item", {"box"}, diags);
    MapReader r(Child(node, "box"), src, what + " box", {"at", "size", "fill", "stroke", "weight"},
                diags);
    it.kind = ItemKind::kBox;
    if (!read_at(r)) return std::nullopt;
    if (!r.Has("size")) {
      diags.Error("missing-key", r.Pos(), what + ": a box needs 'size: [width, height]'");
      return std::nullopt;
    }
    auto size = ReadPoint(r.Get("size"), src, what + " box 'size'", diags);
    if (!size) return std::nullopt;
    if (size->first <= 0 || size->second <= 0) {
      diags.Error("out-of-range", src.Pos(r.Get("size")),
                  what + " box: 'size' must be a width and a height of more than 0");
      return std::nullopt;
    }
    it.box_w = size->first, it.box_h = size->second;
    if (r.Has("fill")) it.fill = ReadFill(r.Get("fill"), paper, src, what + " box 'fill'", diags);
    if (r.Has("stroke")) it.stroke = LookupColour(paper, r.Get("stroke"), src, what, diags);
    if (auto v = r.Length("weight", false)) {
      if (!CheckWeight(r, *v, true, what + " box", diags)) return std::nullopt;
      it.weight = *v;
    }
    return it;
  }
  if (Child(node, "image").IsDefined()) {
    MapReader outer(node, src, what + " image item", {"image"}, diags);
    MapReader r(Child(node, "image"), src, what + " image", {"file", "page", "at", "size", "fit"},
                diags);
    if (!r.ok()) return std::nullopt;
    it.kind = ItemKind::kImage;
    if (auto v = r.String("file", true)) it.file = *v;
    if (!read_at(r)) return std::nullopt;
    if (!r.Has("size")) {
      diags.Error("missing-key", r.Pos(), what + ": an image needs 'size: [width, height]'",
                  "the image is scaled to fit this box, its proportions kept");
      return std::nullopt;
    }
    auto size = ReadPoint(r.Get("size"), src, what + " image 'size'", diags);
    if (!size) return std::nullopt;
    if (size->first <= 0 || size->second <= 0) {
      diags.Error("out-of-range", src.Pos(r.Get("size")),
                  what + " image: 'size' must be a width and a height of more than 0");
      return std::nullopt;
    }
    it.box_w = size->first, it.box_h = size->second;
    if (auto v = r.Int("page", false, 1, 100000)) it.page = *v;
    r.Choice("fit", false, {"contain"});
    it.pos = src.Pos(r.Get("file"));
    if (it.file.empty()) return std::nullopt;
    return it;
  }
  std::string first = node.begin() != node.end() && node.begin()->first.IsScalar()
                          ? node.begin()->first.Scalar()
                          : "";
  diags.Error("unknown-item", it.pos, what + ": an item is one of text, qr, rule, box or image",
              DidYouMean(first, {"text", "qr", "rule", "box", "image"}));
  return std::nullopt;
}

// The press: checks: block: the plant's limits (model/press_thresholds.h). Sizes and
// weights are lengths from 0 to 100pt (0 turns a check off); ppi from 0 to 2400, the error
// threshold no higher than the warning's.
void ReadPressThresholds(const YAML::Node& node, const YamlSource& src, PressThresholds& t,
                         Diagnostics& diags) {
  MapReader r(
      node, src, "press checks",
      {"multi_ink_text_min", "reversed_text_min", "single_ink_text_min", "single_ink_rule_min",
       "multi_ink_rule_min", "picture_ppi_warning", "picture_ppi_error"},
      diags);
  if (!r.ok()) return;
  auto length = [&](const char* key, double& out) {
    if (auto v = r.Length(key, false)) {
      if (*v < 0 || *v > 100)
        diags.Error(
            "out-of-range", src.Pos(r.Get(key)),
            std::string("press checks: '") + key + "' must be 0 to 100pt, not " + Points(*v));
      else
        out = *v;
    }
  };
  length("multi_ink_text_min", t.multi_ink_text_min);
  length("reversed_text_min", t.reversed_text_min);
  length("single_ink_text_min", t.single_ink_text_min);
  length("single_ink_rule_min", t.single_ink_rule_min);
  length("multi_ink_rule_min", t.multi_ink_rule_min);
  if (auto v = r.Number("picture_ppi_warning", false, 0, 2400)) t.picture_ppi_warning = *v;
  if (auto v = r.Number("picture_ppi_error", false, 0, 2400)) t.picture_ppi_error = *v;
  if (t.picture_ppi_error > t.picture_ppi_warning)
    diags.Error("out-of-range", r.Pos(),
                "press checks: 'picture_ppi_error' (" + Number(t.picture_ppi_error) +
                    ") is above 'picture_ppi_warning' (" + Number(t.picture_ppi_warning) + ")",
                "a picture under the error threshold is also under the warning's: make the "
                "error threshold the lower");
}

}  // namespace

std::optional<Paper> ParsePaper(const std::string& file, const std::string& text,
                                Diagnostics& diags) {
  YamlSource src{file, text, 0};
  auto root = ParseYaml(src, diags);
  if (!root) return std::nullopt;
  size_t errors_before = diags.ErrorCount();
  Paper paper;
  paper.pos = {file, 1, 1};
  MapReader r(*root, src, "paper.yaml",
              {"name", "page", "grid", "typesetting", "press", "colours", "styles", "auto_layout"},
              diags);
  if (!r.ok()) return std::nullopt;
  if (auto v = r.String("name", true)) paper.name = *v;

  // The grid first: `ch` lengths elsewhere are characters of its body size.
  if (!r.Has("grid")) {
    r.ReportMissing("grid");
    return std::nullopt;
  }
  MapReader g(r.Get("grid"), src, "the grid",
              {"columns", "characters", "gutter", "body_size", "line_pitch"}, diags);
  Grid& grid = paper.grid;
  if (auto v = g.Length("body_size", true)) {
    if (*v < 4 || *v > 72)
      diags.Error("out-of-range", g.KeyPos("body_size"),
                  "the grid's body_size must be between 4pt and 72pt");
    else
      grid.body_size = *v;
  }
  if (auto v = g.Int("columns", true, 1, 40)) grid.columns = *v;
  if (auto v = g.Int("characters", true, 2, 200)) grid.characters = *v;
  if (auto v = g.Length("gutter", true, grid.body_size)) {
    if (*v < 0)
      diags.Error("out-of-range", g.KeyPos("gutter"), "the grid's gutter cannot be negative");
    else
      grid.gutter = *v;
  }
  if (auto v = g.Length("line_pitch", true, grid.body_size)) {
    if (*v < grid.body_size)
      diags.Error("out-of-range", g.KeyPos("line_pitch"),
                  "the grid's line_pitch must be at least the body size", "lines would overlap");
    else
      grid.line_pitch = *v;
  }

  if (!r.Has("page")) {
    r.ReportMissing("page");
    return std::nullopt;
  }
  MapReader p(r.Get("page"), src, "the page", {"width", "height", "bleed", "margins"}, diags);
  PageGeometry& page = paper.page;
  auto positive = [&](MapReader& m, const char* key, double& out, double max) {
    if (auto v = m.Length(key, true, grid.body_size)) {
      if (*v <= 0 || *v > max)
        diags.Error("out-of-range", m.KeyPos(key),
                    std::string("the page ") + key + " must be greater than 0 and at most " +
                        std::to_string(static_cast<int>(max / kPointsPerMm)) + "mm");
      else
        out = *v;
    }
  };
  positive(p, "width", page.width, 5000 * kPointsPerMm);
  positive(p, "height", page.height, 5000 * kPointsPerMm);
  if (auto v = p.Length("bleed", false)) {
    if (*v < 0 || *v > 30 * kPointsPerMm)
      diags.Error("out-of-range", p.KeyPos("bleed"), "the bleed must be between 0mm and 30mm");
    else
      page.bleed = *v;
  } else if (!p.Has("bleed")) {
    page.bleed = 3 * kPointsPerMm;
  }
  if (p.Has("margins")) {
    MapReader m(p.Get("margins"), src, "the margins", {"top", "bottom", "left", "right"}, diags);
    double* slots[] = {&page.margin_top, &page.margin_bottom, &page.margin_left,
                       &page.margin_right};
    const char* keys[] = {"top", "bottom", "left", "right"};
    for (int i = 0; i < 4; ++i)
      if (auto v = m.Length(keys[i], true, grid.body_size)) {
        if (*v < 0)
          diags.Error("out-of-range", m.KeyPos(keys[i]),
                      std::string("the ") + keys[i] + " margin cannot be negative");
        else
          *slots[i] = *v;
      }
  } else {
    p.ReportMissing("margins");
  }
  if (diags.ErrorCount() > errors_before) return std::nullopt;

  double room_w = page.width - page.margin_left - page.margin_right;
  double room_h = page.height - page.margin_top - page.margin_bottom;
  if (grid.area_width() > room_w + 0.01) {
    char buf[200];
    std::snprintf(
        buf, sizeof buf,
        "the grid is %.1fmm wide (%d columns of %d characters at %.2gpt) but the page has "
        "%.1fmm between its margins",
        grid.area_width() / kPointsPerMm, grid.columns, grid.characters, grid.body_size,
        room_w / kPointsPerMm);
    diags.Error("grid-too-wide", g.Pos(), buf,
                "use fewer columns or characters, or smaller margins");
    return std::nullopt;
  }
  grid.lines = static_cast<int>(std::floor(room_h / grid.line_pitch + 1e-6));
  if (grid.lines < 1) {
    char buf[200];
    if (room_h <= 0)
      std::snprintf(
          buf, sizeof buf, "the page is %.1fmm high but its top and bottom margins take %.1fmm",
          page.height / kPointsPerMm, (page.margin_top + page.margin_bottom) / kPointsPerMm);
    else
      std::snprintf(
          buf, sizeof buf,
          "not one grid line (%.1fmm) fits in the %.1fmm between the top and bottom margins",
          grid.line_pitch / kPointsPerMm, room_h / kPointsPerMm);
    diags.Error("grid-too-tall", p.Pos(), buf, "make the page taller or the margins smaller");
    return std::nullopt;
  }

  if (r.Has("press")) {
    MapReader pr(r.Get("press"), src, "press",
                 {"profile", "output_condition", "output_condition_identifier", "registry_name",
                  "ink_limit", "overprint", "checks", "ads"},
                 diags);
    paper.press.pos = pr.Pos();
    if (auto v = pr.String("profile", false)) {
      // Inside the paper's folder (links followed), relative to it.
      std::string dir =
          file.find('/') == std::string::npos ? "." : file.substr(0, file.find_last_of('/'));
      paper.press.profile = dir + "/" + *v;
      const ContainedPath inside = ResolveInside(dir, *v, "the paper's folder");
      if (!inside.error.empty() && !inside.missing)
        diags.Error("outside-paper", src.Pos(pr.Get("profile")),
                    "the output profile '" + *v + "' " + inside.error,
                    "copy the plant's CMYK ICC profile into the paper's folder and name it "
                    "relative to it");
      else if (inside.missing || !FileExists(paper.press.profile))
        diags.Error("missing-file", src.Pos(pr.Get("profile")),
                    "the output profile '" + paper.press.profile + "' does not exist",
                    "name the plant's CMYK ICC profile, relative to the paper's folder");
    }
    // The plant's own profile is not the registered newsprint condition the defaults name.
    if (!paper.press.profile.empty()) {
      paper.press.output_condition_identifier = "Custom";
      paper.press.output_condition = pr.String("profile", false).value_or("");
    }
    if (auto v = pr.String("output_condition", false)) paper.press.output_condition = *v;
    if (auto v = pr.String("output_condition_identifier", false))
      paper.press.output_condition_identifier = *v;
    if (auto v = pr.String("registry_name", false)) paper.press.registry_name = *v;
    if (auto v = pr.Number("ink_limit", false, 100, 400)) paper.press.ink_limit = *v;
    if (auto v = pr.Bool("overprint", false)) paper.press.overprint = *v;
    if (pr.Has("checks")) ReadPressThresholds(pr.Get("checks"), src, paper.press.checks, diags);
    if (pr.Has("ads")) {
      MapReader ar(pr.Get("ads"), src, "press ads",
                   {"rgb", "spot", "transparency", "fonts", "ink", "output_condition"}, diags);
      AdCheckLevels& l = paper.press.ads;
      for (auto [key, level] : {std::pair<const char*, Severity*>{"rgb", &l.rgb},
                                {"spot", &l.spot},
                                {"transparency", &l.transparency},
                                {"fonts", &l.fonts},
                                {"ink", &l.ink},
                                {"output_condition", &l.output_condition}})
        if (auto v = ar.Choice(key, false, {"error", "warning"}))
          *level = *v == "error" ? Severity::kError : Severity::kWarning;
    }
  }
  if (r.Has("typesetting")) {
    MapReader t(r.Get("typesetting"), src, "typesetting",
                {"strictness", "punctuation", "hanging", "line_start_opening"}, diags);
    TypesettingRules& rules = paper.rules;
    if (auto v = t.Choice("strictness", false, {"basic", "strict"}))
      rules.strictness = *v == "basic" ? TypesettingRules::Strictness::kBasic
                                       : TypesettingRules::Strictness::kStrict;
    if (auto v = t.Choice("punctuation", false, {"full-width", "kaiming"}))
      rules.punctuation = *v == "kaiming" ? TypesettingRules::Punctuation::kKaiming
                                          : TypesettingRules::Punctuation::kFullWidth;
    if (auto v = t.Bool("hanging", false)) rules.hanging = *v;
    if (auto v = t.Choice("line_start_opening", false, {"keep", "flush"}))
      rules.line_start_opening = *v == "flush" ? TypesettingRules::LineStartOpening::kFlush
                                               : TypesettingRules::LineStartOpening::kKeep;
  }
  if (r.Has("colours")) {
    YAML::Node cs = r.Get("colours");
    if (!cs.IsMap()) {
      diags.Error("wrong-type", src.Pos(cs), "'colours' must map names to [C, M, Y, K]");
    } else {
      for (auto it = cs.begin(); it != cs.end(); ++it) {
        std::string name = it->first.Scalar();
        if (auto c = ReadCmyk(it->second, src, "colour '" + name + "'", diags)) {
          c->name = name;
          paper.colours[name] = *c;
          paper.colour_pos[name] = src.Pos(it->first);
        }
      }
    }
  }
  if (!r.Has("styles")) {
    r.ReportMissing("styles");
  } else {
    YAML::Node ss = r.Get("styles");
    if (!ss.IsMap()) {
      diags.Error("wrong-type", src.Pos(ss), "'styles' must map style names to styles");
    } else {
      for (auto it = ss.begin(); it != ss.end(); ++it)
        ReadStyle(paper, it->first.Scalar(), it->second, src, diags);
      for (const char* const* s = kRequiredStyles; *s; ++s)
        if (!paper.styles.count(*s))
          diags.Error(
              "missing-style", r.KeyPos("styles"),
              std::string("style '") + *s + "' is not declared",
              "the composer needs the styles body, body_emph, body_strong, kicker, headline, "
              "subhead, byline, section_title, crosshead, caption and tag");
    }
  }
  // The headline ladder names styles: read after them.
  if (r.Has("auto_layout")) ReadAutoLayout(r.Get("auto_layout"), src, paper, diags);
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return paper;
}

std::optional<PageTemplate> ParseTemplate(const std::string& file, const std::string& name,
                                          const std::string& text, const Paper& paper,
                                          Diagnostics& diags) {
  YamlSource src{file, text, 0};
  auto root = ParseYaml(src, diags);
  if (!root) return std::nullopt;
  size_t errors_before = diags.ErrorCount();
  PageTemplate t;
  t.name = name;
  t.file = file;
  std::set<std::string> broken;  // slots and regions with an error of their own
  MapReader r(*root, src, "template '" + name + "'", {"regions", "slots", "body"}, diags);
  if (!r.ok()) return std::nullopt;
  if (r.Has("regions")) {
    YAML::Node regions = r.Get("regions");
    if (!regions.IsMap())
      diags.Error("wrong-type", src.Pos(regions), "'regions' must map names to regions");
    for (auto it = regions.begin(); regions.IsMap() && it != regions.end(); ++it) {
      Region reg;
      reg.name = it->first.Scalar();
      reg.pos = src.Pos(it->first);
      std::string what = "region '" + reg.name + "'";
      broken.insert(reg.name);  // until it has loaded
      MapReader rr(it->second, src, what, {"area", "items"}, diags);
      if (!rr.ok()) continue;
      if (!rr.Has("area")) {
        rr.ReportMissing("area");
        continue;
      }
      auto area = ReadArea(rr.Get("area"), src, what, paper, false, diags);
      if (!area) continue;
      broken.erase(reg.name);
      reg.area = *area;
      YAML::Node items = rr.Get("items");
      if (items.IsDefined() && !items.IsSequence())
        diags.Error("wrong-type", src.Pos(items), what + ": 'items' must be a list");
      for (size_t i = 0; items.IsSequence() && i < items.size(); ++i)
        if (auto item = ReadItem(items[i], src, what, paper, diags)) {
          if (item->kind == ItemKind::kImage) CheckImageOnPage(*item, reg.area, paper, what, diags);
          reg.items.push_back(*item);
        }
      t.regions.push_back(reg);
    }
  }
  if (!r.Has("slots")) {
    if (!r.Has("body")) r.ReportMissing("slots");  // an auto template may have none
  } else {
    YAML::Node slots = r.Get("slots");
    if (!slots.IsMap())
      diags.Error("wrong-type", src.Pos(slots), "'slots' must map names to slots");
    for (auto it = slots.begin(); slots.IsMap() && it != slots.end(); ++it) {
      Slot s;
      s.name = it->first.Scalar();
      s.pos = src.Pos(it->first);
      std::string what = "slot '" + s.name + "'";
      broken.insert(s.name);  // until its area has loaded
      MapReader sr(it->second, src, what,
                   {"area",
                    "kind",
                    "headline_style",
                    "headline_align",
                    "vertical_headline",
                    "column_rules",
                    "boxed",
                    "optional",
                    "add_pages",
                    "label",
                    "label_style",
                    "ad",
                    "ad_page",
                    "scale",
                    "fill",
                    "padding",
                    "headline_bar",
                    "picture_cols",
                    "picture_above_headline",
                    "picture_trim"},
                   diags);
      if (!sr.ok()) continue;
      if (!sr.Has("area")) {
        sr.ReportMissing("area");
        continue;
      }
      auto geo = ReadSlotGeometry(sr.Get("area"), src, what, paper, diags);
      if (!geo) continue;
      broken.erase(s.name);
      s.geometry = *geo;
      // Until the page is made, a relative slot is checked where it would start with its
      // neighbours at their least: at the top of the grid, one grid line tall at least.
      SlotGeometry least = *geo;
      least.below.clear();
      if (!geo->below.empty()) least.row = 0;
      if (geo->rows_mode != RowsMode::kFixed) least.rows = std::max(1, geo->min_rows);
      s.area = paper.GridArea(least.col, least.cols, least.row, least.rows);
      s.area.pos = least.pos;
      if (auto v = sr.String("headline_style", false)) {
        CheckStyleName(paper, sr.Get("headline_style"), src, what, diags);
        s.headline_style = *v;
      }
      if (auto v = sr.Choice("headline_align", false, {"left", "center"}))
        s.headline_align = *v == "left" ? Align::kLeft : Align::kCenter;
      if (auto v = sr.Choice("kind", false, {"module", "stack", "ad", "banner"}))
        s.kind = *v == "stack"    ? SlotKind::kStack
                 : *v == "ad"     ? SlotKind::kAd
                 : *v == "banner" ? SlotKind::kBanner
                                  : SlotKind::kModule;
      for (const char* key : {"label", "label_style", "ad", "ad_page", "scale"})
        if (s.kind != SlotKind::kAd && sr.Has(key))
          diags.Error("bad-value", sr.KeyPos(key),
                      what + ": '" + key + "' goes with an ad slot (kind: ad)");
      if (s.kind == SlotKind::kAd) {
        for (const char* key :
             {"headline_style", "headline_align", "vertical_headline", "column_rules", "boxed",
              "add_pages", "fill", "padding", "headline_bar", "picture_cols",
              "picture_above_headline", "picture_trim"})
          if (sr.Has(key))
            diags.Error(
                "bad-value", sr.KeyPos(key),
                what + ": an ad slot holds an ad, not an article: '" + key + "' does not apply");
        if (s.geometry.rows_mode == RowsMode::kFit)
          diags.Error("bad-value", s.geometry.pos,
                      what + ": an ad slot takes fixed rows or 'rows: rest', not 'rows: fit'",
                      "an ad has the size it was made at; give the slot that size");
        if (auto v = sr.String("label", false)) {
          s.label = *v;
          s.label_pos = src.Pos(sr.Get("label"));
          CheckAdLabel(s.label, s.label_pos, what, diags);
        }
        if (auto v = sr.String("label_style", false)) {
          if (CheckStyleName(paper, sr.Get("label_style"), src, what, diags)) s.label_style = *v;
        }
        if (auto v = sr.Choice("scale", false, {"none", "fit"}))
          s.ad_scale = *v == "fit" ? ArtFit::kContain : ArtFit::kNone;
        if (auto v = sr.String("ad", false)) {
          AdSpec standing;
          standing.file = *v;
          standing.pos = src.Pos(sr.Get("ad"));
          if (auto page = sr.Int("ad_page", false, 1, 100000)) standing.page = *page;
          s.standing_ad = standing;
        } else if (sr.Has("ad_page")) {
          diags.Error("bad-value", sr.KeyPos("ad_page"),
                      what + ": 'ad_page' goes with a standing ad ('ad: file')");
        }
      }
      if (auto v = sr.Bool("vertical_headline", false)) s.vertical_headline = *v;
      if (auto v = sr.Bool("column_rules", false)) s.column_rules = *v;
      if (auto v = sr.Bool("boxed", false)) s.boxed = *v;
      if (auto v = sr.Bool("optional", false)) s.optional = *v;
      if (auto v = sr.Int("picture_cols", false, 1, 1000)) {
        if (*v > s.geometry.cols)
          diags.Error("out-of-range", src.Pos(sr.Get("picture_cols")),
                      what + ": picture_cols " + std::to_string(*v) + " is wider than the slot's " +
                          std::to_string(s.geometry.cols) + " columns",
                      "a picture is set at most as wide as its module");
        else
          s.picture_columns = *v;
        s.picture_span = *v;  // and the width of a picture that gives none
      }
      if (auto v = sr.Bool("picture_above_headline", false)) s.picture_above_headline = *v;
      if (auto v = sr.Int("picture_trim", false, 0, 1000)) s.picture_trim = *v;
      if (auto v = sr.String("add_pages", false)) {
        s.add_pages = *v;
        s.add_pages_pos = src.Pos(sr.Get("add_pages"));
      }
      ReadSlotShading(sr, s, src, what, paper, diags);
      if (s.kind != SlotKind::kStack && sr.Has("add_pages"))
        diags.Error("bad-value", sr.KeyPos("add_pages"),
                    what + ": only a stack slot (kind: stack) can add pages",
                    "an article module that runs over continues with {continues: id}");
      if (s.kind == SlotKind::kStack && s.geometry.rows_mode == RowsMode::kFit)
        diags.Error("bad-value", s.geometry.pos,
                    what + ": a stack slot takes fixed rows or 'rows: rest', not 'rows: fit'");
      if (s.vertical_headline && s.area.cols < 2)
        diags.Error("bad-value", sr.KeyPos("vertical_headline"),
                    what + ": a vertical headline needs a slot of at least two columns",
                    "the headline takes the slot's rightmost column");
      for (const Slot& other : t.slots) {
        if (!s.geometry.absolute() || !other.geometry.absolute()) continue;  // checked per page
        const Area &a = s.area, &b = other.area;
        bool overlap = a.col < b.col + b.cols && b.col < a.col + a.cols && a.row < b.row + b.rows &&
                       b.row < a.row + a.rows;
        if (overlap)
          diags.Error("slots-overlap", s.pos, what + " overlaps slot '" + other.name + "'",
                      "slots are rectangles of grid cells and may not share a cell");
      }
      t.slots.push_back(s);
    }
  }
  // A relative slot's neighbours must exist; furniture may not lie over a slot.
  for (const Slot& s : t.slots) {
    for (const std::string& name : s.geometry.below) {
      // A neighbour that failed to load has had its error: no second one here.
      bool known = name != s.name && (t.FindSlot(name) || broken.count(name) ||
                                      std::any_of(t.regions.begin(), t.regions.end(),
                                                  [&](const Region& r) { return r.name == name; }));
      if (!known) {
        std::vector<std::string> names;
        for (const Slot& o : t.slots)
          if (o.name != s.name) names.push_back(o.name);
        for (const Region& o : t.regions) names.push_back(o.name);
        diags.Error("unknown-slot", s.geometry.pos,
                    "slot '" + s.name + "' is below '" + name +
                        "', which is no other slot or region of template '" + t.name + "'",
                    SuggestOrList(name, names, "slots and regions:"));
      }
    }
    if (!s.geometry.absolute()) continue;
    for (const Region& reg : t.regions)
      if (reg.area.Overlaps(s.area))
        diags.Error("region-over-slot", reg.area.pos,
                    "region '" + reg.name + "' lies over slot '" + s.name +
                        "': its furniture would be printed over the text",
                    "move the region or the slot so they share no grid cell");
  }
  // The body of an auto template, against the regions and slots read above.
  if (r.Has("body")) t.body = ReadBodyArea(r.Get("body"), src, t, paper, diags);
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return t;
}

std::optional<Paper> LoadPaper(const std::string& dir, const std::string& paper_id,
                               const SourcePos& referenced_from, Diagnostics& diags) {
  std::string paper_file = JoinPath(dir, "paper.yaml");
  if (!FileExists(paper_file)) {
    // Offer the papers that do exist beside where this one was looked for.
    std::string parent =
        dir.find('/') == std::string::npos ? "." : dir.substr(0, dir.find_last_of('/'));
    std::vector<std::string> papers;
    if (DIR* d = opendir(parent.c_str())) {
      while (dirent* e = readdir(d))
        if (e->d_name[0] != '.' && FileExists(JoinPath(JoinPath(parent, e->d_name), "paper.yaml")))
          papers.push_back(e->d_name);
      closedir(d);
    }
    std::sort(papers.begin(), papers.end());
    std::string hint = SuggestOrList(paper_id, papers, "papers in " + parent + ":");
    diags.Error("unknown-paper", referenced_from,
                "paper '" + paper_id + "' has no layout: '" + paper_file + "' does not exist",
                hint);
    return std::nullopt;
  }
  auto text = ReadTextFile(paper_file, referenced_from, "layout file", diags);
  if (!text) return std::nullopt;
  auto paper = ParsePaper(paper_file, *text, diags);
  if (!paper) return std::nullopt;
  paper->id = paper_id;
  paper->dir = dir;

  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 5 && n.ends_with(".yaml") && n != "paper.yaml") names.push_back(n);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  bool ok = true;
  for (const std::string& n : names) {
    std::string file = JoinPath(dir, n);
    auto t_text = ReadTextFile(file, {file, 0, 0}, "template", diags);
    if (!t_text) {
      ok = false;
      continue;
    }
    auto t = ParseTemplate(file, n.substr(0, n.size() - 5), *t_text, *paper, diags);
    if (!t) {
      ok = false;
      continue;
    }
    paper->templates[t->name] = *t;
  }
  // Images in the furniture and standing ads: files in the paper's folder, read once.
  ArtRequest request{dir, "the paper's folder", "outside-paper", "image", 1, 0, 0};
  for (auto& [name, t] : paper->templates) {
    for (Region& region : t.regions)
      for (RegionItem& item : region.items) {
        if (item.kind != ItemKind::kImage) continue;
        request.what = "image", request.page = item.page;
        request.svg_w = item.box_w, request.svg_h = item.box_h;
        item.art = LoadSuppliedArt(request, item.file, item.pos, diags);
        if (!item.art) ok = false;
      }
    for (Slot& s : t.slots) {
      if (!s.standing_ad) continue;
      request.what = "ad", request.page = s.standing_ad->page;
      request.svg_w = request.svg_h = 0;
      s.standing_ad->art = LoadSuppliedArt(request, s.standing_ad->file, s.standing_ad->pos, diags);
      if (!s.standing_ad->art) ok = false;
    }
  }
  // The pages a stack adds must be of a template with a stack slot to carry it on.
  for (const auto& [name, t] : paper->templates)
    for (const Slot& s : t.slots) {
      if (s.add_pages.empty()) continue;
      auto added = paper->templates.find(s.add_pages);
      if (added == paper->templates.end()) {
        diags.Error("unknown-template", s.add_pages_pos,
                    "slot '" + s.name + "' adds pages of template '" + s.add_pages +
                        "', which the paper does not have",
                    SuggestOrList(s.add_pages, KeysOf(paper->templates), "templates:"));
        ok = false;
      } else if (std::none_of(added->second.slots.begin(), added->second.slots.end(),
                              [](const Slot& o) { return o.kind == SlotKind::kStack; })) {
        diags.Error("bad-value", s.add_pages_pos,
                    "slot '" + s.name + "' adds pages of template '" + s.add_pages +
                        "', which has no stack slot to carry the stack on",
                    "give that template a slot with kind: stack");
        ok = false;
      }
    }
  if (!ok) return std::nullopt;
  return paper;
}

}  // namespace banmian
