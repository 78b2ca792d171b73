#include "watch/preview_state.h"

#include <nlohmann/json.hpp>

namespace banmian {

namespace {

nlohmann::json FindingsJson(const std::vector<PreviewFinding>& findings) {
  nlohmann::json out = nlohmann::json::array();
  for (const PreviewFinding& f : findings)
    out.push_back(
        {{"severity", f.severity}, {"code", f.code}, {"where", f.where}, {"message", f.message}});
  return out;
}

// The page's layouts for the preview: what report.json's `auto_pages` entry says, less
// what an editor does not read there (the trims and the search's counts stay in the report).
nlohmann::json AutoJson(const std::optional<AutoPageSummary>& a) {
  if (!a) return nullptr;
  nlohmann::json layouts = nlohmann::json::array();
  for (const AutoLayoutSummary& l : a->layouts) {
    nlohmann::json modules = nlohmann::json::array(), terms = nlohmann::json::array(),
                   breaks = nlohmann::json::array();
    for (const AutoModuleSummary& m : l.modules)
      modules.push_back({{"article", m.article},
                         {"continuation", m.continuation},
                         {"col", m.col},
                         {"cols", m.cols},
                         {"row", m.row},
                         {"rows", m.rows},
                         {"headline_style", m.headline_style},
                         {"picture_columns", m.picture_columns},
                         {"picture_above_headline", m.picture_above_headline}});
    for (const CostTerm& t : l.terms) terms.push_back({{"what", t.what}, {"cost", t.cost}});
    for (const AutoBreakSummary& b : l.breaks)
      breaks.push_back({{"rule", b.rule}, {"message", b.message}});
    layouts.push_back(
        {{"cost", l.cost}, {"modules", modules}, {"terms", terms}, {"breaks", breaks}});
  }
  return {{"body",
           {{"col", a->body_col},
            {"cols", a->body_cols},
            {"row", a->body_row},
            {"rows", a->body_rows}}},
          {"steps", a->steps},
          {"complete", a->complete},
          {"with_cuts", a->with_cuts},
          {"layouts", layouts}};
}

}  // namespace

std::string StateJson(const PreviewState& state) {
  nlohmann::json j;
  j["render"] = state.render;
  j["failed"] = state.failed;
  j["title"] = state.title;
  j["milliseconds"] = state.milliseconds;
  j["composed"] = state.composed;
  j["reused"] = state.reused;
  j["painted"] = state.painted;
  j["stages"] = nlohmann::json::object();
  for (const auto& [name, ms] : state.stages) j["stages"][name] = ms;
  j["errors"] = nlohmann::json::array();
  for (const PreviewError& e : state.errors)
    j["errors"].push_back({{"file", e.file},
                           {"line", e.line},
                           {"col", e.col},
                           {"code", e.code},
                           {"message", e.message},
                           {"hint", e.hint},
                           {"source_line", e.source_line}});
  j["pages"] = nlohmann::json::array();
  for (const PreviewPage& p : state.pages)
    j["pages"].push_back({{"number", p.number},
                          {"label", p.label},
                          {"version", p.version},
                          {"changed", p.changed},
                          {"width", p.width},
                          {"height", p.height},
                          {"findings", FindingsJson(p.findings)},
                          {"auto", AutoJson(p.auto_page)}});
  j["issue_findings"] = FindingsJson(state.issue_findings);
  // Bad UTF-8 in a message (from a file's bytes) is replaced, never a thrown exception.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace banmian
