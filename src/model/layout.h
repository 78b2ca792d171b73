// The paper and its page templates, as validated values.
//
// A Paper is what every page of a newspaper shares: page size, margins, the
// character grid, declared CMYK colours and named text styles. A PageTemplate places
// furniture regions (masthead, folio, footer) and article slots on that grid. All
// lengths are in PDF points (1/72 in); all positions carry their SourcePos so later
// stages can point back at the layout file.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/colour.h"
#include "model/diagnostic.h"
#include "model/pdf_art.h"
#include "model/press_thresholds.h"

namespace banmian {

constexpr double kPointsPerMm = 72.0 / 25.4;

enum class Align { kLeft, kCenter, kRight };

// How strictly Chinese text is set (docs/chinese-rules.md §2, §5), a setting of the paper.
struct TypesettingRules {
  enum class Strictness { kBasic, kStrict };        // strict: —— and …… never start a line
  enum class Punctuation { kFullWidth, kKaiming };  // 全角式, or 开明式 (only 。？！ full width)
  Strictness strictness = Strictness::kStrict;
  Punctuation punctuation = Punctuation::kFullWidth;
  bool hanging = false;  // 、，。． may hang past the line end instead of being pushed in
  // An opening bracket or quote that starts a line (also after the indent) is always set
  // flush to the column's edge (the default: its blank half dropped, as newspapers set it
  // and as banmian always could when a line needed it) or always keeps its blank half
  // (full width, GB/T 15834); clreq §3.1.6 allows both. Either way every such line starts
  // alike: the blank is never a variable shrink.
  enum class LineStartOpening { kKeep, kFlush };
  LineStartOpening line_start_opening = LineStartOpening::kFlush;
};

struct Style {
  std::string name;
  std::string family;
  bool bold = false;
  double size = 10;  // pt
  Cmyk colour;
  Align align = Align::kLeft;
  double letter_spacing = 0;  // pt, display text only
  double leading = 0;         // pt between baselines of multi-line display text; 0 = 1.2 × size
  SourcePos pos;
};

// The character grid every page of the paper is built on.
struct Grid {
  int columns = 1;
  int characters = 10;     // characters per column
  double gutter = 0;       // pt
  double body_size = 10;   // pt: one character of the grid
  double line_pitch = 15;  // pt: baseline to baseline
  int lines = 0;           // grid lines that fit the text area (derived)

  double column_width() const { return characters * body_size; }
  double area_width() const { return columns * column_width() + (columns - 1) * gutter; }
  // x of column `col` (0-based) relative to the text area's left edge.
  double column_x(int col) const { return col * (column_width() + gutter); }
};

struct PageGeometry {
  double width = 0, height = 0, bleed = 0;  // pt
  double margin_top = 0, margin_bottom = 0, margin_left = 0, margin_right = 0;
};

// A rectangle on the page, either given on the grid (cells) or in page coordinates.
struct Area {
  bool on_grid = true;
  int col = 0, cols = 1, row = 0, rows = 1;    // 0-based when on_grid
  double x = 0, y = 0, width = 0, height = 0;  // pt, page coordinates (resolved for both forms)
  SourcePos pos;

