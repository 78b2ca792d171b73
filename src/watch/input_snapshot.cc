#include "watch/input_snapshot.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <set>
#include <string_view>

namespace banmian {

namespace {

// The folders under `folder` (itself first), by listing folders only; links not followed.
void Walk(const std::string& folder, int depth, std::vector<std::string>& folders) {
  folders.push_back(folder);
  if (depth <= 0) return;
  DIR* dir = ::opendir(folder.c_str());
  if (!dir) return;
  std::vector<std::string> names;
  while (dirent* entry = ::readdir(dir)) {
    std::string name = entry->d_name;
    if (name == "." || name == ".." || EditorScratchName(name)) continue;
    if (entry->d_type != DT_DIR && entry->d_type != DT_UNKNOWN) continue;
    names.push_back(name);
  }
  ::closedir(dir);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    const std::string path = folder + "/" + name;
    struct stat st;
    if (::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) Walk(path, depth - 1, folders);
  }
}

}  // namespace

std::optional<uint64_t> HashRegularFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  std::string bytes;
  bytes.reserve(static_cast<size_t>(st.st_size));
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return HashBytes(bytes);
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
  if (folder.empty()) return out;
  const std::string prefix = folder + "/";
  for (auto it = files.lower_bound(prefix); it != files.end() && it->first.starts_with(prefix);
       ++it)
    out += it->first + '=' + std::to_string(it->second) + '\n';
  return out;
}

bool InputSnapshot::StillHolds() const {
  for (const auto& [path, hash] : files)
    if (HashRegularFile(path) != hash) return false;
  return true;
}

InputSnapshot MakeSnapshot(std::map<std::string, uint64_t> files,
                           const std::vector<std::string>& roots, int depth) {
  InputSnapshot snapshot;
  snapshot.files = std::move(files);
  std::set<std::string> seen;
  for (const std::string& root : roots) {
    const std::string real = RealPath(root);
    if (real.empty() || seen.count(real)) continue;
    std::vector<std::string> under;
    Walk(real, depth, under);
    for (std::string& f : under)
      if (seen.insert(f).second) snapshot.folders.push_back(std::move(f));
  }
  for (const auto& [path, hash] : snapshot.files) {
    const size_t slash = path.rfind('/');
    std::string folder = slash == 0 ? "/" : path.substr(0, slash);
    if (slash != std::string::npos && seen.insert(folder).second)
      snapshot.folders.push_back(std::move(folder));
  }
  return snapshot;
}

}  // namespace banmian
