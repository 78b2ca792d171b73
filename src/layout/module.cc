#include "layout/module.h"

#include <cmath>

#include "compose/column_flow.h"
#include "compose/line_breaker.h"
#include "layout/line_items.h"
#include "model/utf8.h"
#include "text/script.h"
#include "text/shaper.h"

namespace banmian {

namespace {

// A block of the body, before it is given a column: everything it draws is relative
// to the top-left of its first grid line.
struct BodyBlock {
  FlowBlock flow;
  bool picture = false;
  std::vector<Item> items;  // positioned relative to (column left, block top)
  std::string text;         // what it shows, for overset reports
  size_t characters = 0;    // non-space characters it shows
  std::vector<LineRecord> lines;
};

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

struct ModuleBuilder {
  const Article& article;
  const Slot& slot;
  const Paper& paper;
  FontSet& fonts;
  int page;
  LayoutReport& report;

  const Grid& grid() const { return paper.grid; }
  const Style& StyleOf(const std::string& name) const { return *paper.FindStyle(name); }

  // Baseline of text of `size` centred in a grid line whose top is at y.
  double BaselineInRow(double row_top, double size) const {
    return row_top + (grid().line_pitch - size) / 2 + kEmAscent * size;
  }

  std::vector<StyledRun> Runs(const std::vector<Span>& spans, const std::string& plain) const {
    std::vector<StyledRun> runs;
    for (const Span& s : spans) {
      const char* name = s.style == SpanStyle::kEmphasis ? "body_emph"
                         : s.style == SpanStyle::kStrong ? "body_strong"
                                                         : nullptr;
      runs.push_back({s.text, &StyleOf(name ? name : plain)});
    }
    return runs;
  }

  void Record(std::vector<LineRecord>& out, const ShapedText& text, const ComposedLine& line,
              const std::string& role, bool justified) {
    out.push_back({page, "slot:" + slot.name, role, LineText(text, line), justified && !line.last,
                   line.overfull});
  }

  // Display lines (headline parts): each set in the module width, no justification.
  struct DisplayLine {
    ShapedText text;
    ComposedLine line;
    const Style* style;
    double box;  // height of the line box
  };

  std::vector<DisplayLine> Display(const std::string& s, const Style& style, Align align,
                                   double width) {
    std::vector<DisplayLine> out;
    if (s.empty()) return out;
    // A display text may hold explicit line breaks (YAML "|" blocks).
    size_t start = 0;
    while (start <= s.size()) {
      size_t nl = s.find('\n', start);
      std::string piece = s.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      start = nl == std::string::npos ? s.size() + 1 : nl + 1;
      if (piece.empty()) continue;
      ShapedText text = ShapeOne(fonts, piece, style);
      ParagraphStyle ps;
      ps.rules = paper.rules;
      ps.justify = false;
      ps.align = align;
      for (ComposedLine& line : BreakBalanced(text, width, ps)) {
        double box = style.leading > 0 ? style.leading : 1.25 * style.size;
        out.push_back({text, line, &style, box});
      }
    }
    return out;
  }

  // The headline block; returns the grid lines it takes.
  int Headline(Frame& frame) {
    const double width = slot.area.width;
    Align align = slot.headline_align;
    std::vector<DisplayLine> lines;
    std::vector<size_t> part_starts;
    auto add = [&](const std::string& s, const std::string& style_name, Align a) {
      part_starts.push_back(lines.size());
      for (auto& l : Display(s, StyleOf(style_name), a, width)) lines.push_back(std::move(l));
    };
    if (!article.tag.empty()) add("【" + article.tag + "】", "tag", Align::kLeft);
    add(article.kicker, "kicker", align);
    add(article.headline, slot.headline_style, align);
    add(article.subhead, "subhead", align);
    if (lines.empty()) return 0;
    // Stack the line boxes, with a little air between the parts.
    const double part_gap = 0.35 * grid().body_size;
    double height = 0;
    std::vector<double> tops;
    for (size_t i = 0; i < lines.size(); ++i) {
      bool new_part =
          i > 0 && std::find(part_starts.begin(), part_starts.end(), i) != part_starts.end();
      if (new_part) height += part_gap;
      tops.push_back(height);
      height += lines[i].box;
    }
    int rows =
        static_cast<int>(std::ceil((height + 0.6 * grid().line_pitch) / grid().line_pitch - 1e-6));
    double offset = (rows * grid().line_pitch - height) / 2;
    for (size_t i = 0; i < lines.size(); ++i) {
      const DisplayLine& d = lines[i];
      double baseline =
          slot.area.y + offset + tops[i] + (d.box - d.style->size) / 2 + kEmAscent * d.style->size;
      AppendLineRuns(d.text, d.line, slot.area.x, baseline, frame.items, MissingSink());
      Record(report.lines, d.text, d.line, d.style->name, false);
    }
    return rows;
  }