  // Whether the two share more than their edges (within 0.5 pt): a folio rule touching a
  // slot's top is not an overlap.
  bool Overlaps(const Area& o) const {
    const double eps = 0.5;
    return x < o.x + o.width - eps && o.x < x + width - eps && y < o.y + o.height - eps &&
           o.y < y + height - eps;
  }
};

enum class ItemKind { kText, kQr, kRule, kBox, kImage };

// A supplied file as the loader read it: a PDF page (placed as it is) or a JPEG or PNG
// picture (an SVG is rasterised to a PNG when loaded, load/supplied_art.h). Shared by every
// page that shows it.
struct SuppliedArt {
  std::shared_ptr<const PdfArt> pdf;          // a PDF page, or
  std::shared_ptr<const std::string> raster;  // a JPEG's or PNG's bytes
  std::string path;                           // as named (relative to its folder)
  std::string file;                           // joined to its folder: names it uniquely
  int pixel_width = 0, pixel_height = 0;      // raster only
  bool transparency = false;                  // raster only: some pixels see through
  std::string source_format;                  // "PDF", "JPEG", "PNG" or "SVG"
  std::string colour_space;                   // raster: "RGB", "Grey" or "CMYK" (the file's)
};

// How supplied art fills the box it is given.
enum class ArtFit {
  kNone,     // as it is: an ad more than 1 mm off its slot is an error
  kContain,  // scaled, proportions kept, as large as fits, centred
};

// A tab stop of a furniture text item: the text after the n-th tab (\t) of a line is set
// against the n-th stop, its left edge, right edge or centre at `position` (pt from the
// item's left edge). A leader (e.g. "·" or "…") fills the gap before it, its marks on
// multiples of their own advance from the item's left edge, so the marks of index lines
// (导读) stand in columns.
struct TabStop {
  enum class Align { kLeft, kRight, kCenter };
  double position = 0;  // pt from the item's left edge
  Align align = Align::kLeft;
  std::string leader;  // "" for none
  SourcePos pos;
};

// One piece of furniture inside a region. Offsets are relative to the region's area.
struct RegionItem {
  ItemKind kind = ItemKind::kText;
  std::string text;             // kText: may hold {placeholders} and several lines; kQr: data
  std::string style;            // kText
  double x = 0, y = 0;          // offset of the item's top-left inside the area
  double width = 0;             // kText: box width for alignment (0 = area width - x)
  double size = 0;              // kQr: side length
  double x2 = 0, y2 = 0;        // kRule: end point
  double weight = 0.5;          // kRule: line weight; kBox: stroke weight
  double box_w = 0, box_h = 0;  // kBox
  std::optional<Cmyk> fill;     // kBox
  std::optional<Cmyk> stroke;   // kBox, kRule (rule colour)
  std::vector<TabStop> tabs;    // kText: in order of position
  // kImage: the file (relative to the paper's folder) in the box (x, y, box_w, box_h),
  // scaled to fit it, proportions kept, centred.
  std::string file;
  int page = 1;                            // a PDF's page, from 1
  std::shared_ptr<const SuppliedArt> art;  // loaded by LoadPaper
  SourcePos pos;
};

struct Region {
  std::string name;
  Area area;
  std::vector<RegionItem> items;
  SourcePos pos;
};

// kAd: a supplied ad (AdSpec) in place of an article.
// kBanner: a banner headline (通栏标题) across the slots of the stories under it
// (`below: <banner>`), filled by the issue with {banner: "…"}; it holds no body text.
enum class SlotKind { kModule, kStack, kAd, kBanner };

// A reversed headline bar (反白): a bar in `fill` behind the headline block, on whole grid
// lines, the headline set in `style` (white or light type). With `text`, the bar is the
// slot's own title (栏题, e.g. 简讯) across its top, and the articles start under it.
struct HeadlineBar {
  Cmyk fill;
  std::string style;
  std::string text;
  SourcePos pos;
};

// An ad given to an ad slot (by the issue for a page, or by the template as a standing
// ad): a PDF (its page `page`, from 1) or a JPEG or PNG.
struct AdSpec {
  std::string file;  // relative to the folder (the template's: the paper's)
  int page = 1;
  std::optional<ArtFit> scale;             // unset: the slot's
  std::shared_ptr<const SuppliedArt> art;  // loaded with the issue (or the paper)
  SourcePos pos;                           // of the `ad:` value, where the ad is named
};

// How strictly the press checks of supplied ads (preflight/ad_checks.h) are reported:
// each kind of problem an error or a warning (`press: ads:` in paper.yaml).
struct AdCheckLevels {
  Severity rgb = Severity::kError;
  Severity spot = Severity::kWarning;
  Severity transparency = Severity::kError;
  Severity fonts = Severity::kError;
  Severity ink = Severity::kError;
  Severity output_condition = Severity::kWarning;
};

// How a slot's height is given (docs/formats.md, "Slots that follow their content").
enum class RowsMode {
  kFixed,  // `rows: N` grid lines
  kFit,    // `rows: fit`: as many whole grid lines as its article needs, within min and max
  kRest,   // `rows: rest`: down to the next slot or region below it, or the foot of the grid
};

// Where a slot sits on the grid, as the template (or an issue's override) gives it.
// Columns are always absolute; the top is a grid line or "below" other slots or
// regions, and the height fixed, fitted to the article or the rest of the space.
// Grid numbers here are 0-based (the files count from 1).
struct SlotGeometry {
  int col = 0, cols = 1;
  int row = 0;                     // the first grid line, when `below` is empty
  std::vector<std::string> below;  // start on the grid line after the lowest of these
  RowsMode rows_mode = RowsMode::kFixed;
  int rows = 1;         // kFixed
  int min_rows = 0;     // kFit: never fewer (0: the headline and two lines)
  int max_rows = 0;     // kFit: never more (0: as far as the page allows)
  SourcePos pos;        // of the area (or the override) that said this
  SourcePos below_pos;  // of the area or override that gave `below`

