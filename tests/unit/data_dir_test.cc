#include "base/data_dir.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "test_util.h"

using namespace banmian;
using banmian::test::TempDir;
namespace fs = std::filesystem;

namespace {

// A prefix and a build tree side by side in `root`, each with a binary, and a source
// tree: the places an installed, a copied and a built banmian run from.
struct Trees {
  TempDir root;
  std::string prefix = root.path + "/prefix";
  std::string build = root.path + "/build";
  std::string source = root.path + "/source";
  Trees() {
    fs::create_directories(prefix + "/bin");
    fs::create_directories(prefix + "/share/banmian/fonts");
    fs::create_directories(build + "/tests");
    fs::create_directories(source + "/fonts");
  }
  DataDirPlaces Places(const std::string& exe) const {
    DataDirPlaces p;
    p.exe = exe;
    p.exe_to_data = "../share/banmian";
    p.build_dir = build;
    p.source_dir = source;
    return p;
  }
};

}  // namespace

TEST_CASE("data dir: an installed binary uses the share folder beside its bin folder") {
  Trees t;
  CHECK(FindDataDir(t.Places(t.prefix + "/bin/banmian")) == t.prefix + "/share/banmian");
  // Moved elsewhere whole, it follows.
  fs::rename(t.prefix, t.root.path + "/moved");
  CHECK(FindDataDir(t.Places(t.root.path + "/moved/bin/banmian")) ==
        t.root.path + "/moved/share/banmian");
}

TEST_CASE("data dir: BANMIAN_DATA_DIR comes first, even where nothing is") {
  Trees t;
  DataDirPlaces p = t.Places(t.prefix + "/bin/banmian");
  p.env = t.root.path + "/elsewhere";
  CHECK(FindDataDir(p) == t.root.path + "/elsewhere");
}

TEST_CASE("data dir: a binary inside its build tree uses the source tree") {
  Trees t;
  CHECK(FindDataDir(t.Places(t.build + "/banmian")) == t.source);
  CHECK(FindDataDir(t.Places(t.build + "/tests/unit_tests")) == t.source);
  DataDirPlaces slash = t.Places(t.build + "/banmian");
  slash.build_dir += "/";
  CHECK(FindDataDir(slash) == t.source);
  // The build tree named through a symbolic link; the binary's path is resolved.
  fs::create_directory_symlink(t.build, t.root.path + "/link");
  DataDirPlaces linked = t.Places(t.build + "/banmian");
  linked.build_dir = t.root.path + "/link";
  CHECK(FindDataDir(linked) == t.source);
  // With no source tree left, the place errors name is where an install would be.
  fs::remove_all(t.source);
  CHECK(FindDataDir(t.Places(t.build + "/banmian")) == t.root.path + "/share/banmian");
}

TEST_CASE("data dir: a binary outside its build tree never falls back to the source tree") {
  Trees t;
  // Installed, with its share folder gone: the error will name the installed place.
  fs::remove_all(t.prefix + "/share");
  CHECK(FindDataDir(t.Places(t.prefix + "/bin/banmian")) == t.prefix + "/share/banmian");
  // A folder whose name merely starts with the build tree's is not inside it.
  fs::create_directories(t.build + "-copy");
  CHECK(FindDataDir(t.Places(t.build + "-copy/banmian")) == t.root.path + "/share/banmian");
}

TEST_CASE("data dir: a binary whose path is unknown uses the source tree") {
  Trees t;
  CHECK(FindDataDir(t.Places("")) == t.source);
}

TEST_CASE("data dir: this test binary, in the build tree, finds the project's fonts and layouts") {
  const char* was = std::getenv("BANMIAN_DATA_DIR");
  const std::string saved = was ? was : "";
  ::unsetenv("BANMIAN_DATA_DIR");
  CHECK(DataDir() == BANMIAN_SOURCE_DIR);
  CHECK(fs::is_regular_file(DataDir() + "/fonts/fonts.conf"));
  CHECK(fs::is_directory(DataDir() + "/layouts/shequchenbao"));
  CHECK(DefaultFontsDir() == std::string(BANMIAN_SOURCE_DIR) + "/fonts");
  ::setenv("BANMIAN_DATA_DIR", "/opt/banmian-data", 1);
  CHECK(DataDir() == "/opt/banmian-data");
  CHECK(DefaultFontsDir() == "/opt/banmian-data/fonts");
  if (was) {
    ::setenv("BANMIAN_DATA_DIR", saved.c_str(), 1);
  } else {
    ::unsetenv("BANMIAN_DATA_DIR");
  }
}
