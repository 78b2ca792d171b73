// What the input files of an issue held when a render read them, as a hash per file: what
// watch compares to tell which articles changed, and whether files changed during a render.
//
// The files are exactly those the render read (base/read_recorder.h): the issue file, the
// articles, their pictures, the paper's files, found and checked by the loader (links
// that lead outside the issue or paper folder, devices and FIFOs are refused there and
// never read). A file in the issue folder that nothing uses is never read, however large,
// and a change to it costs nothing. Files are keyed by their real path (links and `..`
// resolved).
//
// The snapshot also lists the folders to watch for changes: the and the paper's
// folders with their subfolders (found by listing folders only: no file is read; links
// are not followed; editors' scratch names are skipped) and the folder of every input
// file, whatever its name (an article in ".drafts/"). A new file in one of them (a picture
// an article starts naming) is a reason to render again; see watch/file_watcher.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/read_recorder.h"

namespace banmian {

struct InputSnapshot {
  std::map<std::string, uint64_t> files;  // real path → hash of the bytes the render read
  std::vector<std::string> folders;       // real paths, the roots first

  bool operator==(const InputSnapshot& other) const { return files == other.files; }
  // The hash of the file at `path` (resolved to its real path), if the snapshot has it.
  std::optional<uint64_t> Find(const std::string& path) const;
  // One string naming the bytes of every file under `folder` (a real path): what changes
  // whenever one of them does.
  std::string Under(const std::string& folder) const;
  // Whether every file still holds the bytes it held (read again, regular files only).
  bool StillHolds() const;
};

// The snapshot of a render that read `files` (ReadRecorder::files()), with the folders
// under each of `roots` (missing roots are left out; at most `depth` folders deep).
InputSnapshot MakeSnapshot(std::map<std::string, uint64_t> files,
                           const std::vector<std::string>& roots, int depth = 8);

// The hash of the bytes of the regular file at `path`; nothing when it is not one (a
// device, a FIFO, a folder, missing) or cannot be read. Never blocks on a FIFO.
std::optional<uint64_t> HashRegularFile(const std::string& path);

// Whether a file of this name is an editor's scratch file rather than input.
bool EditorScratchName(const std::string& name);

// The real path of `path`; "" when it does not exist.
std::string RealPath(const std::string& path);

}  // namespace banmian
