#include "cli/diagnostic_text.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

using namespace banmian;

TEST_CASE("diagnostic text: the first line as ever, the source line, then the hint") {
  const std::string path = "diagnostic_text_test.yaml";
  std::ofstream(path) << "paper: x\ntitel: 新报\n";
  const Diagnostic d{Severity::kError,
                     "unknown-key",
                     {path, 2, 1},
                     "unknown key 'titel'",
                     "did you mean 'title'?"};
  CHECK(DiagnosticText(d, false) == path +
                                        ":2:1: error[unknown-key]: unknown key 'titel'\n"
                                        "    2 | titel: 新报\n"
                                        "      | ^\n"
                                        "  hint: did you mean 'title'?\n");
  CHECK(DiagnosticText(d, true) == path +
                                       ":2:1: \x1b[1;31merror\x1b[0m[unknown-key]: unknown key "
                                       "'titel'\n"
                                       "    2 | titel: 新报\n"
                                       "      | \x1b[1;31m^\x1b[0m\n"
                                       "  hint: did you mean 'title'?\n");
  std::remove(path.c_str());
}

TEST_CASE("diagnostic text: no excerpt without a readable line") {
  const Diagnostic d{Severity::kWarning, "w", {"--pages", 0, 0}, "m", ""};
  CHECK(DiagnosticText(d, false) == "--pages: warning[w]: m\n");
  const Diagnostic e{Severity::kError, "e", {"", 0, 0}, "m", "h"};
  CHECK(DiagnosticText(e, false) == "error[e]: m\n  hint: h\n");
}
