#include "preflight/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "preflight/json_writer.h"
#include "preflight/page_places.h"

namespace banmian {

namespace {

void Pos(JsonWriter& w, const SourcePos& p) {
  if (p.file.empty()) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Key("file").String(p.file);
  w.Key("line").Int(p.line);
  w.Key("col").Int(p.col);
  w.EndObject();
}

// The frame a finding is in, as {kind, name} ("slot:lead" is {"kind": "slot", "name":
// "lead"}), or null.
void Where(JsonWriter& w, const std::string& where) {
  const size_t colon = where.find(':');
  if (colon == std::string::npos) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Key("kind").String(where.substr(0, colon));
  w.Key("name").String(where.substr(colon + 1));
  w.EndObject();
}

double Mm(double pt) {
  return std::round(pt * 25.4 / 72 * 100) / 100;
}

std::string LabelOf(const ReportInput& in, int page) {
  return in.document ? PageLabel(*in.document, page) : std::to_string(page);
}

// A size in pt, or null when it was not measured.
void Size(JsonWriter& w, double pt) {
  if (pt > 0)
    w.Double(pt);
  else
    w.Null();
}

std::string Range(const char* one, const char* many, int first, int last) {
  return first == last
             ? std::string(one) + " " + std::to_string(first)
             : std::string(many) + " " + std::to_string(first) + "–" + std::to_string(last);
}

void AutoPage(JsonWriter& w, const AutoPageSummary& a) {
  w.BeginObject();
  w.Key("page").Int(a.page);
  w.Key("label").String(a.label);
  w.Key("body").BeginObject();
  w.Key("col").Int(a.body_col);
  w.Key("cols").Int(a.body_cols);
  w.Key("row").Int(a.body_row);
  w.Key("rows").Int(a.body_rows);
  w.EndObject();
  w.Key("stories").BeginArray();
  for (const std::string& s : a.stories) w.String(s);
  w.EndArray();
  w.Key("search_steps").Int(a.steps);
  w.Key("complete").Bool(a.complete);
  w.Key("with_cuts").Bool(a.with_cuts);
  w.Key("layouts").BeginArray();
  for (size_t i = 0; i < a.layouts.size(); ++i) {
    const AutoLayoutSummary& l = a.layouts[i];
    w.BeginObject();
    w.Key("set").Bool(i == 0);
    w.Key("cost").Double(l.cost);
    w.Key("modules").BeginArray();
    for (const AutoModuleSummary& m : l.modules) {
      w.BeginObject();
      w.Key("article").String(m.article);
      w.Key("continuation").Bool(m.continuation);
      w.Key("col").Int(m.col);
      w.Key("cols").Int(m.cols);
      w.Key("row").Int(m.row);
      w.Key("rows").Int(m.rows);
      w.Key("headline_style");
      if (m.headline_style.empty())
        w.Null();
      else
        w.String(m.headline_style);
      w.Key("picture_columns").Int(m.picture_columns);
      w.Key("picture_above_headline").Bool(m.picture_above_headline);
      w.Key("picture_trim").Int(m.picture_trim);
      w.Key("natural_rows").Int(m.natural_rows);
      w.Key("cut_rows").Int(m.cut_rows);
      w.Key("hole_rows").Int(m.hole_rows);
      w.EndObject();
    }
    w.EndArray();
    w.Key("terms").BeginArray();
    for (const CostTerm& t : l.terms) {
      w.BeginObject();
      w.Key("what").String(t.what);
      w.Key("cost").Double(t.cost);
      w.EndObject();
    }
    w.EndArray();
    w.Key("breaks").BeginArray();
    for (const AutoBreakSummary& b : l.breaks) {
      w.BeginObject();
      w.Key("rule").String(b.rule);
      w.Key("article").String(b.article);
      w.Key("other");
      if (b.other.empty())
        w.Null();
      else
        w.String(b.other);
      w.Key("message").String(b.message);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string AutoPageJson(const AutoPageSummary& page) {
  JsonWriter w(2);
  AutoPage(w, page);
  return w.Take();
}

std::string PlaceOnPage(const Finding& f) {
  if (f.col_first > 0 && f.row_first > 0)
    return Range("col", "cols", f.col_first, f.col_last) + " " +
           Range("row", "rows", f.row_first, f.row_last);
  if (!f.has_area) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "at %.1f, %.1f mm", f.x * 25.4 / 72, f.y * 25.4 / 72);
  return buf;
}

std::string FindingPlace(const Finding& f) {
  if (f.page <= 0) return "";
  std::string out = "page " + (f.label.empty() ? std::to_string(f.page) : f.label);
  std::string place = PlaceOnPage(f);
  return place.empty() ? out : out + " " + place;
}

// Written with JsonWriter rather than built as an nlohmann tree (see json_writer.h); the
// text is what the tree's dump(2) gave, member order included.
std::string ReportJson(const ReportInput& in) {
  size_t errors = 0, warnings = 0, infos = 0;
  auto count = [&](Severity s) {
    (s == Severity::kError ? errors : s == Severity::kWarning ? warnings : infos)++;
  };

  JsonWriter w(2);
  w.BeginObject();
  w.Key("schema_version").Int(kReportSchemaVersion);
  w.Key("tool").String("banmian");
  w.Key("version").String(BANMIAN_VERSION);
  w.Key("command").String(in.command);
  w.Key("issue").String(in.issue_dir);
  w.Key("exit_status").Int(in.exit_status);
  w.Key("outputs").BeginArray();
  for (const std::string& o : in.outputs) w.String(o);
  w.EndArray();
  if (in.pages_written) {
    w.Key("pages_written").BeginArray();
    for (const std::string& label : *in.pages_written) w.String(label);
    w.EndArray();
  } else {
    w.Key("pages_written").Null();
  }
  if (in.press.requested) {
    w.Key("press").BeginObject();
    w.Key("written").Bool(in.press.written);
    w.Key("despite_errors").Bool(in.press.despite_errors);
    w.Key("error_findings").Int(in.press.error_findings);
    w.EndObject();
  } else {
    w.Key("press").Null();
  }

  w.Key("input_errors").BeginArray();
  if (in.diagnostics)
    for (const Diagnostic& d : in.diagnostics->items()) {
      count(d.severity);
      w.BeginObject();
      w.Key("severity").String(SeverityName(d.severity));
      w.Key("code").String(d.code);
      Pos(w.Key("at"), d.pos);
      w.Key("message").String(d.message);
      w.Key("hint").String(d.hint);
      w.EndObject();
    }
  w.EndArray();

  w.Key("pages").BeginArray();
  if (in.document) {
    for (const Page& p : in.document->pages) {
      w.BeginObject();
      w.Key("number").Int(p.number);
      w.Key("label").String(p.label);
      w.Key("width_mm").Double(p.width * 25.4 / 72);
      w.Key("height_mm").Double(p.height * 25.4 / 72);
      w.Key("slots").BeginArray();
      if (in.layout)
        for (const SlotRecord& s : in.layout->slots)
          if (s.page == p.number) {
            w.BeginObject();
            w.Key("slot").String(s.slot);
            w.Key("article").String(s.article);
            w.Key("columns").Int(s.columns);
            w.Key("rows").Int(s.rows);
            w.Key("rows_used").Int(s.rows_used);
            w.Key("headline_rows").Int(s.headline_rows);
            w.Key("column_ends").BeginArray();
            for (int end : s.column_ends) w.Int(end);
            w.EndArray();
            w.EndObject();
          }
      w.EndArray();
      w.Key("findings").BeginArray();
      if (in.findings)
        for (const Finding& f : *in.findings)
          if (f.page == p.number) {
            w.BeginObject();
            w.Key("severity").String(SeverityName(f.severity));
            w.Key("code").String(f.code);
            w.Key("message").String(f.message);
            w.EndObject();
          }
      w.EndArray();
      w.EndObject();
    }
  }
  w.EndArray();

  w.Key("findings").BeginArray();
  if (in.findings)
    for (const Finding& f : *in.findings) {
      count(f.severity);
      w.BeginObject();
      w.Key("severity").String(SeverityName(f.severity));
      w.Key("code").String(f.code);
      w.Key("page").Int(f.page);
      w.Key("label").String(f.label);
      Where(w.Key("where"), f.where);
      w.Key("article").String(f.article);
      w.Key("count").Int(f.count);
      Pos(w.Key("at"), f.pos);
      w.Key("area_mm");
      if (f.has_area) {
        w.BeginObject();
        w.Key("x").Double(Mm(f.x));
        w.Key("y").Double(Mm(f.y));
        w.Key("width").Double(Mm(f.width));
        w.Key("height").Double(Mm(f.height));
        w.EndObject();
      } else {
        w.Null();
      }
      w.Key("grid");
      if (f.col_first > 0 && f.row_first > 0) {
        w.BeginObject();
        w.Key("columns").BeginArray().Int(f.col_first).Int(f.col_last).EndArray();
        w.Key("rows").BeginArray().Int(f.row_first).Int(f.row_last).EndArray();
        w.EndObject();
      } else {
        w.Null();
      }
      w.Key("message").String(f.message);
      w.EndObject();
    }
  w.EndArray();

  w.Key("fit").BeginArray();
  if (in.fit)
    for (const FitRecord& f : *in.fit) {
      w.BeginObject();
      w.Key("page").Int(f.page);
      w.Key("label").String(LabelOf(in, f.page));
      w.Key("slot").String(f.slot);
      w.Key("article").String(f.article);
      w.Key("columns").Int(f.columns);
      w.Key("slot_rows").Int(f.slot_rows);
      w.Key("exact").Bool(f.exact());
      w.Key("lines_over").Int(f.lines_over);
      w.Key("characters_over").Int(f.characters_over);
      w.Key("pictures_over").Int(f.pictures_over);
      w.Key("lines_short").Int(f.lines_short);
      w.Key("characters_short").Int(f.characters_short);
      w.Key("rows_short").Int(f.rows_short);
      w.Key("headline_lines").Int(f.headline_lines);
      Size(w.Key("headline_size_pt"), f.headline_size);
      Size(w.Key("headline_one_line_size_pt"), f.headline_one_line_size);
      w.Key("advice").BeginArray();
      for (const std::string& a : f.advice) w.String(a);
      w.EndArray();
      w.EndObject();
    }
  w.EndArray();

  w.Key("auto_pages").BeginArray();
  if (in.layout) {
    const AutoLayoutRules none;
    for (const AutoPageRecord& r : in.layout->auto_pages)
      AutoPage(w, SummarizeAutoPage(r, in.auto_rules ? *in.auto_rules : none));
  }
  w.EndArray();

  w.Key("normalizations").BeginArray();
  if (in.layout)
    for (const Normalization& n : in.layout->normalizations) {
      if (n.unpaired) continue;  // not a change: a finding (unpaired-quotes)
      w.BeginObject();
      w.Key("article").String(n.article);
      Pos(w.Key("at"), n.pos);
      w.Key("from").String(n.from);
      w.Key("to").String(n.to);
      w.Key("context").String(n.context);
      w.Key("rule").String(n.rule);
      w.EndObject();
    }
  w.EndArray();

  w.Key("fonts").BeginArray();
  if (in.document)
    for (const FontFace& f : in.document->fonts) {
      w.BeginObject();
      w.Key("family").String(f.family);
      w.Key("style").String(f.style);
      w.Key("version").String(f.version);
      w.Key("file").String(f.file);
      w.Key("index").Int(f.index);
      w.EndObject();
    }
  w.EndArray();

  w.Key("pictures").BeginArray();
  if (in.layout)
    for (const PictureRecord& p : in.layout->pictures) {
      w.BeginObject();
      w.Key("page").Int(p.page);
      w.Key("article").String(p.article);
      w.Key("file").String(p.path);
      w.Key("pixels").BeginArray().Int(p.pixel_width).Int(p.pixel_height).EndArray();
      w.Key("placed_mm")
          .BeginArray()
          .Double(p.placed_width * 25.4 / 72)
          .Double(p.placed_height * 25.4 / 72)
          .EndArray();
      w.Key("effective_ppi").Double(p.effective_ppi);
      w.Key("colour_space").String(p.colour_space);
      // As separated for the press: the source's colour space and ICC profile, and the
      // highest total ink of the converted picture.
      w.Key("press");
      const auto press = in.press_pictures
                             ? in.press_pictures->find(p.image_path.empty() ? p.path : p.image_path)
                             : std::map<std::string, PressPictureReport>::const_iterator();
      if (in.press_pictures && press != in.press_pictures->end()) {
        w.BeginObject();
        w.Key("colour_space").String(press->second.colour_space);
        w.Key("profile").String(press->second.profile);
        w.Key("max_ink").Double(press->second.max_total_ink);
        w.EndObject();
      } else {
        w.Null();
      }
      w.EndObject();
    }
  w.EndArray();

  // A stage timed twice keeps its first place and its last figure, as it did when this was
  // an ordered_json object assigned by key; JSON has no room for the same key twice.
  std::vector<const StageTiming*> timings;
  for (const StageTiming& t : in.timings) {
    auto same = [&](const StageTiming* u) { return u->stage == t.stage; };
    auto it = std::find_if(timings.begin(), timings.end(), same);
    if (it == timings.end())
      timings.push_back(&t);
    else
      *it = &t;
  }
  w.Key("timings_ms").BeginObject();
  for (const StageTiming* t : timings) w.Key(t->stage).Double(t->ms);
  w.EndObject();

  w.Key("summary").BeginObject();
  w.Key("errors").Uint(errors);
  w.Key("warnings").Uint(warnings);
  w.Key("info").Uint(infos);
  w.EndObject();
  w.EndObject();
  std::string out = w.Take();
  out += '\n';
  return out;
}

std::string ReportSummary(const ReportInput& in) {
  std::string out;
  size_t errors = 0, warnings = 0;
  if (in.findings)
    for (const Finding& f : *in.findings) {
      if (f.severity == Severity::kError) ++errors;
      if (f.severity == Severity::kWarning) ++warnings;
    }
  size_t pages = in.document ? in.document->pages.size() : 0;
  out += in.issue_dir + ": " + std::to_string(pages) + (pages == 1 ? " page" : " pages") + ", " +
         std::to_string(errors) + (errors == 1 ? " error" : " errors") + ", " +
         std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings") + "\n";
  if (in.findings)
    for (const Finding& f : *in.findings) {
      // Information is left to report.json, except a page banmian added: the page count
      // above changed, and the staff must see why.
      if (f.severity == Severity::kInfo && f.code != "added-page") continue;
      out += "  " + std::string(SeverityName(f.severity)) + "[" + f.code + "]";
      if (f.page) out += " " + FindingPlace(f);
      if (f.pos.line > 0)
        out += " (" + f.pos.file + ":" + std::to_string(f.pos.line) +
               (f.pos.col > 0 ? ":" + std::to_string(f.pos.col) : "") + ")";
      out += ": " + f.message + "\n";
    }
  for (const std::string& o : in.outputs) out += "  wrote " + o + "\n";
  return out;
}

std::string FitAdvice(const FitRecord& f) {
  std::string out;
  for (const std::string& a : f.advice) {
    if (!out.empty()) out += a.rfind("or ", 0) == 0 ? ", " : "; ";
    out += a;
  }
  return out;
}

std::string FitSummary(const ReportInput& in) {
  std::string out;
  if (in.fit)
    for (const FitRecord& f : *in.fit) {
      if (f.advice.empty()) continue;  // an exact fit, its headline on one line
      out += "  fit " + LabelOf(in, f.page) + " " + f.slot + " (" + f.article +
             "): " + FitAdvice(f) + "\n";
    }
  return out;
}

}  // namespace banmian
