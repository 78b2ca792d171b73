// Helpers shared by the unit tests: diagnostics as text, the project's font set, a text
// style, a temporary folder, a command's output.
#pragma once

#include <stdlib.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>

#include <filesystem>
#include <memory>
#include <string>

#include "model/diagnostic.h"
#include "model/layout.h"
#include "text/font_set.h"

namespace banmian::test {

// Every diagnostic formatted as the command line prints it, one per line.
inline std::string Messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.items()) out += FormatDiagnostic(x) + "\n";
  return out;
}

// The project's fonts (fonts/fonts.conf), loaded once per test binary.
inline FontSet& ProjectFonts() {
  static std::unique_ptr<FontSet> fonts = [] {
    Diagnostics d;
    auto f = FontSet::Create(DefaultFontsDir(), d);
    if (!f) throw std::runtime_error("cannot load fonts: " + Messages(d));
    return f;
  }();
  return *fonts;
}

// A text style named `name` (the role its runs carry): `family` at `size` pt, bold if asked.
// The defaults, Noto Serif CJK SC at 10 pt, make an ideograph 10 pt wide: the unit the
// composition tests' hand-worked positions count in.
inline Style TextStyle(const std::string& name, const std::string& family = "Noto Serif CJK SC",
                       double size = 10, bool bold = false) {
  Style s;
  s.name = name;
  s.family = family;
  s.bold = bold;
  s.size = size;
  return s;
}

inline std::string SourcePath(const std::string& rel) {
  return std::string(BANMIAN_SOURCE_DIR) + "/" + rel;
}

// A fresh folder under /tmp (mkdtemp), removed with what it holds when the test ends.
struct TempDir {
  std::string path;
  TempDir() {
    char t[] = "/tmp/banmian-test-XXXXXX";
    path = ::mkdtemp(t);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// What a shell command printed on standard output, and its exit status in `status`.
inline std::string Output(const std::string& command, int* status = nullptr) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf;
  for (size_t n; (n = std::fread(buf.data(), 1, buf.size(), p)) > 0;) out.append(buf.data(), n);
  const int rc = ::pclose(p);
  if (status) *status = WEXITSTATUS(rc);
  return out;
}

}  // namespace banmian::test
