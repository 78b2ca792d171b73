#include "cli/run_options_from_arguments.h"

#include <doctest/doctest.h>

using namespace banmian;

namespace {
std::optional<std::string> Run(std::vector<std::string> words, RunOptions& options, int& port) {
  const CommandSpec& render = *FindCommand(words[0]);
  Arguments args;
  words.erase(words.begin());
  REQUIRE_FALSE(ParseArguments(render, words, args));
  return RunOptionsFromArguments(render, args, options, port);
}
}  // namespace

TEST_CASE("run options: plain decimals only") {
  CHECK(PlainNumber("100", 4, 3));
  CHECK(PlainNumber("72.5", 4, 3));
  for (const char* bad : {" 100", "1e2", "0x64", "+100", "inf", "100.", ".5", "", "12345"})
    CHECK_FALSE(PlainNumber(bad, 4, 3));
  CHECK_FALSE(PlainNumber("2.0", 3, 0));
}

TEST_CASE("run options: values checked, the issue folder taken") {
  RunOptions o;
  int port = 0;
  CHECK_FALSE(Run({"render", "iss", "--dpi", "150", "-j", "3", "--pdfx", "4", "--press"}, o, port));
  CHECK(o.issue_dir == "iss");
  CHECK(o.png_dpi == 150);
  CHECK(o.jobs == 3);
  CHECK(o.pdfx4);
  CHECK(o.press);
  RunOptions p;
  CHECK(Run({"render", "iss", "--dpi", "5"}, p, port) == "--dpi needs a number from 10 to 1200");
  CHECK(Run({"render", "iss", "--press-despite-errors"}, p, port) ==
        "--press-despite-errors needs --press");
  CHECK(Run({"render"}, p, port) == "render needs an issue folder");
  CHECK(Run({"render", "a", "b"}, p, port) == "more than one issue folder given ('a' and 'b')");
  CHECK(Run({"watch", "iss", "--port", "0"}, p, port) == std::nullopt);
  CHECK(port == 0);
  CHECK(Run({"watch", "iss", "--port", "65536"}, p, port) ==
        "--port needs a whole number from 0 to 65535");
}
