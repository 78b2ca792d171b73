// An issue folder packed into one file, so a fuzzer can mutate a whole issue at once.
//
// The archive is the files' contents, each introduced by a line "@@@ <path>": paths
// under "layouts/" are the paper's templates, every other path is inside the issue
// folder (issue.yaml, articles/…, pictures/…). UnpackIssue writes an archive into a
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

// A path the unpacker accepts: relative, 1–4 components of [A-Za-z0-9._-], no "." or "..".
bool IsSafeArchivePath(const std::string& path);

// Writes the archive's safe files under `root`/issue and `root`/layouts (emptied first).
// Returns how many files were written.
int UnpackIssue(const std::vector<ArchivedFile>& files, const std::string& root);

}  // namespace banmian::fuzz
