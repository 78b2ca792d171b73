// Finding where the characters of a parsed text stand in the file they were parsed from.
//
// A parser hands back text that is not the source byte for byte: CommonMark drops the
// backslash of \" and turns &amp; into &, joins a paragraph's lines and leaves out their
// indentation and a pull quote's "> "; YAML takes away a quoted value's quotes and escapes.
// AlignText walks the text and the source together from where the text begins, finding
// each character in the source a short way ahead (an entity, &quot;, counts as the
// character at its &), so every character gets the line:col where the editor typed it.
// A character not found there (one an escape wrote, \u201C) takes the position reached.
// Time: linear in the text and the source it walks (each look-ahead is bounded).
#pragma once

#include <cstddef>
#include <string_view>

#include "model/text_source.h"

namespace banmian {

// Appends to `out` the positions of the characters of `text` (UTF-8), which begins at byte
// `from` of `source`; `line`:`col` is the file position of that byte (1-based, col in
// characters). A line break in `source` starts the next line at column 1.
void AlignText(std::string_view text, std::string_view source, size_t from, int line, int col,
               TextSource& out);

}  // namespace banmian
