// —— on the press plates (layout/dash_joins.h): the sample pages rendered with --press and
// separated by Ghostscript (bitcmyk, 600 dpi, no anti-aliasing) around their first join. Along
// the middle of the stroke, from 2.5 pt inside the first dash to 2.5 pt inside the second,
// every pixel carries the text's declared colour in full and nothing on the other plates: the
// join is inked as the text is (black on K alone, red on M and Y), and knocks out as it does.
#include <doctest/doctest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "pipeline/pipeline.h"

using namespace banmian;

namespace {

std::string Run(const std::string& command, int* status = nullptr) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  const int rc = pclose(p);
  if (status) *status = WEXITSTATUS(rc);
  return out;
}

struct TempDir {
  std::string path;
  TempDir() {
    char t[] = "/tmp/banmian-dash-plates-XXXXXX";
    path = mkdtemp(t);
  }
  ~TempDir() { Run("rm -rf '" + path + "'"); }
};

// Checks the first join of `role` on the first page of `issue`'s press PDF: `ink` is the
// C, M, Y, K (0 or 255) every pixel along the stroke must carry.
void CheckPlates(const std::string& issue, const std::string& role, std::array<int, 4> ink) {
  TempDir dir;
  RunOptions options;
  options.issue_dir = std::string(BANMIAN_SOURCE_DIR) + "/issues/" + issue;
  options.out_dir = dir.path + "/out";
  options.png = false;
  options.press = true;
  RunResult r = RenderIssue(options);
  REQUIRE(r.exit_status != kExitBadInput);
  REQUIRE(r.document);
  std::string pdf;
  for (const std::string& f : r.outputs)
    if (f.find("/press/") != std::string::npos && pdf.empty()) pdf = f;
  REQUIRE(!pdf.empty());
  const Page& page = r.document->pages[0];
  const RectItem* join = nullptr;
  for (const Frame& frame : page.frames)
    for (const Item& item : frame.items)
      if (const auto* rect = std::get_if<RectItem>(&item); rect && !join && rect->role == role)
        join = rect;
  REQUIRE(join);
  REQUIRE(join->width > join->height);  // across

  // The crop: the join and 2.5 pt either side, its height and 2 pt above and below; in the
  // press file's coordinates (the trim box inside the bleed, y up).
  constexpr double kInside = 2.5, kDpi = 600;
  const double left = join->x - kInside + page.bleed;
  const double top = join->y - 2 + page.bleed;
  const double width = join->width + 2 * kInside, height = join->height + 4;
  const double media_height = page.height + 2 * page.bleed;
  const std::string raw = dir.path + "/plates.raw";
  char install[128];
  std::snprintf(install, sizeof install, "<</Install {%.3f %.3f translate}>> setpagedevice", -left,
                -(media_height - top - height));
  int status = 0;
  Run("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=bitcmyk -dGrayValues=256 -r600 "
      "-dTextAlphaBits=1 -dGraphicsAlphaBits=1 -dFIXEDMEDIA -dDEVICEWIDTHPOINTS=" +
          std::to_string(width) + " -dDEVICEHEIGHTPOINTS=" + std::to_string(height) +
          " -sOutputFile='" + raw + "' -c '" + install + "' -f '" + pdf + "' 2>&1",
      &status);
  REQUIRE(status == 0);
  std::ifstream in(raw, std::ios::binary);
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const int w = static_cast<int>(width * kDpi / 72 + 0.5),
            h = static_cast<int>(height * kDpi / 72 + 0.5);
  REQUIRE(data.size() == static_cast<size_t>(w) * h * 4);
  // The middle of the stroke: 2 pt and half the join's height down the crop.
  const int y = static_cast<int>((2 + join->height / 2) * kDpi / 72);
  int wrong = 0;
  for (int x = 1; x + 1 < w; ++x)
    for (int plate = 0; plate < 4; ++plate) {
      const int value =
          static_cast<unsigned char>(data[(static_cast<size_t>(y) * w + x) * 4 + plate]);
      if (value != ink[plate]) ++wrong;
    }
  CHECK(wrong == 0);
}

}  // namespace

TEST_CASE("press: a body text —— is one stroke, on the K plate alone") {
  CheckPlates("hongqiao-2019-09-front", "dash-join:body", {0, 0, 0, 255});
}

TEST_CASE("press: a red section title's —— is one stroke, on the M and Y plates alone") {
  CheckPlates("hongqiao-2021-05-inside", "dash-join:section_title", {0, 255, 255, 0});
}