  // Absolute: the area is known without composing anything.
  bool absolute() const { return below.empty() && rows_mode == RowsMode::kFixed; }
};

struct Slot {
  std::string name;
  SlotGeometry geometry;  // as written; relative slots are resolved page by page
  // Always on the grid. For an absolute slot, its area; for a relative one, the area
  // it would have with every fitted slot at its minimum (what the loader can check).
  Area area;
  SlotKind kind = SlotKind::kModule;  // stack: articles stacked full width, carried onto new pages
  std::string headline_style = "headline";
  Align headline_align = Align::kCenter;
  bool vertical_headline = false;  // 竖排: the headline down the module's right edge
  bool column_rules = false;       // thin rules in the gutters between the module's columns
  bool boxed = false;              // a frame around the module
  bool optional = false;           // may be left empty without an error
  // The widest a picture of the module's article is set, in columns (0: the module's
  // width); a picture's own {cols=N} is kept when narrower. Auto layout sets it.
  int picture_columns = 0;
  // The article's first picture, when it spans the module at its top, set above the
  // headline block (题在图下): a module beside another that starts on the same grid line
  // then has no headline level with the other's (no tombstone).
  bool picture_above_headline = false;
  // Grid lines the module's first picture (across or beside the text) is cropped shorter
  // than its own proportions give, within the fifth of its height placing may crop (0:
  // none). Auto layout sets it to make a module fit the height it chose.
  int picture_trim = 0;
  // The width, in columns, of a picture whose Markdown gives no width or place (0: one
  // column in the text, as anywhere else); across the module at its top when as wide as
  // the module, else at its top right. Auto layout sets it.
  int picture_span = 0;
  // 底纹: a tint under the whole slot area, painted before the module's text and pictures.
  std::optional<Cmyk> fill;
  // pt: the text inset from the fill's (or frame's) edge; see PaddingInset.
  double padding = 0;
  std::optional<HeadlineBar> headline_bar;
  // Stack slots: the template of the pages added when the stack runs over
  // (`add_pages: T`); empty: text that does not fit is overset.
  std::string add_pages;
  SourcePos add_pages_pos;
  // Ad slots: a label (广告) in its style at the slot's top, the ad in the rest below it;
  // the ad's scaling; a standing ad the issue may replace.
  std::string label, label_style = "caption";
  SourcePos label_pos;  // where `label` is written
  ArtFit ad_scale = ArtFit::kNone;
  std::optional<AdSpec> standing_ad;
  SourcePos pos;
};

// How a slot's `padding` is kept on the grids: every column's measure loses
// `measure_loss` whole characters, half at each side (so a line of the module is still a
// whole number of characters), and the module's text starts `rows` grid lines below the
// slot's top and ends as many above its foot (so baselines stay on the baseline grid).
// Both are the least whole numbers that clear `padding` from the fill's edge to the
// text's em box. (The top's grid lines are left out where the module opens with its
// headline block and the block's own air clears the padding: layout/module.cc.)
struct PaddingInset {
  int measure_loss = 0;  // characters per column, half at each side
  int rows = 0;          // at the top and at the foot
  double side() const;   // pt at each side of a column, for a body size given to InsetFor
  double body_size = 0;
};
// `side_air`: what already lies between the fill's side and the columns (pt): half a gutter
// in a boxed slot, whose fill covers its frame's rectangle; 0 otherwise.
PaddingInset InsetFor(double padding, const Grid& grid, double side_air = 0);

// A slot's padding kept on the grids (InsetFor), its fill's edge half a gutter out when boxed.
PaddingInset SlotInset(const Slot& slot, const Grid& grid);

// The body area of an auto template (`body:`): the rectangle of the grid an auto page's
// stories are laid out in by banmian (layout/auto_layout.h), as modules it shapes and
// places itself. Grid numbers are 0-based; `rest` runs to the first region below it in
// its columns, or the grid's foot.
struct BodyArea {
  int col = 0, cols = 1, row = 0;
  int rows = 0;       // grid lines; resolved when `rest`
  bool rest = false;  // `rows: rest`
  SourcePos pos;
};

struct PageTemplate {
  std::string name;
  std::string file;
  std::vector<Region> regions;
  std::vector<Slot> slots;
  std::optional<BodyArea> body;  // an auto template: its stories are laid out by banmian

