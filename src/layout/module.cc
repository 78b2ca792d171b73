#include "layout/module.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "compose/display_breaker.h"
#include "compose/line_breaker.h"
#include "layout/flow_region.h"
#include "layout/line_items.h"
#include "layout/table_setter.h"
#include "model/utf8.h"
#include "text/script.h"
#include "text/shaper.h"
#include "text/vertical_text.h"

namespace banmian {

namespace {

// Column rules: a thin rule in each gutter, as thin as newsprint holds in one ink (the
// press checks' default single_ink_rule_min, model/press_thresholds.h).
constexpr double kColumnRuleWeight = 0.5;  // pt

size_t CountVisible(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) n += !IsSpace(Utf8Next(s, i));
  return n;
}

void Shift(std::vector<Item>& items, double dx, double dy) {
  for (Item& item : items) {
    std::visit(
        [&](auto& it) {
          using T = std::decay_t<decltype(it)>;
          if constexpr (std::is_same_v<T, GlyphRun>) {
            for (PositionedGlyph& g : it.glyphs) g.x += dx, g.y += dy;
          } else if constexpr (std::is_same_v<T, RuleItem>) {
            it.x1 += dx, it.x2 += dx, it.y1 += dy, it.y2 += dy;
          } else {
            it.x += dx, it.y += dy;
          }
        },
        item);
  }
}

// What every part of the module code needs: the paper, its grid and styles, the fonts.
struct Context {
  const Paper& paper;
  FontSet& fonts;
  // The paper's grid, or in a padded module the grid its text is set on: every column
  // `measure_loss` characters narrower, the gutters as much wider, so the columns keep
  // their places on the page (model/layout.h PaddingInset).
  Grid grid_;

  Context(const Paper& p, FontSet& f, int measure_loss = 0) : paper(p), fonts(f), grid_(p.grid) {
    grid_.characters -= measure_loss;
    grid_.gutter += measure_loss * grid_.body_size;
  }

  const Grid& grid() const { return grid_; }
  const Style& StyleOf(const std::string& name) const { return *paper.FindStyle(name); }
  // An optional style, or the one it falls back to.
  const Style& StyleOr(const std::string& name, const std::string& fallback) const {
    const Style* s = paper.FindStyle(name);
    return s ? *s : StyleOf(fallback);
  }
  // The baseline of grid line `row` counted from a block's top: every line of text in
  // the columns sits on one of these, so neighbouring columns line up (docs/chinese-rules.md §1).
  double GridBaseline(int row) const {
    const Grid& g = grid();
    return row * g.line_pitch + (g.line_pitch - g.body_size) / 2 + kEmAscent * g.body_size;
  }
  ParagraphStyle Display(Align align) const {
    ParagraphStyle ps;
    ps.rules = paper.rules;
    ps.justify = false;
    ps.align = align;
    return ps;
  }
};

LineRecord Record(const ShapedText& text, const ComposedLine& line, const std::string& role,
                  bool justified, const std::string& split_word = {}) {
  LineRecord r{0,         "", role, LineText(text, line), justified && !line.last, line.overfull,
               split_word};
  r.cut = line.cut;
  if (line.begin < line.end && text.atoms[line.begin].em > 0) {
    r.gap_stretch_em = line.gap_stretch / text.atoms[line.begin].em;
    r.letter_spacing_em = line.letter_spacing / text.atoms[line.begin].em;
  }
  return r;
}

// ---------------------------------------------------------------------------------
// Composing the body into blocks.

struct BodyComposer {
  const Context& cx;
  const Article& article;
  SourcePos at;  // the block being composed: where its missing glyphs are reported
  // Where the characters of the block's spans stand in the article file, and the text
  // shaped from those spans (nothing else: not a credit); a cursor walks it once, as its
  // lines are emitted in order, to find each line's first character.
  const TextSource* source = nullptr;
  const ShapedText* spans_text = nullptr;
  size_t cursor_byte = 0, cursor_index = 0;

  void Track(const ShapedText& text) {
    spans_text = &text;
    cursor_byte = cursor_index = 0;
  }

  // The article file's line:col of atom `atom` of `text`; the block's when unknown.
  SourcePos PosOf(const ShapedText& text, uint32_t atom) {
    if (source == nullptr || &text != spans_text || atom >= text.atoms.size()) return at;
    const size_t byte = text.atoms[atom].byte_begin;
    if (byte < cursor_byte) cursor_byte = cursor_index = 0;
    while (cursor_byte < byte && cursor_byte < text.text.size()) {
      Utf8Next(text.text, cursor_byte);
      ++cursor_index;
    }
    return source->At(cursor_index, at);
  }

  std::vector<StyledRun> Runs(const std::vector<Span>& spans, const std::string& plain) const {
    std::vector<StyledRun> runs;
    for (const Span& s : spans) {
      const char* name = s.style == SpanStyle::kEmphasis ? "body_emph"
                         : s.style == SpanStyle::kStrong ? "body_strong"
                                                         : nullptr;
      runs.push_back({s.text, &cx.StyleOf(name ? name : plain)});
    }
    return runs;
  }

  void Emit(BodyBlock& bb, const ShapedText& text, const ComposedLine& line, double x,
            double baseline, const std::string& role, bool justified,
            const std::string& split_word = {}) {
    size_t before = bb.missing.size();
    AppendLineRuns(text, line, x, baseline, bb.items, &bb.missing);
    for (size_t i = before; i < bb.missing.size(); ++i) bb.missing[i].pos = at;
    bb.text += LineText(text, line);
    bb.lines.push_back(Record(text, line, role, justified, split_word));
    bb.lines.back().pos = PosOf(text, line.begin);
  }

  // One body-text paragraph: a block per line, each on the grid.
  void Paragraph(const Block& b, std::vector<BodyBlock>& out) {
    ShapedText text = Shape(cx.fonts, Runs(b.spans, "body"));
    Track(text);
    ParagraphStyle ps;
    ps.rules = cx.paper.rules;
    ps.first_indent = 2 * cx.StyleOf("body").size;
    auto lines = BreakLines(text, cx.grid().column_width(), ps);
    for (size_t i = 0; i < lines.size(); ++i) {
      BodyBlock bb;
      bb.flow.rows = 1;
      // Neither a paragraph's first line alone at a column's foot nor its last line
      // alone at a column's head, where the slot has room (docs/chinese-rules.md §9).
      bb.flow.soft_keep_with_next = lines.size() > 1 && (i == 0 || i + 2 == lines.size());
      Emit(bb, text, lines[i], 0, cx.GridBaseline(0), "body", true);
      bb.characters = CountVisible(bb.text);
      out.push_back(std::move(bb));
    }
  }

  // A heading inside the body (#### crosshead, ### section title): whole grid lines,
  // one more than its text needs for air, the text centred a little towards what it
  // leads, so the text after it lands back on the grid (docs/chinese-rules.md §1).
  void Heading(const std::vector<Span>& spans, const std::string& style_name,
               std::vector<BodyBlock>& out) {
    const Style& style = cx.StyleOf(style_name);
    std::vector<StyledRun> runs;
    for (const Span& s : spans) runs.push_back({s.text, &style});
    ShapedText text = Shape(cx.fonts, runs);
    Track(text);
    const DisplayText display =
        BreakDisplay(text, cx.grid().column_width(), cx.Display(style.align));
    const std::vector<ComposedLine>& lines = display.lines;
    const double pitch = cx.grid().line_pitch;
    const double box = style.leading > 0 ? style.leading : std::max(pitch, 1.25 * style.size);
    const double height = lines.size() * box;
    BodyBlock bb;
    bb.flow.rows = static_cast<int>(std::ceil(height / pitch - 1e-6)) + 1;
    bb.flow.keep_with_next = true;
    bb.flow.stretch = 2;
    bb.heading = true;
    for (const Span& s : spans) bb.heading_text += s.text;
    bb.heading_style = style_name;
    const double top = (bb.flow.rows * pitch - height) / 2 + 0.25 * pitch;
    for (size_t i = 0; i < lines.size(); ++i)
      Emit(bb, text, lines[i], 0, top + i * box + (box - style.size) / 2 + kEmAscent * style.size,
           style_name, false, display.split_words[i]);
    bb.characters = CountVisible(bb.text);
    out.push_back(std::move(bb));
  }

