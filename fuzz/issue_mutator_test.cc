#include "issue_mutator.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "issue_archive.h"

using namespace banmian::fuzz;

namespace {

const std::string kArchive = PackArchive({
    {"issue.yaml", "paper: shequchenbao\ntitle: 社区晨报\npages:\n  - template: inside\n"},
    {"articles/a.md", "---\nheadline: 标题\nbyline: 记者\n---\n\n正文第一段。\n"},
    {"layouts/shequchenbao/paper.yaml", "name: 社区晨报\nwidth: 297mm\n"},
});

// A byte mutator that only appends one byte, to see which file it was given.
size_t AppendX(uint8_t* data, size_t size, size_t max_size) {
  if (size < max_size) data[size++] = 'X';
  return size;
}

const ArchivedFile* Find(const std::vector<ArchivedFile>& files, const std::string& path) {
  for (const ArchivedFile& f : files)
    if (f.path == path) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("issue mutator: a YAML value is replaced, the keys and other files kept") {
  std::mt19937 rng(1);
  for (int i = 0; i < 50; ++i) {
    auto files = ParseArchive(ReplaceYamlValue(kArchive, rng));
    REQUIRE(files.size() == 3);
    int changed = 0;
    for (const ArchivedFile& f : files)
      changed += f.contents != Find(ParseArchive(kArchive), f.path)->contents;
    CHECK(changed == 1);
    CHECK(files[0].contents.find("paper: ") == 0);
  }
}

TEST_CASE("issue mutator: odd text goes into one text file") {
  std::mt19937 rng(2);
  size_t grown = 0;
  for (int i = 0; i < 50; ++i) grown += InsertOddText(kArchive, rng).size() > kArchive.size();
  CHECK(grown == 50);
}

TEST_CASE("issue mutator: deep nesting reaches the depth asked, within the budget") {
  std::mt19937 rng(3);
  size_t deepest = 0;
  for (int i = 0; i < 200; ++i) {
    const std::string out = InsertDeepNesting(kArchive, 200'000, rng);
    CHECK(out.size() <= kArchive.size() + 200'100);
    deepest = std::max(deepest, out.size() - kArchive.size());
  }
  CHECK(deepest > 50'000);  // 10 000 levels or more were written at least once
  // A small budget keeps it small.
  for (int i = 0; i < 50; ++i)
    CHECK(InsertDeepNesting(kArchive, 100, rng).size() < kArchive.size() + 400);
}

TEST_CASE("issue mutator: picture bombs declare the size they claim") {
  for (auto [w, h] : {std::pair<uint32_t, uint32_t>{40000, 10}, {1, 1}, {30000, 30000}}) {
    const std::string png = PngDeclaring(w, h);
    CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    // Width and height big-endian at bytes 16–23 of the IHDR.
    auto be = [&](size_t at) {
      return uint32_t(uint8_t(png[at])) << 24 | uint32_t(uint8_t(png[at + 1])) << 16 |
             uint32_t(uint8_t(png[at + 2])) << 8 | uint8_t(png[at + 3]);
    };
    CHECK(be(16) == w);
    CHECK(be(20) == h);
    CHECK(png.size() < 2000);  // a bomb: small file, big picture
  }
  const std::string jpeg = JpegDeclaring(40000, 10);
  const size_t sof = jpeg.find("\xff\xc0");
  REQUIRE(sof != std::string::npos);
  CHECK(uint8_t(jpeg[sof + 5]) * 256 + uint8_t(jpeg[sof + 6]) == 10);
  CHECK(uint8_t(jpeg[sof + 7]) * 256 + uint8_t(jpeg[sof + 8]) == 40000);

  std::mt19937 rng(4);
  auto files = ParseArchive(AddPictureBomb(kArchive, rng));
  REQUIRE(files.size() == 4);
  CHECK(files[3].path.rfind("pictures/bomb", 0) == 0);
  CHECK(Find(files, "articles/a.md")->contents.find("](" + files[3].path + " \"摄\")") !=
        std::string::npos);
}

TEST_CASE("issue mutator: options are toggled, the folder renamed") {
  std::mt19937 rng(5);
  auto files = ParseArchive(ToggleOption(kArchive, rng));
  REQUIRE(Find(files, "args"));
  CHECK(Find(files, "args")->contents.rfind("--", 0) == 0);
  files = ParseArchive(RenameIssueFolder(kArchive, rng));
  REQUIRE(Find(files, "folder"));
  CHECK(!Find(files, "folder")->contents.empty());
}

TEST_CASE("issue mutator: every mutation is an archive within max_size") {
  std::mt19937 rng(6);
  int byte_mutations = 0;
  for (int i = 0; i < 500; ++i) {
    const std::string out = MutateIssue(kArchive, kArchive.size() + 4096, rng, AppendX);
    CHECK(out.size() <= kArchive.size() + 4096);
    CHECK(out != kArchive);
    CHECK(ParseArchive(out).size() >= 3);
    byte_mutations += out.size() == kArchive.size() + 1;
  }
  CHECK(byte_mutations > 150);  // about half go to libFuzzer's mutator, on one file
  // Input that is no archive goes to the byte mutator whole.
  CHECK(MutateIssue("junk", 100, rng, AppendX) == "junkX");
}
