#include "base/remove_tree.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/new_file.h"

namespace banmian {

namespace {

// Empties the folder open as `fd` (taken over and closed); `path` names it for errors.
bool EmptyFolder(int fd, const std::string& path, std::string& error) {
  DIR* dir = ::fdopendir(fd);
  if (!dir) {
    error = SystemError("cannot read folder", path, errno);
    ::close(fd);
    return false;
  }
  bool ok = true;
  while (dirent* e = ::readdir(dir)) {
    const char* name = e->d_name;
    if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
    const std::string child = path + "/" + name;
    if (::unlinkat(fd, name, 0) == 0 || errno == ENOENT) continue;
    if (errno != EISDIR && errno != EPERM) {
      error = SystemError("cannot remove", child, errno);
      ok = false;
      break;
    }
    // A folder (unlinkat gives EISDIR on Linux, EPERM elsewhere): open it without
    // following a link (a link is a file to unlinkat, so this is a real folder) and empty it.
    const int child_fd = ::openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (child_fd < 0 || !EmptyFolder(child_fd, child, error)) {
      if (child_fd < 0) error = SystemError("cannot open folder", child, errno);
      ok = false;
      break;
    }
    if (::unlinkat(fd, name, AT_REMOVEDIR) != 0 && errno != ENOENT) {
      error = SystemError("cannot remove folder", child, errno);
      ok = false;
      break;
    }
  }
  ::closedir(dir);
  return ok;
}

}  // namespace

bool RemoveTree(const std::string& path, std::string& error) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return true;
    error = SystemError("cannot remove", path, errno);
    return false;
  }
  if (!S_ISDIR(st.st_mode)) {
    if (::unlink(path.c_str()) == 0 || errno == ENOENT) return true;
    error = SystemError("cannot remove", path, errno);
    return false;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    error = SystemError("cannot open folder", path, errno);
    return false;
  }
  if (!EmptyFolder(fd, path, error)) return false;
  if (::rmdir(path.c_str()) != 0 && errno != ENOENT) {
    error = SystemError("cannot remove folder", path, errno);
    return false;
  }
  return true;
}

}  // namespace banmian