  const Slot* FindSlot(const std::string& name) const;
};

// What the printing plant needs: its printing condition (ICC profile, named in the press
// file's OutputIntent by an identifier from a registry of characterisations), the ink limit
// and whether black overprints.
struct PressSettings {
  // The plant's CMYK ICC profile; "" for the built-in newsprint profile built from the
  // registered characterisation data CGATS TR 002 (render/output_profile.h).
  std::string profile;
  std::string output_condition = "Newsprint (CGATS TR 002, SNAP)";
  // The OutputIntent's OutputConditionIdentifier and RegistryName (ISO 15930: a registered
  // characterisation's name, or "Custom" for a profile the registry does not hold; a paper
  // that names its own profile and no identifier gets "Custom").
  std::string output_condition_identifier = "CGATS TR 002";
  std::string registry_name = "http://www.color.org";
  double ink_limit = 240;  // total ink, percent (GWG newspaper; ISO 12647-3 says 220)
  bool overprint = true;   // text and rules in 100 % K alone overprint what is under them
  PressThresholds checks;  // what preflight holds the pages to (press_thresholds.h)
  AdCheckLevels ads;       // how supplied ads' problems are reported
  SourcePos pos;
};

// A rung of the paper's headline ladder (`auto_layout: headlines:`): the style an auto
// page's module headline is set in. The ladder runs from the largest rung down; a module
// takes the first rung its story's rank and its width allow, and a smaller one only when
// that makes the page fit (the least change).
struct HeadlineRung {
  std::string style;
  int max_rank = 0;  // only stories of this rank or higher (1: the lead); 0: any
  int min_cols = 0;  // only modules at least this many columns wide; 0: any
  SourcePos pos;
};

// What a paper allows automatic layout (docs/auto-layout.md).
struct AutoLayoutRules {
  std::vector<HeadlineRung> headlines;  // empty: every module in the style `headline`
  SourcePos pos;
};

struct Paper {
  std::string id;    // folder name under layouts/
  std::string name;  // as printed
  std::string dir;   // the paper's folder
  PageGeometry page;
  Grid grid;
  std::map<std::string, Cmyk> colours;
  std::map<std::string, SourcePos> colour_pos;  // where each colour is declared
  std::map<std::string, Style> styles;
  std::map<std::string, PageTemplate> templates;
  TypesettingRules rules;
  PressSettings press;
  AutoLayoutRules auto_layout;
  SourcePos pos;

  // The text area's top-left corner in page coordinates.
  double area_left() const { return page.margin_left; }
  double area_top() const { return page.margin_top; }
  const Style* FindStyle(const std::string& name) const;

  // The area of grid cells: `cols` columns from column `col`, `rows` grid lines from line
  // `row` (all 0-based), with its page coordinates.
  Area GridArea(int col, int cols, int row, int rows) const {
    Area a;
    a.on_grid = true;
    a.col = col, a.cols = cols, a.row = row, a.rows = rows;
    a.x = area_left() + grid.column_x(col);
    a.y = area_top() + row * grid.line_pitch;
    a.width = grid.column_x(col + cols - 1) + grid.column_width() - grid.column_x(col);
    a.height = rows * grid.line_pitch;
    return a;
  }
};

}  // namespace banmian
