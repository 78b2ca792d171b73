#include "cli/paper_folder.h"

#include <filesystem>

#include "base/data_dir.h"

namespace banmian {

namespace {

bool IsPaper(const std::string& dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(dir + "/paper.yaml", ec);
}

}  // namespace

std::string SampleLayoutsDir() {
  return DataDir() + "/layouts";
}

std::string FindPaperFolder(const std::string& name, const std::string& layouts_dir) {
  if (name.find('/') != std::string::npos) return IsPaper(name) ? name : "";
  if (name.empty() || name == "." || name == "..") return "";
  for (const std::string& dir :
       {layouts_dir.empty() ? std::string("layouts") : layouts_dir, SampleLayoutsDir()}) {
    if (IsPaper(dir + "/" + name)) return dir + "/" + name;
  }
  return "";
}

}  // namespace banmian
