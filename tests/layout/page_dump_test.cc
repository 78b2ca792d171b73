// Layout tests: the composed sample pages, dumped as stable text and compared with
// golden files in tests/layout/expected/. After an intended change, regenerate them
// with UPDATE_GOLDEN=1 and read the diff before committing it.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "model/frame_dump.h"
#include "pipeline/pipeline.h"

using namespace banmian;

namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void CheckGolden(const std::string& issue) {
  RunOptions options;
  options.issue_dir = std::string(BANMIAN_SOURCE_DIR) + "/issues/" + issue;
  RunResult result = ComposeIssue(options);
  REQUIRE(result.exit_status == kExitClean);
  REQUIRE(result.document);
  std::string dump = DumpDocument(*result.document);
  std::string golden = std::string(BANMIAN_TEST_DATA) + "/layout/expected/" + issue + ".txt";
  if (const char* update = std::getenv("UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(golden) << dump;
  }
  std::string expected = ReadAll(golden);
  REQUIRE_MESSAGE(!expected.empty(), "no golden file " << golden << " (run with UPDATE_GOLDEN=1)");
  // Compare line by line so a failure names the first line that moved.
  std::istringstream got(dump), want(expected);
  std::string g, w;
  int line = 0;
  while (true) {
    bool more_g = static_cast<bool>(std::getline(got, g)),
         more_w = static_cast<bool>(std::getline(want, w));
    ++line;
    if (!more_g && !more_w) break;
    CAPTURE(line);
    REQUIRE(g == w);
  }
}

}  // namespace

TEST_CASE("layout: the 2021-05 front page composes as its golden dump") {
  CheckGolden("hongqiao-2021-05-front");
}
TEST_CASE("layout: the Songjiang inside page composes as its golden dump") {
  CheckGolden("songjiang-2022-07-inside");
}
