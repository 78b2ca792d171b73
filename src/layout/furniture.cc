#include "layout/furniture.h"

#include <qrencode.h>

#include <algorithm>

#include "compose/line_breaker.h"
#include "layout/art_box.h"
#include "layout/line_items.h"
#include "layout/tab_setting.h"
#include "load/issue_loader.h"
#include "load/yaml_reader.h"
#include "text/shaper.h"

namespace banmian {

namespace {
// A furniture line's pieces between its tabs.
std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> pieces(1);
  for (char c : line) {
    if (c == '\t')
      pieces.emplace_back();
    else
      pieces.back() += c;
  }
  return pieces;
}

// A line as a message shows it: its tabs as spaces.
std::string ShownLine(std::string line) {
  for (char& c : line)
    if (c == '\t') c = ' ';
  return line;
}
}  // namespace

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

namespace {
// ExpandPlaceholders. `field` names the issue field whose value is being expanded ("" for
// a template's text); `open_fields` are the fields being expanded around it, so a field
// that prints itself, directly or through others, is an error, not an endless loop.
std::string Expand(const std::string& text, const std::map<std::string, std::string>& values,
                   const SourcePos& pos, Diagnostics& diags,
                   const std::map<std::string, SourcePos>* field_pos, const std::string& field,
                   std::vector<std::string>& open_fields) {
  const std::string who = field.empty() ? "the template" : "field '" + field + "'";
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
    const bool page_of = name.rfind(kPageOfPrefix, 0) == 0;
    const bool is_field = field_pos && field_pos->count(name);
    if (page_of && it == values.end()) {
      const std::string id = name.substr(std::string(kPageOfPrefix).size());
      std::vector<std::string> ids;
      for (const auto& [key, value] : values)
        if (key.rfind(kPageOfPrefix, 0) == 0) ids.push_back(key.substr(key.find(':') + 1));
      std::string hint = DidYouMean(id, ids);
      if (hint.empty()) hint = "name an article listed under articles: in issue.yaml";
      diags.Error("unknown-placeholder", pos,
                  "{" + name + "} names article '" + id + "', which the issue does not have", hint);
    } else if (page_of && it->second.empty()) {
      diags.Error("page-of-unplaced", pos,
                  "{" + name + "} names article '" + it->first.substr(it->first.find(':') + 1) +
                      "', which no page holds",
                  "put the article in a slot, or take its line out");
    } else if (it == values.end()) {
      std::string hint = DidYouMean(name, KeysOf(values));
      if (hint.empty()) hint = "add '" + name + "' under fields: in issue.yaml";
      diags.Error("unknown-placeholder", pos,
                  who + " prints {" + name + "}, which the issue does not define", hint);
    } else if (is_field && it->second.find('{') != std::string::npos) {
      // A field's value may itself hold placeholders ({page_of:id} in an index box's
      // lines, {page_count}, {title}); they are reported at the field's line.
      if (std::find(open_fields.begin(), open_fields.end(), name) != open_fields.end()) {
        std::string chain;
        auto from = std::find(open_fields.begin(), open_fields.end(), name);
        for (auto f = from; f != open_fields.end(); ++f) chain += *f + " → ";
        diags.Error("placeholder-loop", field_pos->at(name),
                    "fields print each other in a loop: " + chain + name,
                    "a field may print other fields, but not itself");
      } else {
        open_fields.push_back(name);
        out += Expand(it->second, values, field_pos->at(name), diags, field_pos, name, open_fields);
        open_fields.pop_back();
      }
    } else {
      out += it->second;
    }
    i = close + 1;
  }
  return out;
}
}  // namespace

std::string ExpandPlaceholders(const std::string& text,
                               const std::map<std::string, std::string>& values,
                               const SourcePos& pos, Diagnostics& diags,
                               const std::map<std::string, SourcePos>* field_pos) {
  std::vector<std::string> open_fields;
  return Expand(text, values, pos, diags, field_pos, "", open_fields);
}

