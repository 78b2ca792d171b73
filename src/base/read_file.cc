#include "base/read_file.h"

#include <fstream>
#include <sstream>

#include "base/read_recorder.h"

namespace banmian {

std::optional<std::string> ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  ReadRecorder::Note(path, bytes);
  return bytes;
}

}  // namespace banmian
