#!/usr/bin/env bash
# The full kill test of issue 12 (tests/cli/kill_test.sh; ctest runs 8 kills of x10 and
# x1): 50 renders with PNG previews into one output folder, alternating the 49-page x40
# and the 13-page x10, each SIGKILLed at a random moment; after every kill OUT must hold
# one complete set, old or new, and the run after the last kill must leave no temporary
# files. Takes about 5 minutes. Usage: bench/kill.sh [KILLS]   (BANMIAN_BIN: another build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BANMIAN_BIN:-$PWD/build-release/banmian}
if [ -z "${BANMIAN_BIN:-}" ]; then
  cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build-release -j"$(nproc)" --target banmian >/dev/null
fi
exec bash tests/cli/kill_test.sh "$bin" "$PWD" "${1:-50}" "$PWD/bench/issues/x40" "$PWD/bench/issues/x10"
