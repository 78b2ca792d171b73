#include "issue_archive.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace banmian::fuzz;

TEST_CASE("issue archive: packing and parsing give the same files back") {
  std::vector<ArchivedFile> files = {{"issue.yaml", "paper: x\n"},
                                     {"articles/a.md", "---\nheadline: 甲\n---\n正文"},
                                     {"pictures/p.png", std::string("\x89PNG\0\n", 6)}};
  const std::vector<ArchivedFile> back = ParseArchive(PackArchive(files));
  REQUIRE(back.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(back[i].path == files[i].path);
    CHECK(back[i].contents == files[i].contents);
  }
}

TEST_CASE("issue archive: the folder's name comes from 'folder', made safe") {
  CHECK(IssueFolderName({}) == "issue");
  CHECK(IssueFolderName({{"folder", "javascript:alert(1)"}}) == "javascript:alert(1)");
  CHECK(IssueFolderName({{"folder", std::string("a/b\0c", 5)}}) == "a_b_c");
  CHECK(IssueFolderName({{"folder", std::string(100, 'x')}}) == std::string(64, 'x'));
  for (const char* reserved : {"", ".", "..", "layouts", "out"})
    CHECK(IssueFolderName({{"folder", reserved}}) == "issue");
}

TEST_CASE("issue archive: unpacking writes the issue under its folder's name, nothing outside") {
  namespace fs = std::filesystem;
  const std::string root = fs::temp_directory_path() / "banmian-archive-test";
  const int written = UnpackIssue({{"folder", "a#b\n"},
                                   {"issue.yaml", "x"},
                                   {"layouts/p/paper.yaml", "y"},
                                   {"../escape", "z"},
                                   {"/abs", "z"}},
                                  root);
  CHECK(written == 3);  // folder, issue.yaml and the layout
  CHECK(fs::exists(fs::path(root) / "a#b\n" / "issue.yaml"));
  CHECK(fs::exists(fs::path(root) / "layouts/p/paper.yaml"));
  CHECK(!fs::exists(fs::path(root).parent_path() / "escape"));
  fs::remove_all(root);
}