  std::vector<MissingGlyphRecord> missing;
  std::vector<MissingGlyphRecord>* MissingSink() { return &missing; }

  // One body-text paragraph: a block per line.
  void Paragraph(const Block& b, std::vector<BodyBlock>& out) {
    ShapedText text = Shape(fonts, Runs(b.spans, "body"));
    ParagraphStyle ps;
    ps.rules = paper.rules;
    ps.first_indent = 2 * StyleOf("body").size;
    ps.justify = true;
    auto lines = BreakLines(text, grid().column_width(), ps);
    for (size_t i = 0; i < lines.size(); ++i) {
      const ComposedLine& line = lines[i];
      BodyBlock bb;
      bb.flow.rows = 1;
      // Neither a paragraph's first line alone at a column's foot nor its last line
      // alone at a column's head, where the slot has room (CJK-RULES §6).
      bb.flow.soft_keep_with_next = lines.size() > 1 && (i == 0 || i + 2 == lines.size());
      AppendLineRuns(text, line, 0, GridBaseline(0), bb.items, MissingSink());
      bb.text = LineText(text, line);
      bb.characters = CountVisible(bb.text);
      Record(bb.lines, text, line, "body", true);
      out.push_back(std::move(bb));
    }
  }

  // The baseline of grid line `row` counted from a block's top: every line of text in
  // the columns sits on one of these, so neighbouring columns line up (CJK-RULES §1).
  double GridBaseline(int row) const {
    return row * grid().line_pitch + BaselineInRow(0, grid().body_size);
  }

  // A heading inside the body (#### crosshead, ### section title): whole grid lines,
  // one more than its text needs for air, with the text centred a little towards what
  // it leads, so the text after it lands back on the grid (CJK-RULES §1). Kept with
  // what follows.
  void Heading(const std::vector<Span>& spans, const std::string& style_name,
               std::vector<BodyBlock>& out) {
    const Style& style = StyleOf(style_name);
    std::vector<StyledRun> runs;
    for (const Span& s : spans) runs.push_back({s.text, &style});
    ShapedText text = Shape(fonts, runs);
    ParagraphStyle ps;
    ps.rules = paper.rules;
    ps.justify = false;
    ps.align = style.align;
    auto lines = BreakBalanced(text, grid().column_width(), ps);
    const double pitch = grid().line_pitch;
    const double box = style.leading > 0 ? style.leading : std::max(pitch, 1.25 * style.size);
    const double height = lines.size() * box;
    BodyBlock bb;
    bb.flow.rows = static_cast<int>(std::ceil(height / pitch - 1e-6)) + 1;
    bb.flow.keep_with_next = true;
    const double top = (bb.flow.rows * pitch - height) / 2 + 0.25 * pitch;
    for (size_t i = 0; i < lines.size(); ++i) {
      double baseline = top + i * box + (box - style.size) / 2 + kEmAscent * style.size;
      AppendLineRuns(text, lines[i], 0, baseline, bb.items, MissingSink());
      bb.text += LineText(text, lines[i]);
      Record(bb.lines, text, lines[i], style_name, false);
    }
    bb.characters = CountVisible(bb.text);
    out.push_back(std::move(bb));
  }

