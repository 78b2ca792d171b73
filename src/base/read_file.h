// Reading a whole file into memory: the one way banmian does it (input texts, pictures,
// ICC profiles).
#pragma once

#include <optional>
#include <string>

namespace banmian {

// The file's bytes; nothing when it cannot be opened.
std::optional<std::string> ReadFileBytes(const std::string& path);

}  // namespace banmian
