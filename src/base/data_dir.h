// Where banmian finds its own data: fonts/ (fonts.conf, the only font folders a render
// may use) and layouts/ (the papers an issue falls back to when no layouts/ folder above
// it holds its paper).
//
// The data folder is, in order: $BANMIAN_DATA_DIR when set; the installed share folder
// beside the running binary (<prefix>/share/banmian for <prefix>/bin/banmian, as
// `cmake --install` lays them out, so an installed copy can be moved); else, for a
// binary that runs inside the build tree it was built in, the source tree it was built
// from. An installed or copied binary never falls back to the source tree, so a missing
// install shows up as an error, not as a render that works only while the clone exists.
#pragma once

#include <string>

namespace banmian {

// What the data folder is found from; DataDir() fills it in for this process.
struct DataDirPlaces {
  std::string env;          // $BANMIAN_DATA_DIR; empty when unset
  std::string exe;          // the running binary's absolute path; empty when unknown
  std::string exe_to_data;  // the data folder relative to the binary's folder
  std::string build_dir;    // the build tree the binary was built in
  std::string source_dir;   // the source tree it was built from
};

// The data folder `places` give (folders are looked at on disk). When none exists, the
// installed folder the binary would use (or the source tree when the binary is unknown),
// so errors name the place where fonts/fonts.conf was expected.
std::string FindDataDir(const DataDirPlaces& places);

// This process's data folder (found again on each call: the environment may change).
std::string DataDir();

}  // namespace banmian
