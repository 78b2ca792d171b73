#!/usr/bin/env bash
# Quick start, step 1: installs what is missing, builds, and renders every sample
# issue in issues/ into out/<issue>/ (PDF, PNG previews, report.json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
status=0
for issue in issues/*/; do
  ./build/banmian render "$issue" -o "out/$(basename "$issue")" || status=$?
done
exit $status
