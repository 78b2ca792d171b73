#include "watch/input_snapshot.h"

#include <dirent.h>
#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <functional>
#include <string_view>

#include "base/read_file.h"

namespace banmian {

namespace {

void Walk(const std::string& folder, int depth, InputSnapshot& snapshot) {
  snapshot.folders.push_back(folder);
  DIR* dir = ::opendir(folder.c_str());
  if (!dir) return;
  std::vector<std::string> names;
  while (dirent* entry = ::readdir(dir)) {
    std::string name = entry->d_name;
    if (name == "." || name == ".." || EditorScratchName(name)) continue;
    names.push_back(name);
  }
  ::closedir(dir);
  for (const std::string& name : names) {
    const std::string path = folder + "/" + name;
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      if (depth > 0) Walk(path, depth - 1, snapshot);
    } else if (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) {
      // A link is taken by the real path of what it names, as the loader reads it.
      const std::string real = S_ISLNK(st.st_mode) ? RealPath(path) : path;
      if (real.empty()) continue;
      std::optional<std::string> bytes = ReadFileBytes(real);
      if (bytes) snapshot.files[real] = HashBytes(*bytes);
    }
  }
}

}  // namespace

uint64_t HashBytes(const std::string& bytes) {
  return std::hash<std::string_view>{}(std::string_view(bytes));
}

std::string RealPath(const std::string& path) {
  char buffer[PATH_MAX];
  if (!::realpath(path.c_str(), buffer)) return "";
  return buffer;
}

bool EditorScratchName(const std::string& name) {
  auto ends = [&](std::string_view tail) {
    return name.size() >= tail.size() &&
           name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
  };
  return name.empty() || name[0] == '.' || ends("~") || ends(".swp") || ends(".swx") ||
         name == "4913";
}

std::optional<uint64_t> InputSnapshot::Find(const std::string& path) const {
  const std::string real = RealPath(path);
  auto it = files.find(real);
  if (it == files.end()) return std::nullopt;
  return it->second;
}

std::string InputSnapshot::Under(const std::string& folder) const {
  std::string out;
  const std::string prefix = folder + "/";
  for (auto it = files.lower_bound(prefix); it != files.end() && it->first.starts_with(prefix);
       ++it)
    out += it->first + '=' + std::to_string(it->second) + '\n';
  return out;
}

InputSnapshot TakeSnapshot(const std::vector<std::string>& roots, int depth) {
  InputSnapshot snapshot;
  for (const std::string& root : roots) {
    const std::string real = RealPath(root);
    if (real.empty()) continue;
    bool seen = false;
    for (const std::string& f : snapshot.folders) seen = seen || f == real;
    if (!seen) Walk(real, depth, snapshot);
  }
  return snapshot;
}

}  // namespace banmian
