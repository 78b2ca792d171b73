// libFuzzer's hooks for structure-aware fuzzing (issue_mutator.h): the mutator and a
// cross-over that takes one file of another input. Linked into fuzz_issue only; the
// replay driver and the tests run the target without them.
#include <cstdint>
#include <cstring>
#include <random>
#include <string>

#include "issue_archive.h"
#include "issue_mutator.h"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size,
                                          unsigned int seed) {
  std::mt19937 rng(seed);
  const std::string out = banmian::fuzz::MutateIssue(
      std::string(reinterpret_cast<const char*>(data), size), max_size, rng, LLVMFuzzerMutate);
  std::memcpy(data, out.data(), out.size());
  return out.size();
}

extern "C" size_t LLVMFuzzerCustomCrossOver(const uint8_t* data1, size_t size1,
                                            const uint8_t* data2, size_t size2, uint8_t* out,
                                            size_t max_out_size, unsigned int seed) {
  using banmian::fuzz::ArchivedFile;
  std::mt19937 rng(seed);
  auto files =
      banmian::fuzz::ParseArchive(std::string(reinterpret_cast<const char*>(data1), size1));
  const auto other =
      banmian::fuzz::ParseArchive(std::string(reinterpret_cast<const char*>(data2), size2));
  std::string result;
  if (!other.empty()) {
    const ArchivedFile& f = other[std::uniform_int_distribution<size_t>(0, other.size() - 1)(rng)];
    bool replaced = false;
    for (ArchivedFile& mine : files)
      if (mine.path == f.path) mine.contents = f.contents, replaced = true;
    if (!replaced) files.push_back(f);
    result = banmian::fuzz::PackArchive(files);
  }
  if (result.empty() || result.size() > max_out_size) {
    result.assign(reinterpret_cast<const char*>(data1), std::min(size1, max_out_size));
  }
  std::memcpy(out, result.data(), result.size());
  return result.size();
}
