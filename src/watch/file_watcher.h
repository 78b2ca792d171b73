// Telling when an issue's input files change: inotify on the folders a render read.
//
// The watcher watches a set of folders (each one itself, not its subfolders: the watch
// session lists them all) for files written and closed, created, deleted, moved in or out,
// and folders made or removed. What counts as a change:
//  - any event on a file the last render read (an input), whatever its name: an article
//    the issue keeps in ".drafts/" is as much input as any other;
//  - a file or folder made, deleted or moved in or out (a picture an article starts
//    naming), unless its name is an editor's scratch file's (watch/input_snapshot.h
//    EditorScratchName);
//  - a watched folder's own deletion or move.
// Writing to a file that is not an input is not a change: its bytes are never read.
// A folder that does not exist (the issue folder deleted, to be restored) is awaited: its
// nearest existing ancestor is watched, and the folder (or the next folder on the way to
// it) appearing there is a change. Watch() is called again after each render with what it
// read, so a new subfolder or a paper that changed is watched from then on. The caller
// polls fd() with other descriptors and calls Drain() when it is readable.
#pragma once

#include <map>
#include <memory>
#include <set>
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

  // Watches exactly `folders` (real paths) from now on, knowing `inputs` (real paths of
  // the files the render read) and awaiting the absolute paths `awaited` (folders that do
  // not exist). False when a folder could not be watched (e.g.
  // fs.inotify.max_user_watches reached), with `error` naming it; the others are.
  bool Watch(const std::vector<std::string>& folders, const std::set<std::string>& inputs,
             const std::vector<std::string>& awaited, std::string& error);
  // The descriptor to poll for reading.
  int fd() const { return fd_; }
  // Reads the events waiting (never blocks); whether one of them was a change of input.
  bool Drain();

 private:
  explicit FileWatcher(int fd) : fd_(fd) {}
  struct Watched {
    int wd = -1;
    bool folder = false;          // watched for its own files
    std::set<std::string> await;  // names whose appearance counts (an awaited folder's way)
  };
  int fd_ = -1;
  std::map<std::string, Watched> watches_;  // folder → its watch
  std::map<int, std::string> folders_;      // watch descriptor → folder
  std::set<std::string> inputs_;
};

}  // namespace banmian
