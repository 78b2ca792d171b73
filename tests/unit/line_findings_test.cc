// What the paragraph composer could not avoid, as the staff see it (preflight/findings.h):
// a word longer than the column cut, a line with only letters to space, a line stretched
// more than a quarter em between characters — each a warning at its page, grid place and
// the line's own line:col in the article file, composed from tests/layout/cases/hard-lines.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "preflight/findings.h"

using namespace banmian;

TEST_CASE("composer findings: cut words, letter spacing and loose lines at their line:col") {
  RunOptions options;
  options.issue_dir = std::string(BANMIAN_TEST_DATA) + "/layout/cases/hard-lines";
  const RunResult result = ComposeIssue(options);
  REQUIRE(result.document);
  const std::set<std::string> codes = {"overfull-line", "word-cut", "letter-spaced", "loose-line"};
  struct Want {
    const char* code;
    int line, col;  // in articles/a.md
    int column, row;
    const char* message;
  };
  // Worked by hand: the column holds 15 em; 详情请访问 and https://example. fill the first
  // line (cut after the dot), org/… starts at character 22 of line 4 and is all letters;
  // 请写信给我们 (6 em after the 2 em indent) is followed by a 24-letter word that fits only
  // a line of its own: 7 em over 5 gaps is 1.40 em a gap.
  const Want want[] = {
      {"word-cut", 4, 1, 1, 30,
       "a word longer than the column is cut at this line's end: “详情请访问https://example.”; "
       "a URL or address can be shortened or set apart"},
      {"word-cut", 4, 22, 1, 31,
       "a word longer than the column is cut at this line's end: “org/shequ/hongqiao/2021/noti”; "
       "a URL or address can be shortened or set apart"},
      {"letter-spaced", 4, 22, 1, 31,
       "the line has nothing to stretch but its letters, spaced 0.01 em apart to fill the column: "
       "“org/shequ/hongqiao/2021/noti”"},
      {"loose-line", 6, 1, 2, 30,
       "the line is stretched 1.40 em between every two characters (more than 0.25 em): "
       "“请写信给我们”; a word or number that may not be split is likely near it; rewording a "
       "line above or below lets it close up"},
  };
  std::vector<const Finding*> got;
  for (const Finding& f : result.findings)
    if (codes.count(f.code)) got.push_back(&f);
  REQUIRE(got.size() == std::size(want));
  for (size_t i = 0; i < got.size(); ++i) {
    const Finding& f = *got[i];
    CAPTURE(i);
    CHECK(f.code == want[i].code);
    CHECK(f.severity == Severity::kWarning);
    CHECK(f.page == 1);
    CHECK(f.article == "a");
    CHECK(f.pos.file.ends_with("hard-lines/articles/a.md"));
    CHECK(f.pos.line == want[i].line);
    CHECK(f.pos.col == want[i].col);
    CHECK(f.col_first == want[i].column);
    CHECK(f.row_first == want[i].row);
    CHECK(f.message == want[i].message);
  }
}

TEST_CASE("composer findings: the limits, from hand-made line records") {
  LayoutReport report;
  auto line = [&](const char* text) -> LineRecord& {
    LineRecord& l = report.lines.emplace_back();
    l.page = 1, l.where = "slot:lead", l.role = "body", l.text = text, l.justified = true;
    l.pos = {"a.md", 3, 5};
    return l;
  };
  line("一二三四").gap_stretch_em = 0.25;   // a quarter em is not yet loose
  line("五六七八").gap_stretch_em = 0.251;  // just over
  line("𠀀").overfull = true;               // one character wider than the column
  line("九十").gap_stretch_em = 0;
  const std::vector<Finding> all = Preflight(report, Document{}, Paper{});
  std::vector<std::string> got;
  for (const Finding& f : all)
    got.push_back(f.code + " " + std::to_string(f.pos.line) + ":" + std::to_string(f.pos.col) +
                  " " + f.message);
  CHECK(got == std::vector<std::string>{
                   "loose-line 3:5 the line is stretched 0.25 em between every two characters "
                   "(more than 0.25 em): “五六七八”; a word or number that may not be split is "
                   "likely near it; rewording a line above or below lets it close up",
                   "overfull-line 3:5 the line is wider than its column even with its "
                   "punctuation squeezed: “𠀀”"});
}
