// render --pages: the list's syntax, the pages it names (labels, numbers, ranges, in page
// order, each once) and the exact messages for what names no page.
#include "pipeline/page_selection.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace banmian;

namespace {

const std::vector<std::string> kFour = {"A01", "A02", "A03", "A04"};
// Labels as a layout may give them: a section page, one with a dash, one all digits.
const std::vector<std::string> kOdd = {"A01", "要闻", "B-2", "12", "A05"};
// Labels with several dashes, and labels that make an item readable two ways.
const std::vector<std::string> kDashes = {"A-1", "A-2-1", "A-2-2", "A-2-3"};
const std::vector<std::string> kTwoWays = {"A", "A-1", "1-A", "A-1-A"};

std::string Numbers(const std::vector<int>& numbers) {
  std::string s;
  for (int n : numbers) s += (s.empty() ? "" : " ") + std::to_string(n);
  return s;
}

std::vector<int> Select(const std::string& list, const std::vector<std::string>& labels) {
  std::string error;
  auto ranges = ParsePageList(list, error);
  REQUIRE_MESSAGE(ranges, error);
  PageSelectionError wrong;
  auto numbers = SelectPages(*ranges, labels, wrong);
  REQUIRE_MESSAGE(numbers, wrong.message);
  return *numbers;
}

}  // namespace

TEST_CASE("page selection: the items of a list") {
  struct Case {
    const char* list;
    std::vector<PageRange> ranges;
  };
  const Case cases[] = {
      {"A01", {{"A01", "A01"}}},
      {"A01,A03-A05", {{"A01", "A01"}, {"A03", "A05"}}},
      {"3-1,2", {{"3", "1"}, {"2", "2"}}},
      {"要闻", {{"要闻", "要闻"}}},
      {"B-2", {{"B", "2"}}},  // a range as written: SelectPages knows the label B-2
      {"A01, A03 - A05", {{"A01", "A01"}, {"A03", "A05"}}},  // spaces as people type them
      {" A01\t", {{"A01", "A01"}}},
      {"A-2-1-A-2-3", {{"A-2-1-A-2-3", "A-2-1-A-2-3"}}},  // kept whole: read by the labels
  };
  for (const Case& c : cases) {
    CAPTURE(c.list);
    std::string error;
    auto ranges = ParsePageList(c.list, error);
    REQUIRE(ranges);
    CHECK(*ranges == c.ranges);
    CHECK(error.empty());
  }
}

TEST_CASE("page selection: a list that is not one is a usage error") {
  struct Case {
    const char* list;
    const char* error;
  };
  const Case cases[] = {
      {"", "--pages needs pages, e.g. A01,A03-A05"},
      {"A01,,A03", "--pages has an empty item in 'A01,,A03'"},
      {",A01", "--pages has an empty item in ',A01'"},
      {"A01,", "--pages has an empty item in 'A01,'"},
      {"A03-", "--pages: 'A03-' is not a range of two pages, e.g. A03-A05"},
      {"-A05", "--pages: '-A05' is not a range of two pages, e.g. A03-A05"},
      {"A01, ,A03", "--pages has an empty item in 'A01, ,A03'"},
      {"A03 -", "--pages: 'A03 -' is not a range of two pages, e.g. A03-A05"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.list);
    std::string error;
    CHECK_FALSE(ParsePageList(c.list, error));
    CHECK(error == c.error);
  }
}

