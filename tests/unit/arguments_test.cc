#include "cli/arguments.h"

#include <doctest/doctest.h>

using namespace banmian;

namespace {
std::optional<std::string> Parse(const char* command, std::vector<std::string> args,
                                 Arguments& out) {
  return ParseArguments(*FindCommand(command), args, out);
}
}  // namespace

TEST_CASE("arguments: options by long or short name, values after them or joined") {
  Arguments a;
  CHECK_FALSE(Parse("render", {"issue", "-o", "out", "--dpi=150", "-q", "-j", "2"}, a));
  CHECK(a.operands == std::vector<std::string>{"issue"});
  CHECK(*a.Value("--out") == "out");
  CHECK(*a.Value("--dpi") == "150");
  CHECK(*a.Value("--jobs") == "2");
  CHECK(a.Has("--quiet"));
  CHECK_FALSE(a.Has("--proof"));
}

TEST_CASE("arguments: -- ends the options") {
  Arguments a;
  CHECK_FALSE(Parse("check", {"--", "-odd-folder"}, a));
  CHECK(a.operands == std::vector<std::string>{"-odd-folder"});
}

TEST_CASE("arguments: an unknown option, with the nearest of the command's") {
  Arguments a;
  CHECK(Parse("render", {"x", "--dpl", "100"}, a) ==
        "unknown option '--dpl' for render; did you mean '--dpi'?");
  CHECK(Parse("render", {"x", "--nopng"}, a) ==
        "unknown option '--nopng' for render; did you mean '--no-png'?");
  CHECK(Parse("check", {"x", "--frobnicate"}, a) == "unknown option '--frobnicate' for check");
  CHECK(Parse("check", {"x", "--jsn=1"}, a) ==
        "unknown option '--jsn=1' for check; did you mean '--json'?");
}

TEST_CASE("arguments: another command's option names that command") {
  Arguments a;
  CHECK(Parse("render", {"x", "--port", "80"}, a) ==
        "render does not take --port: it is an option of watch");
  CHECK(Parse("watch", {"x", "-o", "y"}, a) == "watch does not take -o: it is an option of render");
  CHECK(Parse("check", {"x", "--pages", "A01"}, a) ==
        "check does not take --pages: it is an option of render");
}

TEST_CASE("arguments: a value missing, a flag given one") {
  Arguments a;
  CHECK(Parse("render", {"x", "--dpi"}, a) == "--dpi needs a number from 10 to 1200");
  CHECK(Parse("render", {"x", "-o"}, a) == "-o needs a folder");
  CHECK(Parse("render", {"x", "--proof=yes"}, a) == "--proof takes no value");
}

TEST_CASE("arguments: an option with a value is given once, a flag may be repeated") {
  Arguments a;
  CHECK(Parse("render", {"x", "--pages", "A01", "--pages", "A03"}, a) ==
        "--pages is given twice; give it once");
  Arguments b;
  CHECK(Parse("render", {"x", "-j", "2", "--jobs=1"}, b) == "--jobs is given twice; give it once");
  Arguments c;
  CHECK(Parse("render", {"x", "-q", "--quiet", "--proof", "--proof"}, c) == std::nullopt);
}
