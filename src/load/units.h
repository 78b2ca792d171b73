// Lengths with units, as written in layout files ("15mm", "9.5pt", "1ch").
//
// ParseLength returns points, or an error message explaining what was expected.
// `ch` needs the body size (characters of the grid); where no body size is known,
// pass 0 and `ch` is refused.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace banmian {

struct LengthResult {
  std::optional<double> points;
  std::string error;  // set when points is empty
};

LengthResult ParseLength(std::string_view text, double body_size);

}  // namespace banmian
