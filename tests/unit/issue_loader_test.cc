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
  issue->paper.templates["inside"] = PageTemplate{"inside", "", {}, {}};
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
