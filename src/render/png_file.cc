#include "render/png_file.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>

namespace banmian {

namespace {

// Compressed bytes per IDAT chunk (the PNG specification allows up to 2^31 - 1).
constexpr size_t kIdatSize = size_t{1} << 20;
// Rows compressed at a time when an image is compressed in bands.
constexpr size_t kBandSize = size_t{1} << 20;

uint32_t Word(const unsigned char* p) {
  uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}

void AppendBigEndian(std::string& out, uint32_t v) {
  const char bytes[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                         static_cast<char>(v >> 8), static_cast<char>(v)};
  out.append(bytes, 4);
}

// A chunk: its length, type, data and the CRC-32 of type and data (PNG specification 5.3).
void AppendChunk(std::string& out, const char* type, const unsigned char* data, size_t size) {
  AppendBigEndian(out, static_cast<uint32_t>(size));
  const size_t start = out.size();
  out.append(type, 4);
  if (size > 0) out.append(reinterpret_cast<const char*>(data), size);
  AppendBigEndian(out, libdeflate_crc32(0, out.data() + start, size + 4));
}

void AppendIdat(std::string& out, const unsigned char* data, size_t size) {
  for (size_t at = 0; at < size; at += kIdatSize)
    AppendChunk(out, "IDAT", data + at, std::min(kIdatSize, size - at));
}

// Pixels go in blocks of a fixed count, which GCC turns into vector code at -O2 (its "very
// cheap" cost model vectorizes only loops of a known count).
constexpr int kBlock = 16;

// One row as the PNG stores it: the filter type (0: none), then each pixel's grey level,
// or its red, green and blue.
void GreyRow(const unsigned char* in, int width, unsigned char* out) {
  *out++ = 0;
  int x = 0;
  for (; x + kBlock <= width; x += kBlock) {
    // Through a local block, which cannot overlap the pixels: no run-time overlap check.
    unsigned char block[kBlock];
    for (int k = 0; k < kBlock; ++k) block[k] = static_cast<unsigned char>(Word(in + 4 * (x + k)));
    std::memcpy(out + x, block, kBlock);
  }
  for (; x < width; ++x) out[x] = static_cast<unsigned char>(Word(in + 4 * x));
}
void RgbRow(const unsigned char* in, int width, unsigned char* out) {
  *out++ = 0;
  int x = 0;
  if constexpr (std::endian::native == std::endian::little) {
    // 0xXXRRGGBB shifted to 0xRRGGBB00 and byte-swapped is 0x00BBGGRR: in memory R, G, B, 0.
    // Stored as one word, its 0 is overwritten by the next pixel's red.
    for (; x + 1 < width; ++x, out += 3) {
      const uint32_t rgb0 = __builtin_bswap32(Word(in + 4 * x) << 8);
      std::memcpy(out, &rgb0, 4);
    }
  }
  for (; x < width; ++x, out += 3) {
    const uint32_t p = Word(in + 4 * x);
    out[0] = static_cast<unsigned char>(p >> 16);
    out[1] = static_cast<unsigned char>(p >> 8);
    out[2] = static_cast<unsigned char>(p);
  }
}

struct Rows {
  const unsigned char* pixels;
  int width, height, stride;
  bool grey;
  size_t size() const { return 1 + static_cast<size_t>(width) * (grey ? 1 : 3); }
  // Rows [first, last) into `out`, one after another.
  void Fill(int first, int last, unsigned char* out) const {
    for (int y = first; y < last; ++y, out += size()) {
      const unsigned char* in = pixels + static_cast<size_t>(y) * stride;
      grey ? GreyRow(in, width, out) : RgbRow(in, width, out);
    }
  }
};

// What a thread keeps from image to image: libdeflate's compressor and the buffers for the
// rows and the compressed bytes. Fresh buffers of a few MB for every page came fresh from
// the system every time (mmap, then a page fault for every 4 KiB touched); buffers of more
// than kKeepLimit are handed back after the image.
class Scratch {
 public:
  static Scratch& OfThread() {
    thread_local Scratch scratch;
    return scratch;
  }
  ~Scratch() {
    if (compressor_) libdeflate_free_compressor(compressor_);
  }
  libdeflate_compressor* Compressor() {
    if (!compressor_) compressor_ = libdeflate_alloc_compressor(1);
    return compressor_;
  }
  struct Buffer {
    std::unique_ptr<unsigned char[]> bytes;
    size_t capacity = 0;
    // At least `size` bytes, or null when there is no memory for them.
    unsigned char* Get(size_t size) {
      if (size > capacity) {
        bytes.reset(new (std::nothrow) unsigned char[size]);
        capacity = bytes ? size : 0;
      }
      return bytes.get();
    }
    void Trim() {
      if (capacity > kKeepLimit) bytes.reset(), capacity = 0;
    }
  };
  Buffer raw, packed;

