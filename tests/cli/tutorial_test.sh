#!/usr/bin/env bash
# The tutorial (docs/tutorial.md) against its files (docs/tutorial/): every block that the
# tutorial introduces with a line "File `docs/tutorial/…`:" is that file, byte for byte, and
# the tutorial's edition checks and renders with exit status 0 (no error, no warning), with
# the grid the tutorial works out (70 grid lines, 4 columns) on each of its 4 pages.
# Usage: tutorial_test.sh BANMIAN SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

# Each "File `PATH`:" line, then the fenced block after it, written to $tmp/blocks/N with
# its path in $tmp/blocks/N.path.
mkdir -p "$tmp/blocks"
awk -v dir="$tmp/blocks" '
  /^File `[^`]*`:$/ { path = substr($0, 7, length($0) - 8); want = 1; next }
  want && /^```/ { want = 0; inblock = 1; n++; print path > (dir "/" n ".path"); close(dir "/" n ".path");
                   printf "" > (dir "/" n); next }
  inblock && /^```$/ { inblock = 0; close(dir "/" n); next }
  inblock { print >> (dir "/" n) }
' "$src/docs/tutorial.md"
blocks=$(ls "$tmp/blocks"/*.path 2>/dev/null | wc -l)
check "the tutorial shows 4 whole files (got $blocks)" [ "$blocks" -eq 4 ]
for p in "$tmp/blocks"/*.path; do
  file=$(cat "$p")
  check "the tutorial's $file is the file in the project" cmp -s "${p%.path}" "$src/$file"
done

cp -r "$src/docs/tutorial" "$tmp/project"
cd "$tmp/project"
"$bin" check issues/xiaobao-001 >"$tmp/check.out" 2>"$tmp/check.err"
status=$?
check "check exits 0 (got $status)" [ $status -eq 0 ]
check "check finds no error and no warning" grep -q "4 pages, 0 errors, 0 warnings" "$tmp/check.err" "$tmp/check.out"
check "each page has the 70 grid lines and 4 columns the tutorial works out" \
  [ "$(grep -c ': 70 grid lines, 4 columns$' "$tmp/check.out")" -eq 4 ]
"$bin" render issues/xiaobao-001 -o out -q >/dev/null 2>"$tmp/render.err"
status=$?
check "render exits 0 (got $status)" [ $status -eq 0 ]
check "the PDF has 4 pages" [ "$(pdfinfo out/xiaobao-001.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')" = 4 ]
check "and a preview of each" [ -f out/xiaobao-001-p04.png ] && [ ! -e out/xiaobao-001-p05.png ]
finish