  // A pull quote: a sentence set large, centred between two rules, on whole grid lines.
  void PullQuote(const Block& b, std::vector<BodyBlock>& out) {
    const Style& style = cx.StyleOr("pull_quote", "subhead");
    std::vector<StyledRun> runs;
    for (const Span& s : b.spans) runs.push_back({s.text, &style});
    ShapedText text = Shape(cx.fonts, runs);
    Track(text);
    const double width = cx.grid().column_width();
    const DisplayText display = BreakDisplay(text, width, cx.Display(Align::kCenter));
    const std::vector<ComposedLine>& lines = display.lines;
    const double pitch = cx.grid().line_pitch;
    const double box = style.leading > 0 ? style.leading : 1.3 * style.size;
    const double height = lines.size() * box;
    BodyBlock bb;
    bb.flow.rows = static_cast<int>(std::ceil((height + pitch) / pitch - 1e-6)) + 1;
    // A pull quote is placed where the page needs it, as a picture is: at a column's head.
    bb.flow.float_to_column_top = true;
    const double top = (bb.flow.rows * pitch - height) / 2;
    const Cmyk& ink = style.colour;
    bb.items.push_back(
        RuleItem{0, top - 0.3 * pitch, width, top - 0.3 * pitch, 1.0, ink, "pull_quote"});
    for (size_t i = 0; i < lines.size(); ++i)
      Emit(bb, text, lines[i], 0, top + i * box + (box - style.size) / 2 + kEmAscent * style.size,
           style.name, false, display.split_words[i]);
    bb.items.push_back(RuleItem{0, top + height + 0.3 * pitch, width, top + height + 0.3 * pitch,
                                1.0, ink, "pull_quote"});
    bb.characters = CountVisible(bb.text);
    out.push_back(std::move(bb));
  }

  // A picture `span` columns wide with its caption under it on the grid (indented two
  // characters) and its credit flush right. Its height is the file's proportions, an
  // aspect ratio or whole grid lines; a box of another shape than the file is filled by
  // cropping around the focal point. A one-column picture without a place heads a
  // column in the flow; the others are set at the top or foot of the body.
  BodyBlock Picture(const Block& b, int span, int image_rows = 0) {
    const Grid& g = cx.grid();
    span = std::max(1, span);
    const double width = g.column_x(span - 1) + g.column_width();
    const double top = (g.line_pitch - g.body_size) / 2;  // level with the text's em box
    const double natural = b.picture_width > 0 && b.picture_height > 0
                               ? static_cast<double>(b.picture_width) / b.picture_height
                               : 1;
    double image_h = width / natural;
    if (image_rows <= 0) image_rows = b.picture_rows;
    if (image_rows > 0)
      image_h = (image_rows - 1) * g.line_pitch + g.body_size;
    else if (b.picture_ratio > 0)
      image_h = width / b.picture_ratio;
    const Style& cap = cx.StyleOf("caption");
    std::vector<StyledRun> runs;
    for (const Span& s : b.spans) runs.push_back({s.text, &cap});
    ShapedText text = Shape(cx.fonts, runs);
    Track(text);
    ParagraphStyle ps;
    ps.rules = cx.paper.rules;
    ps.first_indent = 2 * cap.size;
    auto lines = text.atoms.empty() ? std::vector<ComposedLine>{} : BreakLines(text, width, ps);
    ShapedText credit = ShapeOne(cx.fonts, b.credit, cap);
    auto credit_lines = b.credit.empty() ? std::vector<ComposedLine>{}
                                         : BreakLines(credit, width, cx.Display(Align::kRight));
    // The caption starts on the first grid line whose text clears the picture.
    const double clear = top + image_h + 0.3 * g.body_size;
    int caption_row = 0;
    while (cx.GridBaseline(caption_row) - kEmAscent * cap.size < clear) ++caption_row;
    BodyBlock bb;
    bb.source = &b;
    bb.image_rows = static_cast<int>(std::floor((image_h - g.body_size) / g.line_pitch + 1e-6)) + 1;
    bb.natural_image_rows =
        static_cast<int>(std::floor((width / natural - g.body_size) / g.line_pitch + 1e-6)) + 1;
    bb.picture = true;
    bb.span = span;
    bb.place = b.picture_place;
    bb.flow.float_to_column_top = b.picture_place == PicturePlace::kFlow && span == 1;
    bb.flow.rows = caption_row + static_cast<int>(lines.size() + credit_lines.size());
    if (lines.empty() && credit_lines.empty())
      bb.flow.rows =
          static_cast<int>(std::ceil((top + image_h + 0.3 * g.body_size) / g.line_pitch - 1e-6));
    ImageItem img;
    img.path = b.picture_path;
    img.bytes = b.picture_bytes;
    img.x = 0, img.y = top, img.width = width, img.height = image_h;
    img.pixel_width = b.picture_width, img.pixel_height = b.picture_height;
    img.transparency = b.picture_transparency;
    img.role = "picture";
    // Cropped to fill: the part of the file with the box's proportions, centred on the
    // focal point as far as the file allows.
    const double box = width / image_h;
    if (std::abs(box - natural) > 1e-3 * natural) {
      if (box > natural) {  // the box is wider: keep the full width, crop the height
        img.crop_height = natural / box;
        img.crop_y = std::clamp(b.focus_y - img.crop_height / 2, 0.0, 1 - img.crop_height);
      } else {
        img.crop_width = box / natural;
        img.crop_x = std::clamp(b.focus_x - img.crop_width / 2, 0.0, 1 - img.crop_width);
      }
    }
    bb.items.push_back(img);
    int row = caption_row;
    for (const ComposedLine& l : lines)
      Emit(bb, text, l, 0, cx.GridBaseline(row++), "caption", true);
    for (const ComposedLine& l : credit_lines)
      Emit(bb, credit, l, 0, cx.GridBaseline(row++), "credit", false);
    bb.characters = CountVisible(bb.text);
    PictureRecord pr;
    pr.article = article.id;
    pr.path = b.picture_path;
    pr.pixel_width = b.picture_width, pr.pixel_height = b.picture_height;
    pr.placed_width = width, pr.placed_height = image_h;
    // Only the crop's pixels span the box: the lower of the two directions counts.
    pr.effective_ppi = std::min(b.picture_width * img.crop_width / (width / 72.0),
                                b.picture_height * img.crop_height / (image_h / 72.0));
    pr.colour_space = b.picture_colour_space;
    pr.columns_asked = b.picture_columns;
    pr.columns_set = span;
    pr.pos = b.pos;
    bb.pictures.push_back(pr);
    return bb;
  }

  // A table set across `span` columns (layout/table_setter.h): one block, moved on whole
  // to the next column when the one it is in has no room for it.
  BodyBlock TableBlock(const Block& b, int span, PicturePlace place = PicturePlace::kFlow) {
    const double width = cx.grid().column_x(span - 1) + cx.grid().column_width();
    const bool top = place == PicturePlace::kTop || place == PicturePlace::kTopLeft ||
                     place == PicturePlace::kTopRight;
    const bool foot = place == PicturePlace::kBottom || place == PicturePlace::kBottomLeft ||
                      place == PicturePlace::kBottomRight;
    SetTable st =
        SetTableAt(b.table, TableLook::From(cx.paper), width, cx.grid(), cx.fonts, !top, !foot);
    BodyBlock bb;
    bb.source = &b;
    bb.table = true;
    bb.span = span;
    bb.place = place;
    bb.flow.rows = st.rows;
    bb.items = std::move(st.items);
    bb.lines = std::move(st.lines);
    bb.missing = std::move(st.missing);
    bb.text = std::move(st.text);
    bb.characters = CountVisible(bb.text);
    return bb;
  }

