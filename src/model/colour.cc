#include "model/colour.h"

namespace banmian {

Rgb ScreenRgb(const Cmyk& c) {
  double k = 1 - c.k / 100.0;
  return {(1 - c.c / 100.0) * k, (1 - c.m / 100.0) * k, (1 - c.y / 100.0) * k};
}

}  // namespace banmian
