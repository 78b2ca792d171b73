#include "load/issue_loader.h"

#include <doctest/doctest.h>

#include "test_util.h"

using namespace banmian;
using banmian::test::Messages;

namespace {
const char* kIssue = R"(paper: shequchenbao
title: 社区晨报
date: 2021-05-10
pages:
  - template: front
    slots:
      lead: a
articles:
  a: articles/a.md
)";
}  // namespace

TEST_CASE("issue: a good issue file") {
  Diagnostics d;
  auto issue = ParseIssueFile("issue.yaml", kIssue, d);
  REQUIRE(issue);
  CHECK(Messages(d) == "");
  CHECK(issue->paper_id == "shequchenbao");
  REQUIRE(issue->pages.size() == 1);
  CHECK(issue->pages[0].label == "1");
  CHECK(issue->pages[0].slots[0].articles == std::vector<std::string>{"a"});
  CHECK_FALSE(issue->pages[0].slots[0].continuation);
  CHECK(issue->article_files.at("a") == "articles/a.md");
}

TEST_CASE("issue: unknown keys, bad dates and missing keys are all reported") {
  Diagnostics d;
  std::string text = kIssue;
  text.replace(text.find("title:"), 6, "titel:");
  text.replace(text.find("2021-05-10"), 10, "2021-02-30");
  CHECK_FALSE(ParseIssueFile("issue.yaml", text, d));
  CHECK(Messages(d) ==
        "issue.yaml:2:1: error[unknown-key]: unknown key 'titel' in the issue\n"
        "  hint: did you mean 'title'?\n"
        "issue.yaml:3:7: error[bad-date]: '2021-02-30' is not a date\n"
        "  hint: write the date as YYYY-MM-DD, e.g. 2021-05-10\n");
}

TEST_CASE("issue: a module slot given two articles, and continuations") {
  Diagnostics d;
  auto issue = ParseIssueFile(
      "issue.yaml",
      "paper: p\ntitle: t\ndate: 2021-05-10\npages:\n"
      "  - template: front\n    slots:\n      lead: [a, b]\n      second: {continues: c}\n"
      "  - template: front\n    slots:\n      lead: c\n      second: {continues: a}\n"
      "articles:\n  a: a.md\n  b: b.md\n  c: c.md\n",
      d);
  REQUIRE(issue);
  CHECK(issue->pages[0].slots[0].articles == std::vector<std::string>{"a", "b"});
  CHECK(issue->pages[1].slots[1].continuation);
  PageTemplate front;
  front.name = "front";
  Slot lead, second;
  lead.name = "lead";
  second.name = "second";
  front.slots = {lead, second};
  issue->paper.templates["front"] = front;
  issue->paper_id = "p";
  ValidateIssue(*issue, d);
  CHECK(Messages(d) ==
        "issue.yaml:7:7: error[slot-twice]: slot 'lead' is given 2 articles\n"
        "  hint: a module slot holds one article; make it a stack slot (kind: stack) to hold "
        "several\n"
        "issue.yaml:8:7: error[bad-continuation]: article 'c' continues here before it starts "
        "anywhere\n"
        "  hint: place the article's start in an earlier slot or page\n");
}

TEST_CASE("issue: validation against the paper's templates") {
  Diagnostics d;
  auto issue = ParseIssueFile("issue.yaml",
                              "paper: p\ntitle: t\ndate: 2021-05-10\npages:\n"
                              "  - template: frnt\n  - template: front\n    slots:\n      leed: a\n"
                              "      second: a\n      third: c\n"
                              "articles:\n  a: a.md\n  b: b.md\n",
                              d);
  REQUIRE(issue);
  issue->paper_id = "p";
  PageTemplate front;
  front.name = "front";
  Slot lead, second;
  lead.name = "lead";
  second.name = "second";
  front.slots = {lead, second};
  issue->paper.templates["front"] = front;
  issue->paper.templates["inside"] = PageTemplate{"inside", "", {}, {}, {}};
  ValidateIssue(*issue, d);
  CHECK(Messages(d) ==
        "issue.yaml:5:5: error[unknown-template]: paper 'p' has no template 'frnt'\n"
        "  hint: did you mean 'front'?\n"
        "issue.yaml:8:7: error[unknown-slot]: template 'front' has no slot 'leed'\n"
        "  hint: did you mean 'lead'?\n"
        "issue.yaml:9:7: error[placed-twice]: article 'a' is placed twice\n"
        "  hint: it is already placed at line 8; to continue it in another slot write {continues: "
        "a}\n"
        "issue.yaml:10:7: error[unknown-slot]: template 'front' has no slot 'third'\n"
        "  hint: slots of template 'front': lead second\n"
        "issue.yaml:10:7: error[unknown-article]: article 'c' is not listed under 'articles'\n"
        "issue.yaml:13:6: error[article-not-placed]: article 'b' is not placed on any page\n"
        "  hint: give it a slot under pages, or remove it from articles\n");
}

