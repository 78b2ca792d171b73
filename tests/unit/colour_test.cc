#include "cli/colour.h"

#include <doctest/doctest.h>

using namespace banmian;

TEST_CASE("colour: auto colours a terminal unless NO_COLOR is set and not empty") {
  CHECK(UseColour(ColourMode::kAuto, true, nullptr));
  CHECK(UseColour(ColourMode::kAuto, true, ""));  // no-color.org: an empty NO_COLOR is unset
  CHECK_FALSE(UseColour(ColourMode::kAuto, true, "1"));
  CHECK_FALSE(UseColour(ColourMode::kAuto, false, nullptr));
}

TEST_CASE("colour: always and never decide alone") {
  CHECK(UseColour(ColourMode::kAlways, false, "1"));
  CHECK_FALSE(UseColour(ColourMode::kNever, true, nullptr));
}

TEST_CASE("colour: the modes by name") {
  CHECK(ParseColourMode("auto") == ColourMode::kAuto);
  CHECK(ParseColourMode("always") == ColourMode::kAlways);
  CHECK(ParseColourMode("never") == ColourMode::kNever);
  CHECK_FALSE(ParseColourMode("yes").has_value());
  CHECK_FALSE(ParseColourMode("").has_value());
}

TEST_CASE("colour: severity words in red, yellow and cyan, bold") {
  CHECK(Coloured("error", Severity::kError, true) == "\x1b[1;31merror\x1b[0m");
  CHECK(Coloured("warning", Severity::kWarning, true) == "\x1b[1;33mwarning\x1b[0m");
  CHECK(Coloured("info", Severity::kInfo, true) == "\x1b[1;36minfo\x1b[0m");
  CHECK(Coloured("error", Severity::kError, false) == "error");
}

TEST_CASE("colour: a summary line's severity word, and nothing else") {
  CHECK(ColourSeverityWord("  error[overset] page A01: x", true) ==
        "  \x1b[1;31merror\x1b[0m[overset] page A01: x");
  CHECK(ColourSeverityWord("  warning[thin-rule] page 1: error[x]", true) ==
        "  \x1b[1;33mwarning\x1b[0m[thin-rule] page 1: error[x]");
  CHECK(ColourSeverityWord("iss: 1 page, 1 error, 0 warnings", true) ==
        "iss: 1 page, 1 error, 0 warnings");
  CHECK(ColourSeverityWord("  errors[x]", true) == "  errors[x]");
  CHECK(ColourSeverityWord("  error[overset]", false) == "  error[overset]");
}
