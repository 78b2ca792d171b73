#include "cli/source_excerpt.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

using namespace banmian;

TEST_CASE("source excerpt: the line and a caret under the column") {
  CHECK(ExcerptOfLine("   articles:", 8, 4, Severity::kError, false) ==
        "    8 |    articles:\n"
        "      |    ^\n");
  CHECK(ExcerptOfLine("title: x", 12345, 1, Severity::kError, false) ==
        "12345 | title: x\n"
        "      | ^\n");
}

TEST_CASE("source excerpt: Chinese characters take two cells, so the caret moves two") {
  // Column 8 is the 'x' after six ideographs and a colon... counted in characters.
  CHECK(ExcerptOfLine("标题：社区晨报x", 2, 8, Severity::kError, false) ==
        "    2 | 标题：社区晨报x\n"
        "      |               ^\n");
  CHECK(ExcerptOfLine("标题", 2, 2, Severity::kError, false) ==
        "    2 | 标题\n"
        "      |   ^\n");
}

TEST_CASE("source excerpt: tabs expand to the next multiple of 8") {
  CHECK(ExcerptOfLine("a\tb", 1, 3, Severity::kError, false) ==
        "    1 | a       b\n"
        "      |         ^\n");
  CHECK(ExcerptOfLine("\t\tx", 1, 3, Severity::kError, false) ==
        "    1 |                 x\n"
        "      |                 ^\n");
}

TEST_CASE("source excerpt: controls escaped, the caret past their escape") {
  CHECK(ExcerptOfLine("a\x1b[2Jb", 1, 6, Severity::kError, false) ==
        "    1 | a\\x1b[2Jb\n"
        "      |         ^\n");
  CHECK(ExcerptOfLine("a\xff"
                      "b",
                      1, 3, Severity::kError, false) ==
        "    1 | a\\xffb\n"
        "      |      ^\n");
}

TEST_CASE("source excerpt: a column past the end, no column, a carriage return, an empty line") {
  CHECK(ExcerptOfLine("ab", 1, 9, Severity::kError, false) ==
        "    1 | ab\n"
        "      |   ^\n");
  CHECK(ExcerptOfLine("ab", 1, 0, Severity::kError, false) == "    1 | ab\n");
  CHECK(ExcerptOfLine("ab\r", 1, 1, Severity::kError, false) ==
        "    1 | ab\n"
        "      | ^\n");
  CHECK(ExcerptOfLine("", 3, 1, Severity::kError, false) ==
        "    3 |\n"
        "      | ^\n");
}

TEST_CASE("source excerpt: the caret in the severity's colour") {
  CHECK(ExcerptOfLine("x", 1, 1, Severity::kWarning, true) ==
        "    1 | x\n"
        "      | \x1b[1;33m^\x1b[0m\n");
}

TEST_CASE("source excerpt: read from the file, only when it and the line exist") {
  const std::string path = "source_excerpt_test.tmp";
  std::ofstream(path) << "one\ntwo\nthree";
  CHECK(SourceExcerpt({path, 2, 2}, Severity::kError, false) ==
        "    2 | two\n"
        "      |  ^\n");
  CHECK(SourceExcerpt({path, 3, 1}, Severity::kError, false) ==
        "    3 | three\n"
        "      | ^\n");
  CHECK(SourceExcerpt({path, 4, 1}, Severity::kError, false) == "");
  CHECK(SourceExcerpt({path, 0, 0}, Severity::kError, false) == "");
  CHECK(SourceExcerpt({"no-such-file.yaml", 1, 1}, Severity::kError, false) == "");
  CHECK(SourceExcerpt({".", 1, 1}, Severity::kError, false) == "");  // a folder
  std::remove(path.c_str());
}

TEST_CASE("source excerpt: a long line is shown around the caret, its cuts marked") {
  const std::string line = std::string(300, 'q') + "X" + std::string(300, 'q');
  const std::string out = ExcerptOfLine(line, 7, 301, Severity::kError, false);
  const std::string shown = "…" + std::string(50, 'q') + "X" + std::string(49, 'q') + "…";
  CHECK(out == "    7 | " + shown + "\n      | " + std::string(51, ' ') + "^\n");
  // Near the start: cut at the end alone.
  CHECK(ExcerptOfLine(std::string(200, 'a'), 1, 3, Severity::kError, false) ==
        "    1 | " + std::string(100, 'a') + "…\n      |   ^\n");
  // Near the end: cut at the start alone, the caret past the line's end.
  CHECK(ExcerptOfLine(std::string(200, 'a'), 1, 201, Severity::kError, false) ==
        "    1 | …" + std::string(100, 'a') + "\n      | " + std::string(101, ' ') + "^\n");
}
