#include "load/relative_path.h"

#include <vector>

namespace banmian {

namespace {

std::vector<std::string> Parts(const std::string& rel) {
  std::vector<std::string> parts;
  for (size_t i = 0; i <= rel.size();) {
    size_t slash = rel.find('/', i);
    if (slash == std::string::npos) slash = rel.size();
    std::string part = rel.substr(i, slash - i);
    i = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == ".." && !parts.empty() && parts.back() != "..")
      parts.pop_back();
    else
      parts.push_back(std::move(part));
  }
  return parts;
}

std::string Join(const std::vector<std::string>& parts, size_t from = 0) {
  std::string out;
  for (size_t i = from; i < parts.size(); ++i) out += (out.empty() ? "" : "/") + parts[i];
  return out;
}

}  // namespace

std::string NormalPath(const std::string& rel) {
  return Join(Parts(rel));
}

std::string FolderOf(const std::string& rel) {
  const size_t slash = rel.find_last_of('/');
  return slash == std::string::npos ? "" : rel.substr(0, slash);
}

std::string JoinRelative(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty() || b[0] == '/') return b;
  return a.back() == '/' ? a + b : a + "/" + b;
}

std::string RelativeFrom(const std::string& target, const std::string& folder) {
  const std::vector<std::string> to = Parts(target), from = Parts(folder);
  size_t same = 0;
  while (same < to.size() && same < from.size() && to[same] == from[same] && to[same] != "..")
    ++same;
  std::string out;
  for (size_t i = same; i < from.size(); ++i) out += "../";
  return out + Join(to, same);
}

std::string PathUnder(const std::string& file, const std::string& folder) {
  if (folder.empty()) return file;
  const std::string prefix = folder.back() == '/' ? folder : folder + "/";
  if (file.size() > prefix.size() && file.compare(0, prefix.size(), prefix) == 0)
    return file.substr(prefix.size());
  const size_t slash = file.find_last_of('/');
  return slash == std::string::npos ? file : file.substr(slash + 1);
}

}  // namespace banmian