TEST_CASE("issue: dates and weekdays") {
  auto d = ParseDate("2021-05-10");
  REQUIRE(d);
  CHECK(Weekday(*d) == 1);  // a Monday
  CHECK(Weekday(*ParseDate("2019-09-25")) == 3);
  CHECK(ParseDate("2020-02-29"));
  CHECK_FALSE(ParseDate("2021-13-01"));
  CHECK_FALSE(ParseDate("10.05.2021"));
}

TEST_CASE("issue: columns count characters, not bytes") {
  Diagnostics d;
  CHECK_FALSE(ParseIssueFile("issue.yaml",
                             "paper: p\ntitle: 社区晨报\ndate: 2021-05-10\npages:\n"
                             "  - {section: 要闻, tmplate: front}\narticles:\n  a: a.md\n",
                             d));
  CHECK(Messages(d) ==
        "issue.yaml:5:19: error[unknown-key]: unknown key 'tmplate' in page 1\n"
        "  hint: did you mean 'template'?\n");
}

TEST_CASE("issue: two pages with one label, given or by number, are an error at the second") {
  Diagnostics d;
  CHECK_FALSE(ParseIssueFile("issue.yaml",
                             "paper: p\ntitle: t\ndate: 2021-05-10\npages:\n"
                             "  - template: front\n    label: A01\n"
                             "  - template: inside\n    label: A01\n"
                             "  - template: inside\n"
                             "  - template: inside\n    label: '3'\n"
                             "  - template: inside\n    label: B1\n"
                             "  - template: inside\n"
                             "  - {template: inside, label: ''}\n"
                             "articles:\n  a: a.md\n",
                             d));
  CHECK(Messages(d) ==
        "issue.yaml:8:5: error[duplicate-label]: label 'A01' is already page 1's label, given at "
        "line 6\n"
        "  hint: give each page its own label\n"
        "issue.yaml:11:5: error[duplicate-label]: label '3' is already page 3's: page 3 (line 9) "
        "has no label and is labelled with its number\n"
        "  hint: give each page its own label\n"
        "issue.yaml:15:31: error[bad-value]: page 7: a page label cannot be empty\n"
        "  hint: leave 'label' out to label the page with its number\n");
  Diagnostics d2;
  CHECK_FALSE(ParseIssueFile("issue.yaml",
                             "paper: p\ntitle: t\ndate: 2021-05-10\npages:\n"
                             "  - template: front\n    label: '2'\n"
                             "  - template: inside\n"
                             "articles:\n  a: a.md\n",
                             d2));
  CHECK(Messages(d2) ==
        "issue.yaml:7:5: error[duplicate-label]: page 2 has no label, so it is labelled 2, which "
        "is already page 1's label (given at line 6)\n"
        "  hint: give page 2 a label of its own\n");
}

