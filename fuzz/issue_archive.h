// An issue folder packed into one file, so a fuzzer can mutate a whole issue at once.
//
// The archive is the files' contents, each introduced by a line "@@@ <path>": paths
// under "layouts/" are the paper's templates, every other path is inside the issue
// folder (issue.yaml, articles/…, pictures/…), but "args" (the command line's options,
// for the fuzz target) and "folder" (the issue folder's name). UnpackIssue writes an archive into a
// scratch folder, skipping paths that could leave it, so any byte string is a valid
// archive and the loader sees exactly what an editor's folder would hold.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace banmian::fuzz {

struct ArchivedFile {
  std::string path;
  std::string contents;
};

std::vector<ArchivedFile> ParseArchive(const std::string& data);

// The archive of `files`, which ParseArchive reads back as they are (unless a file holds
// a line starting with "@@@ ").
std::string PackArchive(const std::vector<ArchivedFile>& files);

// The issue folder's name: the contents of an archived file "folder" (any bytes but "/"
// and NUL, which become "_", at most 64 bytes), so the fuzzer reaches output names made
// from odd folder names; "issue" when there is none, or it is empty, "." or "..", or names
// the scratch folder's other entries ("layouts", "out").
std::string IssueFolderName(const std::vector<ArchivedFile>& files);

// A path the unpacker accepts: relative, 1–4 components of [A-Za-z0-9._-], no "." or "..".
bool IsSafeArchivePath(const std::string& path);

// Writes the archive's safe files under `root`/<IssueFolderName> and `root`/layouts
// (emptied first). Returns how many files were written.
int UnpackIssue(const std::vector<ArchivedFile>& files, const std::string& root);

}  // namespace banmian::fuzz
