#include "cli/help_text.h"

#include <doctest/doctest.h>

using namespace banmian;

TEST_CASE("help: every command's help gives its usage, every option, and examples") {
  for (const CommandSpec& c : Commands()) {
    CAPTURE(c.name);
    const std::string help = CommandHelp(c);
    CHECK(help.starts_with("Usage: banmian " + std::string(c.name)));
    for (const OptionSpec* o : c.options) {
      CHECK(help.find(std::string(o->long_name)) != std::string::npos);
      if (!o->short_name.empty())
        CHECK(help.find(std::string(o->short_name) + ", " + std::string(o->long_name)) !=
              std::string::npos);
    }
    CHECK(help.find("\nExamples:\n  banmian ") != std::string::npos);
    CHECK(c.examples.size() >= 2);
  }
}

TEST_CASE("help: the main help lists every command") {
  const std::string help = MainHelp();
  for (const CommandSpec& c : Commands())
    CHECK(help.find("banmian " + std::string(c.name) + " ") != std::string::npos);
  CHECK(help.starts_with("Usage: banmian render ISSUE_DIR [options]\n  or:  banmian check"));
  CHECK(help.find("-V, --version") != std::string::npos);
}

TEST_CASE("help: a usage error is one line and a pointer to the help") {
  CHECK(UsageErrorText("render", "render needs an issue folder") ==
        "banmian: render needs an issue folder\nTry 'banmian render --help'.\n");
  CHECK(UsageErrorText("", "unknown command 'x'") ==
        "banmian: unknown command 'x'\nTry 'banmian --help'.\n");
  CHECK(UsageErrorText("", "unknown command '\x1b[2J'") ==
        "banmian: unknown command '\\x1b[2J'\nTry 'banmian --help'.\n");
}
