// Cropped pictures seen from outside: a picture of four coloured quadrants (red, green,
// blue, yellow), made here, is placed in boxes with different crops, and the screen PDF
// (rasterised by pdftoppm), the PNG preview (the Cairo painter) and the press PDF
// (converted to CMYK, rasterised by pdftoppm) must each show exactly the crop's colours
// where they belong in every box and plain paper all round it: nothing of the file
// outside its crop rectangle reaches the page. The PDF and the preview must also agree
// pixel for pixel but for edges. KEEP=1 keeps the files in /tmp/banmian-crop-* to look at.
#include <cairo.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "base/read_file.h"
#include "render/export.h"
#include "render/press.h"

using namespace banmian;

namespace {

// The colours a pixel may be: the four quadrants' and the paper's.
enum Colour { kRed, kGreen, kBlue, kYellow, kWhite, kOther };
const char* const kColourNames[] = {"red", "green", "blue", "yellow", "white", "other"};

Colour Classify(int r, int g, int b) {
  // Press conversion dulls the colours (CMYK on newsprint, the ink limit): each pixel is
  // the nearest of the five, if it is near enough at all.
  static constexpr int kRgb[5][3] = {
      {255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 0}, {255, 255, 255}};
  int best = kOther, best_distance = 160 * 160;
  for (int c = 0; c < 5; ++c) {
    const int dr = r - kRgb[c][0], dg = g - kRgb[c][1], db = b - kRgb[c][2];
    const int distance = dr * dr + dg * dg + db * db;
    if (distance < best_distance) best = c, best_distance = distance;
  }
  return static_cast<Colour>(best);
}

// The picture: 400 × 300 pixels, quadrants red (top left), green (top right), blue
// (bottom left) and yellow (bottom right). Large enough that a pixel of the file is
// smaller than a pixel of the renderings below, so filtering blurs no edge by more than one.
void WriteQuadrants(const std::string& path) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t* cr = cairo_create(surface);
  const double colours[4][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}};
  for (int q = 0; q < 4; ++q) {
    cairo_set_source_rgb(cr, colours[q][0], colours[q][1], colours[q][2]);
    cairo_rectangle(cr, q % 2 * 200, q / 2 * 150, 200, 150);
    cairo_fill(cr);
  }
  cairo_destroy(cr);
  REQUIRE(cairo_surface_write_to_png(surface, path.c_str()) == CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(surface);
}

// A box on the page and the crop drawn into it; `quadrants` is what the box must show in
// its top-left, top-right, bottom-left and bottom-right quarters.
struct Box {
  double x, y, width, height;
  double crop_x, crop_y, crop_width, crop_height;
  std::array<Colour, 4> quadrants;
};

const std::vector<Box> kBoxes = {
    // The bottom-right quadrant alone: all yellow.
    {20, 30, 96, 64, 0.5, 0.5, 0.5, 0.5, {kYellow, kYellow, kYellow, kYellow}},
    // The middle half each way: a quarter of every colour, in the picture's order.
    {150, 30, 96, 64, 0.25, 0.25, 0.5, 0.5, {kRed, kGreen, kBlue, kYellow}},
    // The right half, into a tall box: green above yellow.
    {280, 20, 48, 110, 0.5, 0, 0.5, 1, {kGreen, kGreen, kYellow, kYellow}},
    // A quarter of the width astride the line between red and green, the top half: its
    // edges fall inside the quadrants, red on the left, green on the right.
    {350, 30, 40, 40, 0.375, 0, 0.25, 0.5, {kRed, kGreen, kRed, kGreen}},
};