  std::vector<BodyBlock> Compose() {
    std::vector<BodyBlock> blocks;
    for (const Block& b : article.blocks) {
      at = b.pos;
      source = &b.source;
      spans_text = nullptr;
      switch (b.kind) {
        case BlockKind::kParagraph:
          Paragraph(b, blocks);
          break;
        case BlockKind::kCrosshead:
          Heading(b.spans, "crosshead", blocks);
          break;
        case BlockKind::kSectionTitle:
          Heading(b.spans, "section_title", blocks);
          break;
        case BlockKind::kPicture:
          // Across all columns: laid out again at the module's width when placed.
          blocks.push_back(Picture(b, b.picture_columns > 0 ? b.picture_columns : 1));
          break;
        case BlockKind::kPullQuote:
          PullQuote(b, blocks);
          break;
        case BlockKind::kTable:
          blocks.push_back(TableBlock(b, 1));
          break;
      }
    }
    // A subhead or section title never ends a column: it keeps with at least two lines
    // of what follows (the first line after it is kept with the next).
    for (size_t i = 0; i + 1 < blocks.size(); ++i)
      if (blocks[i].heading && !blocks[i + 1].heading && !blocks[i + 1].picture &&
          i + 2 < blocks.size() && !blocks[i + 2].picture)
        blocks[i + 1].flow.keep_with_next = true;
    return blocks;
  }
};

// ---------------------------------------------------------------------------------
// The headline block.

struct DisplayLine {
  ShapedText text;
  ComposedLine line;
  const Style* style;
  double box;              // height of the line box
  std::string split_word;  // DisplayText::split_words
};

struct HeadlineBlock {
  std::vector<DisplayLine> lines;
  std::vector<double> tops;  // of each line box, from the block's top
  int rows = 0;
  std::vector<std::shared_ptr<Style>> owned_styles;  // styles made for this block alone
};

// On a headline bar every part of the block is set in the bar style's colour (`ink`).
HeadlineBlock LayOutHeadlineAfresh(const Context& cx, const Article& article, const Slot& slot,
                                   double width, const Cmyk* ink = nullptr) {
  HeadlineBlock hb;
  auto inked = [&](const Style& style) -> const Style& {
    if (!ink) return style;
    Style s = style;
    s.colour = *ink;
    hb.owned_styles.push_back(std::make_shared<Style>(s));
    return *hb.owned_styles.back();
  };
  std::vector<size_t> part_starts;
  auto add = [&](const std::string& s, const Style& style, Align align) {
    if (s.empty()) return;
    part_starts.push_back(hb.lines.size());
    // A display text may hold explicit line breaks (YAML "|" blocks).
    size_t start = 0;
    while (start <= s.size()) {
      size_t nl = s.find('\n', start);
      std::string piece = s.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      start = nl == std::string::npos ? s.size() + 1 : nl + 1;
      if (piece.empty()) continue;
      ShapedText text = ShapeOne(cx.fonts, piece, style);
      DisplayText display = BreakDisplay(text, width, cx.Display(align));
      for (size_t i = 0; i < display.lines.size(); ++i)
        hb.lines.push_back({text, std::move(display.lines[i]), &style,
                            style.leading > 0 ? style.leading : 1.25 * style.size,
                            std::move(display.split_words[i])});
    }
  };
  if (!article.tag.empty()) add("【" + article.tag + "】", inked(cx.StyleOf("tag")), Align::kLeft);
  add(article.kicker, inked(cx.StyleOf("kicker")), slot.headline_align);
  add(article.headline, cx.StyleOf(slot.headline_style), slot.headline_align);
  add(article.subhead, inked(cx.StyleOf("subhead")), slot.headline_align);
  if (hb.lines.empty()) return hb;
  // Stack the line boxes with a little air between the parts, on whole grid lines.
  const double part_gap = 0.35 * cx.grid().body_size, pitch = cx.grid().line_pitch;
  double height = 0;
  for (size_t i = 0; i < hb.lines.size(); ++i) {
    if (i > 0 && std::find(part_starts.begin(), part_starts.end(), i) != part_starts.end())
      height += part_gap;
    hb.tops.push_back(height);
    height += hb.lines[i].box;
  }
  hb.rows = static_cast<int>(std::ceil((height + 0.6 * pitch) / pitch - 1e-6));
  const double offset = (hb.rows * pitch - height) / 2;
  for (double& t : hb.tops) t += offset;
  return hb;
}

}  // namespace

struct HeadlineCache::Entries {
  // By article, headline style, alignment and width: slots are copied page by page.
  std::map<std::tuple<const Article*, std::string, int, double>, HeadlineBlock> blocks;
};
HeadlineCache::HeadlineCache() : entries_(std::make_unique<Entries>()) {}
HeadlineCache::~HeadlineCache() = default;

namespace {

// The slot as its headline is set: on a headline bar without a text of its own, in the
// bar's style (and colour).
Slot HeadlineSlot(const Slot& slot) {
  Slot s = slot;
  if (slot.headline_bar && slot.headline_bar->text.empty())
    s.headline_style = slot.headline_bar->style;
  return s;
}

const HeadlineBlock& LayOutHeadline(const Context& cx, const Article& article, const Slot& in_slot,
                                    double width, HeadlineCache* cache, HeadlineBlock& scratch) {
  const Slot slot = HeadlineSlot(in_slot);
  const bool barred = in_slot.headline_bar && in_slot.headline_bar->text.empty();
  const Cmyk* ink = barred ? &cx.StyleOf(slot.headline_style).colour : nullptr;
  if (!cache) return scratch = LayOutHeadlineAfresh(cx, article, slot, width, ink);
  auto& blocks = cache->entries().blocks;
  auto key = std::make_tuple(&article, slot.headline_style,
                             static_cast<int>(slot.headline_align) + (barred ? 10 : 0), width);
  auto it = blocks.find(key);
  if (it == blocks.end())
    it = blocks.emplace(key, LayOutHeadlineAfresh(cx, article, slot, width, ink)).first;
  return it->second;
}

// The head of a continued part: the headline again in the continuation style (the
// paper's `continued_headline`, else the headline's own style at 60 %), then
// （上接第N版） in the jump style, flush right, on whole grid lines.
HeadlineBlock LayOutContinuationHead(const Context& cx, const Article& article,
                                     const std::string& headline_style, const Slot& slot,
                                     double width, const std::string& from_text) {
  HeadlineBlock hb;
  Style smaller;
  if (const Style* s = cx.paper.FindStyle("continued_headline")) {
    smaller = *s;
  } else {
    smaller = cx.StyleOf(headline_style.empty() ? slot.headline_style : headline_style);
    smaller.size *= 0.6;
    smaller.letter_spacing *= 0.6;
    smaller.leading *= 0.6;
    smaller.name = "continued";
  }
  auto add = [&](const std::string& s, const Style& style, Align align) {
    ShapedText text = ShapeOne(cx.fonts, s, style);
    DisplayText display = BreakDisplay(text, width, cx.Display(align));
    for (size_t i = 0; i < display.lines.size(); ++i)
      hb.lines.push_back({text, std::move(display.lines[i]), &style,
                          style.leading > 0 ? style.leading : 1.25 * style.size,
                          std::move(display.split_words[i])});
  };
  // The style must outlive the block: keep it in the block's own storage.
  hb.owned_styles.push_back(std::make_shared<Style>(smaller));
  add(article.headline, *hb.owned_styles.back(), slot.headline_align);
  const size_t headline_lines = hb.lines.size();
  const Style& jump = cx.StyleOr("jump", "byline");
  add(from_text, jump, Align::kRight);
  const double pitch = cx.grid().line_pitch;
  double height = 0;
  for (const DisplayLine& d : hb.lines) hb.tops.push_back(height), height += d.box;
  // The label shares the headline's last line when it fits beside it, on its baseline.
  if (headline_lines > 0 && hb.lines.size() == headline_lines + 1) {
    const DisplayLine& last = hb.lines[headline_lines - 1];
    const DisplayLine& label = hb.lines.back();
    const double label_width = label.line.right - label.line.x.front();
    if (last.line.right + jump.size + label_width <= width) {
      auto baseline = [](const DisplayLine& d) {
        return (d.box - d.style->size) / 2 + kEmAscent * d.style->size;
      };
      height -= label.box;
      hb.tops.back() = hb.tops[headline_lines - 1] + baseline(last) - baseline(label);
    }
  }
  hb.rows = static_cast<int>(std::ceil((height + 0.6 * pitch) / pitch - 1e-6));
  const double offset = (hb.rows * pitch - height) / 2;
  for (double& t : hb.tops) t += offset;
  return hb;
}

// ---------------------------------------------------------------------------------
// A picture's width and place in a module.

// The columns picture block `b` spans in a body of `cols` columns: its {cols=N} (0: all
// of them), never more than the body, nor than the slot's `picture_columns` when set.
// Whether the slot chooses the width of picture block `b` (Slot::picture_span).
bool SlotSizesPicture(const BodyBlock& b, const Slot& slot) {
  return slot.picture_span > 0 && b.picture && b.source && !b.source->picture_width_given;
}

int PictureSpan(const BodyBlock& b, const Slot& slot, int cols) {
  const int want = SlotSizesPicture(b, slot)                   ? slot.picture_span
                   : b.source && b.source->picture_columns > 0 ? b.source->picture_columns
                                                               : cols;
  const int span = std::min(want, cols);
  return slot.picture_columns > 0 ? std::min(span, slot.picture_columns) : span;
}

// Where picture block `b` sits in a body of `cols` columns: the place it asks for. One
// across the body (top or foot) that the slot's `picture_columns` makes narrower goes at
// the right, where a picture whose own {cols=N} is narrower than the module goes.
PicturePlace PicturePlaceIn(const BodyBlock& b, const Slot& slot, int cols) {
  if (SlotSizesPicture(b, slot))
    return PictureSpan(b, slot, cols) >= cols ? PicturePlace::kTop : PicturePlace::kTopRight;
  const PicturePlace place = b.source ? b.source->picture_place : b.place;
  const int want = b.source && b.source->picture_columns > 0 ? b.source->picture_columns : cols;
  if (PictureSpan(b, slot, cols) >= std::min(want, cols)) return place;
  return place == PicturePlace::kTop      ? PicturePlace::kTopRight
         : place == PicturePlace::kBottom ? PicturePlace::kBottomRight
                                          : place;
}

// The block of the picture the first part of an article in `slot` (a body `cols` columns
// wide) opens with, the headline block set under it (Slot::picture_above_headline): the
// article's first picture, when it is set across the whole module at its top and no table
// comes before it; -1 for none.
long PictureAboveHeadline(const ArticleFlow& flow, const Slot& slot, const ModulePart& part,
                          int cols) {
  if (!slot.picture_above_headline || !part.first || slot.kind != SlotKind::kModule ||
      slot.vertical_headline)
    return -1;
  for (size_t i = 0; i < flow.blocks.size(); ++i) {
    const BodyBlock& b = flow.blocks[i];
    if (flow.placed[i] || b.table) return -1;
    if (!b.picture) continue;
    const PicturePlace place = PicturePlaceIn(b, slot, cols);
    const bool top = place == PicturePlace::kFlow || place == PicturePlace::kTop ||
                     place == PicturePlace::kTopLeft || place == PicturePlace::kTopRight;
    return top && PictureSpan(b, slot, cols) == cols ? static_cast<long>(i) : -1;
  }
  return -1;
}

// The block index a flow region gives the headline block when it is set under a picture.
constexpr int kHeadlineInRegion = -1;

// ---------------------------------------------------------------------------------
// Placing a part of an article.

struct Placer {
  const Context& cx;
  ArticleFlow& flow;
  const Article& article;
  const Slot& slot;
  const Area& area;       // where the module's text goes: the slot's area inside its padding
  const Area& outer;      // the slot's area (its fill, frame and headline bar)
  int pad_top, pad_foot;  // grid lines of padding at the slot's top and foot
  const ModulePart& part;
  int page;
  LayoutReport& report;
  const PlaceOptions& options;
  Frame frame;
  std::vector<MissingGlyphRecord> missing;
  std::map<std::pair<size_t, int>, BodyBlock> trims;  // pictures laid out cropped shorter
  int headline_lines = 0;
  double headline_size = 0, headline_one_line_size = 0;
  // The picture set above the headline (Slot::picture_above_headline): its block, and the
  // grid lines of the headline block and byline the body's flow region keeps under it
  // (0: the headline is set at the top as usual); where the region put them.
  size_t above_block = static_cast<size_t>(-1);
  int above_head_rows = 0;
  int head_row = 0;

