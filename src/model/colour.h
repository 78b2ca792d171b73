// Colours as the designer declares them: CMYK percentages.
//
// The layout declares every colour in CMYK; the screen painter converts to RGB for
// display, while the press stage (later) keeps the declared CMYK values exact. A Cmyk
// is a plain value; `name` is the layout's name for it, kept so press output can
// identify declared colours.
#pragma once

#include <string>

namespace banmian {

struct Cmyk {
  double c = 0, m = 0, y = 0, k = 100;  // percent, 0..100
  std::string name;

  bool operator==(const Cmyk& o) const { return c == o.c && m == o.m && y == o.y && k == o.k; }
};

// Naive device conversion for screen previews: r = (1-c)(1-k) and so on.
struct Rgb {
  double r = 0, g = 0, b = 0;  // 0..1
};
Rgb ScreenRgb(const Cmyk& c);

}  // namespace banmian