Document CropDocument(const std::string& picture) {
  // The bytes, read once, as the loader keeps them for the writers.
  const auto bytes = std::make_shared<const std::string>(ReadFileBytes(picture).value());
  Document doc;
  doc.title = "crop";
  doc.date = "2024-01-01";
  Page page;
  page.number = 1;
  page.label = "A01";
  page.width = 400, page.height = 150;
  Frame frame;
  frame.name = "slot:pictures";
  frame.width = page.width, frame.height = page.height;
  for (const Box& box : kBoxes) {
    ImageItem image;
    image.path = picture;
    image.bytes = bytes;
    image.x = box.x, image.y = box.y, image.width = box.width, image.height = box.height;
    image.pixel_width = 400, image.pixel_height = 300;
    image.crop_x = box.crop_x, image.crop_y = box.crop_y;
    image.crop_width = box.crop_width, image.crop_height = box.crop_height;
    image.role = "picture";
    frame.items.push_back(image);
  }
  page.frames.push_back(frame);
  doc.pages.push_back(page);
  return doc;
}

struct TempDir {
  std::string path;
  TempDir() {
    char t[] = "/tmp/banmian-crop-XXXXXX";
    path = mkdtemp(t);
  }
  ~TempDir() {
    if (!std::getenv("KEEP")) std::system(("rm -rf '" + path + "'").c_str());
  }
};

// The renderings are at 144 dpi: two pixels a point, so every box edge and quarter line
// falls between two pixels.
constexpr int kDpi = 144, kScale = kDpi / 72;

// A rendered page's pixels, read back from a PNG; `offset` points of bleed lie around
// the page.
struct Raster {
  cairo_surface_t* surface = nullptr;
  int offset = 0;  // in pixels
  explicit Raster(const std::string& png, int offset_pt = 0) : offset(offset_pt * kScale) {
    surface = cairo_image_surface_create_from_png(png.c_str());
  }
  ~Raster() { cairo_surface_destroy(surface); }
  Raster(const Raster&) = delete;
  Raster& operator=(const Raster&) = delete;
  bool ok() const { return cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS; }
  int width() const { return cairo_image_surface_get_width(surface); }
  int height() const { return cairo_image_surface_get_height(surface); }
  // The pixel (x, y) of the page, counted from the page's top-left corner.
  Colour At(int x, int y) const {
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const auto pixel = *reinterpret_cast<const uint32_t*>(
        data + static_cast<size_t>(y + offset) * stride + 4 * static_cast<size_t>(x + offset));
    return Classify((pixel >> 16) & 255, (pixel >> 8) & 255, pixel & 255);
  }
};

constexpr int kPageWidth = 400 * kScale, kPageHeight = 150 * kScale;

// A box's edges and quarter lines in pixels.
struct BoxPixels {
  int left, top, right, bottom, mid_x, mid_y;
  explicit BoxPixels(const Box& box)
      : left(static_cast<int>(box.x * kScale)),
        top(static_cast<int>(box.y * kScale)),
        right(static_cast<int>((box.x + box.width) * kScale)),
        bottom(static_cast<int>((box.y + box.height) * kScale)),
        mid_x((left + right) / 2),
        mid_y((top + bottom) / 2) {}
  bool Inside(int x, int y) const { return x >= left && x < right && y >= top && y < bottom; }
};

// Whether pixel (x, y) touches a line between pixels that a rendering may blur: a box's
// edge or quarter line, along that box. A renderer may blend the two pixels beside such
// a line, and poppler draws an image a pixel larger than its place (its edges rounded
// outwards), so at a clip's top and left edge the first pixel inside may show the next
// pixel of the file: at 144 dpi, half a point. Ghostscript and Cairo do neither.
bool OnALine(int x, int y) {
  auto beside = [](int pixel, int line) { return pixel == line - 1 || pixel == line; };
  for (const Box& box : kBoxes) {
    const BoxPixels b(box);
    const bool across = y >= b.top - 1 && y <= b.bottom, down = x >= b.left - 1 && x <= b.right;
    if (across && (beside(x, b.left) || beside(x, b.right) || beside(x, b.mid_x))) return true;
    if (down && (beside(y, b.top) || beside(y, b.bottom) || beside(y, b.mid_y))) return true;
  }
  return false;
}