  double Pitch() const { return cx.grid().line_pitch; }
  double ColumnX(int col) const { return area.x + cx.grid().column_x(col); }

  void AddLine(const ShapedText& text, const ComposedLine& line, double x, double baseline,
               const std::string& role, const std::string& split_word = {}) {
    AppendLineRuns(text, line, x, baseline, frame.items, &missing);
    LineRecord r = Record(text, line, role, false, split_word);
    r.page = page;
    r.where = frame.name;
    report.lines.push_back(r);
  }

  // Across the module from grid line `first_row`: tag, kicker, headline, subhead.
  int Headline(double width, int first_row = 0) {
    HeadlineBlock scratch;
    const HeadlineBlock& hb = LayOutHeadline(cx, article, slot, width, options.headlines, scratch);
    const double top = area.y + first_row * Pitch();
    if (slot.headline_bar && slot.headline_bar->text.empty() && !hb.lines.empty()) {
      // 反白: the bar across the slot behind the headline block's grid lines.
      RectItem bar;
      bar.x = outer.x, bar.y = top, bar.width = outer.width, bar.height = hb.rows * Pitch();
      bar.has_fill = true;
      bar.fill = slot.headline_bar->fill;
      bar.role = "headline-bar";
      frame.items.push_back(bar);
    }
    for (size_t i = 0; i < hb.lines.size(); ++i) {
      const DisplayLine& d = hb.lines[i];
      double baseline = top + hb.tops[i] + (d.box - d.style->size) / 2 + kEmAscent * d.style->size;
      AddLine(d.text, d.line, area.x, baseline, d.style->name, d.split_word);
      // For the copyfit: how many lines the headline takes, and the size at which it
      // would take one (whole or half points, never larger than its style).
      if (d.style->name == HeadlineSlot(slot).headline_style) {
        ++headline_lines;
        headline_size = d.style->size;
        const double natural = d.text.Width(0, static_cast<uint32_t>(d.text.atoms.size()));
        if (natural > 0)
          headline_one_line_size =
              std::min(d.style->size, std::floor(2 * d.style->size * width / natural) / 2);
      }
    }
    return hb.rows;
  }

  // 竖排: tag, kicker, headline and subhead set top to bottom in the module's rightmost
  // column, right to left, with the fonts' vertical forms of punctuation.
  void VerticalHeadline(int col) {
    struct Part {
      const std::string* text;
      const Style* style;
    };
    std::vector<Part> parts;
    // The tag (栏目, 【身边的人】) first, as over a horizontal headline.
    const std::string tag = article.tag.empty() ? "" : "【" + article.tag + "】";
    if (!tag.empty()) parts.push_back({&tag, &cx.StyleOf("tag")});
    if (!article.kicker.empty()) parts.push_back({&article.kicker, &cx.StyleOf("kicker")});
    parts.push_back({&article.headline, &cx.StyleOr("vertical_headline", slot.headline_style)});
    if (!article.subhead.empty()) parts.push_back({&article.subhead, &cx.StyleOf("subhead")});
    const double col_x = ColumnX(col), col_w = cx.grid().column_width();
    const double top = area.y + 0.5 * Pitch(), room = area.height - Pitch();
    // Each part in as many vertical lines as its length needs, right to left.
    struct VLine {
      ShapedText text;  // set top to bottom (vertical_text.h)
      ComposedLine line;
      const Style* style;
      std::string split_word;
    };
    std::vector<VLine> vlines;
    for (const Part& p : parts) {
      // In the fonts' vertical forms, measured down the line, then broken where it reads well
      // and set by the rules of display text across (display_breaker.h): marks in a row
      // squeezed, a mark at a line's end set half, the blanks measured from the font (vhal).
      const ShapedText text =
          TopToBottom(Shape(cx.fonts, {{*p.text, p.style, "vert 1"}}), cx.fonts.faces());
      DisplayText display = BreakDisplay(text, room, cx.Display(Align::kLeft));
      for (size_t i = 0; i < display.lines.size(); ++i)
        vlines.push_back(
            {text, std::move(display.lines[i]), p.style, std::move(display.split_words[i])});
    }
    double total = 0;
    for (const VLine& v : vlines) total += v.style->size * 1.35;
    double x = col_x + col_w - (col_w - total) / 2;  // right edge of the first vertical line
    for (const VLine& v : vlines) {
      const double size = v.style->size;
      x -= size * 1.35;
      const double centre_x = x + size * 0.175 + size / 2;
      std::vector<MissingGlyphRecord> miss;
      AppendVerticalLine(v.text, v.line, centre_x, top, frame.items, &miss);
      for (auto& m : miss) missing.push_back(m);
      LineRecord r = Record(v.text, v.line, v.style->name, false, v.split_word);
      r.page = page;
      r.where = frame.name;
      report.lines.push_back(r);
    }
  }

  // The byline under the headline, across the body, on grid lines of its own (only
  // counted, not set, when `set` is false).
  int Byline(int first_row, double width, bool set = true) {
    if (article.byline.empty()) return 0;
    ShapedText text = ShapeOne(cx.fonts, article.byline, cx.StyleOf("byline"));
    const DisplayText display = BreakDisplay(text, width, cx.Display(Align::kLeft));
    const std::vector<ComposedLine>& lines = display.lines;
    for (size_t i = 0; set && i < lines.size(); ++i)
      AddLine(text, lines[i], area.x, area.y + cx.GridBaseline(first_row + static_cast<int>(i)),
              "byline", display.split_words[i]);
    return static_cast<int>(lines.size());
  }

  // A continuation opens with the headline again (续题), smaller, and where it comes
  // from: （上接第N版）.
  int ContinuationHead(double width) {
    HeadlineBlock hb = LayOutContinuationHead(cx, article, flow.headline_style, slot, width,
                                              ContinuedFromText(part.continued_from, part.here));
    for (size_t i = 0; i < hb.lines.size(); ++i) {
      const DisplayLine& d = hb.lines[i];
      double baseline =
          area.y + hb.tops[i] + (d.box - d.style->size) / 2 + kEmAscent * d.style->size;
      AddLine(d.text, d.line, area.x, baseline, i + 1 == hb.lines.size() ? "jump" : "continued",
              d.split_word);
    }
    return hb.rows;
  }

