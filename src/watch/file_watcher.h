// Telling when an issue's input files change: inotify on the folders a render read.
//
// The watcher watches a set of folders (each one itself, not its subfolders: the watch
// session lists them all) for files written and closed, created, deleted, moved in or out,
// and folders made or removed. Names of editors' scratch files (watch/input_snapshot.h
// EditorScratchName) are not changes. Watch() is called again after each render with the
// folders it read, so a new subfolder or a paper that changed is watched from then on.
// The caller polls fd() with other descriptors and calls Drain() when it is readable.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace banmian {

class FileWatcher {
 public:
  // Nothing when inotify cannot be used, with `error` saying why.
  static std::unique_ptr<FileWatcher> Create(std::string& error);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  // Watches exactly `folders` from now on. False when one of them could not be watched
  // (e.g. fs.inotify.max_user_watches reached), with `error` naming it; the others are.
  bool Watch(const std::vector<std::string>& folders, std::string& error);
  // The descriptor to poll for reading.
  int fd() const { return fd_; }
  // Reads the events waiting (never blocks); whether one of them was a change of input.
  bool Drain();

 private:
  explicit FileWatcher(int fd) : fd_(fd) {}
  int fd_ = -1;
  std::map<std::string, int> watches_;  // folder → watch descriptor
};

}  // namespace banmian
