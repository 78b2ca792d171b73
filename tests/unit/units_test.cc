#include "load/units.h"

#include <doctest/doctest.h>

using namespace banmian;

TEST_CASE("units: lengths in mm, pt, cm, in and characters") {
  CHECK(*ParseLength("72pt", 0).points == doctest::Approx(72));
  CHECK(*ParseLength("25.4mm", 0).points == doctest::Approx(72));
  CHECK(*ParseLength("2.54cm", 0).points == doctest::Approx(72));
  CHECK(*ParseLength("1in", 0).points == doctest::Approx(72));
  CHECK(*ParseLength("2ch", 9).points == doctest::Approx(18));
  CHECK(*ParseLength("-1.5mm", 0).points == doctest::Approx(-4.2520).epsilon(0.001));
}

TEST_CASE("units: errors say what was expected") {
  CHECK(ParseLength("12", 0).error == "'12' has no unit (write e.g. 12mm or 12pt)");
  CHECK(ParseLength("12px", 0).error == "unknown unit 'px' in '12px' (use mm, pt, cm, in or ch)");
  CHECK(ParseLength("mm", 0).error == "'mm' is not a length (write e.g. 12mm, 9.5pt, 1ch)");
  CHECK(ParseLength("1ch", 0).error == "'ch' cannot be used here: no body size is known");
}