  // （下转第N版） flush right on the last grid line of the part's last column.
  void JumpLine(int col, int row) {
    const Style& style = cx.StyleOr("jump", "byline");
    ShapedText text = ShapeOne(cx.fonts, ContinuesOnText(part.continues_on, part.here), style);
    auto lines = BreakLines(text, cx.grid().column_width(), cx.Display(Align::kRight));
    if (!lines.empty())
      AddLine(text, lines[0], ColumnX(col), area.y + cx.GridBaseline(row), "jump");
  }

  // Thin rules in the gutters, from `from_row` down to the longer of the two columns
  // beside each; they stop where a picture spans the gutter.
  void ColumnRules(int from_row, const FlowRegion& region, int bottom,
                   const std::vector<int>& ends) {
    const Grid& g = cx.grid();
    for (int c = 0; c + 1 < region.columns(); ++c) {
      const double x = ColumnX(c) + g.column_width() + g.gutter / 2;
      const int to = std::max(ends[static_cast<size_t>(c)], ends[static_cast<size_t>(c) + 1]);
      int start = -1;
      for (int row = 0; row <= to; ++row) {
        const bool open = row < to && !region.GutterCovered(c, row, bottom);
        if (open && start < 0) start = row;
        if (!open && start >= 0) {
          frame.items.push_back(RuleItem{x, area.y + (from_row + start) * Pitch() + 0.2 * Pitch(),
                                         x, area.y + (from_row + row) * Pitch() - 0.2 * Pitch(),
                                         kColumnRuleWeight, cx.StyleOf("body").colour,
                                         "column-rule"});
          start = -1;
        }
      }
    }
  }

  // Text that fits nowhere: counted, reported and marked in the area's corner.
  void Overset(int top_rows) {
    OversetRecord o = Leftover(flow, page, slot.name);
    if (top_rows > area.rows) o.headline_rows = top_rows, o.slot_rows = area.rows;
    // A picture taller than the whole slot is what to change, not the slot's size by a line.
    for (size_t i = 0; i < flow.blocks.size() && o.blocking.empty(); ++i)
      if (!flow.placed[i] && (flow.blocks[i].picture || flow.blocks[i].table) &&
          flow.blocks[i].flow.rows > area.rows)
        o.blocking = BlockTooTall(flow.blocks[i], slot.name, area.rows);
    report.overset.push_back(o);

    const double size = cx.grid().body_size;
    // What is left over: characters and pictures, or (none left, the headline block
    // taller than the slot) the headline.
    std::string label =
        o.characters_left == 0 && o.pictures_left == 0 && o.headline_rows
            ? std::string("溢出 标题")
            : "溢出 " + std::to_string(o.characters_left) + " 字" +
                  (o.pictures_left ? " " + std::to_string(o.pictures_left) + " 图" : "");
    Style mark = cx.StyleOf("body");
    mark.colour = Cmyk{0, 0, 0, 0, "paper"};
    mark.name = "overset-mark";
    ShapedText text = ShapeOne(cx.fonts, label, mark);
    auto lines = BreakLines(text, area.width, cx.Display(Align::kLeft));
    double w = text.Width(0, text.atoms.size()) + size;
    RectItem box;
    box.x = area.x + area.width - w;
    // On the slot's last grid line, at its right: the mark stays on the slot it reports
    // on instead of landing on the next slot or the footer. It hides the end of that
    // line, which the report and the proof overlay give in full.
    box.y = area.y + (area.rows - 1) * Pitch();
    box.width = w, box.height = Pitch();
    box.has_fill = true;
    box.fill = Cmyk{0, 100, 100, 0, "overset"};
    box.role = "overset-mark";
    frame.items.push_back(box);
    if (!lines.empty())
      AppendLineRuns(text, lines[0], box.x + size / 2, box.y + cx.GridBaseline(0), frame.items,
                     nullptr);
  }

  // What a body of blocks came to in its region.
  struct BodyResult {
    int used = 0;                  // grid lines from the region's top to its foot
    std::vector<int> column_ends;  // per column, from the region's top
    bool all_placed = false;
  };

  // Sets the blocks `todo` in a region of `cols` columns from grid line `row0` of the
  // area, at most `rows` tall: the pictures given a place at its top or foot, the rest
  // flowed through the columns and balanced. When not everything fits and the article
  // continues, the columns are filled to the foot instead, keeping the last line of the
  // last column for （下转…）. A picture that does not fit is left for the next part.
  // A picture given no height of its own may lose up to this share of its height to a
  // crop around its focal point, when that levels the columns beside it.
  // Whether picture block `b` may be laid out `trim` grid lines shorter than it is now;
  // a negative `trim` makes it taller, cropping its sides, within the same share of its
  // height (a module that ends short of its slot's foot is filled that way).
  static bool MayTrim(const BodyBlock& b, int trim) {
    if (!PictureMayCrop(b)) return false;
    const int rows = b.image_rows - trim;
    return rows >= 1 &&
           std::abs(b.natural_image_rows - rows) <= kPictureCropShare * b.natural_image_rows;
  }

  // The columns table block `i` spans in a body of `cols` columns: those its {cols=N}
  // asks for, else the fewest in which every cell fits on one line, else all `cols` (its
  // cells wrap). 0 when its columns' minimum widths do not fit those columns: an error at
  // the table, saying how many columns of the grid it needs.
  int TableSpan(size_t i, int cols) {
    const BodyBlock& b = flow.blocks[i];
    const Table& table = b.source->table;
    const TableColumnWidths w = MeasureTable(table, TableLook::From(cx.paper), cx.fonts);
    const Grid& g = cx.grid();
    const int asked = table.columns < 0    ? -1
                      : table.columns == 0 ? cols
                                           : std::min(table.columns, cols);
    int span = asked;
    if (span < 0) {
      span = ColumnsFor(w.NaturalTotal(), g, cols);
      if (span == 0) span = cols;
    }
    const double width = g.column_x(span - 1) + g.column_width();
    if (w.MinimumTotal() <= width + 1e-6) return span;
    const int needs = ColumnsFor(w.MinimumTotal(), g, g.columns);
    auto columns = [](int n) { return std::to_string(n) + (n == 1 ? " column" : " columns"); };
    auto mm = [](double pt) { return std::to_string(static_cast<int>(std::ceil(pt * 25.4 / 72))); };
    const std::string has = asked > 0 && asked < cols ? "asks for " + columns(asked)
                                                      : "is in a module of " + columns(cols);
    std::string hint =
        needs > 0 ? "it needs " + columns(needs) + " of the grid: " +
                        (needs <= cols ? "write {cols=" + std::to_string(needs) + "} after it"
                                       : "give it a slot " + columns(needs) + " wide")
                  : "it is wider than the page's " + columns(g.columns) +
                        ": split it into narrower tables";
    hint += ", or shorten its longest unbreakable cell texts";
    report.errors.push_back({Severity::kError, "table-too-wide", b.source->pos,
                             "the table is too wide: its " + std::to_string(table.ColumnCount()) +
                                 " columns need at least " + mm(w.MinimumTotal()) + " mm and it " +
                                 has + " (" + mm(width) + " mm) in slot '" + slot.name + "'",
                             hint});
    return 0;
  }

