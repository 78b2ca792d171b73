// The limits banmian puts on its input, in one place (docs/formats.md, "Limits").
//
// Each bounds the work or memory one input file can cost, far above what a newspaper
// needs: an input past one is an error at the line that names the file (or at the line
// that goes too deep), never a crash, a hang or a half-written output. Every picture
// decoder (the loader's check, the PDF writer, the previews, the press conversion) uses
// the same pixel limit, so a picture the loader accepts is one every later stage can
// decode.
#pragma once

#include <cstddef>
#include <cstdint>

namespace banmian {

// An issue file, layout file or article: 8 MiB, some 2.7 million Chinese characters.
inline constexpr size_t kMaxTextFileBytes = 8u << 20;
// A picture file: 100 MiB.
inline constexpr uint64_t kMaxPictureFileBytes = 100u << 20;
// A picture's width and height in pixels (Cairo, which paints the previews, takes at most
// 32 767) and its area (100 million pixels: a picture 1 m wide at 250 dpi, 400 MB decoded).
inline constexpr int kMaxPictureSide = 32767;
inline constexpr uint64_t kMaxPicturePixels = 100'000'000;
// Emphasis inside emphasis (*…**…**…*) in an article: 32 levels.
inline constexpr int kMaxInlineNesting = 32;
// Stories on one auto page: 10 (the layout search's table grows as 3 to the power of the
// stories: layout/auto_layout.h).
inline constexpr int kMaxAutoStories = 10;

}  // namespace banmian
