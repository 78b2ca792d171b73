#include "model/utf8.h"

#include <doctest/doctest.h>

using namespace banmian;

TEST_CASE("utf8: decodes Chinese, Latin and four-byte characters") {
  std::string s = "中a𠀀";
  size_t i = 0;
  CHECK(Utf8Next(s, i) == U'中');
  CHECK(Utf8Next(s, i) == U'a');
  CHECK(Utf8Next(s, i) == U'𠀀');
  CHECK(i == s.size());
  CHECK(Utf8Length(s) == 3);
}

TEST_CASE("utf8: finds the first invalid byte") {
  CHECK(Utf8FirstInvalid("社区晨报") == std::string::npos);
  CHECK(Utf8FirstInvalid("ab\xC3") == 2);            // truncated sequence
  CHECK(Utf8FirstInvalid("\xE4\xB8") == 0);          // truncated ideograph
  CHECK(Utf8FirstInvalid("a\xC0\xAF") == 1);         // overlong '/'
  CHECK(Utf8FirstInvalid("\xED\xA0\x80") == 0);      // surrogate
  CHECK(Utf8FirstInvalid("\xB1\xA8\xD6\xBD") == 0);  // GBK bytes of 报纸
}

TEST_CASE("utf8: encodes what it decodes") {
  std::string out;
  for (char32_t c : {U'A', U'é', U'中', U'𠀀'}) Utf8Append(out, c);
  CHECK(out == "Aé中𠀀");
}
