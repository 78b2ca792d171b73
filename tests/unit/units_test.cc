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

TEST_CASE("units: numbers in plain digits, within 5000mm") {
  CHECK(ParseLength("1e308mm", 0).error ==
        "'1e308mm' has an exponent: write the length in plain digits (e.g. 12.5mm)");
  CHECK(ParseLength("2E-3pt", 0).error ==
        "'2E-3pt' has an exponent: write the length in plain digits (e.g. 12.5mm)");
  CHECK(ParseLength("99999mm", 0).error ==
        "'99999mm' is too long: no length in a layout is more than 5000mm");
  CHECK(ParseLength("-6000mm", 0).error ==
        "'-6000mm' is too long: no length in a layout is more than 5000mm");
  CHECK(ParseLength("1.5.3mm", 0).error ==
        "'1.5.3mm' is not a length (write e.g. 12mm, 9.5pt, 1ch)");
  CHECK(ParseLength("infmm", 0).error == "'infmm' is not a length (write e.g. 12mm, 9.5pt, 1ch)");
  CHECK(*ParseLength("5000mm", 0).points == doctest::Approx(5000 * 72 / 25.4));
  CHECK(*ParseLength(".5pt", 0).points == doctest::Approx(0.5));
  CHECK(*ParseLength("+3pt", 0).points == doctest::Approx(3));
  CHECK(ParseDecimal("150") == 150);
  CHECK(ParseDecimal("-2.5") == -2.5);
  for (const char* bad : {"0x96", "1e2", " 5", "5 ", "inf", "nan", "", "-", "1.", "4.5e1"}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseDecimal(bad));
  }
}
