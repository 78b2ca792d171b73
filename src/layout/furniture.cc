#include "layout/furniture.h"

#include <qrencode.h>

#include "compose/line_breaker.h"
#include "layout/art_box.h"
#include "layout/line_items.h"
#include "load/issue_loader.h"
#include "load/yaml_reader.h"
#include "text/shaper.h"

namespace banmian {

std::map<std::string, std::string> PagePlaceholders(const Issue& issue, const PageSpec& page) {
  std::map<std::string, std::string> v = issue.fields;
  v["title"] = issue.title;
  v["edition"] = issue.edition;
  v["number"] = issue.number;
  v["qr"] = issue.qr;
  v["page"] = page.label;
  v["section"] = page.section;
  v["paper"] = issue.paper.name;
  if (auto d = ParseDate(issue.date)) {
    static const char* kWeekdays[] = {"星期日", "星期一", "星期二", "星期三",
                                      "星期四", "星期五", "星期六"};
    v["date"] = std::to_string(d->year) + "年" + std::to_string(d->month) + "月" +
                std::to_string(d->day) + "日";
    v["weekday"] = kWeekdays[Weekday(*d)];
    v["iso_date"] = issue.date;
  }
  return v;
}

std::string ExpandPlaceholders(const std::string& text,
                               const std::map<std::string, std::string>& values,
                               const SourcePos& pos, Diagnostics& diags) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t open = text.find('{', i);
    if (open == std::string::npos) {
      out += text.substr(i);
      break;
    }
    size_t close = text.find('}', open);
    if (close == std::string::npos) {
      out += text.substr(i);
      break;
    }
    out += text.substr(i, open - i);
    std::string name = text.substr(open + 1, close - open - 1);
    auto it = values.find(name);
    if (it == values.end()) {
      std::string hint = DidYouMean(name, KeysOf(values));
      if (hint.empty()) hint = "add '" + name + "' under fields: in issue.yaml";
      diags.Error("unknown-placeholder", pos,
                  "the template prints {" + name + "}, which the issue does not define", hint);
    } else {
      out += it->second;
    }
    i = close + 1;
  }
  return out;
}

std::vector<RectItem> QrCodeRects(const std::string& data, double x, double y, double size,
                                  const Cmyk& colour) {
  std::vector<RectItem> rects;
  QRcode* code = QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M);
  if (!code) return rects;
  const int n = code->width;
  const double module = size / n;
  for (int row = 0; row < n; ++row) {
    for (int col = 0; col < n;) {
      if (!(code->data[row * n + col] & 1)) {
        ++col;
        continue;
      }
      int end = col;
      while (end < n && (code->data[row * n + end] & 1)) ++end;
      RectItem r;
      r.x = x + col * module, r.y = y + row * module;
      r.width = (end - col) * module, r.height = module;
      r.has_fill = true;
      r.fill = colour;
      r.role = "qr";
      rects.push_back(r);
      col = end;
    }
  }
  QRcode_free(code);
  return rects;
}

Frame PlaceRegion(const Region& region, const Paper& paper, FontSet& fonts,
                  const std::map<std::string, std::string>& values, int page_number,
                  LayoutReport& report, Diagnostics& diags) {
  Frame frame;
  frame.name = "region:" + region.name;
  frame.x = region.area.x, frame.y = region.area.y;
  frame.width = region.area.width, frame.height = region.area.height;
  const double ox = region.area.x, oy = region.area.y;
  for (const RegionItem& item : region.items) {
    switch (item.kind) {
      case ItemKind::kText: {
        const Style& style = *paper.FindStyle(item.style);
        std::string text = ExpandPlaceholders(item.text, values, item.pos, diags);
        double box = item.width > 0 ? item.width : region.area.width - item.x;
        double leading = style.leading > 0 ? style.leading : 1.3 * style.size;
        int line_no = 0;
        size_t start = 0;
        while (start <= text.size()) {
          size_t nl = text.find('\n', start);
          std::string piece =
              text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
          start = nl == std::string::npos ? text.size() + 1 : nl + 1;
          double baseline = oy + item.y + kEmAscent * style.size + line_no * leading;
          ++line_no;
          if (piece.empty()) continue;
          ShapedText shaped = ShapeOne(fonts, piece, style);
          ComposedLine line;
          line.begin = 0;
          line.end = static_cast<uint32_t>(shaped.atoms.size());
          line.last = true;
          // Furniture lines are set as written: one line each, never wrapped.
          double natural = shaped.Width(0, shaped.atoms.size()) - style.letter_spacing;
          double x = 0;
          if (style.align == Align::kCenter) x = (box - natural) / 2;
          if (style.align == Align::kRight) x = box - natural;
          for (const Atom& a : shaped.atoms) {
            line.x.push_back(static_cast<float>(x));
            x += a.advance;
          }
          line.natural = line.width = static_cast<float>(natural);
          if (natural > box + 0.5)
            report.furniture_overflow.push_back(
                {page_number, region.name, piece, natural - box, item.pos});
          std::vector<MissingGlyphRecord> missing;
          AppendLineRuns(shaped, line, ox + item.x, baseline, frame.items, &missing);
          for (MissingGlyphRecord& m : missing) {
            m.page = page_number;
            m.where = "region:" + region.name;
            m.pos = item.pos;
            report.missing_glyphs.push_back(m);
          }
          report.lines.push_back(
              {page_number, "region:" + region.name, style.name, piece, false, false, ""});
        }
        break;
      }
      case ItemKind::kQr: {
        std::string data = ExpandPlaceholders(item.text, values, item.pos, diags);
        if (data.empty()) break;
        for (RectItem& r : QrCodeRects(data, ox + item.x, oy + item.y, item.size, *item.stroke))
          frame.items.push_back(r);
        break;
      }
      case ItemKind::kRule: {
        RuleItem r;
        r.x1 = ox + item.x, r.y1 = oy + item.y, r.x2 = ox + item.x2, r.y2 = oy + item.y2;
        r.weight = item.weight;
        r.colour = *item.stroke;
        r.role = region.name;
        frame.items.push_back(r);
        break;
      }
      case ItemKind::kImage: {
        if (!item.art) break;  // the loader reported it
        PlacedArt placed = PlaceArt(*item.art, ox + item.x, oy + item.y, item.box_w, item.box_h,
                                    ArtFit::kContain, region.name);
        placed.record.page = page_number;
        placed.record.where = frame.name;
        placed.record.what = "image";
        placed.record.scaled = false;  // a logo is meant to be scaled to its box
        placed.record.pos = item.pos;
        if (!item.art->pdf) {
          PictureRecord pr;
          pr.page = page_number;
          pr.article = frame.name;
          pr.path = item.file;
          pr.pixel_width = item.art->pixel_width, pr.pixel_height = item.art->pixel_height;
          pr.placed_width = placed.record.width, pr.placed_height = placed.record.height;
          pr.effective_ppi = pr.placed_width > 0 ? pr.pixel_width / (pr.placed_width / 72.0) : 0;
          pr.pos = item.pos;
          report.pictures.push_back(pr);
        }
        report.ads.push_back(placed.record);
        frame.items.push_back(placed.item);
        break;
      }
      case ItemKind::kBox: {
        RectItem r;
        r.x = ox + item.x, r.y = oy + item.y, r.width = item.box_w, r.height = item.box_h;
        if (item.fill) r.has_fill = true, r.fill = *item.fill;
        if (item.stroke) r.has_stroke = true, r.stroke = *item.stroke, r.stroke_width = item.weight;
        r.role = region.name;
        frame.items.push_back(r);
        break;
      }
    }
  }
  return frame;
}

}  // namespace banmian
