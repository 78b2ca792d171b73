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
                          {"findings", FindingsJson(p.findings)}});
  j["issue_findings"] = FindingsJson(state.issue_findings);
  // Bad UTF-8 in a message (from a file's bytes) is replaced, never a thrown exception.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace banmian
