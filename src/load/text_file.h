// Reading an input file as UTF-8 text.
//
// ReadTextFile reports a missing, unreadable or too large file (kMaxTextFileBytes) at
// `referenced_from` (the line that named it), and invalid UTF-8 and control characters
// (a NUL byte, a form feed, …) at the bad byte's own line and column, so every input
// error points somewhere an editor can look.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace banmian {

std::optional<std::string> ReadTextFile(const std::string& path, const SourcePos& referenced_from,
                                        const std::string& what, Diagnostics& diags);
bool FileExists(const std::string& path);
// Joins a folder and a relative path ("a/b" + "c.md" -> "a/b/c.md"); absolute paths stay.
std::string JoinPath(const std::string& dir, const std::string& rel);
// The line and column (in characters) of byte `offset` of `text`, a file's contents.
SourcePos PositionOf(const std::string& file, std::string_view text, size_t offset);
// "52.3 MB" (mebibytes, as file sizes are shown).
std::string MegabytesText(uint64_t bytes);

}  // namespace banmian