  BodyResult FlowBody(const std::vector<size_t>& todo, int row0, int rows, int cols,
                      bool continues) {
    BodyResult out;
    std::vector<size_t> flowed, pictures;
    for (size_t i : todo) {
      BodyBlock& b = flow.blocks[i];
      if (b.table) {
        const int span = TableSpan(i, cols);
        if (span == 0) {  // too wide: an error (report.errors), nothing to place
          flow.placed[i] = true;
          continue;
        }
        // Across columns at the body's top when it comes before the text, else at its
        // foot (at the right when it spans fewer than all); in one column, in the flow.
        bool text_before = false;
        for (size_t j = 0; j < i; ++j) text_before = text_before || !flow.blocks[j].picture;
        const PicturePlace place =
            span == 1     ? PicturePlace::kFlow
            : span < cols ? (text_before ? PicturePlace::kBottomRight : PicturePlace::kTopRight)
            : text_before ? PicturePlace::kBottom
                          : PicturePlace::kTop;
        if (span != b.span || place != b.place) {
          BodyComposer composer{cx, article, b.source->pos};
          b = composer.TableBlock(*b.source, span, place);
        }
        (span == 1 ? flowed : pictures).push_back(i);
        continue;
      }
      const bool placed_picture = b.picture && b.place != PicturePlace::kFlow;
      const bool wide = b.picture && b.span > 1;
      const bool slot_sized = SlotSizesPicture(b, slot) && PictureSpan(b, slot, cols) > 1;
      if (!placed_picture && !wide && i != above_block && !slot_sized) {
        // A picture no column could hold even cropped is left over whole (reported as
        // overset or set in a later part); the text is flowed and balanced without it.
        if (b.picture) {
          int trim = 0;
          while (b.flow.rows - trim > rows && MayTrim(b, trim + 1)) ++trim;
          if (b.flow.rows - trim > rows) continue;
        }
        flowed.push_back(i);
        continue;
      }
      const int span = PictureSpan(b, slot, cols);
      if (b.span != span && b.source) {
        BodyComposer composer{cx, article, b.source->pos};
        composer.source = &b.source->source;
        b = composer.Picture(*b.source, span);
      }
      b.place = PicturePlaceIn(b, slot, cols);
      pictures.push_back(i);
    }
    std::vector<FlowBlock> fb;
    for (size_t i : flowed) fb.push_back(flow.blocks[i].flow);
    // The pictures as laid out with `trim` grid lines cropped off each that may be.
    auto trimmed = [&](size_t i, int trim) -> BodyBlock* {
      BodyBlock& b = flow.blocks[i];
      if (trim == 0) return &b;
      auto key = std::make_pair(i, trim);
      auto it = trims.find(key);
      if (it == trims.end()) {
        BodyComposer composer{cx, article, b.source->pos};
        composer.source = &b.source->source;
        it = trims.emplace(key, composer.Picture(*b.source, b.span, b.image_rows - trim)).first;
        it->second.place = b.place;
      }
      return &it->second;
    };
    auto may_trim = [&](size_t i, int trim) { return MayTrim(flow.blocks[i], trim); };
    struct Try {
      FlowRegion region{0, 0};
      FlowResult r;
      std::vector<ColumnSpace> spaces;
      int spread = 0;
      bool ok = true;  // the headline block found its room under the picture above it
    };
    // The headline block under the picture above it (above_head_rows): at the top of the
    // region instead when the picture and it do not fit together.
    const auto is_above = [&](size_t i) { return above_head_rows > 0 && i == above_block; };
    bool head_first = above_head_rows > 0;
    auto attempt = [&](int trim) {
      Try t;
      t.region = FlowRegion(cols, rows);
      // One-column pictures in the flow may be cropped shorter as well.
      for (size_t k = 0; k < flowed.size(); ++k)
        if (flow.blocks[flowed[k]].picture)
          fb[k] = (may_trim(flowed[k], trim) ? trimmed(flowed[k], trim) : &flow.blocks[flowed[k]])
                      ->flow;
      if (head_first)
        t.ok = t.region.Add(kHeadlineInRegion, PicturePlace::kTop, cols, above_head_rows);
      for (size_t i : pictures) {
        const BodyBlock* b = may_trim(i, trim) ? trimmed(i, trim) : &flow.blocks[i];
        PicturePlace place = b->place == PicturePlace::kFlow ? PicturePlace::kTopRight : b->place;
        const bool added = t.region.Add(static_cast<int>(i), place, b->span, b->flow.rows);
        if (is_above(i) && !head_first)
          t.ok =
              added && t.region.Add(kHeadlineInRegion, PicturePlace::kTop, cols, above_head_rows);
      }
      const SpaceAt space_at = [&](int bottom) { return t.region.SpaceAt(bottom); };
      t.r = FlowBalanced(fb, space_at, t.region.MinBottom(), rows, true);
      t.spaces = t.region.SpaceAt(t.r.bottom);
      std::vector<int> ends = ColumnEnds(fb, t.r, t.spaces);
      if (!ends.empty())
        t.spread = *std::max_element(ends.begin(), ends.end()) -
                   *std::min_element(ends.begin(), ends.end());
      return t;
    };
    // Auto layout's crop (Slot::picture_trim): the first picture set across or beside the
    // text this many grid lines shorter than its own proportions give, within the share.
    if (slot.picture_trim > 0 && !pictures.empty()) {
      const size_t i = pictures.front();
      const BodyBlock& b = flow.blocks[i];
      const int trim = b.image_rows - (b.natural_image_rows - slot.picture_trim);
      if (trim > 0 && may_trim(i, trim)) {
        flow.blocks[i] = *trimmed(i, trim);
        trims.clear();
      }
    }
    // A picture a little too tall for the body is cropped to fit, within the same share
    // (the picture above the headline block, to fit with that block under it).
    for (size_t i : pictures) {
      const int room = is_above(i) ? rows - above_head_rows : rows;
      for (int trim = 1; flow.blocks[i].flow.rows > room && may_trim(i, trim); ++trim)
        if (trimmed(i, trim)->flow.rows <= room) {
          flow.blocks[i] = *trimmed(i, trim);
          trims.clear();  // its own height has changed: trims are counted from it afresh
          break;
        }
      if (is_above(i)) head_first = flow.blocks[i].flow.rows > room;
    }
    Try best = attempt(0);
    int trim_used = 0;
    std::vector<FlowBlock> fb_best = fb;
    for (int trim = 1; best.r.placed == fb.size() && best.spread > 1; ++trim) {
      bool any = false;
      for (size_t i : pictures) any = any || may_trim(i, trim);
      for (size_t i : flowed) any = any || (flow.blocks[i].picture && may_trim(i, trim));
      if (!any) break;
      Try t = attempt(trim);
      if (t.ok && t.r.placed == fb.size() && t.spread <= 1) {
        best = std::move(t);
        trim_used = trim;
        fb_best = fb;
        break;
      }
    }
    // A last part that ends short of its foot: its pictures made taller (their sides
    // cropped), a grid line at a time, as long as the columns stay level and hold all.
    // Not in a stack, whose next article takes the room, nor when only finding out the
    // rows the article needs (`rows: fit`).
    auto short_of_foot = [&](const Try& t) {
      std::vector<int> ends = ColumnEnds(fb, t.r, t.spaces);
      return ends.empty() ? 0 : rows - *std::min_element(ends.begin(), ends.end());
    };
    if (!continues && (!options.trial || options.fill) && slot.kind != SlotKind::kStack &&
        best.r.placed == fb.size() && short_of_foot(best) > 1) {
      for (int grow = 1;; ++grow) {
        bool any = false;
        for (size_t i : pictures) any = any || may_trim(i, -grow);
        for (size_t i : flowed) any = any || (flow.blocks[i].picture && may_trim(i, -grow));
        if (!any) break;
        Try t = attempt(-grow);
        if (!t.ok || t.r.placed != fb.size()) break;
        if (t.spread > 1 || (best.spread <= 1 && short_of_foot(t) >= short_of_foot(best))) continue;
        best = std::move(t);
        trim_used = -grow;
        fb_best = fb;
        if (short_of_foot(best) <= 1) break;
      }
    }
    for (size_t i : todo)
      if (trim_used != 0 && flow.blocks[i].picture && may_trim(i, trim_used))
        flow.blocks[i] = *trimmed(i, trim_used);
    fb = fb_best;
    const FlowRegion& region = best.region;
    FlowResult r = best.r;
    std::vector<ColumnSpace> spaces = best.spaces;
    if (r.placed < fb.size() && continues) {
      spaces = region.SpaceAt(rows);
      if (!spaces.empty())
        spaces.back().bottom = std::max(spaces.back().top, spaces.back().bottom - 1);
      r = FlowFilled(fb, spaces, false);
      r.bottom = rows;
    }
    const int bottom = r.bottom;
    for (const RegionPicture& p : region.pictures()) {
      if (p.block == kHeadlineInRegion)
        head_row = row0 + region.PictureRow(p, bottom);
      else
        Put(static_cast<size_t>(p.block), p.col, row0 + region.PictureRow(p, bottom));
    }
    for (size_t k = 0; k < flowed.size(); ++k)
      if (r.IsPlaced(k))
        Put(flowed[k], r.positions[k].column, row0 + r.positions[k].row,
            r.positions[k].extra * Pitch() / 2);
    out.column_ends = ColumnEnds(fb, r, spaces);
    out.used = 0;
    for (int e : out.column_ends) out.used = std::max(out.used, e);
    out.all_placed =
        std::all_of(todo.begin(), todo.end(), [&](size_t i) { return flow.placed[i]; });
    if (continues && !out.all_placed) {
      JumpLine(cols - 1, row0 + rows - 1);
      out.used = rows;
      if (!out.column_ends.empty()) out.column_ends.back() = rows;
    }
    if (slot.column_rules) ColumnRules(row0, region, bottom, out.column_ends);
    return out;
  }

  std::vector<size_t> Todo() const {
    std::vector<size_t> todo;
    for (size_t i = 0; i < flow.blocks.size(); ++i)
      if (!flow.placed[i]) todo.push_back(i);
    return todo;
  }