 private:
  static constexpr size_t kKeepLimit = size_t{16} << 20;
  libdeflate_compressor* compressor_ = nullptr;
};

// The whole image at once through libdeflate.
bool CompressWhole(const Rows& rows, std::string& png, std::string& error) {
  Scratch& scratch = Scratch::OfThread();
  const size_t size = rows.size() * static_cast<size_t>(rows.height);
  unsigned char* raw = scratch.raw.Get(size);
  libdeflate_compressor* compressor = raw ? scratch.Compressor() : nullptr;
  const size_t bound = compressor ? libdeflate_zlib_compress_bound(compressor, size) : 0;
  unsigned char* packed = compressor ? scratch.packed.Get(bound) : nullptr;
  size_t packed_size = 0;
  if (packed) {
    rows.Fill(0, rows.height, raw);
    packed_size = libdeflate_zlib_compress(compressor, raw, size, packed, bound);
    if (packed_size > 0) {
      png.reserve(png.size() + packed_size + 12 * (packed_size / kIdatSize + 1) + 12);
      AppendIdat(png, packed, packed_size);
    }
  }
  scratch.raw.Trim();
  scratch.packed.Trim();
  if (packed_size == 0) {
    error = packed ? "the PNG could not be written: libdeflate found no room" : "out of memory";
    return false;
  }
  return true;
}

// Bands of rows through zlib's stream, for images too large to hold twice.
bool CompressInBands(const Rows& rows, std::string& png, std::string& error) {
  const int band_rows = static_cast<int>(std::max<size_t>(1, kBandSize / rows.size()));
  std::unique_ptr<unsigned char[]> band(new (std::nothrow) unsigned char[band_rows * rows.size()]);
  std::unique_ptr<unsigned char[]> packed(new (std::nothrow) unsigned char[kIdatSize]);
  z_stream z{};
  if (!band || !packed || deflateInit(&z, Z_BEST_SPEED) != Z_OK) {
    error = "out of memory";
    return false;
  }
  z.next_out = packed.get();
  z.avail_out = kIdatSize;
  int status = Z_OK;
  for (int y = 0; y < rows.height && status == Z_OK; y += band_rows) {
    const int last = std::min(rows.height, y + band_rows);
    rows.Fill(y, last, band.get());
    z.next_in = band.get();
    z.avail_in = static_cast<uInt>((last - y) * rows.size());
    const int flush = last == rows.height ? Z_FINISH : Z_NO_FLUSH;
    do {
      status = deflate(&z, flush);
      if (z.avail_out == 0) {
        AppendIdat(png, packed.get(), kIdatSize);
        z.next_out = packed.get();
        z.avail_out = kIdatSize;
      }
    } while (status == Z_OK && (z.avail_in > 0 || (flush == Z_FINISH)));
  }
  AppendIdat(png, packed.get(), kIdatSize - z.avail_out);
  deflateEnd(&z);
  if (status != Z_STREAM_END) {
    error = std::string("the PNG could not be written: zlib: ") + (z.msg ? z.msg : "error");
    return false;
  }
  return true;
}

}  // namespace

bool AllGrey(const unsigned char* pixels, int width, int height, int stride) {
  for (int y = 0; y < height; ++y) {
    const unsigned char* row = pixels + static_cast<size_t>(y) * stride;
    uint32_t differ = 0;  // bits 0-7: blue ^ green; bits 8-15: green ^ red
    int x = 0;
    for (; x + kBlock <= width; x += kBlock)
      for (int k = 0; k < kBlock; ++k) {
        const uint32_t p = Word(row + 4 * (x + k));
        differ |= p ^ (p >> 8);
      }
    for (; x < width; ++x) {
      const uint32_t p = Word(row + 4 * x);
      differ |= p ^ (p >> 8);
    }
    differ &= 0xFFFF;
    if (differ != 0) return false;
  }
  return true;
}

bool EncodePng(const unsigned char* pixels, int width, int height, int stride, std::string& png,
               std::string& error, size_t in_memory_limit) {
  png.clear();
  if (width <= 0 || height <= 0) {
    error = "the PNG could not be written: an image needs at least one pixel a side";
    return false;
  }
  const Rows rows{pixels, width, height, stride, AllGrey(pixels, width, height, stride)};
  try {
    png.assign("\x89PNG\r\n\x1a\n", 8);
    unsigned char header[13];  // IHDR (PNG specification 11.2.2)
    for (int i = 0; i < 4; ++i) {
      header[i] = static_cast<unsigned char>(static_cast<uint32_t>(width) >> (24 - 8 * i));
      header[4 + i] = static_cast<unsigned char>(static_cast<uint32_t>(height) >> (24 - 8 * i));
    }
    header[8] = 8;                             // bits per sample
    header[9] = rows.grey ? 0 : 2;             // colour type: greyscale or truecolour
    header[10] = header[11] = header[12] = 0;  // deflate; filter method 0; no interlace
    AppendChunk(png, "IHDR", header, sizeof header);
    const bool whole = rows.size() * static_cast<size_t>(height) <= in_memory_limit;
    if (!(whole ? CompressWhole(rows, png, error) : CompressInBands(rows, png, error))) {
      png.clear();
      return false;
    }
    AppendChunk(png, "IEND", nullptr, 0);
  } catch (const std::bad_alloc&) {
    png.clear();
    error = "out of memory";
    return false;
  }
  return true;
}

}  // namespace banmian
