#include "watch/file_watcher.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "watch/input_snapshot.h"

namespace banmian {

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

bool FileWatcher::Watch(const std::vector<std::string>& folders, std::string& error) {
  const std::set<std::string> wanted(folders.begin(), folders.end());
  for (auto it = watches_.begin(); it != watches_.end();) {
    if (wanted.count(it->first)) {
      ++it;
      continue;
    }
    ::inotify_rm_watch(fd_, it->second);
    it = watches_.erase(it);
  }
  bool ok = true;
  const uint32_t mask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                        IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
  for (const std::string& folder : wanted) {
    if (watches_.count(folder)) continue;
    const int wd = ::inotify_add_watch(fd_, folder.c_str(), mask);
    if (wd < 0) {
      if (ok) error = "cannot watch '" + folder + "': " + std::strerror(errno);
      ok = false;
      continue;
    }
    watches_[folder] = wd;
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
      const std::string name = event->len ? std::string(event->name) : "";
      // A folder's own deletion or move, or a change of a file that is not scratch.
      if (name.empty() || !EditorScratchName(name)) changed = true;
    }
  }
  return changed;
}

}  // namespace banmian
