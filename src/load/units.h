// Lengths with units, as written in layout files ("15mm", "9.5pt", "1ch").
//
// ParseLength returns points, or an error message explaining what was expected: the
// number is plain decimal digits (no exponent, hex or inf), at most 5000mm either way.
// `ch` needs the body size (characters of the grid); where no body size is known, pass 0
// and `ch` is refused. ParseDecimal is the one reader of plain numbers in YAML values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace banmian {

// 5000mm in points: the largest page banmian takes, and so the longest length.
inline constexpr double kMaxLengthPoints = 5000 * 72.0 / 25.4;

struct LengthResult {
  std::optional<double> points;
  std::string error;  // set when points is empty
};

LengthResult ParseLength(std::string_view text, double body_size);

// "12", "-3.5", "+7": digits with an optional sign and decimal part, nothing else (no
// spaces, exponent, hex, inf or nan); nothing when the text is anything else.
std::optional<double> ParseDecimal(std::string_view text);

}  // namespace banmian
