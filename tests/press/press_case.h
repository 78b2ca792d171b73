// What the press tests share: a render with --press through the pipeline, the press files
// it wrote, and a press page separated by Ghostscript into its C, M, Y and K plates
// (bitcmyk, 8 bits a plate, no anti-aliasing; it honours overprint on a CMYK device), read
// from outside as a plant's preflight would. Scratch folders and commands come from
// unit/test_util.h (TempDir, Output).
#pragma once

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "../unit/test_util.h"
#include "base/read_file.h"
#include "pipeline/pipeline.h"

namespace banmian::test {

// A file's bytes; "" when it cannot be read.
inline std::string Slurp(const std::string& path) {
  return ReadFileBytes(path).value_or("");
}

inline RunResult RenderPress(const std::string& issue, const std::string& out, bool despite = false,
                             bool pdfx4 = false, int jobs = 1, bool marks = false) {
  RunOptions options;
  options.issue_dir = issue;
  options.out_dir = out;
  options.png = false;
  options.press = true;
  options.pdfx4 = pdfx4;
  options.marks = marks;
  options.press_despite_errors = despite;
  options.jobs = jobs;
  return RenderIssue(options);
}

inline std::vector<std::string> PressFiles(const RunResult& r) {
  std::vector<std::string> files;
  for (const std::string& f : r.outputs)
    if (f.find("/press/") != std::string::npos) files.push_back(f);
  return files;
}

// A page's plates: `width` × `height` pixels of C, M, Y, K, 0–255 each.
struct Plates {
  int width = 0, height = 0;
  double dpi = 0;
  std::string data;
  int At(int x, int y, int plate) const {
    return static_cast<unsigned char>(data[(static_cast<size_t>(y) * width + x) * 4 + plate]);
  }
  std::array<int, 4> At(int x, int y) const {
    return {At(x, y, 0), At(x, y, 1), At(x, y, 2), At(x, y, 3)};
  }
};

// The first page of `pdf`, its media `media_w` × `media_h` pt, on its plates at `dpi`;
// scratch files go in `dir`.
inline Plates Separate(const std::string& pdf, double media_w, double media_h,
                       const std::string& dir, double dpi) {
  Plates p;
  p.dpi = dpi;
  p.width = static_cast<int>(std::lround(media_w * dpi / 72));
  p.height = static_cast<int>(std::lround(media_h * dpi / 72));
  const std::string raw = dir + "/plates.raw";
  int status = 0;
  Output("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=bitcmyk -dGrayValues=256 -r" +
             std::to_string(static_cast<int>(dpi)) +
             " -dTextAlphaBits=1 -dGraphicsAlphaBits=1 -sOutputFile='" + raw + "' '" + pdf +
             "' 2>&1",
         &status);
  REQUIRE(status == 0);
  p.data = Slurp(raw);
  REQUIRE(p.data.size() == static_cast<size_t>(p.width) * p.height * 4);
  return p;
}

}  // namespace banmian::test
