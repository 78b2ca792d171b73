#include "load/contained_path.h"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>

namespace banmian {

namespace {

std::optional<std::string> RealPath(const std::string& path) {
  char buf[PATH_MAX];
  if (!::realpath(path.c_str(), buf)) return std::nullopt;
  return std::string(buf);
}

bool IsUnder(const std::string& path, const std::string& root) {
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                          (root == "/" || path[root.size()] == '/'));
}

}  // namespace

ContainedPath ResolveInside(const std::string& folder, const std::string& rel,
                            const std::string& folder_name) {
  ContainedPath out;
  const std::string outside = "lies outside " + folder_name;
  if (rel.empty()) {
    out.error = "is an empty path";
    return out;
  }
  if (rel[0] == '/') {
    out.error = "is an absolute path: files are named relative to " + folder_name;
    return out;
  }
  const std::optional<std::string> root = RealPath(folder.empty() ? "." : folder);
  if (!root) {  // no folder, so no file in it
    out.error = "does not exist";
    out.missing = true;
    return out;
  }
  std::string current = *root;
  for (size_t i = 0; i <= rel.size();) {
    size_t slash = rel.find('/', i);
    if (slash == std::string::npos) slash = rel.size();
    const std::string part = rel.substr(i, slash - i);
    i = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (current == *root) {
        out.error = outside;
        return out;
      }
      current = current.substr(0, current.find_last_of('/'));
      if (current.empty()) current = "/";
      continue;
    }
    const std::string next = current == "/" ? "/" + part : current + "/" + part;
    struct stat st;
    if (::lstat(next.c_str(), &st) != 0) {  // inside the folder: saying so reveals nothing
      out.error = "does not exist";
      out.missing = true;
      return out;
    }
    if (S_ISLNK(st.st_mode)) {
      // Wherever it leads, one message: whether a file outside exists is not told.
      const std::optional<std::string> target = RealPath(next);
      if (!target || !IsUnder(*target, *root)) {
        out.error = "is a link that leads outside " + folder_name + " (or nowhere)";
        return out;
      }
      current = *target;
    } else {
      current = next;
    }
  }
  out.path = current;
  return out;
}

}  // namespace banmian
