#include "preflight/findings.h"

#include <doctest/doctest.h>

using namespace banmian;

TEST_CASE("preflight: overset names the article, the slot and what is left over") {
  LayoutReport report;
  OversetRecord text;
  text.page = 1, text.slot = "lead", text.article = "linghang";
  text.characters_left = 120, text.lines_left = 9, text.text_left = "三是用对方法";
  OversetRecord picture;
  picture.page = 2, picture.slot = "b", picture.article = "tu", picture.pictures_left = 1;
  OversetRecord headline;
  headline.page = 2, headline.slot = "a", headline.article = "bt", headline.headline_rows = 16;
  headline.slot_rows = 3, headline.characters_left = 5, headline.lines_left = 1,
  headline.text_left = "正文";
  report.overset = {text, picture, headline};
  auto findings = Preflight(report);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].severity == Severity::kError);
  CHECK(findings[0].count == 120);
  CHECK(findings[0].message ==
        "article 'linghang' does not fit slot 'lead': 120 characters (9 lines) left over, from "
        "“三是用对方法…”");
  CHECK(findings[1].message == "article 'tu' does not fit slot 'b': 1 picture left over");
  CHECK(findings[2].message ==
        "article 'bt' does not fit slot 'a': its headline alone takes 16 grid lines of the slot's "
        "3; 5 "
        "characters (1 line) left over, from “正文…”");
}

TEST_CASE("preflight: a line breaking a rule is an error, a low-resolution picture a warning") {
  LayoutReport report;
  report.lines.push_back({1, "slot:lead", "body", "，开头", true, false});
  report.lines.push_back({1, "slot:lead", "body", "结尾“", true, false});
  report.lines.push_back({1, "slot:lead", "body", "正常的一行", true, false});
  report.lines.push_back({1, "region:folio", "folio", "（页眉不查）", false, false});
  PictureRecord p;
  p.page = 1, p.article = "a", p.path = "p.jpg", p.effective_ppi = 120;
  report.pictures.push_back(p);
  auto findings = Preflight(report);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].message == "line starts with a mark that may not start a line: “，开头”");
  CHECK(findings[1].message == "line ends with a mark that may not end a line: “结尾“”");
  CHECK(findings[2].severity == Severity::kWarning);
  CHECK(findings[2].message == "picture 'p.jpg' prints at 120 ppi (under 150 ppi looks coarse)");
}
