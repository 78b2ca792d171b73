// The fuzz target: one mutated issue archive → load, validate, compose, preflight, the
// screen PDF and (when the archive's "args" asks) press PDFs, as `banmian render` runs
// them; PNG previews are left out.
//
// Anything but a clean result or a reported error is a bug: a crash, a sanitizer
// report, a hang (libFuzzer's -timeout) or a run that fails without saying why. The
// font set is loaded once per process, as the command line's fonts are.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "issue_archive.h"
#include "model/diagnostic.h"
#include "pipeline/pipeline.h"
#include "text/font_set.h"

namespace {

banmian::FontSet& Fonts() {
  static std::unique_ptr<banmian::FontSet> fonts = [] {
    banmian::Diagnostics diags;
    auto set = banmian::FontSet::Create(banmian::DefaultFontsDir(), diags);
    if (!set) {
      std::fprintf(stderr, "fuzz: cannot load the project's fonts\n");
      std::abort();
    }
    return set;
  }();
  return *fonts;
}

const std::string& ScratchRoot() {
  static const std::string root = [] {
    const char* base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
    return std::string(base) + "/banmian-fuzz-" + std::to_string(::getpid());
  }();
  return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 256 * 1024) return -1;  // larger inputs only slow the search down
  auto files = banmian::fuzz::ParseArchive(std::string(reinterpret_cast<const char*>(data), size));
  const std::string& root = ScratchRoot();
  banmian::fuzz::UnpackIssue(files, root);
  banmian::RunOptions options;
  options.issue_dir = root + "/issue";
  options.out_dir = root + "/out";
  options.png = false;  // rasterizing is Cairo's work, and slow
  options.jobs = 1;     // one thread: a crash must reproduce from its input alone
  // An archived "args" file turns on the command line's press and proof options.
  for (const banmian::fuzz::ArchivedFile& f : files) {
    if (f.path != "args") continue;
    options.press = f.contents.find("--press") != std::string::npos;
    options.pdfx4 = f.contents.find("--pdfx=x4") != std::string::npos;
    options.marks = f.contents.find("--marks") != std::string::npos;
    options.proof = f.contents.find("--proof") != std::string::npos;
  }
  banmian::RunResult result = banmian::RenderIssue(options, &Fonts());
  // Bad input must say what is wrong; a silent refusal is a bug.
  if (result.exit_status == banmian::kExitBadInput && !result.diagnostics.HasErrors()) {
    std::fprintf(stderr, "fuzz: bad input without an error diagnostic\n");
    std::abort();
  }
  for (const banmian::Diagnostic& d : result.diagnostics.items()) {
    if (d.code == banmian::kInternalErrorCode) {
      std::fprintf(stderr, "fuzz: %s\n", d.message.c_str());
      std::abort();
    }
  }
  // The replay driver reads the status to check seeds behave as expected.
  if (std::getenv("BANMIAN_FUZZ_STATUS"))
    std::printf("status %d diagnostics %zu\n", result.exit_status,
                result.diagnostics.items().size());
  return 0;
}
