#include "base/read_recorder.h"

#include <climits>
#include <cstdlib>
#include <functional>
#include <string_view>

namespace banmian {

namespace {

std::mutex g_mutex;
ReadRecorder* g_recorder = nullptr;

}  // namespace

uint64_t HashBytes(const std::string& bytes) {
  return std::hash<std::string_view>{}(std::string_view(bytes));
}

ReadRecorder::ReadRecorder() {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (g_recorder) return;
  g_recorder = this;
  active_ = true;
}

ReadRecorder::~ReadRecorder() {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (active_) g_recorder = nullptr;
}

std::map<std::string, uint64_t> ReadRecorder::files() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return files_;
}

void ReadRecorder::Note(const std::string& path, const std::string& bytes) {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (!g_recorder) return;
  char buffer[PATH_MAX];
  const std::string real = ::realpath(path.c_str(), buffer) ? std::string(buffer) : path;
  const uint64_t hash = HashBytes(bytes);
  std::lock_guard<std::mutex> own(g_recorder->mutex_);
  g_recorder->files_[real] = hash;
}

}  // namespace banmian
