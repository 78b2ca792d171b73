// The line meter measures every candidate line the paragraph composer weighs, one atom at
// a time; the justifier measures and sets the chosen ones from scratch. Both must agree to
// the last hundredth of a point, or the composer would choose by widths the lines are not
// set with. Checked for every line of up to 40 atoms in a text with every kind of mark,
// Latin, digits, spaces, ——, …… and a URL, in both punctuation styles and both line-start
// settings.
#include "compose/line_meter.h"

#include <doctest/doctest.h>

#include "test_util.h"
#include "text/normalize.h"
#include "text/script.h"
#include "text/shaper.h"

using namespace banmian;

TEST_CASE("compose: the line meter agrees with the justifier on every line") {
  std::vector<Normalization> changes;
  const std::string para = NormalizeText(
      "甲：“乙。”丙（丁）、《戊》——己……庚 Hello world 在2021年用COVID-19检测,"
      "详见https://example.org/a/b。马丁·路德·金说：“‘自由’！”【注】〔一〕",
      changes);
  const ShapedText text = ShapeOne(test::ProjectFonts(), para, test::TextStyle("body"));
  const uint32_t n = static_cast<uint32_t>(text.atoms.size());
  REQUIRE(n > 60);
  int compared = 0;
  for (auto punct :
       {TypesettingRules::Punctuation::kFullWidth, TypesettingRules::Punctuation::kKaiming}) {
    for (auto start :
         {TypesettingRules::LineStartOpening::kKeep, TypesettingRules::LineStartOpening::kFlush}) {
      ParagraphStyle style;
      style.rules.punctuation = punct;
      style.rules.line_start_opening = start;
      LineMeter meter(text, style);
      for (uint32_t begin = 0; begin < n; ++begin) {
        meter.Start(begin);
        while (meter.end() < n && meter.end() < begin + 40) {
          meter.Extend();
          const LineMeasure got = meter.Measure();
          const LineMeasure want = MeasureLine(text, begin, meter.end(), false, style);
          CAPTURE(begin);
          CAPTURE(meter.end());
          REQUIRE(got.natural == doctest::Approx(want.natural).epsilon(1e-9));
          REQUIRE(got.minimum == doctest::Approx(want.minimum).epsilon(1e-9));
          REQUIRE(got.room.spaces == doctest::Approx(want.room.spaces).epsilon(1e-9));
          REQUIRE(got.room.han_latin == doctest::Approx(want.room.han_latin).epsilon(1e-9));
          REQUIRE(got.room.space_count == want.room.space_count);
          REQUIRE(got.room.gap_count == want.room.gap_count);
          REQUIRE(got.room.han_latin_count == want.room.han_latin_count);
          REQUIRE(got.room.letter_gaps == want.room.letter_gaps);
          if (!IsSpace(text.atoms[meter.end() - 1].ch)) {  // the cheap bound the composer uses
            REQUIRE(meter.NaturalBound() >= got.natural - 1e-9);
            REQUIRE(meter.room().gap_count == got.room.gap_count);
            REQUIRE(meter.room().spaces == got.room.spaces);
            REQUIRE(meter.room().han_latin == got.room.han_latin);
          }
          ++compared;
        }
      }
    }
  }
  CHECK(compared > 4 * 60 * 30);
}
