#include "cli/paper_folder.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace banmian;

TEST_CASE("paper folder: in the layouts folder given, else in the samples") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "banmian-paper-folder-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "mine");
  std::ofstream((dir / "mine" / "paper.yaml").string()) << "name: x\n";
  CHECK(FindPaperFolder("mine", dir.string()) == (dir / "mine").string());
  CHECK(FindPaperFolder("shequchenbao", dir.string()) == SampleLayoutsDir() + "/shequchenbao");
  CHECK(FindPaperFolder("nosuch", dir.string()) == "");
  CHECK(FindPaperFolder((dir / "mine").string(), "") == (dir / "mine").string());  // a path
  CHECK(FindPaperFolder("..", dir.string()) == "");
  CHECK(FindPaperFolder("", dir.string()) == "");
  fs::remove_all(dir);
}
