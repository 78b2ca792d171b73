// The fuzzer's structure-aware mutations of an issue archive (issue_archive.h).
//
// libFuzzer's byte mutations alone rarely get past the YAML parser, and never write a
// 50 000-deep run of "**", a double-quoted "\0", a right-to-left word beside Chinese or
// a picture whose header declares 40 000 × 10 pixels. MutateIssue keeps the archive's
// files apart and changes one thing an editor (or an attacker) could: one file's bytes
// through libFuzzer's own mutator (with the dictionary, fuzz/issue.dict), a YAML value
// replaced by an odd one (escapes, huge numbers, labels, odd Unicode), odd Unicode
// inserted into text, a deep nesting of Markdown, YAML flow or block structure, a picture
// bomb (a PNG or JPEG whose header is patched to huge dimensions) referenced from an
// article, the command line's options in "args", or the issue folder's name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <string>

namespace banmian::fuzz {

// libFuzzer's byte mutator (LLVMFuzzerMutate): mutates data[0, size) in place within
// max_size bytes and returns the new size.
using ByteMutator = std::function<size_t(uint8_t* data, size_t size, size_t max_size)>;

// Another archive of at most max_size bytes made from `archive` by one of the mutations
// below or by `bytes` on one of its files (on the whole archive when it holds none).
std::string MutateIssue(const std::string& archive, size_t max_size, std::mt19937& rng,
                        const ByteMutator& bytes);

// The mutations, one at a time (for tests): each returns the archive changed, or the
// same archive when it has nothing to change.
std::string ReplaceYamlValue(const std::string& archive, std::mt19937& rng);
std::string InsertOddText(const std::string& archive, std::mt19937& rng);
std::string InsertDeepNesting(const std::string& archive, size_t budget, std::mt19937& rng);
std::string AddPictureBomb(const std::string& archive, std::mt19937& rng);
std::string ToggleOption(const std::string& archive, std::mt19937& rng);
std::string RenameIssueFolder(const std::string& archive, std::mt19937& rng);

// A PNG of 1 × 1 pixel whose header declares width × height (CRC fixed), and a JPEG of
// 8 × 8 pixels whose frame header declares them.
std::string PngDeclaring(uint32_t width, uint32_t height);
std::string JpegDeclaring(uint16_t width, uint16_t height);

}  // namespace banmian::fuzz
