// A run of an article's text in one inline style (plain, *emphasis*, **bold**).
//
// Paragraphs, headings, captions and table cells hold their text as spans, so the shaper
// can pick each run's font.
#pragma once

#include <string>

namespace banmian {

enum class SpanStyle { kPlain, kEmphasis, kStrong };

struct Span {
  std::string text;
  SpanStyle style = SpanStyle::kPlain;
};

}  // namespace banmian
