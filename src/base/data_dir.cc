#include "base/data_dir.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace banmian {
namespace {

namespace fs = std::filesystem;

bool IsFolder(const std::string& path) {
  std::error_code ec;
  return !path.empty() && fs::is_directory(path, ec);
}

// Whether `path` lies inside the folder `dir`, both with symbolic links resolved (the
// binary's path comes resolved from /proc/self/exe; the build tree is as CMake was given it).
bool IsInside(const std::string& path, const std::string& dir) {
  if (dir.empty()) return false;
  std::error_code ec;
  std::string d = fs::weakly_canonical(dir, ec).string();
  if (ec) return false;
  std::string p = fs::weakly_canonical(path, ec).string();
  if (ec) return false;
  while (!d.empty() && d.back() == '/') d.pop_back();
  return p.size() > d.size() && p.compare(0, d.size(), d) == 0 && p[d.size()] == '/';
}

}  // namespace

std::string FindDataDir(const DataDirPlaces& places) {
  if (!places.env.empty()) return places.env;
  std::string installed;
  if (!places.exe.empty()) {
    installed = (fs::path(places.exe).parent_path() / places.exe_to_data).lexically_normal();
    while (installed.size() > 1 && installed.back() == '/') installed.pop_back();
    if (IsFolder(installed)) return installed;
  }
  const bool in_build_tree = places.exe.empty() || IsInside(places.exe, places.build_dir);
  if (in_build_tree && IsFolder(places.source_dir)) return places.source_dir;
  return installed.empty() ? places.source_dir : installed;
}

std::string DataDir() {
  DataDirPlaces places;
  if (const char* env = std::getenv("BANMIAN_DATA_DIR"); env && *env) places.env = env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) places.exe = exe.string();
  places.exe_to_data = BANMIAN_DATA_FROM_BIN;
  places.build_dir = BANMIAN_BUILD_DIR;
  places.source_dir = BANMIAN_SOURCE_DIR;
  return FindDataDir(places);
}

}  // namespace banmian
