// Removing a folder and everything in it without ever following a symbolic link: a link
// inside the folder is removed itself, never what it points to. banmian removes only
// folders it made (its staging folders and the previous set of an output folder).
#pragma once

#include <string>

namespace banmian {

// Removes `path` (a folder, a file or a link). True when it is gone, also when it was not
// there; otherwise false with `error` set.
bool RemoveTree(const std::string& path, std::string& error);

}  // namespace banmian
