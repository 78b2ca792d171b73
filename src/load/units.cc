#include "load/units.h"

#include <charconv>
#include <cmath>

namespace banmian {

LengthResult ParseLength(std::string_view text, double body_size) {
  size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' ||
                             text[i] == '-' || text[i] == '+'))
    ++i;
  std::string_view number = text.substr(0, i), unit = text.substr(i);
  double value = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size() ||
      !std::isfinite(value))
    return {std::nullopt,
            "'" + std::string(text) + "' is not a length (write e.g. 12mm, 9.5pt, 1ch)"};
  if (unit == "pt") return {value, {}};
  if (unit == "mm") return {value * 72.0 / 25.4, {}};
  if (unit == "cm") return {value * 72.0 / 2.54, {}};
  if (unit == "in") return {value * 72.0, {}};
  if (unit == "ch") {
    if (body_size <= 0) return {std::nullopt, "'ch' cannot be used here: no body size is known"};
    return {value * body_size, {}};
  }
  if (unit.empty())
    return {std::nullopt, "'" + std::string(text) + "' has no unit (write e.g. " +
                              std::string(text) + "mm or " + std::string(text) + "pt)"};
  return {std::nullopt, "unknown unit '" + std::string(unit) + "' in '" + std::string(text) +
                            "' (use mm, pt, cm, in or ch)"};
}

}  // namespace banmian
