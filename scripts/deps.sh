#!/usr/bin/env bash
# The one list of Debian 12 packages banmian needs to build, render and test, and the
# check that installs whichever are missing. Sourced by the other scripts.
#   ensure_deps            installs what building and rendering need (as root), or prints
#                          the apt-get line
#   ensure_deps test       the same, with what the tests need
#   ensure_deps fuzz       the same as test, with the fuzzer's extra packages (clang)
#   ensure_deps bench      the same as test, with the benchmark's (hyperfine, time, jq)
#   ensure_deps docs       the same, with what scripts/make-man.sh needs (help2man)
#   ensure_deps package    the same, with what `cpack` needs for the Debian package
BANMIAN_PACKAGES=(
  # build
  cmake g++ make pkg-config
  # libraries
  libpango1.0-dev libcairo2-dev libharfbuzz-dev libfontconfig-dev libyaml-cpp-dev
  libqrencode-dev libjpeg-dev libpng-dev nlohmann-json3-dev
  libqpdf-dev liblcms2-dev libfreetype-dev zlib1g-dev libgnutls28-dev libicu-dev
  # the previews' PNG compression (render/png_file.h)
  libdeflate-dev
  # GFM tables in articles (cmark-gfm's table extension); supplied PDF ads and logos in
  # previews (poppler renders a PDF page to cairo); SVG logos (librsvg)
  libcmark-gfm-dev libcmark-gfm-extensions-dev libpoppler-glib-dev librsvg2-dev
  # banmian watch: the live preview's HTTP server (cpp-httplib)
  libcpp-httplib-dev
  # fonts the layouts name (see fonts/README.md)
  fonts-noto-cjk fonts-arphic-ukai fonts-hanazono
)

# What the tests need besides (scripts/build.sh --tests, scripts/test.sh and every script
# that configures with the tests, CMake's default): quick start step 1 builds and renders
# without them, so a new machine downloads them only for step 2.
BANMIAN_TEST_PACKAGES=(
  # Ghostscript's generic CMYK profile in libgs-common is a test's "other" CMYK condition
  libgs-common doctest-dev poppler-utils ghostscript qpdf chromium
  # the schema test validates the YAML files against docs/schemas/ (tests/schemas/)
  python3-jsonschema python3-yaml
  # the watch page's browser test drives Chromium through chromedriver (curl for its API)
  chromium-driver curl
)

# Only scripts/fuzz.sh needs these: clang with libFuzzer and the sanitizer runtimes.
BANMIAN_FUZZ_PACKAGES=(clang libclang-rt-14-dev llvm-14)

# Only scripts/newsprint-profile.sh needs these: Argyll's colprof and the CGATS TR 002
# newsprint data (icc-profiles-free) it builds the built-in press profile from; transicc
# (liblcms2-utils) to look at a profile by hand. The build uses the committed profile.
BANMIAN_PROFILE_PACKAGES=(argyll icc-profiles-free liblcms2-utils)

# Only `cpack` (the Debian package, CMakeLists.txt) needs these: dpkg-shlibdeps, which
# reads the binary's library dependencies.
BANMIAN_PACKAGE_PACKAGES=(dpkg-dev)

# Only bench/run.sh needs these.
BANMIAN_BENCH_PACKAGES=(hyperfine time jq)

# Only scripts/make-man.sh needs this: the man page docs/man/banmian.1 is made from the
# program's --help by help2man (the build and the tests use the committed page).
BANMIAN_DOCS_PACKAGES=(help2man)

missing_deps() {
  local p missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]}"
}

ensure_deps() {
  local missing
  if [ "${1:-}" = test ]; then
    missing=$(missing_deps "${BANMIAN_PACKAGES[@]}" "${BANMIAN_TEST_PACKAGES[@]}")
  elif [ "${1:-}" = fuzz ]; then
    missing=$(missing_deps "${BANMIAN_PACKAGES[@]}" "${BANMIAN_TEST_PACKAGES[@]}" \
      "${BANMIAN_FUZZ_PACKAGES[@]}")
  elif [ "${1:-}" = bench ]; then
    missing=$(missing_deps "${BANMIAN_PACKAGES[@]}" "${BANMIAN_TEST_PACKAGES[@]}" \
      "${BANMIAN_BENCH_PACKAGES[@]}")
  elif [ "${1:-}" = docs ]; then
    missing=$(missing_deps "${BANMIAN_PACKAGES[@]}" "${BANMIAN_DOCS_PACKAGES[@]}")
  elif [ "${1:-}" = package ]; then
    missing=$(missing_deps "${BANMIAN_PACKAGES[@]}" "${BANMIAN_PACKAGE_PACKAGES[@]}")
  else
    missing=$(missing_deps "${BANMIAN_PACKAGES[@]}")
  fi
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "banmian needs these Debian packages; install them as root with:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends $missing" >&2
    return 1
  fi
  echo "installing: $missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing >/dev/null
}