// Every pixel of the page off the lines (above) is what it must be: the crop's colours
// in each box's quarters, white paper everywhere else — in particular all round every
// box, where a picture drawn without its clip would show. Fails with the first few
// wrong pixels.
void CheckPage(const Raster& raster, const std::string& what) {
  CAPTURE(what);
  REQUIRE(raster.ok());
  REQUIRE(raster.width() == kPageWidth + 2 * raster.offset);
  REQUIRE(raster.height() == kPageHeight + 2 * raster.offset);
  int wrong = 0, checked = 0;
  for (int y = 0; y < kPageHeight; ++y)
    for (int x = 0; x < kPageWidth; ++x) {
      if (OnALine(x, y)) continue;
      Colour want = kWhite;
      for (const Box& box : kBoxes)
        if (const BoxPixels b(box); b.Inside(x, y))
          want = box.quadrants[(y >= b.mid_y) * 2 + (x >= b.mid_x)];
      ++checked;
      const Colour got = raster.At(x, y);
      if (got != want && ++wrong <= 5)
        FAIL_CHECK(what << ": pixel (" << x << ", " << y << ") is "
                        << std::string(kColourNames[got]) << ", not "
                        << std::string(kColourNames[want]));
    }
  CHECK(checked > kPageWidth * kPageHeight * 9 / 10);
  CHECK_MESSAGE(wrong == 0, what << ": " << wrong << " pixels wrong");
}

std::string Rasterise(const std::string& pdf, const std::string& prefix) {
  const std::string command =
      "pdftoppm -r " + std::to_string(kDpi) + " -png -singlefile '" + pdf + "' '" + prefix + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  return prefix + ".png";
}

}  // namespace

TEST_CASE("render: a cropped picture shows its crop in its box and nothing outside, PDF and PNG") {
  TempDir dir;
  const std::string picture = dir.path + "/quadrants.png";
  WriteQuadrants(picture);
  const Document doc = CropDocument(picture);

  const std::string pdf = dir.path + "/crop.pdf";
  REQUIRE(WritePdf(doc, pdf).ok);
  Raster from_pdf(Rasterise(pdf, dir.path + "/pdf"));
  CheckPage(from_pdf, "PDF by pdftoppm");

  REQUIRE(WritePngs(doc, dir.path + "/preview", kDpi).ok);
  Raster preview(dir.path + "/preview-p01.png");
  CheckPage(preview, "PNG preview");

  // The two agree on every pixel off the lines, and on nearly all of those on them.
  long differ_off = 0, differ_on = 0;
  for (int y = 0; y < kPageHeight; ++y)
    for (int x = 0; x < kPageWidth; ++x)
      if (from_pdf.At(x, y) != preview.At(x, y)) ++(OnALine(x, y) ? differ_on : differ_off);
  CHECK(differ_off == 0);
  CHECK(differ_on < kPageWidth * kPageHeight / 200);
}

TEST_CASE("render: a cropped picture on a press page shows its crop in CMYK and nothing outside") {
  TempDir dir;
  const std::string picture = dir.path + "/quadrants.png";
  WriteQuadrants(picture);
  Document doc = CropDocument(picture);
  doc.pages[0].bleed = 9;  // the press page's media box: 9 pt of bleed all round

  PressOptions options;
  options.paper_id = "crop", options.date = "2024-01-01";
  // A coated-paper profile: newsprint's (the default) separates sRGB green as much yellow
  // and some cyan, which pdftoppm's plain CMYK-to-RGB shows nearer yellow than green; the
  // crop, not the separation, is what this test looks at.
  options.settings.profile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
  PressPictures pictures = ConvertPressPictures(doc, options);
  REQUIRE(pictures.errors.empty());
  REQUIRE(PressProblems(doc, options, pictures).empty());
  ExportResult written = WritePressPdfs(doc, options, pictures, dir.path);
  REQUIRE_MESSAGE(written.ok, written.error);
  REQUIRE(written.files.size() == 1);
  Raster press(Rasterise(written.files[0], dir.path + "/press"), 9);
  CheckPage(press, "press PDF by pdftoppm");
}