  // Places the body of a module; returns what it came to, ends from the area's top.
  BodyResult Body(int top_rows, int cols) {
    const bool continues = !part.continues_on.empty();
    BodyResult r = FlowBody(Todo(), top_rows, area.rows - top_rows, cols, continues);
    for (int& e : r.column_ends) e += top_rows;
    if (!continues && !r.all_placed) Overset(top_rows);
    return r;
  }

  // A subhead across the module (stacks): a blank grid line above its text, centred.
  int HeadingAcross(size_t i, int row, double width) {
    BodyBlock& b = flow.blocks[i];
    const Style& style = cx.StyleOf(b.heading_style);
    ShapedText text = ShapeOne(cx.fonts, b.heading_text, style);
    const DisplayText display = BreakDisplay(text, width, cx.Display(Align::kCenter));
    const std::vector<ComposedLine>& lines = display.lines;
    const double box = style.leading > 0 ? style.leading : std::max(Pitch(), 1.25 * style.size);
    const double height = lines.size() * box;
    const int rows = static_cast<int>(std::ceil(height / Pitch() - 1e-6)) + 1;
    if (row + rows + 2 > area.rows) return -1;  // a subhead never ends the space it is in
    const double top = area.y + row * Pitch() + (rows * Pitch() - height) / 2 + 0.25 * Pitch();
    for (size_t k = 0; k < lines.size(); ++k)
      AddLine(text, lines[k], area.x,
              top + k * box + (box - style.size) / 2 + kEmAscent * style.size, b.heading_style,
              display.split_words[k]);
    if (!options.trial) b.items.clear(), b.lines.clear();
    flow.placed[i] = true;
    return rows;
  }

  // The body of a stacked article: subheads across, each section set as a region of its
  // own (pictures and balance). Ends are those of the lowest section, from the area's top.
  BodyResult SectionedBody(int top_rows, int cols) {
    const bool continues = !part.continues_on.empty();
    const double width = cx.grid().column_x(cols - 1) + cx.grid().column_width();
    std::vector<size_t> todo = Todo();
    int row = top_rows;
    BodyResult out;
    out.column_ends.assign(static_cast<size_t>(cols), top_rows);
    size_t i = 0;
    while (i < todo.size()) {
      if (flow.blocks[todo[i]].heading) {
        int rows = HeadingAcross(todo[i], row, width);
        if (rows < 0) break;
        row += rows;
        out.column_ends.assign(static_cast<size_t>(cols), row);
        ++i;
        continue;
      }
      size_t j = i;
      while (j < todo.size() && !flow.blocks[todo[j]].heading) ++j;
      std::vector<size_t> section(todo.begin() + static_cast<long>(i),
                                  todo.begin() + static_cast<long>(j));
      BodyResult r = FlowBody(section, row, area.rows - row, cols, continues);
      out.column_ends = r.column_ends;
      for (int& e : out.column_ends) e += row;
      row += r.used;
      if (!r.all_placed) break;
      i = j;
    }
    out.used = row - top_rows;
    out.all_placed = flow.Done();
    if (!continues && !out.all_placed) Overset(top_rows);
    return out;
  }

  // Moves block i to grid line `row` of column `col` (`air`: pt more above its content).
  void Put(size_t i, int col, int row, double air = 0) {
    if (options.trial) {
      flow.placed[i] = true;
      return;
    }
    BodyBlock& b = flow.blocks[i];
    Shift(b.items, ColumnX(col), area.y + row * Pitch() + air);
    for (Item& item : b.items) frame.items.push_back(std::move(item));
    for (LineRecord& l : b.lines) {
      l.page = page;
      l.where = frame.name;
      report.lines.push_back(std::move(l));
    }
    for (MissingGlyphRecord& m : b.missing) missing.push_back(m);
    for (PictureRecord& p : b.pictures) {
      p.page = page;
      report.pictures.push_back(p);
    }
    b.items.clear(), b.lines.clear(), b.missing.clear(), b.pictures.clear();
    flow.placed[i] = true;
  }

  Frame Place() {
    frame.name = "slot:" + slot.name;
    frame.x = outer.x, frame.y = outer.y, frame.width = outer.width, frame.height = outer.height;
    const size_t lines_before = report.lines.size();
    const size_t pictures_before = report.pictures.size();
    int cols = area.cols, top_rows = 0;
    const double full = area.width;
    // The headline block under the article's first picture: its grid lines are kept in the
    // body's flow region, under the picture, and it is set where they come out.
    const long above_at = PictureAboveHeadline(flow, slot, part, cols);
    bool above = above_at >= 0;
    if (above) {
      HeadlineBlock scratch;
      above_head_rows = LayOutHeadline(cx, article, slot, full, options.headlines, scratch).rows +
                        Byline(0, full, false);
      if (above_head_rows > area.rows) above = false, above_head_rows = 0;
      if (above) above_block = static_cast<size_t>(above_at);
    }
    if (part.first) {
      if (slot.vertical_headline && cols >= 2) {
        --cols;
        VerticalHeadline(cols);
      } else if (!above) {
        top_rows = Headline(full);
      }
      double body_width = cx.grid().column_x(cols - 1) + cx.grid().column_width();
      if (!above) top_rows += Byline(top_rows, body_width);
      flow.started = true;
      flow.headline_style = slot.headline_style;
    } else {
      top_rows = ContinuationHead(full);
    }
    BodyResult body;
    const size_t items_before = frame.items.size(), lines_before_body = report.lines.size();
    if (top_rows > area.rows) {
      Overset(top_rows);
    } else {
      body = slot.kind == SlotKind::kStack ? SectionedBody(top_rows, cols) : Body(top_rows, cols);
    }
    if (above) {
      // Set where the region kept its grid lines, and put first in the frame and the
      // report, as it reads: headline, byline, then the picture and the body.
      const size_t items_body = frame.items.size(), lines_body = report.lines.size();
      const int rows = Headline(full, head_row);
      Byline(head_row + rows, full);
      std::rotate(frame.items.begin() + static_cast<long>(items_before),
                  frame.items.begin() + static_cast<long>(items_body), frame.items.end());
      std::rotate(report.lines.begin() + static_cast<long>(lines_before_body),
                  report.lines.begin() + static_cast<long>(lines_body), report.lines.end());
    }
    if (slot.boxed) {
      // Half a gutter outside the columns, at the fill's edge when the slot is shaded.
      const double g = cx.paper.grid.gutter;
      RectItem box;
      box.x = outer.x - g / 2, box.y = outer.y, box.width = outer.width + g;
      box.height = outer.height;
      box.has_stroke = true;
      box.stroke = cx.StyleOf("body").colour;
      box.stroke_width = 0.75;
      box.role = "box";
      frame.items.push_back(box);
    }
    int lines = 0;
    for (size_t i = lines_before; i < report.lines.size(); ++i)
      if (report.lines[i].role == "body") ++lines;
    SlotRecord rec;
    rec.page = page, rec.slot = slot.name, rec.article = article.id;
    // Counted in the slot's area: the padding's grid lines above and below the text.
    rec.columns = outer.cols, rec.rows = outer.rows,
    rec.rows_used = top_rows + body.used + pad_top + pad_foot;
    rec.headline_rows = above ? above_head_rows : top_rows, rec.lines = lines;
    rec.headline_first_row = pad_top + (above ? head_row : 0);
    rec.first_row = outer.row - slot.area.row, rec.slot_rows = slot.area.rows;
    rec.x = outer.x, rec.y = outer.y, rec.width = outer.width, rec.height = outer.height;
    rec.grid_col = outer.col, rec.grid_row = outer.row;
    rec.column_ends = body.column_ends;
    // A column's end counts the padding under it: a padded column that reaches the
    // padding is full, as one reaching the foot of an unpadded slot is.
    for (int& e : rec.column_ends) e += pad_top + pad_foot;
    rec.optional = slot.optional;
    rec.headline_lines = headline_lines;
    rec.headline_size = headline_size;
    rec.headline_one_line_size = headline_one_line_size;
    for (const BodyBlock& b : flow.blocks) rec.pictures += b.picture;
    rec.continuation = !part.first;
    rec.picture_only = !part.first && lines == 0 && report.pictures.size() > pictures_before;
    report.slots.push_back(rec);
    for (MissingGlyphRecord& m : missing) {
      m.page = page;
      m.where = article.id;
      if (m.pos.file.empty()) m.pos = article.headline_pos;  // headline parts
      report.missing_glyphs.push_back(m);
    }
    return std::move(frame);
  }
};

}  // namespace

bool PictureMayCrop(const BodyBlock& b) {
  return b.picture && b.source && b.source->picture_rows == 0 && b.source->picture_ratio == 0;
}

