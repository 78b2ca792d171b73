// Resolving a path an input file names, inside the folder it must stay in.
//
// An issue names its articles relative to the issue folder, an article its pictures
// relative to itself (the path from the issue folder is the article's folder and the
// picture's path: "articles/../pictures/a.jpg"), and both must stay in the issue folder;
// a paper names its output profile relative to the paper's folder. ResolveInside follows
// the path one component at a time as the system would, symlinks and ".." included, and
// accepts it only when every step stays inside the folder: an absolute path, a ".." that
// climbs out, or a link that leads outside (or nowhere) is refused with one message that
// does not depend on what lies outside, so an error never tells whether a file outside the
// folder exists. Inside the folder, a missing file is reported as missing.
#pragma once

#include <optional>
#include <string>

namespace banmian {

struct ContainedPath {
  std::string path;      // the file's real path (no links), to open
  std::string error;     // when path is empty: "lies outside the issue folder", "does not exist"
  bool missing = false;  // the error is that the file does not exist (inside the folder)
};

// `rel` relative to `folder`; `folder_name` words the error ("the issue folder").
ContainedPath ResolveInside(const std::string& folder, const std::string& rel,
                            const std::string& folder_name);

}  // namespace banmian
