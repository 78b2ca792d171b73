#include "load/text_file.h"

#include <sys/stat.h>

#include <cstdio>

#include "base/read_file.h"
#include "load/text_check.h"
#include "model/input_limits.h"
#include "model/utf8.h"

namespace banmian {

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string JoinPath(const std::string& dir, const std::string& rel) {
  if (rel.empty() || rel[0] == '/' || dir.empty()) return rel;
  return dir.back() == '/' ? dir + rel : dir + "/" + rel;
}

std::string MegabytesText(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

SourcePos PositionOf(const std::string& file, std::string_view text, size_t offset) {
  int line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size();) {
    if (text[i] == '\n') {
      ++line, col = 1, ++i;
    } else {
      Utf8Next(text, i);
      ++col;
    }
  }
  return {file, line, col};
}

std::optional<std::string> ReadTextFile(const std::string& path, const SourcePos& referenced_from,
                                        const std::string& what, Diagnostics& diags) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    diags.Error("missing-file", referenced_from, what + " '" + path + "' does not exist");
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    diags.Error("missing-file", referenced_from, what + " '" + path + "' is not a regular file");
    return std::nullopt;
  }
  auto too_large = [&](uint64_t size) {
    diags.Error("file-too-large", referenced_from,
                what + " '" + path + "' is " + MegabytesText(size) +
                    ": an input text file may be " + MegabytesText(kMaxTextFileBytes) + " at most",
                "split it into smaller files (an article into several articles)");
  };
  if (static_cast<uint64_t>(st.st_size) > kMaxTextFileBytes) {
    too_large(static_cast<uint64_t>(st.st_size));
    return std::nullopt;
  }
  std::optional<std::string> bytes = ReadFileBytes(path);
  if (!bytes) {
    diags.Error("unreadable-file", referenced_from, what + " '" + path + "' cannot be read");
    return std::nullopt;
  }
  if (bytes->size() > kMaxTextFileBytes) {  // it grew after it was looked at
    too_large(bytes->size());
    return std::nullopt;
  }
  std::string text = std::move(*bytes);
  size_t bad = Utf8FirstInvalid(text);
  if (bad != std::string::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    diags.Error("invalid-utf8", PositionOf(path, text, bad),
                "invalid UTF-8 (byte " + std::string(byte) + ")",
                "save the file as UTF-8; GBK or GB18030 text must be converted first");
    return std::nullopt;
  }
  if (auto c = FindUnsetCharacter(text, TextKind::kFile)) {
    diags.Error("control-character", PositionOf(path, text, c->offset),
                "the file holds " + DescribeUnset(*c), UnsetHint(*c));
    return std::nullopt;
  }
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // BOM
  return text;
}

}  // namespace banmian
