#include "preflight/report.h"

#include <nlohmann/json.hpp>

#include "model/utf8.h"

namespace banmian {

namespace {

nlohmann::ordered_json Pos(const SourcePos& p) {
  if (p.file.empty()) return nullptr;
  return {{"file", p.file}, {"line", p.line}, {"col", p.col}};
}

}  // namespace

std::string ReportJson(const ReportInput& in) {
  using json = nlohmann::ordered_json;
  json j;
  j["tool"] = "banmian";
  j["version"] = BANMIAN_VERSION;
  j["command"] = in.command;
  j["issue"] = in.issue_dir;
  j["exit_status"] = in.exit_status;
  j["outputs"] = in.outputs;
  size_t errors = 0, warnings = 0, infos = 0;
  auto count = [&](Severity s) {
    (s == Severity::kError ? errors : s == Severity::kWarning ? warnings : infos)++;
  };

  json diags = json::array();
  if (in.diagnostics)
    for (const Diagnostic& d : in.diagnostics->items()) {
      count(d.severity);
      diags.push_back({{"severity", SeverityName(d.severity)},
                       {"code", d.code},
                       {"at", Pos(d.pos)},
                       {"message", d.message},
                       {"hint", d.hint}});
    }
  j["input_errors"] = diags;

  json pages = json::array();
  if (in.document) {
    for (const Page& p : in.document->pages) {
      json slots = json::array();
      if (in.layout)
        for (const SlotRecord& s : in.layout->slots)
          if (s.page == p.number)
            slots.push_back({{"slot", s.slot},
                             {"article", s.article},
                             {"columns", s.columns},
                             {"rows", s.rows},
                             {"rows_used", s.rows_used},
                             {"headline_rows", s.headline_rows}});
      json page_findings = json::array();
      if (in.findings)
        for (const Finding& f : *in.findings)
          if (f.page == p.number)
            page_findings.push_back(
                {{"severity", SeverityName(f.severity)}, {"code", f.code}, {"message", f.message}});
      pages.push_back({{"number", p.number},
                       {"label", p.label},
                       {"width_mm", p.width * 25.4 / 72},
                       {"height_mm", p.height * 25.4 / 72},
                       {"slots", slots},
                       {"findings", page_findings}});
    }
  }
  j["pages"] = pages;

  json findings = json::array();
  if (in.findings)
    for (const Finding& f : *in.findings) {
      count(f.severity);
      findings.push_back({{"severity", SeverityName(f.severity)},
                          {"code", f.code},
                          {"page", f.page},
                          {"where", f.where},
                          {"article", f.article},
                          {"count", f.count},
                          {"at", Pos(f.pos)},
                          {"message", f.message}});
    }
  j["findings"] = findings;

  json norms = json::array();
  if (in.layout)
    for (const Normalization& n : in.layout->normalizations)
      norms.push_back({{"article", n.article},
                       {"at", Pos(n.pos)},
                       {"from", n.from},
                       {"to", n.to},
                       {"context", n.context}});
  j["normalizations"] = norms;

  json fonts = json::array();
  if (in.document)
    for (const FontFace& f : in.document->fonts)
      fonts.push_back({{"family", f.family},
                       {"style", f.style},
                       {"version", f.version},
                       {"file", f.file},
                       {"index", f.index}});
  j["fonts"] = fonts;

  json pictures = json::array();
  if (in.layout)
    for (const PictureRecord& p : in.layout->pictures)
      pictures.push_back({{"page", p.page},
                          {"article", p.article},
                          {"file", p.path},
                          {"pixels", {p.pixel_width, p.pixel_height}},
                          {"placed_mm", {p.placed_width * 25.4 / 72, p.placed_height * 25.4 / 72}},
                          {"effective_ppi", p.effective_ppi},
                          {"colour_space", p.colour_space}});
  j["pictures"] = pictures;

  json timings = json::object();
  for (const StageTiming& t : in.timings) timings[t.stage] = t.ms;
  j["timings_ms"] = timings;
  j["summary"] = {{"errors", errors}, {"warnings", warnings}, {"info", infos}};
  return j.dump(2) + "\n";
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
      if (f.severity == Severity::kInfo) continue;
      out += "  " + std::string(SeverityName(f.severity)) + "[" + f.code + "]";
      if (f.page) out += " page " + std::to_string(f.page);
      if (f.pos.line > 0) out += " (" + f.pos.file + ":" + std::to_string(f.pos.line) + ")";
      out += ": " + f.message + "\n";
    }
  for (const std::string& o : in.outputs) out += "  wrote " + o + "\n";
  return out;
}

}  // namespace banmian
