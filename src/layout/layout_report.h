// What the place stage observed while building pages, for the preflight stage.
//
// Plain records: text left over in a slot (overset), characters no font could show,
// every composed line (so preflight can re-check the break rules from outside the
// breaker), pictures with their placed size, and per-slot fill.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "layout/auto_layout.h"
#include "model/diagnostic.h"
#include "model/layout.h"
#include "text/normalize.h"

namespace banmian {

struct OversetRecord {
  int page = 0;
  std::string slot, article;
  size_t characters_left = 0;  // non-space characters not placed
  size_t lines_left = 0;
  size_t pictures_left = 0;
  int headline_rows = 0;  // set when the headline block alone is taller than the slot
  int slot_rows = 0;
  std::string text_left;  // the beginning of what was not placed
  // Set when a block fits no slot at all (e.g. a picture taller than the slot): what
  // it is and why, e.g. "picture 'pictures/a.jpg' (line 8) takes 40 grid lines; the
  // slot has 34".
  std::string blocking;
  SourcePos pos;
};

// A page banmian added because a stack slot asked for it (`add_pages`) and ran over.
struct AddedPageRecord {
  int page = 0;  // 1-based, in the finished document
  std::string label, template_name, slot, after_label;
  bool label_taken = false;  // the natural next label was the already: label is made up
};

// A character the fonts could not show as asked: none has it (kMissing), a bold style
// took it from a font without a bold face and it is emboldened (kSyntheticBold), or its
// variation selector asks for a glyph its font lacks (kNoVariant).
struct MissingGlyphRecord {
  enum class Kind { kMissing, kSyntheticBold, kNoVariant };
  Kind kind = Kind::kMissing;
  int page = 0;
  std::string where;  // article id or furniture region
  char32_t ch = 0;
  std::string cluster;  // the characters drawn together with it (e.g. 葛 and its selector)
  std::string context;
  SourcePos pos;
};

struct LineRecord {
  int page = 0;
  std::string where;  // "slot:lead" or "region:folio"
  std::string role;
  std::string text;
  bool justified = false;
  bool overfull = false;
  // Display text (a headline, a title) whose line ends inside a word because no break
  // between words fitted: the word, | at the break ("单|位"); empty otherwise.
  std::string split_word;
  // Body text (compose/line_breaker.h): the line ends inside a word too long for any line;
  // the stretch given to every gap between characters, and the letter spacing given as
  // the last resort to a line with no such gaps, in ems of the line's text; and the
  // paragraph's place in the article.
  bool cut = false;
  double gap_stretch_em = 0;
  double letter_spacing_em = 0;
  SourcePos pos = {};
};

struct PictureRecord {
  int page = 0;
  std::string article, path;
  int pixel_width = 0, pixel_height = 0;
  double placed_width = 0, placed_height = 0;  // pt
  double effective_ppi = 0;
  std::string colour_space;  // RGB, Grey or CMYK
  // The picture as drawn (ImageItem::path, when it differs from `path`: an ad's or a logo's
  // file joined to its folder), to find it on the page and in the press conversion.
  std::string image_path;
  std::string where;      // its frame ("slot:ad", "region:masthead"); "" for an article's
  int columns_asked = 0;  // {cols=N}: what the article asked for (0: nothing or all)
  int columns_set = 0;    // the columns it was set across
  SourcePos pos;
};

// Supplied art placed on a page: an ad in an ad slot, or an image in the furniture. A PDF's
// inspection (model/pdf_art.h) goes to the press checks of ads (preflight/ad_checks.h).
struct AdRecord {
  int page = 0;
  std::string where;                           // "slot:ad", "region:masthead"
  std::string path;                            // as named
  std::string what;                            // "ad" or "image"
  std::shared_ptr<const PdfArt> pdf;           // null for a JPEG, PNG or SVG
  double x = 0, y = 0, width = 0, height = 0;  // pt: where it is drawn, clipped to its box
  // Scaled to fit (`scale: fit`): the art's own size and the box's, pt, and the factor.
  bool scaled = false;
  double scale = 1, natural_width = 0, natural_height = 0, box_width = 0, box_height = 0;
  SourcePos pos;  // where it is named
};

// One article part placed in a slot (or a slot left empty), with how full it came out.
struct SlotRecord {
  int page = 0;
  std::string slot, article;
  int columns = 0, rows = 0, rows_used = 0, headline_rows = 0, lines = 0;
  int first_row = 0;  // grid lines from the slot's top (articles further down a stack)
  // Grid lines from the part's top to where its headline block (or continuation head)
  // starts: its padding's, and under a picture set above the headline (Slot::
  // picture_above_headline) the picture's with its caption; 0 otherwise.
  int headline_first_row = 0;
  int slot_rows = 0;  // the whole slot's grid lines
  // Where the part sits on the page (pt, from the page's top left), and the grid cell of
  // its top left (0-based), so findings can say where.
  double x = 0, y = 0, width = 0, height = 0;
  int grid_col = 0, grid_row = 0;
  // Per text column of the body, left to right: the grid line (counted from the part's
  // top, headline included) where the column's content ends, text or picture. Empty when
  // nothing was set. A hole is a column more than one line above the longest. In a padded
  // slot (`padding`) the grid lines of padding under the text count as the column's.
  std::vector<int> column_ends;
  // The copyfit's inputs: the lines the headline takes in its style and the size (pt) at
  // which it would take one (0: not measured), and how many pictures the article has.
  int headline_lines = 0;
  double headline_size = 0, headline_one_line_size = 0;
  int pictures = 0;
  bool picture_only = false;  // a continued part that holds its article's picture, no text
  bool empty = false;         // nothing was placed in the slot
  bool optional = false;      // the template marks the slot optional
  bool continuation = false;  // a {continues: id} slot
  bool ad = false;            // an ad slot (kind: ad), left without an ad
  bool banner = false;        // a banner slot (kind: banner), left without a headline
  bool added_page = false;    // on a page banmian added for a stack (add_pages)
  std::string ended_on;       // empty continuation: the page label where the article ended
};

struct FurnitureOverflow {
  int page = 0;
  std::string region, text;
  double overflow = 0;  // pt
  int tab_stop = 0;     // 0: wider than its box; n: ran past its n-th tab stop (1-based)
  SourcePos pos;
};

// A banner slot (kind: banner) not over the columns of its stories, as resolved on a page:
// each problem says how ("story slot 'b' (columns 4–6) reaches past the banner (columns
// 1–4)", "column 3 of the banner has no story below it", "no story slot is below it").
struct BannerRecord {
  int page = 0;
  std::string slot;
  Area area;
  std::vector<std::string> stories;  // the slots below it
  std::vector<std::string> problems;
};

// Every slot's area as resolved on every page (what `banmian check` prints).
struct ResolvedSlotRecord {
  int page = 0;
  std::string template_name, slot;
  Area area;
  RowsMode rows_mode = RowsMode::kFixed;
};
struct PageGrids {
  std::vector<ResolvedSlotRecord> slots;
  // Grid cells no slot or region covers, per page: white space where text was meant.
  std::vector<std::pair<int, Area>> uncovered;
};

// An auto page as the search laid it out (layout/auto_layout.h): its stories in rank
// order, the best layouts found (the first is the one set), and where its body area is.
struct AutoPageRecord {
  int page = 0;  // 1-based
  std::string label;
  std::vector<AutoStory> stories;     // as measured (shapes with their heights)
  std::vector<ScoredLayout> layouts;  // best first; empty: no layout was found
  int body_col = 0, body_row = 0;     // the body area's top left on the grid (0-based)
  int body_cols = 0, body_rows = 0;
  // No layout filled the body exactly: these allow cuts and holes (AutoCosts).
  bool with_cuts = false;
  long nodes = 0;        // search nodes visited
  bool complete = true;  // the search ran to its end (else its node budget ran out)
  SourcePos pos;         // of the page's `stories:`
};

struct LayoutReport {
  // Input errors only placing finds (a table wider than the module it is in), at their
  // file:line:col; the page builder hands them on as diagnostics, once each.
  std::vector<Diagnostic> errors;
  std::vector<OversetRecord> overset;
  std::vector<MissingGlyphRecord> missing_glyphs;
  std::vector<LineRecord> lines;
  std::vector<PictureRecord> pictures;
  std::vector<AdRecord> ads;
  std::vector<SlotRecord> slots;
  std::vector<FurnitureOverflow> furniture_overflow;
  std::vector<Normalization> normalizations;
  std::vector<int> inserted_pages;  // pages added to carry a stack on (1-based)
  std::vector<AddedPageRecord> added_pages;
  std::vector<BannerRecord> banners;  // banners not over their stories
  std::vector<AutoPageRecord> auto_pages;
  PageGrids grid;
};

}  // namespace banmian
