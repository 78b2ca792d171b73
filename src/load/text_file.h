// Reading an input file as UTF-8 text.
//
// ReadTextFile reports a missing or unreadable file at `referenced_from` (the line
// that named it) and invalid UTF-8 at the bad byte's own line and column, so every
// input error points somewhere an editor can look.
#pragma once

#include <optional>
#include <string>

#include "model/diagnostic.h"

namespace banmian {

std::optional<std::string> ReadTextFile(const std::string& path, const SourcePos& referenced_from,
                                        const std::string& what, Diagnostics& diags);
bool FileExists(const std::string& path);
// Joins a folder and a relative path ("a/b" + "c.md" -> "a/b/c.md"); absolute paths stay.
std::string JoinPath(const std::string& dir, const std::string& rel);

}  // namespace banmian