namespace {
// A paper of 5 columns and 100 grid lines with template 'front': slots lead (fixed),
// second (rows: fit, max_rows 20) and news (a stack), and the region masthead.
Paper TestPaper() {
  Paper paper;
  paper.grid.columns = 5;
  paper.grid.lines = 100;
  PageTemplate front;
  front.name = "front";
  Slot lead, second, news;
  lead.name = "lead";
  lead.geometry = {0, 5, 12, {}, RowsMode::kFixed, 30, 0, 0, {}, {}};
  second.name = "second";
  second.geometry = {0, 3, 0, {"lead"}, RowsMode::kFit, 1, 0, 20, {}, {}};
  news.name = "news";
  news.kind = SlotKind::kStack;
  news.geometry = {3, 2, 0, {"lead"}, RowsMode::kRest, 1, 0, 0, {}, {}};
  front.slots = {lead, second, news};
  Region masthead;
  masthead.name = "masthead";
  front.regions = {masthead};
  paper.templates["front"] = front;
  return paper;
}

std::string IssueWithSlots(const std::string& slots) {
  return "paper: p\ntitle: t\ndate: 2021-05-10\npages:\n  - template: front\n    slots:\n" + slots +
         "articles:\n  a: a.md\n  b: b.md\n  c: c.md\n";
}
}  // namespace

TEST_CASE("issue: a slot's geometry changed for one page") {
  Diagnostics d;
  auto issue = ParseIssueFile(
      "issue.yaml",
      IssueWithSlots("      lead: {article: a, col: 2, cols: 4, row: 5, rows: fit, min_rows: 10, "
                     "max_rows: 40}\n"
                     "      second: {continues: a, below: [lead, masthead], rows: rest}\n"
                     "      news:\n        articles: [b, c]\n        rows: 12\n"),
      d);
  REQUIRE(issue);
  CHECK(Messages(d) == "");
  const auto& slots = issue->pages[0].slots;
  REQUIRE(slots.size() == 3);
  CHECK(slots[0].articles == std::vector<std::string>{"a"});
  CHECK_FALSE(slots[0].continuation);
  const SlotOverride& lead = slots[0].override;
  CHECK(lead.col == 1);
  CHECK(lead.cols == 4);
  CHECK(lead.row == 4);
  CHECK(lead.rows_mode == RowsMode::kFit);
  CHECK_FALSE(lead.rows);
  CHECK(lead.min_rows == 10);
  CHECK(lead.max_rows == 40);
  CHECK(lead.pos.line == 7);
  CHECK(lead.pos.col == 13);
  CHECK(slots[1].continuation);
  CHECK(slots[1].override.below == std::vector<std::string>{"lead", "masthead"});
  CHECK(slots[1].override.rows_mode == RowsMode::kRest);
  CHECK(slots[2].articles == std::vector<std::string>{"b", "c"});
  CHECK(slots[2].override.rows == 12);
  CHECK(slots[2].override.pos.line == 10);
  CHECK(slots[2].override.pos.col == 9);
  issue->paper = TestPaper();
  ValidateIssue(*issue, d);
  CHECK(Messages(d) == "");
  // The plain forms change nothing.
  auto plain =
      ParseIssueFile("issue.yaml", IssueWithSlots("      lead: a\n      news: [b, c]\n"), d);
  REQUIRE(plain);
  CHECK(plain->pages[0].slots[0].override.empty());
  CHECK(plain->pages[0].slots[1].override.empty());
}

