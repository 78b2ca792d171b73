#include "load/text_file.h"

#include <sys/stat.h>

#include "base/read_file.h"
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
  std::optional<std::string> bytes = ReadFileBytes(path);
  if (!bytes) {
    diags.Error("unreadable-file", referenced_from, what + " '" + path + "' cannot be read");
    return std::nullopt;
  }
  std::string text = std::move(*bytes);
  size_t bad = Utf8FirstInvalid(text);
  if (bad != std::string::npos) {
    int line = 1, col = 1;
    for (size_t i = 0; i < bad;) {
      if (text[i] == '\n') {
        ++line, col = 1, ++i;
      } else {
        Utf8Next(text, i);
        ++col;
      }
    }
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    diags.Error("invalid-utf8", {path, line, col}, "invalid UTF-8 (byte " + std::string(byte) + ")",
                "save the file as UTF-8; GBK or GB18030 text must be converted first");
    return std::nullopt;
  }
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);  // BOM
  return text;
}

}  // namespace banmian
