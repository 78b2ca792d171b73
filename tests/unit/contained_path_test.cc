#include "load/contained_path.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace banmian;
namespace fs = std::filesystem;

namespace {
// A scratch issue folder beside a file outside it, removed at the end.
struct Folders {
  fs::path root = fs::temp_directory_path() / ("banmian-contained-" + std::to_string(getpid()));
  fs::path issue = root / "issue";
  Folders() {
    fs::remove_all(root);
    fs::create_directories(issue / "pictures");
    fs::create_directories(root / "shared");
    std::ofstream(issue / "pictures" / "a.jpg") << "x";
    std::ofstream(root / "secret.txt") << "secret";
    std::ofstream(root / "shared" / "b.jpg") << "x";
    fs::create_symlink("../../secret.txt", issue / "pictures" / "out.jpg");
    fs::create_symlink("../../missing.txt", issue / "pictures" / "dangling.jpg");
    fs::create_symlink("a.jpg", issue / "pictures" / "alias.jpg");
    fs::create_symlink("../shared", issue / "shared");
  }
  ~Folders() { fs::remove_all(root); }
};
}  // namespace

TEST_CASE("contained path: inside the folder, links followed, outside refused alike") {
  Folders f;
  const std::string in = "the issue folder";
  auto ok = ResolveInside(f.issue, "pictures/a.jpg", in);
  CHECK(ok.error == "");
  CHECK(ok.path == fs::canonical(f.issue / "pictures" / "a.jpg").string());
  // A link to a file inside, and a detour that stays inside.
  CHECK(ResolveInside(f.issue, "pictures/alias.jpg", in).path == ok.path);
  CHECK(ResolveInside(f.issue, "./pictures/../pictures/a.jpg", in).path == ok.path);
  // Missing inside the folder: said so.
  auto missing = ResolveInside(f.issue, "pictures/none.jpg", in);
  CHECK(missing.missing);
  CHECK(missing.error == "does not exist");
  // Outside: the same words whether the outside file exists or not.
  CHECK(ResolveInside(f.issue, "../secret.txt", in).error == "lies outside the issue folder");
  CHECK(ResolveInside(f.issue, "../nothing.txt", in).error == "lies outside the issue folder");
  CHECK(ResolveInside(f.issue, "/etc/passwd", in).error ==
        "is an absolute path: files are named relative to the issue folder");
  const std::string link = "is a link that leads outside the issue folder (or nowhere)";
  CHECK(ResolveInside(f.issue, "pictures/out.jpg", in).error == link);
  CHECK(ResolveInside(f.issue, "pictures/dangling.jpg", in).error == link);
  CHECK(ResolveInside(f.issue, "shared/b.jpg", in).error == link);
  CHECK(ResolveInside(f.issue, "shared/none.jpg", in).error == link);
  CHECK_FALSE(ResolveInside(f.issue, "pictures/out.jpg", in).missing);
}