TEST_CASE("issue: a slot mapping's keys, types and ranges are checked when the file is read") {
  Diagnostics d;
  CHECK_FALSE(ParseIssueFile(
      "issue.yaml",
      IssueWithSlots("      lead: {article: a, continues: b}\n"
                     "      second: {rows: fit}\n"
                     "      news: {articles: b, roww: 3}\n"
                     "      x1: {article: a, col: 0, cols: two, rows: many}\n"
                     "      x2: {article: a, row: 3, below: lead}\n"
                     "      x3: {article: a, below: {lead: 1}}\n"
                     "      x4: {article: a, rows: 12, max_rows: 20}\n"
                     "      x5: {article: a, rows: fit, min_rows: 30, max_rows: 20}\n"),
      d));
  CHECK(Messages(d) ==
        "issue.yaml:7:26: error[bad-value]: page 1 slot 'lead' gives both 'article' and "
        "'continues'; it takes one of them\n"
        "issue.yaml:8:15: error[missing-key]: page 1 slot 'second' needs 'article', 'articles', "
        "'continues', 'ad' or 'banner'\n"
        "  hint: write {article: id, …}, {articles: [id, id], …} for a stack, {continues: id, "
        "…}, {ad: file} for an ad slot or {banner: \"…\"} for a banner slot\n"
        "issue.yaml:9:27: error[unknown-key]: unknown key 'roww' in page 1 slot 'news'\n"
        "  hint: did you mean 'row'?\n"
        "issue.yaml:9:24: error[wrong-type]: 'articles' in page 1 slot 'news' lists article ids\n"
        "  hint: write articles: [id, id, …]\n"
        "issue.yaml:10:29: error[out-of-range]: 'col' in page 1 slot 'x1' must be between 1 and "
        "1000, not 0\n"
        "issue.yaml:10:38: error[wrong-type]: 'cols' in page 1 slot 'x1' must be a whole number, "
        "not 'two'\n"
        "issue.yaml:10:49: error[bad-value]: page 1 slot 'x1': 'rows' takes a number of grid "
        "lines, fit or rest, not 'many'\n"
        "  hint: write rows: 12, rows: fit or rows: rest\n"
        "issue.yaml:11:32: error[bad-value]: page 1 slot 'x2' gives both 'row' and 'below'; its "
        "top is one or the other\n"
        "issue.yaml:12:31: error[wrong-type]: page 1 slot 'x3': 'below' must name a slot or "
        "region, or list several\n"
        "issue.yaml:13:34: error[bad-value]: page 1 slot 'x4': 'max_rows' goes with 'rows: fit'\n"
        "  hint: a slot sized by its article takes rows: fit, min_rows and max_rows\n"
        "issue.yaml:14:49: error[bad-value]: page 1 slot 'x5': max_rows 20 is less than min_rows "
        "30\n");
}

TEST_CASE("issue: a slot's changed geometry is checked against its template and the grid") {
  Diagnostics d;
  auto issue = ParseIssueFile(
      "issue.yaml",
      IssueWithSlots("      lead: {article: a, col: 6}\n"
                     "      second: {continues: a, cols: 6, below: [lead, mastead], min_rows: 30}\n"
                     "      news: {articles: [b, c], row: 101, rows: fit}\n"),
      d);
  REQUIRE(issue);
  issue->paper = TestPaper();
  ValidateIssue(*issue, d);
  CHECK(Messages(d) ==
        "issue.yaml:7:13: error[outside-grid]: page 1 slot 'lead' starts in column 6 but the grid "
        "has 5 columns\n"
        "issue.yaml:8:15: error[outside-grid]: page 1 slot 'second' reaches column 6 but the grid "
        "has 5 columns\n"
        "  hint: it starts in column 1 and spans 6; give it fewer columns or an earlier 'col'\n"
        "issue.yaml:8:15: error[bad-value]: page 1 slot 'second': max_rows 20 is less than "
        "min_rows 30 (one of them from the template)\n"
        "issue.yaml:8:15: error[unknown-slot]: page 1 slot 'second' is below 'mastead', which is "
        "no other slot or region of template 'front'\n"
        "  hint: did you mean 'masthead'?\n"
        "issue.yaml:9:13: error[outside-grid]: page 1 slot 'news' starts on grid line 101 but the "
        "page has 100 grid lines\n"
        "issue.yaml:9:13: error[bad-value]: page 1 slot 'news' is a stack slot: it takes fixed "
        "rows or 'rows: rest', not 'rows: fit'\n");
  // min_rows on a slot whose template gives fixed rows.
  Diagnostics d2;
  auto fixed =
      ParseIssueFile("issue.yaml", IssueWithSlots("      lead: {article: a, max_rows: 10}\n"), d2);
  REQUIRE(fixed);
  fixed->paper = TestPaper();
  ValidateIssue(*fixed, d2);
  CHECK(Messages(d2).starts_with(
      "issue.yaml:7:13: error[bad-value]: page 1 slot 'lead': 'max_rows' goes with 'rows: "
      "fit', and the template's slot has fixed rows\n"
      "  hint: add rows: fit beside it\n"));
}
