// Reading a whole file into memory: the one way banmian does it (input texts, pictures,
// ICC profiles). Every read is told to the ReadRecorder, if one is recording
// (base/read_recorder.h: how watch knows what a render read).
#pragma once

#include <optional>
#include <string>

namespace banmian {

// The file's bytes; nothing when it cannot be opened.
std::optional<std::string> ReadFileBytes(const std::string& path);

}  // namespace banmian