  // A picture the width of a column, its caption under it on the grid, indented two
  // characters like a paragraph.
  void Picture(const Block& b, std::vector<BodyBlock>& out) {
    const double width = grid().column_width();
    const double image_h = width * b.picture_height / b.picture_width;
    const Style& cap = StyleOf("caption");
    std::vector<StyledRun> runs;
    for (const Span& s : b.spans) runs.push_back({s.text, &cap});
    ShapedText text = Shape(fonts, runs);
    ParagraphStyle ps;
    ps.rules = paper.rules;
    ps.justify = true;
    ps.first_indent = 2 * cap.size;
    auto lines = text.atoms.empty() ? std::vector<ComposedLine>{} : BreakLines(text, width, ps);
    const double pitch = grid().line_pitch;
    const double top = (pitch - grid().body_size) / 2;  // level with the text's em box
    // The caption starts on the first grid line whose text clears the picture.
    int caption_row =
        static_cast<int>(std::ceil((top + image_h + 0.3 * grid().body_size) / pitch - 1e-6));
    while (GridBaseline(caption_row) - kEmAscent * cap.size <
           top + image_h + 0.3 * grid().body_size)
      ++caption_row;
    // The credit on a line of its own, flush right.
    ShapedText credit = ShapeOne(fonts, b.credit, cap);
    std::vector<ComposedLine> credit_lines;
    if (!b.credit.empty()) {
      ParagraphStyle right;
      right.rules = paper.rules;
      right.justify = false;
      right.align = Align::kRight;
      credit_lines = BreakLines(credit, width, right);
    }
    BodyBlock bb;
    bb.flow.rows = (lines.empty() && credit_lines.empty())
                       ? caption_row
                       : caption_row + static_cast<int>(lines.size() + credit_lines.size());
    ImageItem img;
    img.path = b.picture_path;
    img.x = 0, img.y = top, img.width = width, img.height = image_h;
    img.pixel_width = b.picture_width, img.pixel_height = b.picture_height;
    img.role = "picture";
    bb.items.push_back(img);
    bb.picture = true;
    bb.flow.float_to_column_top = true;
    for (size_t i = 0; i < lines.size(); ++i) {
      AppendLineRuns(text, lines[i], 0, GridBaseline(caption_row + static_cast<int>(i)), bb.items,
                     MissingSink());
      bb.text += LineText(text, lines[i]);
      Record(bb.lines, text, lines[i], "caption", true);
    }
    for (size_t i = 0; i < credit_lines.size(); ++i) {
      int row = caption_row + static_cast<int>(lines.size() + i);
      AppendLineRuns(credit, credit_lines[i], 0, GridBaseline(row), bb.items, MissingSink());
      bb.text += LineText(credit, credit_lines[i]);
      Record(bb.lines, credit, credit_lines[i], "credit", false);
    }
    bb.characters = CountVisible(bb.text);
    out.push_back(std::move(bb));
    PictureRecord pr;
    pr.page = page;
    pr.article = article.id;
    pr.path = b.picture_path;
    pr.pixel_width = b.picture_width, pr.pixel_height = b.picture_height;
    pr.placed_width = width, pr.placed_height = image_h;
    pr.effective_ppi = b.picture_width / (width / 72.0);
    pr.pos = b.pos;
    report.pictures.push_back(pr);
  }

  // The byline under the headline, across the module, on grid lines of its own.
  int Byline(Frame& frame, int first_row) {
    if (article.byline.empty()) return 0;
    const Style& style = StyleOf("byline");
    ShapedText text = ShapeOne(fonts, article.byline, style);
    ParagraphStyle ps;
    ps.rules = paper.rules;
    ps.justify = false;
    auto lines = BreakBalanced(text, slot.area.width, ps);
    for (size_t i = 0; i < lines.size(); ++i) {
      double baseline = slot.area.y + GridBaseline(first_row + static_cast<int>(i));
      AppendLineRuns(text, lines[i], slot.area.x, baseline, frame.items, MissingSink());
      Record(report.lines, text, lines[i], "byline", false);
    }
    return static_cast<int>(lines.size());
  }

