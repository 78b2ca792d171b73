// What the input files of an issue hold at one moment, as a hash per file: what watch
// compares to tell which articles changed, and whether files changed during a render.
//
// A snapshot walks folders (the issue's, its paper's) and hashes every regular file in
// them by its bytes, keyed by its real path (symbolic links and `..` resolved), skipping
// the files editors keep beside the ones they save (names starting with '.', ending with
// '~' or ".swp", vim's "4913" probe): those are not input. It also lists the folders it
// went through, for the file watcher. Two snapshots are equal when every file holds the
// same bytes. The hashes are std::hash of the bytes: good for one process, never stored.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace banmian {

struct InputSnapshot {
  std::map<std::string, uint64_t> files;  // real path → hash of its bytes
  std::vector<std::string> folders;       // real paths, the roots first

  bool operator==(const InputSnapshot& other) const { return files == other.files; }
  // The hash of the file at `path` (resolved to its real path), if the snapshot has it.
  std::optional<uint64_t> Find(const std::string& path) const;
  // One string naming the bytes of every file under `folder` (a real path): what changes
  // whenever one of them does.
  std::string Under(const std::string& folder) const;
};

// Snapshots the files under each of `roots` (missing roots are left out); at most `depth`
// folders deep.
InputSnapshot TakeSnapshot(const std::vector<std::string>& roots, int depth = 8);

// Whether a file of this name is an editor's scratch file rather than input.
bool EditorScratchName(const std::string& name);

// The real path of `path`; "" when it does not exist.
std::string RealPath(const std::string& path);

// A hash of `bytes` (std::hash of the bytes: for one process only).
uint64_t HashBytes(const std::string& bytes);

}  // namespace banmian