std::string JoinLabels(const std::vector<std::string>& labels) {
  std::string out;
  for (const std::string& label : labels) out += (out.empty() ? "" : "、") + label;
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
                  LayoutReport& report, Diagnostics& diags,
                  const std::map<std::string, SourcePos>* field_pos) {
  Frame frame;
  frame.name = "region:" + region.name;
  frame.x = region.area.x, frame.y = region.area.y;
  frame.width = region.area.width, frame.height = region.area.height;
  const double ox = region.area.x, oy = region.area.y;
  for (const RegionItem& item : region.items) {
    switch (item.kind) {
      case ItemKind::kText: {
        const Style& style = *paper.FindStyle(item.style);
        std::string text = ExpandPlaceholders(item.text, values, item.pos, diags, field_pos);
        double box = item.width > 0 ? item.width : region.area.width - item.x;
        double leading = style.leading > 0 ? style.leading : 1.3 * style.size;
        std::vector<double> leader_advance;  // the width of one mark of each stop's leader
        for (const TabStop& stop : item.tabs) {
          const ShapedText mark =
              stop.leader.empty() ? ShapedText{} : ShapeOne(fonts, stop.leader, style);
          leader_advance.push_back(mark.Width(0, mark.atoms.size()));
        }
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
          std::vector<std::string> segments = SplitTabs(piece);
          if (segments.size() > item.tabs.size() + 1) {
            const size_t tabs = segments.size() - 1, stops = item.tabs.size();
            diags.Error("tab-without-stop", item.pos,
                        "the line “" + ShownLine(piece) + "” has " + std::to_string(tabs) +
                            (tabs == 1 ? " tab" : " tabs") + ", and its text item " +
                            (stops == 0 ? std::string("no tab stops")
                                        : "only " + std::to_string(stops) +
                                              (stops == 1 ? " tab stop" : " tab stops")),
                        "give the item one stop per tab under 'tabs:', or take the tab out");
            continue;
          }
          std::vector<ShapedText> shaped;
          std::vector<double> widths;
          for (const std::string& segment : segments) {
            shaped.push_back(ShapeOne(fonts, segment, style));
            widths.push_back(shaped.back().Width(0, shaped.back().atoms.size()) -
                             (segment.empty() ? 0 : style.letter_spacing));
          }
          TabbedLine set = SetTabs(widths, item.tabs, leader_advance);
          const double natural = set.width;
          // A line without tabs follows its style's alignment; a tabbed one starts at the left.
          double shift = 0;
          if (segments.size() == 1 && style.align == Align::kCenter) shift = (box - natural) / 2;
          if (segments.size() == 1 && style.align == Align::kRight) shift = box - natural;
          // The line as drawn: its segments with their leaders between them.
          std::vector<std::string> marks(segments.size());
          for (const LeaderMarks& m : set.leaders)
            for (int i = 0; i < m.count; ++i) marks[m.stop + 1] += item.tabs[m.stop].leader;
          std::string drawn;
          for (size_t n = 0; n < segments.size(); ++n) drawn += marks[n] + segments[n];
          if (natural > box + 0.5)
            report.furniture_overflow.push_back(
                {page_number, region.name, drawn, natural - box, 0, item.pos});
          for (size_t n = 0; n < set.overrun.size(); ++n)
            if (set.overrun[n] > 0.05)
              report.furniture_overflow.push_back({page_number, region.name, drawn, set.overrun[n],
                                                   static_cast<int>(n) + 1, item.pos});
          std::vector<MissingGlyphRecord> missing;
          auto append = [&](const ShapedText& text, double x) {
            if (text.atoms.empty()) return;
            ComposedLine line;
            line.begin = 0;
            line.end = static_cast<uint32_t>(text.atoms.size());
            line.last = true;
            for (const Atom& a : text.atoms) {
              line.x.push_back(static_cast<float>(x));
              x += a.advance;
            }
            line.natural = line.width = static_cast<float>(x);
            AppendLineRuns(text, line, ox + item.x, baseline, frame.items, &missing);
          };
          for (size_t n = 0; n < segments.size(); ++n) {
            // Furniture lines are set as written: one line each, never wrapped.
            for (const LeaderMarks& m : set.leaders)
              if (m.stop + 1 == n) append(ShapeOne(fonts, marks[n], style), shift + m.x);
            append(shaped[n], shift + set.x[n]);
          }
          for (MissingGlyphRecord& m : missing) {
            m.page = page_number;
            m.where = "region:" + region.name;
            m.pos = item.pos;
            report.missing_glyphs.push_back(m);
          }
          report.lines.push_back(
              {page_number, "region:" + region.name, style.name, drawn, false, false, ""});
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
          pr.colour_space = item.art->colour_space;
          pr.image_path = std::get<ImageItem>(placed.item).path;
          pr.where = frame.name;
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
