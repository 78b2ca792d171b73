#!/usr/bin/env bash
# Quick start, step 1: installs what is missing, builds, and renders every sample
# issue in issues/ into out/<issue>/ (PDF, PNG previews, contact sheet, report.json,
# and the press PDFs in out/<issue>/press/), then writes out/index.html linking them
# with each issue's counts of pages, errors and warnings.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
status=0
mkdir -p out
# out/index.html links every issue's contact sheet, PDFs and previews, with its counts
# (scripts/samples-index.sh).
rendered=()
for issue in issues/*/; do
  name=$(basename "$issue")
  rc=0
  ./build/banmian render "$issue" -o "out/$name" --press || rc=$?
  [ "$rc" -gt "$status" ] && status=$rc
  rendered+=("$name" "$rc")
done
scripts/samples-index.sh out "${rendered[@]}"
echo "wrote out/index.html"
exit $status
