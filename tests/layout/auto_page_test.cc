// Auto pages composed for real (tests/layout/cases/auto-page, a small paper of 4 columns
// and 60 grid lines): the modules the search chose tile the body, a lock is kept, a page
// with more text than it holds proposes the least cut, a story begun on one auto page goes
// on on the next with its jump lines, and the result does not depend on the threads.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "model/frame_dump.h"
#include "pipeline/pipeline.h"

using namespace banmian;

namespace {

RunResult Compose(int jobs = 1) {
  RunOptions options;
  options.issue_dir = std::string(BANMIAN_TEST_DATA) + "/layout/cases/auto-page";
  options.jobs = jobs;
  return ComposeIssue(options);
}

std::vector<const Finding*> FindingsOn(const RunResult& r, int page) {
  std::vector<const Finding*> out;
  for (const Finding& f : r.findings)
    if (f.page == page && f.severity == Severity::kError) out.push_back(&f);
  return out;
}

const AutoPageRecord& AutoPage(const RunResult& r, int page) {
  for (const AutoPageRecord& a : r.layout.auto_pages)
    if (a.page == page) return a;
  FAIL("no auto page " << page);
  return r.layout.auto_pages.front();
}

bool HasText(const Page& page, const std::string& text) {
  Document one;
  one.pages.push_back(page);
  return DumpDocument(one).find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("layout: auto pages tile their body, keep a lock, propose cuts and jump") {
  const RunResult r = Compose();
  REQUIRE(r.document);
  REQUIRE(r.diagnostics.ErrorCount() == 0);
  REQUIRE(r.layout.auto_pages.size() == 5);

  // Page 1: four stories fill the body (4 columns × 58 grid lines) exactly, no rule broken.
  const AutoPageRecord& one = AutoPage(r, 1);
  REQUIRE(!one.layouts.empty());
  CHECK(one.layouts.front().breaks.empty());
  CHECK_FALSE(one.with_cuts);
  int cells = 0;
  for (const AutoModule& m : one.layouts.front().modules) cells += m.cols * m.rows;
  CHECK(cells == 4 * 58);
  CHECK(FindingsOn(r, 1).empty());

  // Page 2: dangshib locked to columns 1–2.
  const AutoPageRecord& two = AutoPage(r, 2);
  REQUIRE(!two.layouts.empty());
  for (const AutoModule& m : two.layouts.front().modules)
    if (two.stories[m.story].id == "dangshib") {
      CHECK(m.col == 0);
      CHECK(m.cols == 2);
    }
  CHECK(FindingsOn(r, 2).empty());

  // Page 3: more than the body holds: cuts proposed, never made silently.
  std::set<std::string> codes;
  for (const Finding* f : FindingsOn(r, 3)) codes.insert(f->code);
  CHECK(codes.count("auto-cut") == 1);
  CHECK(codes.count("overset") == 1);
  for (const Finding* f : FindingsOn(r, 3))
    if (f->code == "auto-cut")
      CHECK(f->message.find("continue it on a later page") != std::string::npos);

  // Pages 4 and 5: weiguangb begun on page 4 and continued on page 5.
  REQUIRE(r.document->pages.size() == 5);
  CHECK(HasText(r.document->pages[3], "下转第5版"));
  CHECK(HasText(r.document->pages[4], "上接第4版"));
  CHECK(FindingsOn(r, 4).empty());
}

TEST_CASE("layout: an auto page comes out the same for any number of threads") {
  const RunResult one = Compose(1), two = Compose(2);
  REQUIRE(one.document);
  REQUIRE(two.document);
  CHECK(DumpDocument(*one.document) == DumpDocument(*two.document));
}
