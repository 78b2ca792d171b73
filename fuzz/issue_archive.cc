#include "issue_archive.h"

#include <filesystem>
#include <fstream>

namespace banmian::fuzz {

namespace {
constexpr std::string_view kMarker = "@@@ ";
}

std::vector<ArchivedFile> ParseArchive(const std::string& data) {
  std::vector<ArchivedFile> files;
  size_t at = 0;
  // A file starts at a marker at the very beginning or right after a newline.
  if (data.compare(0, kMarker.size(), kMarker) != 0) {
    at = data.find("\n@@@ ");
    if (at == std::string::npos) return files;
    at += 1;
  }
  while (at < data.size()) {
    size_t name_start = at + kMarker.size();
    size_t name_end = data.find('\n', name_start);
    if (name_end == std::string::npos) name_end = data.size();
    size_t body_start = std::min(name_end + 1, data.size());
    size_t next = data.find("\n@@@ ", body_start == 0 ? 0 : body_start - 1);
    size_t body_end = next == std::string::npos ? data.size() : next;
    if (body_end < body_start) body_end = body_start;
    ArchivedFile f{data.substr(name_start, name_end - name_start),
                   data.substr(body_start, body_end - body_start)};
    // The packer ends every file with a newline the file itself may not have had.
    if (next == std::string::npos && !f.contents.empty() && f.contents.back() == '\n')
      f.contents.pop_back();
    files.push_back(std::move(f));
    if (next == std::string::npos) break;
    at = next + 1;
  }
  return files;
}

std::string PackArchive(const std::vector<ArchivedFile>& files) {
  std::string out;
  for (const ArchivedFile& f : files) {
    out += kMarker;
    out += f.path + "\n" + f.contents + "\n";
  }
  return out;
}

std::string IssueFolderName(const std::vector<ArchivedFile>& files) {
  std::string name;
  for (const ArchivedFile& f : files)
    if (f.path == "folder") name = f.contents.substr(0, 64);
  for (char& c : name)
    if (c == '/' || c == '\0') c = '_';
  if (name.empty() || name == "." || name == ".." || name == "layouts" || name == "out")
    return "issue";
  return name;
}

bool IsSafeArchivePath(const std::string& path) {
  if (path.empty() || path.size() > 120) return false;
  int components = 0;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    for (char c : part) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '_' || c == '-';
      if (!ok) return false;
    }
    if (++components > 4) return false;
    start = end + 1;
  }
  return true;
}

int UnpackIssue(const std::vector<ArchivedFile>& files, const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::remove_all(root, ec);
  const std::string folder = IssueFolderName(files);
  fs::create_directories(fs::path(root) / folder, ec);
  fs::create_directories(fs::path(root) / "layouts", ec);
  int written = 0;
  for (const ArchivedFile& f : files) {
    if (!IsSafeArchivePath(f.path)) continue;
    fs::path target = f.path.rfind("layouts/", 0) == 0 ? fs::path(root) / f.path
                                                       : fs::path(root) / folder / f.path;
    fs::create_directories(target.parent_path(), ec);
    if (ec) continue;  // e.g. a file already sits where a folder is wanted
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out) continue;
    out.write(f.contents.data(), static_cast<std::streamsize>(f.contents.size()));
    if (out) ++written;
  }
  return written;
}

}  // namespace banmian::fuzz
