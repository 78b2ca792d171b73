// The output folder as one unit: a render leaves in OUT either its complete new set of
// files or the complete previous set, never a mix, whatever stops it (an error, a full
// disk, a kill).
//
// The rules (docs/output.md says them to the user):
// - OUT belongs to banmian: a render replaces the whole folder. So that nothing of the
//   user's is ever removed, OUT must be new, empty, or hold only what banmian wrote
//   there: the files its manifest `OUT/.banmian-manifest` lists (for a folder an earlier
//   banmian wrote without a manifest: files named as banmian names its output). Anything
//   else in it is an error before anything is written.
// - OUT is never the current folder or a folder holding it, and never holds an input
//   (the issue folder, the paper's layouts, the fonts).
// - The files are written into a staging folder beside OUT, `.<OUT>.banmian-stage-XXXXXX`,
//   made exclusively (mkdtemp, mode 0700 until the swap). Commit adds the manifest (one
//   `sha256  name` line per file: `sha256sum -c .banmian-manifest` checks the folder) and
//   swaps the staging folder in with one atomic rename (renameat2 RENAME_EXCHANGE), then
//   removes the previous set.
// - Renders into the same OUT take turns: a lock file beside it, `.<OUT>.banmian-lock`
//   (flock), is held from Open to the end; a second render waits for it. The lock file
//   stays (removing it would race with a waiting render).
// - Under the lock, Open first removes what killed runs left beside OUT: staging folders
//   and a previous set not yet removed (restoring it as OUT should OUT be missing).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace banmian {

// Why OUT cannot be written: a diagnostic's code, message and hint.
struct OutputError {
  std::string code, message, hint;
};

struct OutputRequest {
  std::string out;                  // OUT as the user gave it (or the default)
  std::string issue_name;           // names of an earlier banmian's output without a manifest
  std::vector<std::string> inputs;  // folders OUT must not hold (issue, layouts, fonts)
  // Called once, before waiting, when another render holds OUT's lock.
  std::function<void(const std::string& message)> on_wait;
};

// The name of the manifest inside an output folder.
inline constexpr const char* kManifestName = ".banmian-manifest";

class OutputFolder {
 public:
  // Checks OUT, makes its parent folders, takes the lock (waiting for another render),
  // removes what killed runs left, checks that OUT holds only banmian's files and makes
  // the staging folder. Nothing when OUT cannot be written; `error` says why.
  static std::unique_ptr<OutputFolder> Open(const OutputRequest& request,
                                            std::optional<OutputError>& error);
  // Removes the staging folder unless committed; releases the lock.
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  // The folder to write the files into.
  const std::string& staging() const { return staging_; }
  // Writes the manifest of the staging folder (hashing `jobs` files at once) and swaps it
  // in as OUT. On failure OUT is as it was.
  bool Commit(int jobs, std::string& error);

 private:
  OutputFolder() = default;

  std::string out_;      // OUT, resolved: an absolute path without links
  std::string parent_;   // its folder
  std::string base_;     // its name
  std::string staging_;  // the staging folder (absolute)
  bool out_existed_ = false;
  unsigned out_mode_ = 0;  // the permissions the new OUT gets
  int lock_fd_ = -1;
  bool committed_ = false;
};

// The manifest's text for the files of `folder` (every regular file below it, sorted by
// name, the manifest itself left out), hashing `jobs` files at once.
std::optional<std::string> ManifestOf(const std::string& folder, int jobs, std::string& error);

// The names a manifest lists ("x.pdf", "press/y.pdf"), or nothing when `text` is not one.
std::optional<std::vector<std::string>> ManifestNames(const std::string& text);

}  // namespace banmian
