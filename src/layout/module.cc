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
    ps.first_indent = 2 * StyleOf("body").size;
    ps.justify = true;
    for (const ComposedLine& line : BreakLines(text, grid().column_width(), ps)) {
      BodyBlock bb;
      bb.flow.rows = 1;
      AppendLineRuns(text, line, 0, BaselineInRow(0, StyleOf("body").size), bb.items,
                     MissingSink());
      bb.text = LineText(text, line);
      bb.characters = CountVisible(bb.text);
      Record(bb.lines, text, line, "body", true);
      out.push_back(std::move(bb));
    }
  }

  // A heading inside the body (#### crosshead, ### section title, byline): one block
  // of whole grid lines with its lines centred in it.
  void Heading(const std::vector<Span>& spans, const std::string& style_name, bool air_above,
               bool keep_with_next, std::vector<BodyBlock>& out) {
    const Style& style = StyleOf(style_name);
    std::vector<StyledRun> runs;
    for (const Span& s : spans) runs.push_back({s.text, &style});
    ShapedText text = Shape(fonts, runs);
    ParagraphStyle ps;
    ps.justify = false;
    ps.align = style.align;
    auto lines = BreakBalanced(text, grid().column_width(), ps);
    double box = style.leading > 0 ? style.leading : std::max(grid().line_pitch, 1.25 * style.size);
    double height = lines.size() * box;
    BodyBlock bb;
    bb.flow.rows =
        static_cast<int>(std::ceil(height / grid().line_pitch - 1e-6)) + (air_above ? 1 : 0);
    bb.flow.keep_with_next = keep_with_next;
    double top = (bb.flow.rows * grid().line_pitch - height) / 2;
    if (air_above) top += 0.25 * grid().line_pitch;  // sit nearer the text it leads
    for (size_t i = 0; i < lines.size(); ++i) {
      double baseline = top + i * box + (box - style.size) / 2 + kEmAscent * style.size;
      AppendLineRuns(text, lines[i], 0, baseline, bb.items, MissingSink());
      bb.text += LineText(text, lines[i]);
      Record(bb.lines, text, lines[i], style_name, false);
    }
    bb.characters = CountVisible(bb.text);
    out.push_back(std::move(bb));
  }

  void Picture(const Block& b, std::vector<BodyBlock>& out) {
    const double width = grid().column_width();
    const double image_h = width * b.picture_height / b.picture_width;
    const Style& cap = StyleOf("caption");
    std::vector<StyledRun> runs;
    for (const Span& s : b.spans) runs.push_back({s.text, &cap});
    ShapedText text = Shape(fonts, runs);
    ParagraphStyle ps;
    ps.justify = true;
    auto lines = text.atoms.empty() ? std::vector<ComposedLine>{} : BreakLines(text, width, ps);
    const double cap_pitch = cap.leading > 0 ? cap.leading : 1.35 * cap.size;
    const double top = (grid().line_pitch - grid().body_size) / 2;  // level with the text's em box
    const double gap = 0.4 * grid().body_size;
    double height = top + image_h + (lines.empty() ? 0 : gap + lines.size() * cap_pitch);
    BodyBlock bb;
    bb.flow.rows = static_cast<int>(std::ceil(height / grid().line_pitch + 0.3));
    ImageItem img;
    img.path = b.picture_path;
    img.x = 0, img.y = top, img.width = width, img.height = image_h;
    img.pixel_width = b.picture_width, img.pixel_height = b.picture_height;
    img.role = "picture";
    bb.items.push_back(img);
    bb.picture = true;
    for (size_t i = 0; i < lines.size(); ++i) {
      double baseline =
          top + image_h + gap + i * cap_pitch + (cap_pitch - cap.size) / 2 + kEmAscent * cap.size;
      AppendLineRuns(text, lines[i], 0, baseline, bb.items, MissingSink());
      bb.text += LineText(text, lines[i]);
      Record(bb.lines, text, lines[i], "caption", true);
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

  Frame Build() {
    Frame frame;
    frame.name = "slot:" + slot.name;
    frame.x = slot.area.x, frame.y = slot.area.y;
    frame.width = slot.area.width, frame.height = slot.area.height;

    int headline_rows = Headline(frame);
    std::vector<BodyBlock> blocks;
    if (!article.byline.empty())
      Heading({{article.byline, SpanStyle::kPlain}}, "byline", false, true, blocks);
    for (const Block& b : article.blocks) {
      switch (b.kind) {
        case BlockKind::kParagraph:
          Paragraph(b, blocks);
          break;
        case BlockKind::kCrosshead:
          Heading(b.spans, "crosshead", true, true, blocks);
          break;
        case BlockKind::kSectionTitle:
          Heading(b.spans, "section_title", true, true, blocks);
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
    for (size_t i = 0; i < placed.placed; ++i) {
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
      Overset(frame, blocks, placed.placed, headline_rows);
    for (MissingGlyphRecord& m : missing) {
      m.page = page;
      m.where = article.id;
      m.pos = article.pos;
      report.missing_glyphs.push_back(m);
    }
    return frame;
  }

  // Text that did not fit: counted, reported and marked in the slot's corner.
  void Overset(Frame& frame, const std::vector<BodyBlock>& blocks, size_t from, int headline_rows) {
    OversetRecord o;
    o.page = page;
    o.slot = slot.name;
    o.article = article.id;
    o.pos = article.pos;
    if (headline_rows > slot.area.rows)
      o.headline_rows = headline_rows, o.slot_rows = slot.area.rows;
    for (size_t i = from; i < blocks.size(); ++i) {
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
