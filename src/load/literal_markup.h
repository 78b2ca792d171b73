// Markdown that cmark does not parse but an editor writes as formatting.
//
// The loader reads CommonMark with GitHub's table extension alone: rows fenced with pipes
// that miss their delimiter row (or whose delimiter row has another number of cells) are
// not a table and stay in their paragraph as literal characters, and so do
// `~~struck-through~~` text and a footnote mark `[^1]`, and so does
// `####小标题` written without the space a heading needs; banmian would print the pipes,
// tildes and hashes. A link reference definition (`[name]: address`, or a footnote's
// `[^1]: note`) cmark takes out of the text altogether, so the line would be lost. These
// functions find them in the source lines, so the article loader can report each at its
// line and column instead. Ordinary prose stays legal: a lone `|` or `~` (24~31℃), a
// hashtag (#话题#).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace banmian {

struct LiteralMarkup {
  size_t line = 0;    // index into the lines searched
  size_t column = 0;  // byte offset in that line
  std::string message;
  std::string hint;
};

// Looks through one paragraph's (or heading's) source lines, as they stand in the file
// (block quote markers included), for a table, struck-through text, footnote marks and
// headings without their space. At most one table is reported per paragraph.
std::vector<LiteralMarkup> FindLiteralMarkup(const std::vector<std::string_view>& lines);

// When `line` starts a link reference definition (`[label]: …`, also inside `>`), its
// label ("ref", "^1") and the byte offset of its `[`.
std::optional<std::pair<std::string, size_t>> ReferenceDefinition(std::string_view line);

// The error for a reference definition that cmark took out of the text.
LiteralMarkup DroppedDefinition(const std::string& label, size_t line, size_t column);

// Where a line's content starts after block quote markers (`> > `) and up to three
// spaces of indentation.
size_t ContentStart(std::string_view line);

}  // namespace banmian
