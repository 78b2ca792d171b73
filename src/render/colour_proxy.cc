#include "render/colour_proxy.h"

#include <cmath>

namespace banmian {

namespace {
constexpr int kMarker = 51;  // the blue channel of every proxy
}

Rgb ColourProxies::Proxy(const Cmyk& colour) {
  auto key = std::make_tuple(colour.c, colour.m, colour.y, colour.k);
  auto it = ids_.find(key);
  int id;
  if (it == ids_.end()) {
    colours_.push_back(colour);
    id = static_cast<int>(colours_.size());
    ids_[key] = id;
  } else {
    id = it->second;
  }
  return {(id / 256) / 255.0, (id % 256) / 255.0, kMarker / 255.0};
}

std::optional<Cmyk> ColourProxies::Lookup(double r, double g, double b) const {
  long ri = std::lround(r * 255), gi = std::lround(g * 255), bi = std::lround(b * 255);
  if (bi != kMarker || ri < 0 || gi < 0 || ri > 255 || gi > 255) return std::nullopt;
  long id = ri * 256 + gi;
  if (id < 1 || id > static_cast<long>(colours_.size())) return std::nullopt;
  return colours_[id - 1];
}

}  // namespace banmian
