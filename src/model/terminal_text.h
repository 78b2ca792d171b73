// Text from the input made safe to print on a terminal.
//
// Folder names, YAML keys and article text reach the terminal inside diagnostics,
// summaries and check's page grids. Printed raw, an escape sequence in them (ESC [ …,
// an OSC hyperlink, a C1 control such as U+009B) would drive the terminal, and a
// bidirectional override (U+202E) or a stray carriage return would make a line read as
// something it is not. These functions show every such character as a visible escape
// (\x1b, \r, \u202e), and every byte that is not UTF-8 as \xff; all other text,
// Chinese and right-to-left letters included, is kept as it is.
#pragma once

#include <string>
#include <string_view>

namespace banmian {

// One field on one line: every control character is escaped, newline and tab included.
std::string TerminalText(std::string_view s);

// Multi-line output (a summary, a page grid, a dump): the same, but newlines and tabs
// are kept.
std::string TerminalLines(std::string_view s);

}  // namespace banmian
