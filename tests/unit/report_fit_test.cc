// The copyfit as the staff get it: report.json's `fit` entries and the `check` lines, from
// sample issues composed whole, judged against the slot records and findings of the same
// run (the numbers themselves are tested from hand-made records in copyfit_test.cc).
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/pipeline.h"

using namespace banmian;
using json = nlohmann::json;

namespace {

RunResult Composed(const std::string& issue_dir, int exit_status = kExitClean) {
  RunOptions options;
  options.issue_dir = issue_dir;
  RunResult result = ComposeIssue(options);
  REQUIRE(result.exit_status == exit_status);
  REQUIRE(result.document);
  REQUIRE(result.issue);
  return result;
}

RunResult Sample(const std::string& issue) {
  return Composed(std::string(BANMIAN_SOURCE_DIR) + "/issues/" + issue);
}

json Report(const RunResult& result) {
  return json::parse(ReportJson(result.Report("check")));
}

// The report's slot entry for a fit entry: the page's slot of that name and article (the
// last one: a stack's lowest part of that article).
const json* SlotEntry(const json& report, const json& fit) {
  const json* found = nullptr;
  for (const json& page : report["pages"])
    if (page["number"] == fit["page"])
      for (const json& s : page["slots"])
        if (s["slot"] == fit["slot"] && s["article"] == fit["article"]) found = &s;
  return found;
}

// The lines summed over the columns between each column's end and the part's foot.
int EmptyLines(const json& slot) {
  int sum = 0;
  for (const json& end : slot["column_ends"])
    sum += std::max(0, slot["rows"].get<int>() - end.get<int>());
  return sum;
}

// The invariants every fit entry keeps, whatever the issue.
void CheckEntries(const RunResult& result, const json& report) {
  const int per_line = result.issue->paper.grid.characters;
  size_t placed = 0;
  for (const SlotRecord& s : result.layout.slots) placed += !s.empty;
  CHECK(report["fit"].size() == placed);
  for (const json& f : report["fit"]) {
    CAPTURE(f.dump());
    const json* slot = SlotEntry(report, f);
    REQUIRE(slot);
    CHECK(f["label"] == report["pages"][f["page"].get<int>() - 1]["label"]);
    CHECK(f["columns"] == (*slot)["columns"]);
    CHECK(f["exact"] == (f["lines_over"] == 0 && f["lines_short"] == 0));
    CHECK(f["characters_short"] == f["lines_short"].get<int>() * per_line);
    CHECK(f["lines_short"].get<int>() <= EmptyLines(*slot));
    CHECK(f["rows_short"].get<int>() * static_cast<int>((*slot)["column_ends"].size()) <=
          f["lines_short"].get<int>());
    if (f["lines_over"] > 0) {
      CHECK(f["lines_short"] == 0);
      const std::string cut = "cut " + std::to_string(f["characters_over"].get<int>()) +
                              " characters (" + std::to_string(f["lines_over"].get<int>()) +
                              (f["lines_over"] == 1 ? " line)" : " lines)");
      CHECK(f["advice"][0].get<std::string>().rfind(cut, 0) == 0);
    } else if (f["lines_short"] > 0) {
      const std::string lines = std::to_string(f["lines_short"].get<int>());
      CHECK(f["advice"][0].get<std::string>().rfind(lines + " line", 0) == 0);
    } else {
      // An exact fit: nothing to say but a headline that would take one line.
      for (const json& a : f["advice"])
        CHECK(a.get<std::string>().rfind("the headline fits on one line at", 0) == 0);
    }
  }
}

const json* FitOf(const json& report, const std::string& label, const std::string& slot,
                  const std::string& article) {
  const json* found = nullptr;
  for (const json& f : report["fit"])
    if (f["label"] == label && f["slot"] == slot && f["article"] == article) found = &f;
  return found;
}

// A slot the underfull check found short has lines short in its fit entry, at least as
// many as the finding counts at its shortest column, and every column short.
void CheckUnderfull(const RunResult& result, const json& report) {
  int underfull = 0;
  for (const Finding& u : result.findings) {
    if (u.code != "underfull") continue;
    ++underfull;
    CAPTURE(u.message);
    const json* f = FitOf(report, u.label, u.where.substr(5), u.article);
    REQUIRE(f);
    CHECK((*f)["lines_short"].get<long>() >= u.count);
    CHECK((*f)["characters_short"] > 0);
    CHECK((*f)["exact"] == false);
  }
  CHECK(underfull > 0);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("report.json fit: the chunshen weekly, every module of its four pages") {
  RunResult result = Sample("chunshen-2024-06-07");
  json report = Report(result);
  CheckEntries(result, report);
  // The sample is made up: no module is more than two grid lines short of its foot.
  for (const json& f : report["fit"]) {
    CAPTURE(f.dump());
    CHECK(f["rows_short"].get<int>() <= 2);
    CHECK(f["lines_over"] == 0);
  }

  // The lead fills its six columns on A01 and goes on to A02: an exact fit there.
  const json* lead = FitOf(report, "A01", "lead", "jinbo");
  REQUIRE(lead);
  CHECK((*lead)["exact"] == true);
  CHECK((*lead)["advice"].empty());
  // The briefs stack: one entry per article, only the last judged against the foot.
  int briefs = 0;
  for (const json& f : report["fit"])
    if (f["label"] == "A01" && f["slot"] == "briefs") {
      ++briefs;
      if (f["article"] != "jx5") CHECK(f["lines_short"] == 0);
    }
  CHECK(briefs == 5);
}

TEST_CASE("report.json fit: the chunshen editor's first try, its short modules") {
  RunResult result = Composed(std::string(BANMIAN_TEST_DATA) +
                                  "/layout/cases/chunshen-first-try/issues/chunshen-2024-06-07",
                              kExitFindings);
  json report = Report(result);
  CheckEntries(result, report);
  CheckUnderfull(result, report);
  // 'third' ends 8 and 9 lines short of its 30 (an underfull error): 35 lines, 14
  // characters a line, every column at least 8 short.
  const json* third = FitOf(report, "A01", "third", "songqingliang");
  REQUIRE(third);
  CHECK((*third)["slot_rows"] == 30);
  CHECK((*third)["lines_short"] == 8 + 9 + 9 + 9);
  CHECK((*third)["characters_short"] == 35 * 14);
  CHECK((*third)["rows_short"] == 8);
  CHECK((*third)["advice"][0] ==
        "35 lines short: add about 490 characters, or make the picture 8 grid lines taller");
  CHECK((*third)["advice"][1] == "or give the slot 8 grid lines fewer");
}

TEST_CASE("report.json fit: the relative front page, its short second story") {
  RunResult result =
      Composed(std::string(BANMIAN_TEST_DATA) + "/layout/cases/relative-front", kExitFindings);
  json report = Report(result);
  CheckEntries(result, report);
  CheckUnderfull(result, report);
  REQUIRE(report["fit"].size() == 2);
  const json& second = report["fit"][1];
  CHECK(second["label"] == "A01");
  CHECK(second["slot"] == "second");
  CHECK(second["article"] == "xiaolv");
  CHECK(second["lines_short"].get<int>() >= 5 * 5);
  CHECK(second["rows_short"] == 5);
  CHECK(second["headline_lines"] == 1);
  CHECK(second["headline_size_pt"].get<double>() > 0);
}

TEST_CASE("report.json fit: overset text says how much to cut, as the finding counts it") {
  RunResult result =
      Composed(std::string(BANMIAN_TEST_DATA) + "/layout/cases/overset", kExitFindings);
  json report = Report(result);
  CheckEntries(result, report);
  const Finding* overset = nullptr;
  for (const Finding& f : result.findings)
    if (f.code == "overset") overset = &f;
  REQUIRE(overset);
  const json* f = FitOf(report, overset->label, "middle_left", overset->article);
  REQUIRE(f);
  CHECK((*f)["characters_over"].get<long>() == overset->count);
  CHECK((*f)["lines_over"].get<int>() > 0);
  CHECK((*f)["exact"] == false);
}

TEST_CASE("report.json fit: a picture that fits no slot is over, and says why") {
  RunResult result =
      Composed(std::string(BANMIAN_TEST_DATA) + "/layout/cases/tall-picture-stack", kExitFindings);
  json report = Report(result);
  CheckEntries(result, report);
  const json* tall = FitOf(report, "B02", "news", "tall");
  REQUIRE(tall);
  CHECK((*tall)["pictures_over"] == 1);
  CHECK((*tall)["exact"] == false);
  REQUIRE((*tall)["advice"].size() == 2);
  CHECK((*tall)["advice"][0] == "cut 9 characters (1 line) and 1 picture");
  // Not "give the slot 1 more grid line": the picture needs far more than the slot has.
  CHECK((*tall)["advice"][1].get<std::string>().rfind("or make it fit: picture '", 0) == 0);
  CHECK((*tall)["advice"][1].get<std::string>().find("; slot 'news' has 76 grid lines") !=
        std::string::npos);
}

TEST_CASE(
    "copyfit: a picture alone left over is no exact fit; nor a headline the slot can't hold") {
  Paper paper;
  paper.grid.characters = 14;
  LayoutReport r;
  SlotRecord s;
  s.page = 1, s.slot = "a", s.article = "x", s.columns = 2, s.rows = s.slot_rows = 10;
  s.column_ends = {10, 10};
  r.slots.push_back(s);
  s.slot = "b", s.article = "y", s.column_ends = {};
  r.slots.push_back(s);
  OversetRecord picture;
  picture.page = 1, picture.slot = "a", picture.article = "x", picture.pictures_left = 1;
  r.overset.push_back(picture);
  OversetRecord headline;
  headline.page = 1, headline.slot = "b", headline.article = "y", headline.headline_rows = 12;
  headline.slot_rows = 10, headline.lines_left = 20, headline.characters_left = 250;
  r.overset.push_back(headline);
  std::vector<FitRecord> fit = Copyfit(r, paper);
  REQUIRE(fit.size() == 2);
  CHECK(!fit[0].exact());
  CHECK(fit[0].pictures_over == 1);
  CHECK(fit[0].lines_short == 0);
  CHECK(FitAdvice(fit[0]) == "cut 1 picture");
  CHECK(!fit[1].exact());
  CHECK(FitAdvice(fit[1]) ==
        "the headline alone takes 12 grid lines of the slot's 10: shorten it or set it smaller; "
        "cut 250 characters (20 lines)");
}

TEST_CASE("check's copyfit lines: one per module with advice, after an unchanged summary") {
  RunResult result = Sample("hongqiao-2019-09-front");
  ReportInput in = result.Report("check");
  // The findings summary does not carry the copyfit.
  CHECK(ReportSummary(in).find("  fit ") == std::string::npos);
  std::vector<std::string> lines = Lines(FitSummary(in));
  size_t advised = 0;
  for (const FitRecord& f : result.fit) advised += !f.advice.empty();
  CHECK(lines.size() == advised);
  // The second story fits exactly; its two-line headline would take one at a smaller size.
  CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& line) {
    return line.rfind("  fit A01 second (yiwang): the headline fits on one line at ", 0) == 0;
  }));
  for (const std::string& line : lines) {
    CAPTURE(line);
    CHECK(line.rfind("  fit A01 ", 0) == 0);
  }
  // An exact fit whose headline takes one line is not listed.
  for (const std::string& line : lines) CHECK(line.find("third (chuangquan)") == std::string::npos);
}
