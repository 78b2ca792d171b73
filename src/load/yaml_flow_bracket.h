// Where a YAML flow collection was opened and never closed: the '[' or '{' a reader means
// when it says "end of sequence flow not found" at some later line (yaml-cpp reports where
// it gave up, often the next line or the end of the front matter, not the bracket).
//
// A flow collection starts where a value starts (the line's content, after "- ", or after
// a key's ": ") with '[' or '{', and runs, across lines too, to its matching bracket;
// inside it, quoted text ('…' with '' for a quote, "…" with \ escapes) and comments (a '#'
// after a space) hold no brackets. A bracket inside plain text (`title: a[1]`) or a block
// scalar (`|`, `>`) opens nothing. Offsets, lines and columns are 0-based bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace banmian {

struct FlowOpener {
  size_t offset = 0;  // of the bracket in the text
  int line = 0;
  int column = 0;  // bytes from the line's start
  char bracket = '[';
};

// The innermost '[' or '{' of `text` before byte `end` that opens a flow collection not
// closed before `end` (or closed by a bracket of the other kind: "[1, 2}" leaves the '['
// open); none when every one opened there is closed.
std::optional<FlowOpener> UnclosedFlowBracket(std::string_view text, size_t end);

}  // namespace banmian
