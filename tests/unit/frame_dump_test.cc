// The frame dump (model/frame_dump.h) of pictures: an uncropped picture's line is what
// the golden dumps hold, and a cropped one adds its crop rectangle after the file name.
#include <doctest/doctest.h>

#include <string>

#include "model/frame_dump.h"

using namespace banmian;

namespace {

std::string DumpOne(const ImageItem& image) {
  Page page;
  page.label = "A01";
  page.width = 100, page.height = 200;
  Frame frame;
  frame.name = "slot:lead";
  frame.items.push_back(image);
  page.frames.push_back(frame);
  return DumpPage(page);
}

ImageItem Picture() {
  ImageItem image;
  image.path = "issues/x/pictures/bridge.jpg";
  image.x = 10, image.y = 20.5, image.width = 60, image.height = 45.25;
  image.role = "picture";
  return image;
}

}  // namespace

TEST_CASE("frame dump: an uncropped picture prints no crop") {
  CHECK(DumpOne(Picture()) ==
        "page 1 label=A01 100.00x200.00\n"
        "frame slot:lead x=0.00 y=0.00 w=0.00 h=0.00\n"
        "  image picture x=10.00 y=20.50 w=60.00 h=45.25 bridge.jpg\n");
}

TEST_CASE("frame dump: a cropped picture prints its crop rectangle, three decimals") {
  ImageItem image = Picture();
  image.crop_x = 0.125, image.crop_y = 0, image.crop_width = 0.75, image.crop_height = 2.0 / 3;
  CHECK(DumpOne(image) ==
        "page 1 label=A01 100.00x200.00\n"
        "frame slot:lead x=0.00 y=0.00 w=0.00 h=0.00\n"
        "  image picture x=10.00 y=20.50 w=60.00 h=45.25 bridge.jpg "
        "crop=0.125,0.000,0.750,0.667\n");
  image.crop_x = image.crop_y = 0, image.crop_width = 1, image.crop_height = 0.5;
  CHECK(DumpOne(image).find(" bridge.jpg crop=0.000,0.000,1.000,0.500\n") != std::string::npos);
}
