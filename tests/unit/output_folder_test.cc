// The output folder as one unit (pipeline/output_folder.h): the staging folder swapped in
// whole, the manifest, the rules on what OUT may hold, the lock, the clean-up of what
// killed runs left; and the files under it (base/new_file.h, base/remove_tree.h).
#include "pipeline/output_folder.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "base/new_file.h"
#include "base/read_file.h"
#include "base/remove_tree.h"
#include "base/sha256.h"
#include "test_util.h"

namespace banmian {
namespace {

namespace fs = std::filesystem;

using test::TempDir;

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string Read(const std::string& path) {
  return ReadFileBytes(path).value_or("<none>");
}

// Every name below `dir`, sorted, folders with a trailing slash.
std::string Names(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    names.push_back(fs::relative(e.path(), dir).string() + (e.is_directory() ? "/" : ""));
  std::sort(names.begin(), names.end());
  std::string out;
  for (const std::string& n : names) out += n + " ";
  return out;
}

OutputRequest Request(const std::string& out) {
  OutputRequest r;
  r.out = out;
  r.issue_name = "x";
  return r;
}

// One render's worth: Open, the files written into the staging folder, Commit.
std::string Render(const std::string& out, const std::map<std::string, std::string>& files) {
  std::optional<OutputError> error;
  auto folder = OutputFolder::Open(Request(out), error);
  if (!folder) return error->code + ": " + error->message;
  std::string message;
  for (const auto& [name, text] : files) {
    fs::create_directories(fs::path(folder->staging() + "/" + name).parent_path());
    if (!WriteNewFile(folder->staging() + "/" + name, text, message)) return message;
  }
  if (!folder->Commit(2, message)) return message;
  return "ok";
}

}  // namespace

TEST_CASE(
    "output folder: a new OUT gets the whole set, a manifest and nothing beside but the lock") {
  TempDir dir;
  const std::string out = dir.path + "/deep/out";
  REQUIRE(Render(out, {{"x.pdf", "pdf"}, {"x-p01.png", "png"}, {"press/a.pdf", "press"}}) == "ok");
  CHECK(Names(dir.path + "/deep") ==
        ".out.banmian-lock out/ out/.banmian-manifest out/press/ out/press/a.pdf out/x-p01.png "
        "out/x.pdf ");
  CHECK(Read(out + "/.banmian-manifest") ==
        "# The files banmian wrote into this folder; check them with: sha256sum -c "
        ".banmian-manifest\n" +
            Sha256Hex("press") + "  press/a.pdf\n" + Sha256Hex("png") + "  x-p01.png\n" +
            Sha256Hex("pdf") + "  x.pdf\n");
  // The permissions are an ordinary folder's, not mkdtemp's 0700.
  struct stat st;
  REQUIRE(::stat(out.c_str(), &st) == 0);
  const mode_t mask = ::umask(022);
  ::umask(mask);
  CHECK((st.st_mode & 0777) == (0777 & ~mask));
}

TEST_CASE("output folder: a render replaces the previous set whole, stale pages included") {
  TempDir dir;
  const std::string out = dir.path + "/out";
  REQUIRE(Render(out, {{"x.pdf", "old"}, {"x-p01.png", "1"}, {"x-p05.png", "5"}}) == "ok");
  REQUIRE(Render(out, {{"x.pdf", "new"}, {"x-p01.png", "1 new"}}) == "ok");
  CHECK(Names(dir.path) == ".out.banmian-lock out/ out/.banmian-manifest out/x-p01.png out/x.pdf ");
  CHECK(Read(out + "/x.pdf") == "new");
  // The manifest lists what a later render may replace.
  CHECK(ManifestNames(Read(out + "/.banmian-manifest")) ==
        std::vector<std::string>{"x-p01.png", "x.pdf"});
}

TEST_CASE("output folder: what banmian did not write stops the render before anything is written") {
  TempDir dir;
  const std::string out = dir.path + "/out";
  REQUIRE(Render(out, {{"x.pdf", "old"}}) == "ok");
  Write(out + "/notes.txt", "mine");
  CHECK(Render(out, {{"x.pdf", "new"}}) ==
        "output-not-banmian: '" + out + "/notes.txt' was not written by banmian");
  CHECK(Read(out + "/x.pdf") == "old");
  CHECK(Read(out + "/notes.txt") == "mine");
  fs::remove(out + "/notes.txt");
  // A folder where the report goes, a link planted at a file's name.
  fs::create_directory(out + "/report.json");
  CHECK(Render(out, {{"x.pdf", "new"}}) ==
        "output-not-banmian: '" + out + "/report.json' was not written by banmian");
  fs::remove(out + "/report.json");
  Write(dir.path + "/outside", "outside");
  fs::remove(out + "/x.pdf");
  fs::create_symlink(dir.path + "/outside", out + "/x.pdf");
  CHECK(Render(out, {{"x.pdf", "new"}}) ==
        "output-not-banmian: '" + out + "/x.pdf' was not written by banmian");
  CHECK(Read(dir.path + "/outside") == "outside");
  // A folder that is not OUT's own: a file where OUT should be.
  Write(dir.path + "/file", "");
  CHECK(Render(dir.path + "/file", {}) ==
        "write-failed: the output folder '" + dir.path + "/file' is not a folder");
}

TEST_CASE("output folder: an earlier banmian's folder without a manifest is taken over by name") {
  TempDir dir;
  const std::string out = dir.path + "/out";
  fs::create_directories(out + "/press");
  for (const char* name : {"x.pdf", "x-proof.pdf", "x-p01.png", "x-proof-p12.png", "index.html",
                           "report.json", "x-p03.png.tmp-4242", "press/p-2021-05-10-A01.pdf"})
    Write(out + "/" + name, name);
  REQUIRE(Render(out, {{"x.pdf", "new"}}) == "ok");
  CHECK(Names(out) == ".banmian-manifest x.pdf ");
  // Another issue's preview is not this one's to remove.
  fs::remove_all(out);
  fs::create_directories(out);
  Write(out + "/y-p01.png", "");
  CHECK(Render(out, {}) ==
        "output-not-banmian: '" + out + "/y-p01.png' was not written by banmian");
}

TEST_CASE("output folder: OUT is never the current folder, above it, or holding an input") {
  TempDir dir;
  fs::create_directories(dir.path + "/issue/pictures");
  const std::string cwd = fs::current_path();
  fs::current_path(dir.path + "/issue");
  std::optional<OutputError> error;
  CHECK(!OutputFolder::Open(Request("."), error));
  CHECK(error->message == "the output folder '.' is the current folder");
  CHECK(!OutputFolder::Open(Request(".."), error));
  CHECK(error->message == "the output folder '..' is a folder above the current folder");
  fs::current_path(cwd);
  OutputRequest r = Request(dir.path + "/issue/");
  r.inputs = {dir.path + "/issue/pictures/.."};
  CHECK(!OutputFolder::Open(r, error));
  CHECK(error->code == "output-is-input");
  CHECK(error->message == "the output folder '" + dir.path + "/issue' is the input folder '" +
                              dir.path + "/issue/pictures/..'");
  r.out = dir.path;
  CHECK(!OutputFolder::Open(r, error));
  CHECK(error->message == "the output folder '" + dir.path + "' holds the input folder '" +
                              dir.path + "/issue/pictures/..'");
  CHECK(error->hint ==
        "banmian replaces the whole output folder on each render: give it a folder of its own, "
        "such as out/x");
  CHECK(Names(dir.path) == "issue/ issue/pictures/ ");  // nothing written
  // Inside the issue folder, a folder of its own is fine.
  r.out = dir.path + "/issue/out";
  CHECK(OutputFolder::Open(r, error));
}

TEST_CASE("output folder: a render that stops before Commit leaves OUT and nothing else") {
  TempDir dir;
  const std::string out = dir.path + "/out";
  REQUIRE(Render(out, {{"x.pdf", "old"}}) == "ok");
  {
    std::optional<OutputError> error;
    auto folder = OutputFolder::Open(Request(out), error);
    REQUIRE(folder);
    std::string message;
    REQUIRE(WriteNewFile(folder->staging() + "/x.pdf", "half", message));
    CHECK(fs::is_directory(folder->staging()));
  }
  CHECK(Names(dir.path) == ".out.banmian-lock out/ out/.banmian-manifest out/x.pdf ");
  CHECK(Read(out + "/x.pdf") == "old");
}

TEST_CASE("output folder: what killed runs left beside OUT is removed by the next") {
  TempDir dir;
  const std::string out = dir.path + "/out";
  REQUIRE(Render(out, {{"x.pdf", "old"}}) == "ok");
  // A staging folder half written, and another OUT's, which is not this one's business.
  fs::create_directories(dir.path + "/.out.banmian-stage-abc123/press");
  Write(dir.path + "/.out.banmian-stage-abc123/press/a.pdf", "half");
  fs::create_directories(dir.path + "/.other.banmian-stage-abc123");
  REQUIRE(Render(out, {{"x.pdf", "new"}}) == "ok");
  CHECK(Names(dir.path) ==
        ".other.banmian-stage-abc123/ .out.banmian-lock out/ out/.banmian-manifest out/x.pdf ");
  // A swap by two renames stopped between them: OUT is missing, its previous set aside.
  fs::rename(out, dir.path + "/.out.banmian-old-xyz789");
  fs::create_directories(dir.path + "/.out.banmian-stage-def456");
  std::optional<OutputError> error;
  auto folder = OutputFolder::Open(Request(out), error);
  REQUIRE(folder);
  CHECK(Read(out + "/x.pdf") == "new");  // put back before anything else
  CHECK(!fs::exists(dir.path + "/.out.banmian-stage-def456"));
}

TEST_CASE("output folder: a second render into the same OUT waits for the first") {
  TempDir dir;
  const std::string out = dir.path + "/out";
  std::optional<OutputError> error;
  auto first = OutputFolder::Open(Request(out), error);
  REQUIRE(first);
  std::string message;
  REQUIRE(WriteNewFile(first->staging() + "/x.pdf", "first", message));
  std::atomic<bool> waiting = false, done = false;
  std::string told;
  std::thread second([&] {
    OutputRequest r = Request(out);
    r.on_wait = [&](const std::string& m) {
      told = m;
      waiting = true;
    };
    std::optional<OutputError> e;
    auto folder = OutputFolder::Open(r, e);
    std::string m;
    // It sees the first render's set, complete, and replaces it.
    if (folder && Read(out + "/x.pdf") == "first" &&
        WriteNewFile(folder->staging() + "/x.pdf", "second", m))
      folder->Commit(1, m);
    done = true;
  });
  for (int i = 0; i < 500 && !waiting; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  CHECK(waiting);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(!done);
  REQUIRE(first->Commit(1, message));
  first.reset();  // releases the lock
  second.join();
  CHECK(told == "waiting for another banmian to finish writing '" + out + "'");
  CHECK(Read(out + "/x.pdf") == "second");
}

TEST_CASE("output folder: the manifest's format, as sha256sum -c reads it") {
  CHECK(ManifestNames("# comment\n" + std::string(64, 'a') + "  x.pdf\n\n") ==
        std::vector<std::string>{"x.pdf"});
  CHECK(!ManifestNames(std::string(64, 'A') + "  x.pdf\n"));  // not lowercase hex
  CHECK(!ManifestNames(std::string(64, 'a') + " x.pdf\n"));
  CHECK(!ManifestNames("notes\n"));
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("new files: created exclusively, never through a link, a failed write leaves nothing") {
  TempDir dir;
  std::string error;
  Write(dir.path + "/target", "untouched");
  fs::create_symlink(dir.path + "/target", dir.path + "/link");
  CHECK(!WriteNewFile(dir.path + "/link", "evil", error));
  CHECK(error == "cannot create '" + dir.path + "/link': File exists");
  CHECK(Read(dir.path + "/target") == "untouched");
  CHECK(!WriteNewFile(dir.path + "/target", "again", error));
  CHECK(Read(dir.path + "/target") == "untouched");
  CHECK(WriteNewFile(dir.path + "/new", "new", error));
  CHECK(Read(dir.path + "/new") == "new");
}

TEST_CASE("remove tree: a link inside is removed, never what it points to") {
  TempDir dir;
  fs::create_directories(dir.path + "/keep");
  Write(dir.path + "/keep/file", "kept");
  fs::create_directories(dir.path + "/gone/a/b");
  Write(dir.path + "/gone/a/b/f", "");
  fs::create_directory_symlink(dir.path + "/keep", dir.path + "/gone/a/link");
  std::string error;
  CHECK(RemoveTree(dir.path + "/gone", error));
  CHECK(Names(dir.path) == "keep/ keep/file ");
  CHECK(RemoveTree(dir.path + "/never-was", error));
}

}  // namespace banmian
