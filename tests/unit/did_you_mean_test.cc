#include "cli/did_you_mean.h"

#include <doctest/doctest.h>

using namespace banmian;

TEST_CASE("did you mean: the edit distance counts a swap of neighbours as one edit") {
  CHECK(EditDistance("render", "render") == 0);
  CHECK(EditDistance("rendr", "render") == 1);   // a letter left out
  CHECK(EditDistance("rednre", "render") == 2);  // two swaps
  CHECK(EditDistance("redner", "render") == 1);  // one swap
  CHECK(EditDistance("", "dump") == 4);
  CHECK(EditDistance("check", "dump") == 5);
}

TEST_CASE("did you mean: the nearest command or option within 2 edits") {
  const std::vector<std::string> commands{"render", "check", "dump", "watch", "fonts", "new"};
  CHECK(DidYouMean("rendr", commands) == "render");
  CHECK(DidYouMean("chekc", commands) == "check");
  CHECK(DidYouMean("wach", commands) == "watch");
  CHECK(DidYouMean("frobnicate", commands) == "");
  CHECK(DidYouMean("publish", commands) == "");
  const std::vector<std::string> options{"--out", "-o", "--dpi", "--no-png", "--jobs", "-j"};
  CHECK(DidYouMean("--dpl", options) == "--dpi");
  CHECK(DidYouMean("--nopng", options) == "--no-png");
  // Short words: one edit at most, and never a whole replacement.
  CHECK(DidYouMean("-x", options) == "");
  CHECK(DidYouMean("-O", options) == "");
}

TEST_CASE("did you mean: of equally near words, the first listed") {
  CHECK(DidYouMean("dat", {"data", "date"}) == "data");
  CHECK(DidYouMean("dat", {"date", "data"}) == "date");
}
