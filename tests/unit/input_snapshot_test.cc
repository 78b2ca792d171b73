// What watch knows of an issue's files (watch/input_snapshot.h): the files a render read,
// by bytes and real path, the folders to watch, and reading again only regular files.
#include "watch/input_snapshot.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "base/read_file.h"
#include "test_util.h"

namespace banmian {
namespace {

namespace fs = std::filesystem;

void Write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

TEST_CASE("input snapshot: the files a render read, the folders to watch") {
  test::TempDir tmp;
  const std::string root = RealPath(tmp.path);
  Write(root + "/issue.yaml", "paper: x\n");
  Write(root + "/articles/a.md", "---\nheadline: 春申\n---\n");
  Write(root + "/pictures/p.jpg", "JPEG");
  Write(root + "/sub/deeper/x.txt", "deep");
  Write(root + "/.drafts/g.md", "draft");
  Write(root + "/.git/HEAD", "ref");
  fs::create_directory_symlink("/usr", root + "/outside");
  std::map<std::string, uint64_t> read;
  {
    ReadRecorder recorder;
    for (const char* file :
         {"/issue.yaml", "/articles/../articles/a.md", "/pictures/p.jpg", "/.drafts/g.md"})
      REQUIRE(ReadFileBytes(root + file));
    read = recorder.files();
  }
  REQUIRE(ReadFileBytes(root + "/sub/deeper/x.txt"));  // no recorder: not recorded
  const InputSnapshot s = MakeSnapshot(read, {tmp.path});
  std::string names;
  for (const auto& [path, hash] : s.files) names += path.substr(root.size()) + " ";
  CHECK(names == "/.drafts/g.md /articles/a.md /issue.yaml /pictures/p.jpg ");
  std::string folders;
  for (const std::string& f : s.folders) folders += f.substr(root.size()) + " ";
  // The walked folders (no scratch names, no links followed), then the inputs' own.
  CHECK(folders == " /articles /pictures /sub /sub/deeper /.drafts ");
  CHECK(s.Find(root + "/articles/../pictures/p.jpg") == HashBytes("JPEG"));
  CHECK(s.Under(root + "/pictures") ==
        root + "/pictures/p.jpg=" + std::to_string(HashBytes("JPEG")) + "\n");
  CHECK(s.Under(root + "/pic").empty());  // a folder's name, not a prefix of one
  CHECK(MakeSnapshot({}, {tmp.path}, 0).folders.size() == 1);
  CHECK(s.StillHolds());
  Write(root + "/sub/deeper/x.txt", "not input");
  CHECK(s.StillHolds());
  Write(root + "/.drafts/g.md", "draft 2");
  CHECK_FALSE(s.StillHolds());
}

TEST_CASE("input snapshot: only regular files are read again") {
  test::TempDir tmp;
  const std::string fifo = tmp.path + "/fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(HashRegularFile(fifo));  // does not wait for a writer
  CHECK_FALSE(HashRegularFile("/dev/zero"));
  CHECK_FALSE(HashRegularFile(tmp.path));
  CHECK_FALSE(HashRegularFile(tmp.path + "/missing"));
  Write(tmp.path + "/a", "bytes");
  CHECK(HashRegularFile(tmp.path + "/a") == HashBytes("bytes"));
  // A file that was read and is now a FIFO does not hold what it held.
  InputSnapshot s;
  s.files[fifo] = HashBytes("");
  CHECK_FALSE(s.StillHolds());
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
