#include "render/pdf_page_content.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace banmian {

void AppendNumber(std::string& out, double value, int decimals) {
  static const double kScale[] = {1, 10, 100, 1000, 10000, 100000};
  decimals = std::clamp(decimals, 0, 5);
  const double scale = kScale[decimals];
  long long scaled = std::llround(value * scale);
  if (scaled < 0) {
    out += '-';
    scaled = -scaled;
  }
  const long long whole = scaled / static_cast<long long>(scale);
  long long fraction = scaled % static_cast<long long>(scale);
  char digits[24];
  int n = 0;
  long long w = whole;
  do {
    digits[n++] = static_cast<char>('0' + w % 10);
    w /= 10;
  } while (w > 0);
  while (n > 0) out += digits[--n];
  if (fraction == 0) return;
  int places = decimals;
  while (fraction % 10 == 0) fraction /= 10, --places;
  out += '.';
  char frac[8];
  for (int i = places - 1; i >= 0; --i)
    frac[i] = static_cast<char>('0' + fraction % 10), fraction /= 10;
  out.append(frac, places);
}

namespace {

class ContentWriter {
 public:
  ContentWriter(const PageContentSettings& settings) : s_(settings) { out_.reserve(1 << 16); }

  std::string Finish() { return std::move(out_); }

  // Runs [begin, end) of `items` that make one line: wrapped in an /ActualText span when
  // their glyphs would not copy out as their text.
  void Line(const std::vector<Item>& items, size_t begin, size_t end) {
    std::string text;
    for (size_t i = begin; i < end; ++i) text += std::get<GlyphRun>(items[i]).text;
    const bool span = !text.empty() && !CopiesOut(items, begin, end);
    if (span) out_ += "/Span <</ActualText " + PdfUtf16Hex(text) + ">> BDC\n";
    for (size_t i = begin; i < end; ++i) Run(std::get<GlyphRun>(items[i]));
    if (span) out_ += "EMC\n";
  }

  // Whether runs [begin, end) copy out as their text without help: every cluster one glyph
  // the font's ToUnicode map gives the cluster's text, and no glyph further from the end of
  // the one before than extractors take for the same word (pdftotext starts a new word at
  // a tenth of an em of space or a fifth of overlap, pdf.js adds a space at a tenth).
  bool CopiesOut(const std::vector<Item>& items, size_t begin, size_t end) const {
    const PositionedGlyph* previous = nullptr;
    double previous_end = 0, previous_size = 0;
    for (size_t i = begin; i < end; ++i) {
      const GlyphRun& run = std::get<GlyphRun>(items[i]);
      const FontMetrics* metrics = Metrics(run);
      const GlyphTexts* map = s_.texts && static_cast<size_t>(run.font) < s_.texts->size()
                                  ? (*s_.texts)[run.font]
                                  : nullptr;
      if (!metrics || !map) return false;
      size_t byte = 0, glyph = 0;
      for (const TextCluster& c : run.clusters) {
        if (!ClusterCopiesOut(run, c, byte, glyph, *map)) return false;
        byte += c.bytes;
        glyph += c.glyphs;
      }
      if (byte != run.text.size() || glyph != run.glyphs.size()) return false;
      for (const PositionedGlyph& g : run.glyphs) {
        if (previous) {
          const double gap = g.x - previous_end;
          if (gap > kMostSpace * previous_size || gap < -kMostOverlap * previous_size ||
              std::abs(g.y - previous->y) > 0.01)
            return false;
        }
        previous = &g;
        previous_end = g.x + metrics->WidthOf(g.id) * run.size / 1000;
        previous_size = run.size;
      }
    }
    return true;
  }

