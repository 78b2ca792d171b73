// What the press tests share: a scratch folder, a render with --press through the pipeline,
// the press files it wrote, and a press page separated by Ghostscript into its C, M, Y and K
// plates (bitcmyk, 8 bits a plate, 72 dpi; it honours overprint on a CMYK device), read
// from outside as a plant's preflight would.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace banmian::test {

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::string Shell(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  pclose(p);
  return out;
}

// A folder under /tmp, removed with everything in it at the end of the scope.
struct Scratch {
  std::string path;
  Scratch() {
    char t[] = "/tmp/banmian-press-XXXXXX";
    path = mkdtemp(t);
  }
  ~Scratch() { Shell("rm -rf '" + path + "'"); }
};

inline RunResult RenderPress(const std::string& issue, const std::string& out, bool despite = false,
                             bool pdfx4 = false, int jobs = 1) {
  RunOptions options;
  options.issue_dir = issue;
  options.out_dir = out;
  options.png = false;
  options.press = true;
  options.pdfx4 = pdfx4;
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
  std::string data;
  int At(int x, int y, int plate) const {
    return static_cast<unsigned char>(data[(static_cast<size_t>(y) * width + x) * 4 + plate]);
  }
};

// The first page of `pdf` on its plates at 72 dpi, its media `width` × `height` pixels
// there; scratch files go in `dir`.
inline Plates Separate(const std::string& pdf, const std::string& dir, int width, int height) {
  Plates p;
  p.width = width, p.height = height;
  const std::string raw = dir + "/plates.raw";
  Shell(
      "gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=bitcmyk -dGrayValues=256 -r72"
      " -dTextAlphaBits=1 -dGraphicsAlphaBits=1 -sOutputFile='" +
      raw + "' '" + pdf + "' 2>&1");
  p.data = Slurp(raw);
  REQUIRE(p.data.size() == static_cast<size_t>(width) * height * 4);
  return p;
}

}  // namespace banmian::test
