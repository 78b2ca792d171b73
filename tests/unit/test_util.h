// Helpers shared by the unit tests: diagnostics as text, the project's font set.
#pragma once

#include <memory>
#include <string>

#include "model/diagnostic.h"
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

inline std::string SourcePath(const std::string& rel) {
  return std::string(BANMIAN_SOURCE_DIR) + "/" + rel;
}

}  // namespace banmian::test
