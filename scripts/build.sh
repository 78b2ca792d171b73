#!/usr/bin/env bash
# Installs missing packages, then configures and builds banmian into build/.
#   scripts/build.sh           the program alone, build/banmian (quick start, step 1)
#   scripts/build.sh --tests   the program, the tests and the fuzz replayer (step 2)
# Either may follow the other in the same build/: only what the switch adds is compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
tests=OFF
case "${1:-}" in
  --tests) tests=ON ;;
  "") ;;
  *) echo "usage: scripts/build.sh [--tests]" >&2; exit 2 ;;
esac
. scripts/deps.sh
if [ "$tests" = ON ]; then ensure_deps test; else ensure_deps; fi
# Release (optimised, no debug information) by default: the debug information took a third
# of quick start step 1's compile time and made the binary 75 MB instead of 3. A developer
# who wants it: BUILD_TYPE=RelWithDebInfo scripts/build.sh (the sanitizer and fuzz builds
# keep it).
BUILD_TYPE=${BUILD_TYPE:-Release}
cmake -S . -B build -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DBANMIAN_TESTS="$tests" >/dev/null
cmake --build build -j"$(nproc)"
