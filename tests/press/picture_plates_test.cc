// Pictures on the press plates, checked from outside (issue 14): the case tests/press/pictures
// is one small page holding a story whose only colour is its picture; each test puts one
// picture in place, renders the press file and separates it with Ghostscript. The case's
// page is not made up (its second column ends short), so it is rendered with
// --press-despite-errors: the plates, not the page making, are under test. The pictures
// were made with ImageMagick: a 400 % CMYK JPEG (C = M = Y = K = 100 %), a grey gradient
// JPEG, and one saturated green RGB JPEG twice, tagged with an Adobe RGB (1998) compatible
// profile and untagged.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "press_case.h"

using namespace banmian;
using namespace banmian::test;

namespace {

const std::string kCase = std::string(BANMIAN_SOURCE_DIR) + "/tests/press/pictures";

// The page's plates with `picture` (a file of the case's pictures/) as its picture: 96 ×
// 93 mm of media at 72 dpi.
Plates PlatesWith(const std::string& picture, const TempDir& dir) {
  Output("cp -r '" + kCase + "' '" + dir.path + "/issue' && cp '" + kCase + "/pictures/" + picture +
         "' '" + dir.path + "/issue/pictures/p.jpg'");
  const RunResult r = RenderPress(dir.path + "/issue", dir.path + "/out", true);
  REQUIRE(PressFiles(r).size() == 1);
  return Separate(PressFiles(r)[0], 96 * 72 / 25.4, 93 * 72 / 25.4, dir.path, 72);
}

struct Totals {
  int most_ink = 0;          // the highest C+M+Y+K of a pixel, 0–1020
  long cmy_pixels = 0;       // pixels with any C, M or Y
  long full_k_with_cmy = 0;  // pixels with full K and some C, M or Y
  long cyan = 0;             // C summed over the page
  int k_levels = 0;          // distinct K values
};

Totals Measure(const Plates& p) {
  Totals t;
  bool k_seen[256] = {};
  for (int y = 0; y < p.height; ++y)
    for (int x = 0; x < p.width; ++x) {
      const int c = p.At(x, y, 0), m = p.At(x, y, 1), ye = p.At(x, y, 2), k = p.At(x, y, 3);
      t.most_ink = std::max(t.most_ink, c + m + ye + k);
      t.cmy_pixels += c + m + ye > 0;
      t.full_k_with_cmy += k == 255 && c + m + ye > 0;
      t.cyan += c;
      k_seen[k] = true;
    }
  t.k_levels = static_cast<int>(std::count(std::begin(k_seen), std::end(k_seen), true));
  return t;
}

}  // namespace

TEST_CASE("press plates: a 400 % CMYK picture comes out within the 240 % ink limit, K kept") {
  TempDir dir;
  const Totals t = Measure(PlatesWith("cmyk400.jpg", dir));
  CHECK(t.most_ink <= 240 * 255 / 100);  // 612 of 1020
  CHECK(t.most_ink >= 220 * 255 / 100);  // held to the limit, not far under it
  CHECK(t.full_k_with_cmy > 1000);       // K stays full; the colour under it is cut
}

TEST_CASE("press plates: a grey picture prints on K alone, in many levels") {
  TempDir dir;
  const Totals t = Measure(PlatesWith("grey.jpg", dir));
  CHECK(t.cmy_pixels == 0);
  CHECK(t.k_levels > 50);  // the gradient, not a few steps
}

TEST_CASE("press plates: an Adobe RGB picture is separated from its own profile") {
  TempDir tagged, untagged;
  const Totals adobe = Measure(PlatesWith("green-adobe.jpg", tagged));
  const Totals srgb = Measure(PlatesWith("green-untagged.jpg", untagged));
  // Adobe RGB's green is more saturated than sRGB's: more cyan under it.
  CHECK(adobe.cyan > srgb.cyan * 105 / 100);
  CHECK(adobe.most_ink <= 240 * 255 / 100);
}
