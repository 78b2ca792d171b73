#include "render/pdf_picture.h"

#include <png.h>

#include <csetjmp>
#include <cstring>
#include <vector>

#include "base/deflate.h"
#include "base/jpeg_error.h"
#include "base/png_error.h"

namespace banmian {

namespace {

std::optional<PdfPicture> Jpeg(const std::string& bytes, std::string& error) {
  jpeg_decompress_struct cinfo;
  JpegErrorJump err;
  cinfo.err = err.Install();
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    error = std::string("is not a readable JPEG: ") + err.message;
    return std::nullopt;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  jpeg_read_header(&cinfo, TRUE);
  PdfPicture picture;
  picture.width = static_cast<int>(cinfo.image_width);
  picture.height = static_cast<int>(cinfo.image_height);
  switch (cinfo.num_components) {
    case 1:
      picture.colour_space = "/DeviceGray";
      break;
    case 3:
      picture.colour_space = "/DeviceRGB";
      break;
    case 4:
      picture.colour_space = "/DeviceCMYK";
      picture.inverted_cmyk = cinfo.saw_Adobe_marker;
      break;
    default:
      jpeg_destroy_decompress(&cinfo);
      error = "is a JPEG with " + std::to_string(cinfo.num_components) + " colour channels";
      return std::nullopt;
  }
  jpeg_destroy_decompress(&cinfo);
  picture.filter = "/DCTDecode";
  picture.data = bytes;
  return picture;
}

struct PngSource {
  const std::string* bytes;
  size_t offset = 0;
};

void ReadPngBytes(png_structp png, png_bytep out, png_size_t length) {
  auto* source = static_cast<PngSource*>(png_get_io_ptr(png));
  if (source->offset + length > source->bytes->size()) png_error(png, "the file ends early");
  std::memcpy(out, source->bytes->data() + source->offset, length);
  source->offset += length;
}

// A picture larger than this is refused rather than decoded (a small file can declare a
// huge image): 100 million pixels is a 1 m wide picture at 250 dpi.
constexpr uint64_t kMaxPixels = 100'000'000;

// The libpng read structures, freed however the decoding ends.
struct PngReader {
  png_structp png = nullptr;
  png_infop info = nullptr;
  ~PngReader() { png_destroy_read_struct(&png, info ? &info : nullptr, nullptr); }
};

std::optional<PdfPicture> Png(const std::string& bytes, std::string& error) {
  std::string message;
  PngReader reader;
  reader.png =
      png_create_read_struct(PNG_LIBPNG_VER_STRING, &message, PngErrorJump, PngIgnoreWarning);
  reader.info = reader.png ? png_create_info_struct(reader.png) : nullptr;
  if (!reader.info) {
    error = "could not be decoded: out of memory";
    return std::nullopt;
  }
  png_structp png = reader.png;
  png_infop info = reader.info;
  PngSource source{&bytes};
  // Declared before setjmp: a longjmp back must find them whole to free them.
  std::vector<unsigned char> pixels;
  std::vector<png_bytep> rows;
  if (setjmp(png_jmpbuf(png))) {
    error = "is not a readable PNG: " + message;
    return std::nullopt;
  }
  png_set_read_fn(png, &source, ReadPngBytes);
  png_read_info(png, info);
  png_set_expand(png);  // palette → RGB, grey below 8 bits → 8, tRNS → alpha
  png_set_strip_16(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  const int width = static_cast<int>(png_get_image_width(png, info));
  const int height = static_cast<int>(png_get_image_height(png, info));
  const int channels = png_get_channels(png, info);
  const size_t row_bytes = png_get_rowbytes(png, info);
  if (static_cast<uint64_t>(width) * static_cast<uint64_t>(height) > kMaxPixels) {
    error = "is too large: " + std::to_string(width) + " × " + std::to_string(height) +
            " pixels (at most 100 million)";
    return std::nullopt;
  }
  pixels.resize(row_bytes * height);
  rows.resize(height);
  for (int y = 0; y < height; ++y) rows[y] = pixels.data() + row_bytes * y;
  png_read_image(png, rows.data());
  png_read_end(png, nullptr);

  PdfPicture picture;
  picture.width = width, picture.height = height;
  picture.filter = "/FlateDecode";
  const bool alpha = channels == 2 || channels == 4;
  const int colour_channels = alpha ? channels - 1 : channels;
  picture.colour_space = colour_channels == 1 ? "/DeviceGray" : "/DeviceRGB";
  if (!alpha) {
    picture.data = Deflate(pixels);
    return picture;
  }
  std::vector<unsigned char> colour, mask;
  colour.reserve(static_cast<size_t>(width) * height * colour_channels);
  mask.reserve(static_cast<size_t>(width) * height);
  bool opaque = true;
  for (size_t i = 0; i < pixels.size(); i += channels) {
    colour.insert(colour.end(), pixels.begin() + i, pixels.begin() + i + colour_channels);
    mask.push_back(pixels[i + colour_channels]);
    opaque = opaque && mask.back() == 255;
  }
  picture.data = Deflate(colour);
  if (!opaque) picture.alpha = Deflate(mask);
  return picture;
}

}  // namespace

std::optional<PdfPicture> EncodePdfPicture(const std::string& bytes, std::string& error) {
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8) return Jpeg(bytes, error);
  if (bytes.size() >= 8 && png_sig_cmp(b, 0, 8) == 0) return Png(bytes, error);
  error = "is neither a JPEG nor a PNG";
  return std::nullopt;
}

}  // namespace banmian