  void Run(const GlyphRun& run) {
    const FontMetrics* metrics = Metrics(run);
    if (!metrics || run.glyphs.empty()) return;
    // Synthetic bold: the outline stroked in the fill colour with round joins, inside q … Q
    // (which restores the state this writer tracks).
    const std::string fill = fill_, stroke = stroke_;
    const double line_width = line_width_;
    const int font = font_;
    const double size = size_;
    Overprint(IsPureBlack(run.colour));
    if (run.synthetic_bold) {
      out_ += "q 1 j 2 Tr\n";
      Colour(run.colour, true);
      LineWidth(run.size * kSyntheticBoldStroke);
    }
    Colour(run.colour, false);
    out_ += "BT\n";
    if (run.font != font_ || run.size != size_) {
      font_ = run.font, size_ = run.size;
      out_ += "/F";
      AppendNumber(out_, run.font, 0);
      out_ += ' ';
      AppendNumber(out_, run.size, 3);
      out_ += " Tf\n";
    }
    bool in_array = false, in_string = false;
    double pen_x = 0, pen_y = 0;
    const double per_unit = run.size / 1000;
    for (const PositionedGlyph& g : run.glyphs) {
      if (g.id > 0xFFFF) continue;
      const double x = X(g.x), y = Rounded(Y(g.y));
      const double gap = x - pen_x;
      if (!in_array || y != pen_y || gap < -run.size || gap > 10 * run.size) {
        if (in_string) out_ += '>';
        if (in_array) out_ += "] TJ\n";
        in_string = false;
        out_ += "1 0 0 1 ";
        pen_x = Rounded(x), pen_y = y;
        AppendNumber(out_, pen_x);
        out_ += ' ';
        AppendNumber(out_, pen_y);
        out_ += " Tm\n[";
        in_array = true;
      } else {
        const double adjust = std::round(-gap / per_unit * 100) / 100;
        if (adjust != 0) {
          if (in_string) out_ += '>';
          in_string = false;
          AppendNumber(out_, adjust, 2);
          pen_x -= adjust * per_unit;
        }
      }
      if (!in_string) out_ += '<';
      in_string = true;
      AppendHex(out_, g.id, 4);
      pen_x += metrics->WidthOf(g.id) * per_unit;
    }
    if (in_string) out_ += '>';
    if (in_array) out_ += "] TJ\n";
    out_ += "ET\n";
    if (run.synthetic_bold) {
      out_ += "Q\n";
      fill_ = fill, stroke_ = stroke, line_width_ = line_width, font_ = font, size_ = size;
    }
  }

  void Rect(const RectItem& rect) {
    if (!rect.has_fill && !rect.has_stroke) return;
    Overprint((!rect.has_fill || IsPureBlack(rect.fill)) &&
              (!rect.has_stroke || IsPureBlack(rect.stroke)));
    if (rect.has_fill) Colour(rect.fill, false);
    if (rect.has_stroke) {
      Colour(rect.stroke, true);
      LineWidth(rect.stroke_width);
    }
    AppendNumber(out_, X(rect.x));
    out_ += ' ';
    AppendNumber(out_, Y(rect.y + rect.height));
    out_ += ' ';
    AppendNumber(out_, rect.width);
    out_ += ' ';
    AppendNumber(out_, rect.height);
    out_ += rect.has_fill ? (rect.has_stroke ? " re B\n" : " re f\n") : " re S\n";
  }

  void Rule(const RuleItem& rule) {
    Overprint(IsPureBlack(rule.colour));
    Colour(rule.colour, true);
    LineWidth(rule.weight);
    AppendNumber(out_, X(rule.x1));
    out_ += ' ';
    AppendNumber(out_, Y(rule.y1));
    out_ += " m ";
    AppendNumber(out_, X(rule.x2));
    out_ += ' ';
    AppendNumber(out_, Y(rule.y2));
    out_ += " l S\n";
  }

  // The image XObject fills the unit square. Uncropped, that square is scaled onto the
  // item's rectangle; cropped, the whole file is drawn as large as it must be for its crop
  // rectangle to cover the item's, shifted so the two coincide, and clipped to the item.
  // A crop rectangle without area shows nothing of the file: nothing is drawn.
  void Picture(const ImageItem& image) {
    auto it = s_.pictures->find(image.path);
    if (it == s_.pictures->end()) return;
    if (!(image.crop_width > 0 && image.crop_height > 0)) return;
    Overprint(false);
    double width = image.width, height = image.height;
    double left = image.x, top = image.y;
    out_ += "q ";
    if (image.cropped()) {
      AppendNumber(out_, X(image.x));
      out_ += ' ';
      AppendNumber(out_, Y(image.y + image.height));
      out_ += ' ';
      AppendNumber(out_, image.width);
      out_ += ' ';
      AppendNumber(out_, image.height);
      out_ += " re W n ";
      width = image.width / image.crop_width, height = image.height / image.crop_height;
      left = image.x - image.crop_x * width, top = image.y - image.crop_y * height;
    }
    AppendNumber(out_, width);
    out_ += " 0 0 ";
    AppendNumber(out_, height);
    out_ += ' ';
    AppendNumber(out_, X(left));
    out_ += ' ';
    AppendNumber(out_, Y(top + height));
    out_ += " cm /Im";
    AppendNumber(out_, it->second, 0);
    out_ += " Do Q\n";
  }

