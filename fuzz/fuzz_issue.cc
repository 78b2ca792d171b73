// The fuzz target: one mutated issue archive → load, validate, compose, preflight, the
// screen PDF, the PNG previews at 10 dpi, the contact sheet, report.json and (when the
// archive's "args" asks) proof and press PDFs, as `banmian render` runs them. The issue
// folder is named by the archive's "folder" file, so odd names reach the output names.
//
// Anything but a clean result or a reported error is a bug: a crash, a sanitizer
// report, a hang (libFuzzer's -timeout), a run that fails without saying why, an
// internal error, a diagnostic that would print a control character on the terminal, or
// a contact sheet link that is not a relative, percent-encoded path. The font set is
// loaded once per process, as the command line's fonts are.
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "issue_archive.h"
#include "model/diagnostic.h"
#include "model/terminal_text.h"
#include "pipeline/pipeline.h"
#include "text/font_set.h"

namespace {

using banmian::TerminalText;

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

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "fuzz: %s\n", TerminalText(what).c_str());
  std::abort();
}

// Every href and src of the contact sheet: "./" and only unreserved characters, "/" and
// %XX escapes.
void CheckSheetLinks(const std::string& sheet_path) {
  std::ifstream in(sheet_path, std::ios::binary);
  if (!in) return;
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const char* attribute : {" href=\"", " src=\""}) {
    for (size_t at = html.find(attribute); at != std::string::npos;
         at = html.find(attribute, at + 1)) {
      const size_t start = at + std::strlen(attribute), end = html.find('"', start);
      const std::string url = html.substr(start, end - start);
      bool ok = url.rfind("./", 0) == 0;
      for (char c : url)
        ok = ok && c != 0 &&
             (std::isalnum(static_cast<unsigned char>(c)) || std::strchr("-._~/%", c));
      if (!ok) Fail("contact sheet link is not a relative, encoded path: " + url);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Larger inputs only slow the search down (scripts/fuzz.sh caps them at 256 KB); the
  // replayed seeds may be a little larger.
  if (size > 1024 * 1024) return -1;
  auto files = banmian::fuzz::ParseArchive(std::string(reinterpret_cast<const char*>(data), size));
  const std::string& root = ScratchRoot();
  banmian::fuzz::UnpackIssue(files, root);
  banmian::RunOptions options;
  options.issue_dir = root + "/" + banmian::fuzz::IssueFolderName(files);
  options.out_dir = root + "/out";
  options.png = true;  // the previews and the contact sheet, at the CLI's lowest dpi
  options.png_dpi = 10;
  options.jobs = 1;  // one thread: a crash must reproduce from its input alone
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
  if (result.exit_status == banmian::kExitBadInput && !result.diagnostics.HasErrors())
    Fail("bad input without an error diagnostic");
  for (const banmian::Diagnostic& d : result.diagnostics.items()) {
    if (d.code == banmian::kInternalErrorCode) Fail(d.message);
    // What the terminal gets: no control character but the newline before the hint.
    const std::string line = banmian::FormatDiagnostic(d);
    for (char c : line)
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7F)
        Fail("a control character in a printed diagnostic: " + line);
  }
  CheckSheetLinks(options.out_dir + "/index.html");
  // The replay driver reads the status to check seeds behave as expected.
  if (std::getenv("BANMIAN_FUZZ_STATUS"))
    std::printf("status %d diagnostics %zu\n", result.exit_status,
                result.diagnostics.items().size());
  return 0;
}
