// What watch reads as the state of an issue's files (watch/input_snapshot.h): every file by
// its bytes and real path, editors' scratch files left out, equal snapshots for equal bytes.
#include "watch/input_snapshot.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_util.h"

namespace banmian {
namespace {

namespace fs = std::filesystem;

void Write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

TEST_CASE("input snapshot: files by bytes, scratch files left out") {
  test::TempDir tmp;
  const std::string root = RealPath(tmp.path);
  Write(root + "/issue.yaml", "paper: x\n");
  Write(root + "/articles/a.md", "---\nheadline: 春申\n---\n");
  Write(root + "/pictures/p.jpg", "JPEG");
  Write(root + "/sub/deeper/x.txt", "deep");
  for (const char* scratch : {"/articles/.a.md.swp", "/articles/a.md~", "/articles/4913",
                              "/articles/a.md.swx", "/.hidden"})
    Write(root + scratch, "scratch");
  const InputSnapshot s = TakeSnapshot({tmp.path});
  std::string names;
  for (const auto& [path, hash] : s.files) names += path.substr(root.size()) + " ";
  CHECK(names == "/articles/a.md /issue.yaml /pictures/p.jpg /sub/deeper/x.txt ");
  CHECK(s.folders.front() == root);
  CHECK(s.folders.size() == 5);  // root, articles, pictures, sub, sub/deeper
  CHECK(s.Find(root + "/articles/../pictures/p.jpg") == HashBytes("JPEG"));
  CHECK_FALSE(s.Find(root + "/articles/a.md~"));
  CHECK(s.Under(root + "/pictures") ==
        root + "/pictures/p.jpg=" + std::to_string(HashBytes("JPEG")) + "\n");
  CHECK(s.Under(root + "/pic").empty());  // a folder's name, not a prefix of one
  // At most `depth` folders down.
  CHECK(TakeSnapshot({tmp.path}, 1).files.size() == 3);

  struct Change {
    const char* what;
    std::string file, bytes;
    bool differs;
  };
  const std::vector<Change> changes = {
      {"the same bytes written again", "/articles/a.md", "---\nheadline: 春申\n---\n", false},
      {"a scratch file changed", "/articles/.a.md.swp", "other", false},
      {"one character of an article", "/articles/a.md", "---\nheadline: 春甲\n---\n", true},
      {"a picture's bytes", "/pictures/p.jpg", "JPEH", true},
      {"a new file", "/articles/b.md", "new", true},
  };
  for (const Change& c : changes) {
    CAPTURE(c.what);
    test::TempDir again;
    fs::copy(tmp.path, again.path,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    const InputSnapshot before = TakeSnapshot({again.path});
    Write(again.path + c.file, c.bytes);
    CHECK((TakeSnapshot({again.path}) == before) == !c.differs);
  }
  // A root given twice, or a missing one, is walked once or not at all.
  CHECK(TakeSnapshot({tmp.path, root + "/", tmp.path + "/missing"}).files.size() == 4);
}

TEST_CASE("input snapshot: editors' scratch names") {
  struct Case {
    const char* name;
    bool scratch;
  };
  for (const Case& c : std::vector<Case>{{".jinbo.md.swp", true},
                                         {"jinbo.md~", true},
                                         {"jinbo.md.swp", true},
                                         {"jinbo.md.swx", true},
                                         {"4913", true},
                                         {".#jinbo.md", true},
                                         {"", true},
                                         {"jinbo.md", false},
                                         {"issue.yaml", false},
                                         {"49130", false},
                                         {"swp", false},
                                         {"照片~1.jpg", false}}) {
    CAPTURE(c.name);
    CHECK(EditorScratchName(c.name) == c.scratch);
  }
}

}  // namespace
}  // namespace banmian
