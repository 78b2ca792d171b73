#include "watch/file_watcher.h"

#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "watch/input_snapshot.h"

namespace banmian {

namespace {

bool IsFolder(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

std::unique_ptr<FileWatcher> FileWatcher::Create(std::string& error) {
  const int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) {
    error = std::string("cannot watch files (inotify): ") + std::strerror(errno);
    return nullptr;
  }
  return std::unique_ptr<FileWatcher>(new FileWatcher(fd));
}

FileWatcher::~FileWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool FileWatcher::Watch(const std::vector<std::string>& folders,
                        const std::set<std::string>& inputs,
                        const std::vector<std::string>& awaited, std::string& error) {
  inputs_ = inputs;
  std::map<std::string, Watched> wanted;
  for (const std::string& folder : folders) wanted[folder].folder = true;
  for (const std::string& path : awaited) {
    // The nearest existing ancestor, awaiting the next name on the way down.
    std::string at = path;
    while (at.size() > 1 && at.back() == '/') at.pop_back();
    for (;;) {
      const size_t slash = at.rfind('/');
      if (slash == std::string::npos) break;
      const std::string parent = slash == 0 ? "/" : at.substr(0, slash);
      const std::string name = at.substr(slash + 1);
      if (IsFolder(parent)) {
        if (!name.empty()) wanted[RealPath(parent)].await.insert(name);
        break;
      }
      if (parent == "/") break;
      at = parent;
    }
  }
  for (auto it = watches_.begin(); it != watches_.end();) {
    if (wanted.count(it->first)) {
      ++it;
      continue;
    }
    ::inotify_rm_watch(fd_, it->second.wd);
    folders_.erase(it->second.wd);
    it = watches_.erase(it);
  }
  bool ok = true;
  const uint32_t mask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                        IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
  for (auto& [folder, want] : wanted) {
    auto it = watches_.find(folder);
    if (it != watches_.end()) {
      // The same folder may be watched for another reason now (an inode replaced under
      // the same path is watched afresh: the watch follows the old inode).
      const int wd = ::inotify_add_watch(fd_, folder.c_str(), mask);
      if (wd >= 0 && wd != it->second.wd) {
        folders_.erase(it->second.wd);
        folders_[wd] = folder;
      }
      if (wd >= 0)
        want.wd = wd;
      else
        want.wd = it->second.wd;
      it->second = want;
      continue;
    }
    const int wd = ::inotify_add_watch(fd_, folder.c_str(), mask);
    if (wd < 0) {
      if (ok) error = "cannot watch '" + folder + "': " + std::strerror(errno);
      ok = false;
      continue;
    }
    want.wd = wd;
    watches_[folder] = want;
    folders_[wd] = folder;
  }
  return ok;
}

bool FileWatcher::Drain() {
  bool changed = false;
  alignas(inotify_event) char buffer[16384];
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: nothing more waiting
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_Q_OVERFLOW) {
        changed = true;  // events were lost: assume a change
        continue;
      }
      if (event->mask & IN_IGNORED) continue;
      auto folder = folders_.find(event->wd);
      if (folder == folders_.end()) continue;
      const Watched& watched = watches_[folder->second];
      const std::string name = event->len ? std::string(event->name) : "";
      if (name.empty()) {  // the folder's own deletion or move
        changed = changed || watched.folder;
        continue;
      }
      if (watched.await.count(name)) changed = true;
      if (!watched.folder) continue;
      const std::string path = (folder->second == "/" ? "" : folder->second) + "/" + name;
      if (inputs_.count(path)) {
        changed = true;
        continue;
      }
      const bool names_change = event->mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO);
      if (names_change && !EditorScratchName(name)) changed = true;
    }
  }
  return changed;
}

}  // namespace banmian
