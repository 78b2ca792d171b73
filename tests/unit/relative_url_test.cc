#include "render/relative_url.h"

#include <doctest/doctest.h>

using namespace banmian;

TEST_CASE("relative url: a plain name is kept, after ./") {
  CHECK(RelativeUrl("hongqiao-2021-05-front-p01.png") == "./hongqiao-2021-05-front-p01.png");
  CHECK(RelativeUrl("press/shequchenbao-2021-05-10-A01.pdf") ==
        "./press/shequchenbao-2021-05-10-A01.pdf");
  CHECK(RelativeUrl("a_b~c.d") == "./a_b~c.d");
}

TEST_CASE("relative url: a scheme cannot be written") {
  CHECK(RelativeUrl("javascript:alert(1)-p01.png") == "./javascript%3Aalert%281%29-p01.png");
  CHECK(RelativeUrl("data:text/html,x") == "./data%3Atext/html%2Cx");
  CHECK(RelativeUrl("//evil.example/x.png") == ".///evil.example/x.png");  // a path, not a host
}

TEST_CASE("relative url: fragment, query, escapes, spaces and quotes are encoded") {
  CHECK(RelativeUrl("a#b?c%d e.png") == "./a%23b%3Fc%25d%20e.png");
  CHECK(RelativeUrl("\"><img src=x onerror=alert(1)>") ==
        "./%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E");
  CHECK(RelativeUrl("a'b&c\\d") == "./a%27b%26c%5Cd");
}

TEST_CASE("relative url: controls, UTF-8 and bytes that are not UTF-8 are encoded byte by byte") {
  CHECK(RelativeUrl("a\nb\tc\x1b") == "./a%0Ab%09c%1B");
  CHECK(RelativeUrl(std::string("a\0b", 3)) == "./a%00b");
  CHECK(RelativeUrl("晨报") == "./%E6%99%A8%E6%8A%A5");
  CHECK(RelativeUrl("\xB1\xA8\xFF") == "./%B1%A8%FF");
}