  // The form XObject's space is the PDF page's own: its box is scaled onto the item's
  // rectangle, and the drawing clipped to the item's clip rectangle.
  void Form(const FormItem& form) {
    if (!form.art || !s_.forms) return;
    auto it = s_.forms->find(form.art->key());
    if (it == s_.forms->end()) return;
    const PdfBox& box = form.art->box;
    if (!(box.width() > 0 && box.height() > 0)) return;
    Overprint(false);
    const double sx = form.width / box.width(), sy = form.height / box.height();
    out_ += "q ";
    AppendNumber(out_, X(form.clip_x));
    out_ += ' ';
    AppendNumber(out_, Y(form.clip_y + form.clip_height));
    out_ += ' ';
    AppendNumber(out_, form.clip_width);
    out_ += ' ';
    AppendNumber(out_, form.clip_height);
    out_ += " re W n ";
    AppendNumber(out_, sx);
    out_ += " 0 0 ";
    AppendNumber(out_, sy);
    out_ += ' ';
    AppendNumber(out_, X(form.x) - box.x0 * sx);
    out_ += ' ';
    AppendNumber(out_, Y(form.y + form.height) - box.y0 * sy);
    out_ += " cm /Fm";
    AppendNumber(out_, it->second, 0);
    out_ += " Do Q\n";
  }

 private:
  // Space and overlap between glyphs (em) that extractors still read as one word.
  static constexpr double kMostSpace = 0.05, kMostOverlap = 0.15;

  const FontMetrics* Metrics(const GlyphRun& run) const {
    return run.font >= 0 && static_cast<size_t>(run.font) < s_.fonts->size() ? (*s_.fonts)[run.font]
                                                                             : nullptr;
  }

  double X(double x) const { return s_.margin + x; }
  double Y(double y) const { return s_.media_height - (s_.margin + y); }
  static double Rounded(double v) { return std::round(v * 1000) / 1000; }

  void Colour(const Cmyk& colour, bool stroke) {
    std::string op;
    if (s_.colours == PdfColours::kDeclaredCmyk) {
      for (double v : {colour.c, colour.m, colour.y, colour.k}) {
        AppendNumber(op, v / 100, 4);
        op += ' ';
      }
      op += stroke ? "K\n" : "k\n";
    } else {
      Rgb rgb = ScreenRgb(colour);
      for (double v : {rgb.r, rgb.g, rgb.b}) {
        AppendNumber(op, v, 4);
        op += ' ';
      }
      op += stroke ? "RG\n" : "rg\n";
    }
    std::string& current = stroke ? stroke_ : fill_;
    if (op == current) return;
    current = op;
    out_ += op;
  }

  // Switches black overprint on or off for what is painted next (press pages only): the
  // state is set by name (gs), never inside q … Q, so it is known at every point.
  void Overprint(bool on) {
    if (!s_.overprint_black || s_.colours != PdfColours::kDeclaredCmyk || on == overprint_) return;
    overprint_ = on;
    out_ += on ? kOverprintState : kKnockoutState;
    out_ += " gs\n";
  }

  void LineWidth(double width) {
    if (width == line_width_) return;
    line_width_ = width;
    AppendNumber(out_, width);
    out_ += " w\n";
  }

  const PageContentSettings& s_;
  std::string out_;
  std::string fill_, stroke_;
  int font_ = -1;
  double size_ = 0, line_width_ = 1;
  bool overprint_ = false;  // the initial graphics state knocks out
};

// Whether run `next` goes on the line of `run`: on its baseline, after it.
bool SameLine(const GlyphRun& run, const GlyphRun& next) {
  if (run.glyphs.empty() || next.glyphs.empty()) return false;
  const PositionedGlyph &last = run.glyphs.back(), &first = next.glyphs.front();
  return std::abs(first.y - last.y) < 0.01 && first.x >= last.x;
}

}  // namespace

std::string PageContent(const Page& page, const PageContentSettings& settings) {
  ContentWriter writer(settings);
  for (const Frame& frame : page.frames)
    for (size_t i = 0; i < frame.items.size();) {
      const Item& item = frame.items[i];
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        // A line: the runs one after the other on one baseline.
        size_t end = i + 1;
        while (!run->glyphs.empty() && end < frame.items.size() &&
               std::holds_alternative<GlyphRun>(frame.items[end]) &&
               SameLine(std::get<GlyphRun>(frame.items[end - 1]),
                        std::get<GlyphRun>(frame.items[end])))
          ++end;
        if (!run->glyphs.empty()) writer.Line(frame.items, i, end);
        i = end;
        continue;
      }
      if (const auto* rect = std::get_if<RectItem>(&item))
        writer.Rect(*rect);
      else if (const auto* rule = std::get_if<RuleItem>(&item))
        writer.Rule(*rule);
      else if (const auto* image = std::get_if<ImageItem>(&item))
        writer.Picture(*image);
      else if (const auto* form = std::get_if<FormItem>(&item))
        writer.Form(*form);
      ++i;
    }
  return writer.Finish();
}

}  // namespace banmian
