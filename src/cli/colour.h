// Colour on the terminal: whether to use it, and the escape sequences that make it.
//
// `--color auto` (the default) colours only when standard error is a terminal and the
// environment has no NO_COLOR, or an empty one (https://no-color.org); `always` and
// `never` decide alone. Only the severity words of diagnostics and findings and the caret
// under a source excerpt are coloured: error red, warning yellow, info cyan, all bold.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace banmian {

enum class ColourMode { kAuto, kAlways, kNever };

// "auto", "always" or "never"; nullopt for anything else.
std::optional<ColourMode> ParseColourMode(std::string_view word);

// The decision, from the mode, whether standard error is a terminal, and NO_COLOR's
// value (null when it is not set).
bool UseColour(ColourMode mode, bool stderr_is_terminal, const char* no_color);

// The same, looking at this process's standard error and environment.
bool UseColour(ColourMode mode);

// `text` in the severity's colour when `on`, else as it is.
std::string Coloured(std::string_view text, Severity severity, bool on);

// A summary line's severity word in colour: "error", "warning" or "info" followed by "["
// at the line's start, after its indentation ("  error[overset] page A01 …"). Other
// lines are returned as they are.
std::string ColourSeverityWord(std::string_view line, bool on);

}  // namespace banmian
