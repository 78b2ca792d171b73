#include "model/terminal_text.h"

#include <doctest/doctest.h>

#include "model/diagnostic.h"

using namespace banmian;

TEST_CASE("terminal text: ordinary text, Chinese and right-to-left letters are kept") {
  CHECK(TerminalText("社区晨报 A01 ם。 مرحبا 𠀀 👍 e\u0301") ==
        "社区晨报 A01 ם。 مرحبا 𠀀 👍 e\u0301");
  CHECK(TerminalText("") == "");
  CHECK(TerminalText("a\\x1b") == "a\\x1b");  // a backslash is not a control
}

TEST_CASE("terminal text: escape sequences and C0 controls become visible escapes") {
  CHECK(TerminalText("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m");
  CHECK(TerminalText("\x1b]8;;http://x\x07link") == "\\x1b]8;;http://x\\x07link");
  CHECK(TerminalText(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(TerminalText("a\rb\nc\td\x7f") == "a\\rb\\nc\\td\\x7f");
  CHECK(TerminalText("\x08\x0c\x1f") == "\\x08\\x0c\\x1f");
}

TEST_CASE("terminal text: C1 controls, bidirectional controls and separators are escaped") {
  CHECK(TerminalText("\xc2\x9b"
                     "31m") == "\\u009b31m");  // CSI as one character
  CHECK(TerminalText("\xc2\x85") == "\\u0085");
  CHECK(TerminalText("abc\u202edcba") == "abc\\u202edcba");
  CHECK(TerminalText("\u2066x\u2069\u200f\u061c") == "\\u2066x\\u2069\\u200f\\u061c");
  CHECK(TerminalText("a\u2028b\u2029") == "a\\u2028b\\u2029");
  CHECK(TerminalText("\xc2\xa0") == "\xc2\xa0");  // U+00A0 is a space, not a control
}

TEST_CASE("terminal text: bytes that are not UTF-8 are shown as bytes") {
  CHECK(TerminalText("\xff") == "\\xff");
  CHECK(TerminalText("a\xC0\xAF") == "a\\xc0\\xaf");      // overlong '/'
  CHECK(TerminalText("\xB1\xA8") == "\\xb1\\xa8");        // GBK 报
  CHECK(TerminalText("\xE4\xB8") == "\\xe4\\xb8");        // cut ideograph
  CHECK(TerminalText("\xEF\xBF\xBD") == "\xEF\xBF\xBD");  // a real U+FFFD stays
}

TEST_CASE("terminal lines: newlines and tabs are kept, every other control escaped") {
  CHECK(TerminalLines("a\n\tb\r\n\x1b[2J") == "a\n\tb\\r\n\\x1b[2J");
}

TEST_CASE("diagnostics: every input-derived field is printed escaped, on its own lines") {
  Diagnostic d{Severity::kError,
               "unknown-key",
               {"issues/\x1b[2Jx/issue.yaml", 2, 1},
               "unknown key 'a\nissue.yaml:1:1: error[fake]: b' in the issue",
               "did you mean '\x1b]0;title\x07'?"};
  CHECK(FormatDiagnostic(d) ==
        "issues/\\x1b[2Jx/issue.yaml:2:1: error[unknown-key]: unknown key "
        "'a\\nissue.yaml:1:1: error[fake]: b' in the issue\n"
        "  hint: did you mean '\\x1b]0;title\\x07'?");
}
