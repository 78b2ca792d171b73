#!/usr/bin/env bash
# Quick start, step 2: builds (installing what is missing) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh --tests
ctest --test-dir build --output-on-failure -j"$(nproc)"
