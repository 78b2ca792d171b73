#!/usr/bin/env bash
# Installs missing packages, then configures and builds banmian into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
ensure_deps
BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}
cmake -S . -B build -DCMAKE_BUILD_TYPE="$BUILD_TYPE" >/dev/null
cmake --build build -j"$(nproc)"