  Frame Build() {
    Frame frame;
    frame.name = "slot:" + slot.name;
    frame.x = slot.area.x, frame.y = slot.area.y;
    frame.width = slot.area.width, frame.height = slot.area.height;

    int headline_rows = Headline(frame);
    headline_rows += Byline(frame, headline_rows);
    std::vector<BodyBlock> blocks;
    for (const Block& b : article.blocks) {
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
          Picture(b, blocks);
          break;
      }
    }
    std::vector<FlowBlock> flow;
    for (const BodyBlock& b : blocks) flow.push_back(b.flow);
    const int body_rows = slot.area.rows - headline_rows;
    FlowResult placed = FlowIntoColumns(flow, slot.area.cols, std::max(0, body_rows), true);
    const double pitch = grid().line_pitch;
    int lines = 0;
    for (size_t i = 0; i < blocks.size(); ++i) {
      if (!placed.IsPlaced(i)) continue;
      BodyBlock& b = blocks[i];
      double x = slot.area.x + grid().column_x(placed.positions[i].column);
      double y = slot.area.y + (headline_rows + placed.positions[i].row) * pitch;
      Shift(b.items, x, y);
      for (Item& item : b.items) frame.items.push_back(std::move(item));
      for (LineRecord& l : b.lines) report.lines.push_back(std::move(l));
      lines += b.flow.rows;
    }
    report.slots.push_back({page, slot.name, article.id, slot.area.cols, slot.area.rows,
                            headline_rows + placed.column_height, headline_rows, lines});
    if (placed.placed < blocks.size() || headline_rows > slot.area.rows)
      Overset(frame, blocks, placed, headline_rows);
    for (MissingGlyphRecord& m : missing) {
      m.page = page;
      m.where = article.id;
      m.pos = article.pos;
      report.missing_glyphs.push_back(m);
    }
    return frame;
  }

  // Text that did not fit: counted, reported and marked in the slot's corner.
  void Overset(Frame& frame, const std::vector<BodyBlock>& blocks, const FlowResult& placed,
               int headline_rows) {
    OversetRecord o;
    o.page = page;
    o.slot = slot.name;
    o.article = article.id;
    o.pos = article.pos;
    if (headline_rows > slot.area.rows)
      o.headline_rows = headline_rows, o.slot_rows = slot.area.rows;
    for (size_t i = 0; i < blocks.size(); ++i) {
      if (placed.IsPlaced(i)) continue;
      o.characters_left += blocks[i].characters;
      o.lines_left += blocks[i].lines.size();
      o.pictures_left += blocks[i].picture;
      if (Utf8Length(o.text_left) < 40) o.text_left += blocks[i].text;
    }
    size_t k = 0, n = 0;
    while (k < o.text_left.size() && n < 40) Utf8Next(o.text_left, k), ++n;
    o.text_left = o.text_left.substr(0, k);
    report.overset.push_back(o);

    const Cmyk red{0, 100, 100, 0, "overset"};
    const double size = grid().body_size;
    std::string label = "溢出 " + std::to_string(o.characters_left) + " 字" +
                        (o.pictures_left ? " " + std::to_string(o.pictures_left) + " 图" : "");
    Style mark = StyleOf("body");
    mark.colour = Cmyk{0, 0, 0, 0, "paper"};
    mark.name = "overset-mark";
    ShapedText text = ShapeOne(fonts, label, mark);
    ParagraphStyle ps;
    ps.rules = paper.rules;
    ps.justify = false;
    auto lines = BreakLines(text, slot.area.width, ps);
    double w = text.Width(0, text.atoms.size()) + size;
    RectItem box;
    box.x = slot.area.x + slot.area.width - w;
    box.y = slot.area.y + slot.area.height - grid().line_pitch;
    box.width = w, box.height = grid().line_pitch;
    box.has_fill = true;
    box.fill = red;
    box.role = "overset-mark";
    frame.items.push_back(box);
    if (!lines.empty())
      AppendLineRuns(text, lines[0], box.x + size / 2, BaselineInRow(box.y, size), frame.items,
                     nullptr);
  }
};

}  // namespace

Frame PlaceModule(const Article& article, const Slot& slot, const Paper& paper, FontSet& fonts,
                  int page_number, LayoutReport& report) {
  ModuleBuilder builder{article, slot, paper, fonts, page_number, report, {}};
  return builder.Build();
}

}  // namespace banmian