OversetRecord Leftover(const ArticleFlow& flow, int page, const std::string& slot) {
  OversetRecord o;
  o.page = page;
  o.slot = slot;
  o.article = flow.article->id;
  o.pos = flow.article->pos;
  for (size_t i = 0; i < flow.blocks.size(); ++i) {
    if (flow.placed[i]) continue;
    const BodyBlock& b = flow.blocks[i];
    o.characters_left += b.characters;
    o.lines_left +=
        b.table ? static_cast<size_t>(b.flow.rows) : b.lines.size();  // a table: its grid lines
    o.pictures_left += b.picture;
    if (Utf8Length(o.text_left) < 40) o.text_left += b.text;
  }
  size_t k = 0, n = 0;
  while (k < o.text_left.size() && n < 40) Utf8Next(o.text_left, k), ++n;
  o.text_left = o.text_left.substr(0, k);
  return o;
}

ArticleFlow::Trial ArticleFlow::Save() const {
  return {placed, started, headline_style};
}

void ArticleFlow::Restore(const Trial& t) {
  placed = t.placed;
  started = t.started;
  headline_style = t.headline_style;
}

bool ArticleFlow::Done() const {
  return std::all_of(placed.begin(), placed.end(), [](bool p) { return p; });
}

ArticleFlow ComposeArticle(const Article& article, const Paper& paper, FontSet& fonts,
                           int measure_loss) {
  Context cx{paper, fonts, measure_loss};
  ArticleFlow flow;
  flow.article = &article;
  flow.measure_loss = measure_loss;
  flow.blocks = BodyComposer{cx, article, {}}.Compose();
  flow.placed.assign(flow.blocks.size(), false);
  return flow;
}

Frame PlaceModule(ArticleFlow& flow, const Slot& slot, const Area& area, const ModulePart& part,
                  const Paper& paper, FontSet& fonts, int page_number, LayoutReport& report,
                  const PlaceOptions& options) {
  // The text inside the padding: whole characters in from each side (as the article was
  // composed), whole grid lines down from the top and up from the foot (not in a stack,
  // whose padding the stack keeps at its own top and foot).
  Context cx{paper, fonts, flow.measure_loss};
  const PaddingInset inset = SlotInset(slot, paper.grid);
  const int pad_rows =
      slot.kind == SlotKind::kStack ? 0 : std::max(0, std::min(inset.rows, (area.rows - 1) / 2));
  int pad_top = pad_rows;
  const double dx = flow.measure_loss * paper.grid.body_size / 2;
  if (pad_rows > 0 && part.first && !slot.vertical_headline &&
      PictureAboveHeadline(flow, slot, part, area.cols) < 0) {
    // A module that opens with its headline block: the block's air above its first line
    // box may clear the padding by itself.
    HeadlineBlock scratch;
    const HeadlineBlock& hb =
        LayOutHeadline(cx, *flow.article, slot, area.width - 2 * dx, options.headlines, scratch);
    if (!hb.tops.empty() && hb.tops.front() >= slot.padding) pad_top = 0;
  }
  Area inner = area;
  inner.x += dx, inner.width -= 2 * dx;
  inner.row += pad_top, inner.rows -= pad_top + pad_rows;
  inner.y += pad_top * paper.grid.line_pitch;
  inner.height = inner.rows * paper.grid.line_pitch;
  Placer placer{cx,          flow,   *flow.article, slot, inner, area, pad_top, pad_rows, part,
                page_number, report, options,       {},   {},    {},   0,       0,        0};
  return placer.Place();
}

namespace {

// The title bar's text laid out across `width`, and the grid lines the bar takes.
struct TitleBar {
  ShapedText text;
  DisplayText display;
  double box = 0;  // each line box's height
  int rows = 0;
};

TitleBar LayOutTitleBar(const Context& cx, const Slot& slot, double width) {
  const Style& style = cx.StyleOf(slot.headline_bar->style);
  TitleBar t;
  t.text = ShapeOne(cx.fonts, slot.headline_bar->text, style);
  t.display = BreakDisplay(t.text, width, cx.Display(slot.headline_align));
  t.box = style.leading > 0 ? style.leading : 1.25 * style.size;
  const double pitch = cx.grid().line_pitch;
  // The bar is the title's air: its lines boxes on the fewest whole grid lines that hold them.
  t.rows = std::max(1, static_cast<int>(std::ceil(t.display.lines.size() * t.box / pitch - 1e-6)));
  return t;
}

}  // namespace

int TitleBarRows(const Slot& slot, const Paper& paper, FontSet& fonts) {
  if (!slot.headline_bar || slot.headline_bar->text.empty()) return 0;
  Context cx{paper, fonts};
  return LayOutTitleBar(cx, slot, slot.area.width - 2 * paper.grid.body_size).rows;
}

SlotShading ShadeSlot(const Slot& slot, const Area& area, const Paper& paper, FontSet& fonts,
                      int page_number, LayoutReport& report) {
  Context cx{paper, fonts};
  SlotShading out;
  out.frame.name = "slot:" + slot.name;
  out.frame.x = area.x, out.frame.y = area.y;
  out.frame.width = area.width, out.frame.height = area.height;
  if (slot.fill) {
    // The slot's area; a boxed slot's frame rectangle, half a gutter wider at each side.
    const double wider = slot.boxed ? paper.grid.gutter / 2 : 0;
    RectItem fill;
    fill.x = area.x - wider, fill.y = area.y, fill.width = area.width + 2 * wider;
    fill.height = area.height;
    fill.has_fill = true;
    fill.fill = *slot.fill;
    fill.role = "fill";
    out.frame.items.push_back(fill);
  }
  if (!slot.headline_bar || slot.headline_bar->text.empty()) return out;
  // The title inset a character from the bar's ends, centred on its grid lines.
  const double inset = paper.grid.body_size, pitch = paper.grid.line_pitch;
  const TitleBar t = LayOutTitleBar(cx, slot, area.width - 2 * inset);
  out.title_rows = std::min(t.rows, area.rows);
  RectItem bar;
  bar.x = area.x, bar.y = area.y, bar.width = area.width, bar.height = out.title_rows * pitch;
  bar.has_fill = true;
  bar.fill = slot.headline_bar->fill;
  bar.role = "headline-bar";
  out.frame.items.push_back(bar);
  const Style& style = cx.StyleOf(slot.headline_bar->style);
  const double top = area.y + (t.rows * pitch - t.display.lines.size() * t.box) / 2;
  for (size_t i = 0; i < t.display.lines.size(); ++i) {
    const double baseline = top + i * t.box + (t.box - style.size) / 2 + kEmAscent * style.size;
    AppendLineRuns(t.text, t.display.lines[i], area.x + inset, baseline, out.frame.items, nullptr);
    LineRecord r = Record(t.text, t.display.lines[i], style.name, false, t.display.split_words[i]);
    r.page = page_number;
    r.where = out.frame.name;
    report.lines.push_back(r);
  }
  return out;
}

int HeadlineRows(const Article& article, const Slot& slot, const Paper& paper, FontSet& fonts,
                 HeadlineCache* headlines) {
  Context cx{paper, fonts};
  HeadlineBlock scratch;
  // Inside a padded slot's sides, as PlaceModule sets it.
  const double width = slot.area.width - 2 * SlotInset(slot, paper.grid).side();
  int rows = LayOutHeadline(cx, article, slot, width, headlines, scratch).rows;
  if (!article.byline.empty()) {
    ShapedText text = ShapeOne(fonts, article.byline, cx.StyleOf("byline"));
    rows += static_cast<int>(BreakDisplay(text, width, cx.Display(Align::kLeft)).lines.size());
  }
  return rows;
}

int ContinuationRows(const Article& article, const std::string& headline_style, const Slot& slot,
                     const Paper& paper, FontSet& fonts, const std::string& from_label) {
  Context cx{paper, fonts};
  return LayOutContinuationHead(cx, article, headline_style, slot, slot.area.width,
                                ContinuedFromText(from_label, ""))
      .rows;
}

std::string BlockTooTall(const BodyBlock& b, const std::string& slot, int rows) {
  const std::string what =
      b.picture && b.source ? "picture '" + b.source->picture_path + "' (line " +
                                  std::to_string(b.source->pos.line) + ") with its caption"
      : b.table && b.source ? "the table at line " + std::to_string(b.source->pos.line)
                            : "a block (“" + b.text.substr(0, 30) + "…”)";
  return what + " takes " + std::to_string(b.flow.rows) + " grid lines; slot '" + slot + "' has " +
         std::to_string(rows) + " grid lines";
}

std::string ContinuesOnText(const std::string& to, const std::string& here) {
  return to == here ? "（下转本版）" : "（下转第" + to + "版）";
}

std::string ContinuedFromText(const std::string& from, const std::string& here) {
  return from == here ? "（上接本版）" : "（上接第" + from + "版）";
}

}  // namespace banmian
