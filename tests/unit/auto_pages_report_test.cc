// An auto page's search as report.json's `auto_pages` and the watch preview's state give it
// (preflight/auto_page_summary.h): places counted from 1, each module's headline style from
// the paper's ladder, the picture's crop at the module's height, the rules broken by
// article id, from a record made by hand. tests/cli/auto_templates_test.sh reads the same
// keys from a composed issue.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "preflight/report.h"
#include "watch/preview_state.h"

using namespace banmian;
using json = nlohmann::json;

namespace {

ModuleShape Shape(int cols, int rung, int picture_columns) {
  ModuleShape s;
  s.cols = cols;
  s.rung = rung;
  s.picture_columns = picture_columns;
  s.natural_rows = 30;
  return s;
}

// A body of six columns from grid line 3 (0-based 2), 80 lines: a continuation across
// four columns, the lead under it with a picture cropped 2 lines at 40 lines, a side story.
AutoPageRecord Record() {
  AutoPageRecord r;
  r.page = 2;
  r.label = "A02";
  r.body_col = 0, r.body_row = 2, r.body_cols = 6, r.body_rows = 80;
  r.nodes = 1234;
  AutoStory jump{"jinbo", true, {Shape(4, -1, 0)}, {}, {}, {}, {}};
  AutoStory lead{"linghang", false, {Shape(4, 0, 3), Shape(4, 1, 4)}, {}, {}, {}, {}};
  lead.shapes[1].picture_above_headline = true;
  lead.shapes[1].picture_trim_at.assign(41, 0);
  lead.shapes[1].picture_trim_at[40] = 2;
  AutoStory side{"xiaolv", false, {Shape(2, 2, 0)}, {}, {}, {}, {}};
  r.stories = {jump, lead, side};
  ScoredLayout best;
  best.modules = {{0, 0, 0, 4, 0, 10}, {1, 1, 0, 4, 10, 40}, {2, 0, 4, 2, 0, 80}};
  best.terms = {{"linghang: headline 1 rungs smaller", 4}, {"xiaolv: 80 grid lines deep", 10}};
  best.cost = 14;
  ScoredLayout worse = best;
  worse.modules[2].col = 0;
  worse.modules[0].col = worse.modules[1].col = 2;
  worse.breaks = {{"tombstone", 2, 1, "'xiaolv' and 'linghang' have headlines side by side"},
                  {"lead-top", 1, 1, "the lead is not at the top"}};
  worse.terms.push_back({"tombstone", 1000});
  worse.cost = 1014;
  r.layouts = {best, worse};
  return r;
}

AutoLayoutRules Ladder() {
  AutoLayoutRules rules;
  rules.headlines = {
      {"headline_lead", 1, 4, {}}, {"headline", 0, 2, {}}, {"headline_small", 0, 0, {}}};
  return rules;
}

}  // namespace

TEST_CASE("auto pages: report.json's auto_pages") {
  LayoutReport layout;
  layout.auto_pages.push_back(Record());
  const AutoLayoutRules rules = Ladder();
  ReportInput in;
  in.command = "check";
  in.layout = &layout;
  in.auto_rules = &rules;
  const json report = json::parse(ReportJson(in));
  REQUIRE(report["auto_pages"].size() == 1);
  const json& page = report["auto_pages"][0];
  CHECK(page["page"] == 2);
  CHECK(page["label"] == "A02");
  CHECK(page["body"] == json{{"col", 1}, {"cols", 6}, {"row", 3}, {"rows", 80}});
  CHECK(page["stories"] == json{"jinbo", "linghang", "xiaolv"});
  CHECK(page["search_steps"] == 1234);
  CHECK(page["complete"] == true);
  CHECK(page["with_cuts"] == false);
  REQUIRE(page["layouts"].size() == 2);
  const json& set = page["layouts"][0];
  CHECK(set["set"] == true);
  CHECK(page["layouts"][1]["set"] == false);
  CHECK(set["cost"] == 14);
  REQUIRE(set["modules"].size() == 3);
  const json& jump = set["modules"][0];
  CHECK(jump["article"] == "jinbo");
  CHECK(jump["continuation"] == true);
  CHECK(jump["headline_style"].is_null());
  CHECK(jump["col"] == 1);
  CHECK(jump["row"] == 3);
  CHECK(jump["rows"] == 10);
  const json& lead = set["modules"][1];
  CHECK(lead["headline_style"] == "headline");  // the shape chosen: the second rung
  CHECK(lead["picture_columns"] == 4);
  CHECK(lead["picture_above_headline"] == true);
  CHECK(lead["picture_trim"] == 2);  // at its 40 grid lines
  CHECK(lead["row"] == 13);
  CHECK(lead["cols"] == 4);
  const json& side = set["modules"][2];
  CHECK(side["headline_style"] == "headline_small");
  CHECK(side["col"] == 5);
  CHECK(side["picture_columns"] == 0);
  CHECK(side["picture_trim"] == 0);
  CHECK(set["terms"][0] == json{{"what", "linghang: headline 1 rungs smaller"}, {"cost", 4}});
  CHECK(set["breaks"].empty());
  const json& breaks = page["layouts"][1]["breaks"];
  REQUIRE(breaks.size() == 2);
  CHECK(breaks[0] == json{{"rule", "tombstone"},
                          {"article", "xiaolv"},
                          {"other", "linghang"},
                          {"message", "'xiaolv' and 'linghang' have headlines side by side"}});
  CHECK(breaks[1]["other"].is_null());
  CHECK(page["layouts"][1]["modules"][2]["col"] == 1);

  // No auto page: an empty array; no ladder given: every headline the style `headline`.
  LayoutReport none;
  in.layout = &none;
  CHECK(json::parse(ReportJson(in))["auto_pages"] == json::array());
  in.layout = &layout;
  in.auto_rules = nullptr;
  CHECK(json::parse(ReportJson(
            in))["auto_pages"][0]["layouts"][0]["modules"][2]["headline_style"] == "headline");
}

TEST_CASE("auto pages: the watch preview's state has each auto page's layouts") {
  PreviewState state;
  PreviewPage plain, automatic;
  plain.number = 1, plain.label = "A01";
  automatic.number = 2, automatic.label = "A02";
  automatic.auto_page = SummarizeAutoPage(Record(), Ladder());
  state.pages = {plain, automatic};
  const json s = json::parse(StateJson(state));
  CHECK(s["pages"][0]["auto"].is_null());
  const json& a = s["pages"][1]["auto"];
  CHECK(a["steps"] == 1234);
  CHECK(a["body"]["row"] == 3);
  REQUIRE(a["layouts"].size() == 2);
  CHECK(a["layouts"][0]["cost"] == 14);
  CHECK(a["layouts"][0]["modules"][1] == json{{"article", "linghang"},
                                              {"continuation", false},
                                              {"col", 1},
                                              {"cols", 4},
                                              {"row", 13},
                                              {"rows", 40},
                                              {"headline_style", "headline"},
                                              {"picture_columns", 4},
                                              {"picture_above_headline", true}});
  CHECK(a["layouts"][0]["terms"].size() == 2);
  CHECK(a["layouts"][1]["breaks"][0]["rule"] == "tombstone");
}
