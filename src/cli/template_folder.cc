#include "cli/template_folder.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "base/new_file.h"
#include "base/remove_tree.h"

namespace banmian {

namespace {

// `dir` without its trailing slashes ("out/" → "out"; "/" stays).
std::string Trimmed(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

}  // namespace

std::optional<std::string> TemplateFolderProblem(const std::string& dir) {
  if (dir.empty()) return "the folder's name is empty";
  struct stat st;
  if (::lstat(Trimmed(dir).c_str(), &st) != 0) {
    if (errno == ENOENT) return std::nullopt;
    return SystemError("cannot look at", dir, errno);
  }
  if (!S_ISDIR(st.st_mode)) return "'" + dir + "' exists and is not a folder";
  DIR* d = ::opendir(dir.c_str());
  if (!d) return SystemError("cannot read folder", dir, errno);
  bool empty = true;
  while (const dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") empty = false;
  }
  ::closedir(d);
  if (!empty) return "'" + dir + "' is not empty";
  return std::nullopt;
}

bool WriteTemplateFolder(const std::string& dir, const std::vector<WrittenTemplate>& templates,
                         std::string& error) {
  const std::string out = Trimmed(dir);
  const size_t slash = out.rfind('/');
  const std::string parent = slash == std::string::npos ? "" : out.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? out : out.substr(slash + 1);
  std::string stage = parent + "." + base + ".banmian-templates-XXXXXX";
  if (!::mkdtemp(stage.data())) {
    error = SystemError("cannot create folder", stage, errno);
    return false;
  }
  auto give_up = [&] {
    std::string ignored;
    RemoveTree(stage, ignored);
    return false;
  };
  for (const WrittenTemplate& t : templates)
    if (!WriteNewFile(stage + "/" + t.file_name, t.yaml, error)) return give_up();
  // mkdtemp made it 0700: the folder gets the mode a new folder would have.
  const mode_t mask = ::umask(022);
  ::umask(mask);
  if (::chmod(stage.c_str(), 0777 & ~mask) != 0) {
    error = SystemError("cannot set the mode of", stage, errno);
    return give_up();
  }
  // rename() replaces an empty folder at `out` and fails on one that has become non-empty.
  if (::rename(stage.c_str(), out.c_str()) != 0) {
    error = SystemError("cannot rename '" + stage + "' to", out, errno);
    return give_up();
  }
  return true;
}

}  // namespace banmian
