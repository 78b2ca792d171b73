#include "load/qr_capacity.h"

#include <doctest/doctest.h>

#include <string>

using namespace banmian;

TEST_CASE("qr capacity: what libqrencode holds at level M, and no more") {
  CHECK(FitsQrCode("https://example.org/shequchenbao/hongqiao/2021-05-10"));
  CHECK(FitsQrCode(std::string(kQrCapacityBytes, 'q')));
  CHECK_FALSE(FitsQrCode(std::string(kQrCapacityBytes + 1, 'q')));
  CHECK_FALSE(FitsQrCode(std::string(3000, 'q')));
}
