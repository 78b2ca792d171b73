// Colour proxies: how declared CMYK colours survive Cairo, which writes only RGB.
//
// For press output the painter draws every declared colour as a unique RGB value (a
// proxy); the press stage then finds each proxy in the PDF's content streams and
// writes the declared CMYK in its place. A proxy is (id / 256, id % 256, 51) / 255, so
// it reads back exactly from Cairo's six significant digits. Not thread-safe.
#pragma once

#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include "model/colour.h"

namespace banmian {

class ColourProxies {
 public:
  // The proxy for a colour, allocated on first use.
  Rgb Proxy(const Cmyk& colour);
  // The declared colour behind an RGB value read from a PDF, if it is a proxy.
  std::optional<Cmyk> Lookup(double r, double g, double b) const;
  const std::vector<Cmyk>& colours() const { return colours_; }

 private:
  std::map<std::tuple<double, double, double, double>, int> ids_;
  std::vector<Cmyk> colours_;  // by id - 1
};

}  // namespace banmian
