#include "load/text_file.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_util.h"

using namespace banmian;
using banmian::test::Messages;
namespace fs = std::filesystem;

TEST_CASE("text file: a file over 8 MB is refused unread, at the line that names it") {
  const std::string path =
      (fs::temp_directory_path() / ("banmian-text-" + std::to_string(getpid()) + ".md")).string();
  { std::ofstream(path) << "---\n"; }
  fs::resize_file(path, 50u << 20);  // a 50 MB article (sparse: nothing is written)
  Diagnostics d;
  CHECK_FALSE(ReadTextFile(path, {"issue.yaml", 12, 5}, "article file", d));
  CHECK(Messages(d) == "issue.yaml:12:5: error[file-too-large]: article file '" + path +
                           "' is 50.0 MB: an input text file may be 8.0 MB at most\n"
                           "  hint: split it into smaller files (an article into several "
                           "articles)\n");
  fs::remove(path);
}

TEST_CASE("text file: a control character is an error at its own line and column") {
  const std::string path =
      (fs::temp_directory_path() / ("banmian-text-c-" + std::to_string(getpid()) + ".md")).string();
  {
    std::ofstream out(path, std::ios::binary);
    out << "---\r\nheadline: 主题\r\n---\r\n正文\t正文\x1b[31m红\n";
  }
  Diagnostics d;
  CHECK_FALSE(ReadTextFile(path, {"issue.yaml", 1, 1}, "article file", d));
  CHECK(Messages(d) == path +
                           ":4:6: error[control-character]: the file holds a control character "
                           "(U+001B)\n"
                           "  hint: delete it: control characters are not printed (they are "
                           "often left over from copying text out of another program)\n");
  fs::remove(path);
}
