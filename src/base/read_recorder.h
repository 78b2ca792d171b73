// Knowing which files a piece of work read: while a ReadRecorder lives, every file that
// ReadFileBytes reads (on any thread) is recorded by its real path with a hash of the
// bytes that were read.
//
// `banmian watch` records a render this way: the files recorded are exactly the render's
// inputs (the issue file, the articles, their pictures, the paper's files, as the loader
// found, checked and read them), so watch compares and watches only those, never a file
// the issue does not use. One recorder at a time (watch renders one issue at a time); a
// second one made while the first lives records nothing. The hashes are std::hash of the
// bytes: good for one process, never stored.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace banmian {

class ReadRecorder {
 public:
  ReadRecorder();
  ~ReadRecorder();
  ReadRecorder(const ReadRecorder&) = delete;
  ReadRecorder& operator=(const ReadRecorder&) = delete;

  // What was read so far: real path → hash of the bytes read (the last read of a file).
  std::map<std::string, uint64_t> files() const;

  // Called by ReadFileBytes for each file it read.
  static void Note(const std::string& path, const std::string& bytes);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, uint64_t> files_;
  bool active_ = false;
};

// A hash of `bytes` (std::hash of the bytes: for one process only).
uint64_t HashBytes(const std::string& bytes);

}  // namespace banmian