TEST_CASE("page selection: labels, numbers and ranges give pages in page order, each once") {
  struct Case {
    const char* list;
    const std::vector<std::string>* labels;
    const char* numbers;
  };
  const Case cases[] = {
      {"A01", &kFour, "1"},
      {"A01,A03-A04", &kFour, "1 3 4"},
      {"A04,A02", &kFour, "2 4"},        // page order, not the list's
      {"A02-A03,A03,2", &kFour, "2 3"},  // each once
      {"1,3-4", &kFour, "1 3 4"},        // numbers
      {"A02-4", &kFour, "2 3 4"},        // a label to a number
      {"A01-A04", &kFour, "1 2 3 4"},    // all
      {"A03-A03", &kFour, "3"},          // a range of one page
      {"要闻", &kOdd, "2"},              // any label
      {"B-2", &kOdd, "3"},               // a label with a dash is that page
      {"12", &kOdd, "4"},                // a label of digits is that label, not page 12
      {"4", &kOdd, "4"},                 // the fourth page
      {"要闻-A05", &kOdd, "2 3 4 5"},
      {"A01, A03", &kFour, "1 3"},         // spaces after commas
      {"A-2-1-A-2-3", &kDashes, "2 3 4"},  // the one split into two labels
      {"A-1-A-2-2", &kDashes, "1 2 3"},
      {"A-2-2", &kDashes, "3"},  // a label is that page, not a range
      {"A-1-A", &kTwoWays, "4"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.list);
    CHECK(Numbers(Select(c.list, *c.labels)) == c.numbers);
  }
}

TEST_CASE("page selection: a page the issue has not, or a range backwards, names no pages") {
  struct Case {
    const char* list;
    const std::vector<std::string>* labels;
    const char* code;
    const char* message;
    const char* hint;
  };
  const Case cases[] = {
      // Every label as close as any other: the pages are listed.
      {"A06", &kFour, "unknown-page", "the issue has no page 'A06'",
       "the issue's pages are A01–A04"},
      // One label close: did you mean.
      {"AO3", &kFour, "unknown-page", "the issue has no page 'AO3'", "did you mean 'A03'?"},
      {"A01-A09", &kFour, "unknown-page", "the issue has no page 'A09'",
       "the issue's pages are A01–A04"},
      {"0", &kFour, "unknown-page", "the issue has no page '0'", "the issue's pages are A01–A04"},
      {"5", &kFour, "unknown-page", "the issue has no page '5'", "the issue's pages are A01–A04"},
      {"a01", &kOdd, "unknown-page", "the issue has no page 'a01'", "did you mean 'A01'?"},
      {"B3", &kOdd, "unknown-page", "the issue has no page 'B3'", "the issue's pages are A01–A05"},
      {"A04-A02", &kFour, "page-range-backwards",
       "the range A04-A02 runs backwards (A04 is page 4, A02 page 2)", "write A02-A04"},
      {"3-1", &kFour, "page-range-backwards", "the range 3-1 runs backwards", "write 1-3"},
      {"A02-A03-A04", &kFour, "unknown-page", "the issue has no page 'A02-A03-A04'",
       "the issue's pages are A01–A04"},
      {"A-1-A-1-A", &kTwoWays, "page-range-ambiguous",
       "'A-1-A-1-A' can be read as A-1 to A-1-A or as A-1-A to 1-A",
       "name the pages by number, e.g. 3-5"},
      {"A-2-3-A-2-1", &kDashes, "page-range-backwards",
       "the range A-2-3-A-2-1 runs backwards (A-2-3 is page 4, A-2-1 page 2)", "write A-2-1-A-2-3"},
      {"A05-要闻", &kOdd, "page-range-backwards",
       "the range A05-要闻 runs backwards (A05 is page 5, 要闻 page 2)", "write 要闻-A05"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.list);
    std::string error;
    auto ranges = ParsePageList(c.list, error);
    REQUIRE(ranges);
    PageSelectionError wrong;
    CHECK_FALSE(SelectPages(*ranges, *c.labels, wrong));
    CHECK(wrong.code == c.code);
    CHECK(wrong.message == c.message);
    CHECK(wrong.hint == c.hint);
  }
}

TEST_CASE("page selection: the pages for people, runs as ranges") {
  struct Case {
    std::vector<int> numbers;
    const char* text;
  };
  const Case cases[] = {
      {{1}, "A01"},
      {{1, 3, 4}, "A01, A03, A04"},  // two in a row are two pages
      {{1, 2, 3, 4}, "A01–A04"},
      {{2, 3, 4}, "A02–A04"},
      {{1, 2, 4}, "A01, A02, A04"},
      {{}, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(DescribePages(c.numbers, kFour) == c.text);
  }
  CHECK(DescribePages({1, 2, 3, 5}, kOdd) == "A01–B-2, A05");
}
