// Where `banmian fonts --paper` and `banmian new` find a paper by name: in --layouts DIR
// (default ./layouts), else in banmian's own layouts/ (the samples; the folder render
// falls back to, load/issue_loader.cc).
#pragma once

#include <string>

namespace banmian {

// The folder holding banmian's sample papers.
std::string SampleLayoutsDir();

// The folder of paper `name`, or "" when there is none. A `name` holding a '/' is taken
// as the paper folder's path itself.
std::string FindPaperFolder(const std::string& name, const std::string& layouts_dir);

}  // namespace banmian
