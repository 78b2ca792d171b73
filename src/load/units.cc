#include "load/units.h"

#include <charconv>
#include <cmath>

namespace banmian {

namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// The length of the plain decimal at the start of `text` ([+-]digits[.digits], or
// [+-].digits), or 0.
size_t DecimalPrefix(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  const size_t start = i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  if (i + 1 < text.size() && text[i] == '.' && IsDigit(text[i + 1])) {
    ++i;
    while (i < text.size() && IsDigit(text[i])) ++i;
  }
  return i == start ? 0 : i;
}

}  // namespace

std::optional<double> ParseDecimal(std::string_view text) {
  const size_t n = DecimalPrefix(text);
  if (n == 0 || n != text.size()) return std::nullopt;
  double value = 0;
  const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
  auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

LengthResult ParseLength(std::string_view text, double body_size) {
  const std::string quoted = "'" + std::string(text) + "'";
  const size_t n = DecimalPrefix(text);
  const std::string_view unit = text.substr(n);
  if (n > 0 && !unit.empty() && (unit[0] == 'e' || unit[0] == 'E') && unit.size() > 1 &&
      (IsDigit(unit[1]) ||
       ((unit[1] == '-' || unit[1] == '+') && unit.size() > 2 && IsDigit(unit[2]))))
    return {std::nullopt, quoted +
                              " has an exponent: write the length in plain digits (e.g. "
                              "12.5mm)"};
  const std::optional<double> value = n > 0 ? ParseDecimal(text.substr(0, n)) : std::nullopt;
  if (!value || (!unit.empty() && (unit[0] == '.' || unit[0] == '+' || unit[0] == '-')))
    return {std::nullopt, quoted + " is not a length (write e.g. 12mm, 9.5pt, 1ch)"};
  double points = 0;
  if (unit == "pt") {
    points = *value;
  } else if (unit == "mm") {
    points = *value * 72.0 / 25.4;
  } else if (unit == "cm") {
    points = *value * 72.0 / 2.54;
  } else if (unit == "in") {
    points = *value * 72.0;
  } else if (unit == "ch") {
    if (body_size <= 0) return {std::nullopt, "'ch' cannot be used here: no body size is known"};
    points = *value * body_size;
  } else if (unit.empty()) {
    return {std::nullopt, quoted + " has no unit (write e.g. " + std::string(text) + "mm or " +
                              std::string(text) + "pt)"};
  } else {
    return {std::nullopt, "unknown unit '" + std::string(unit) + "' in " + quoted +
                              " (use mm, pt, cm, in or ch)"};
  }
  if (std::abs(points) > kMaxLengthPoints)
    return {std::nullopt, quoted + " is too long: no length in a layout is more than 5000mm"};
  return {points, {}};
}

}  // namespace banmian
