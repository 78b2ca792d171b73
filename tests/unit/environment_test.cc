#include "load/environment.h"

#include <doctest/doctest.h>

#include <cstdlib>

#include "test_util.h"

using namespace banmian;
using banmian::test::Messages;

TEST_CASE("environment: SOURCE_DATE_EPOCH is a whole number of seconds, or an error") {
  std::string error;
  CHECK(ParseSourceDateEpoch("1620604800", error) == 1620604800);
  CHECK(ParseSourceDateEpoch("0", error) == 0);
  for (const char* bad : {"12x", "-1", " 1", "1e9", "0x10", "", "99999999999999999999"}) {
    CAPTURE(bad);
    error.clear();
    CHECK_FALSE(ParseSourceDateEpoch(bad, error));
    CHECK(error.find("SOURCE_DATE_EPOCH") == 0);
  }
  CHECK_FALSE(ParseSourceDateEpoch("999999999999", error));
  CHECK(error == "SOURCE_DATE_EPOCH 999999999999 is after the year 9999");
}

TEST_CASE("environment: a malformed SOURCE_DATE_EPOCH is reported, a good one is not") {
  const char* was = std::getenv("SOURCE_DATE_EPOCH");
  const std::string saved = was ? was : "";
  ::setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
  Diagnostics d;
  CheckEnvironment(d);
  CHECK(Messages(d) ==
        "SOURCE_DATE_EPOCH: error[bad-environment]: SOURCE_DATE_EPOCH must be a whole number of "
        "seconds since 1970-01-01 UTC, not 'yesterday'\n"
        "  hint: set it to the seconds since 1970 (date +%s), or unset it to print the time of "
        "the run\n");
  ::setenv("SOURCE_DATE_EPOCH", "1620604800", 1);
  Diagnostics ok;
  CheckEnvironment(ok);
  CHECK(ok.empty());
  if (was)
    ::setenv("SOURCE_DATE_EPOCH", saved.c_str(), 1);
  else
    ::unsetenv("SOURCE_DATE_EPOCH");
}
