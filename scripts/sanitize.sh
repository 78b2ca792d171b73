#!/usr/bin/env bash
# Builds banmian with AddressSanitizer and UndefinedBehaviorSanitizer into build-asan/
# and runs every test there: any memory error or undefined behaviour fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
ensure_deps test
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBANMIAN_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
# Leaks: fontconfig, GLib and Pango keep process-lifetime caches on purpose; the
# suppressions name only those libraries, so a leak in banmian's own code still fails.
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="abort_on_error=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
