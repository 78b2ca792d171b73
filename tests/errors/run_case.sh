#!/usr/bin/env bash
# Runs one error case: `banmian render CASE -o TMP/out [CASE/args]` from tests/errors must print
# exactly CASE/expected.txt on standard error, exit with status 2, and leave the output
# folder exactly as it was.
set -u
bin=$1 case=$2
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$(dirname "$0")"
# A case may add options to render in a file named args (e.g. --press).
args=()
[ -f "$case/args" ] && read -r -a args <"$case/args"
# The output folder already holds a page from an earlier run: bad input must leave it
# exactly as it was.
mkdir -p "$tmp/out"
echo "an earlier page" >"$tmp/out/earlier.pdf"
# (The folder itself and its files: names, sizes, mtimes, contents; not its parent, which
# this script writes to.)
snapshot() { (cd "$tmp/out" && stat -c '%n %s %Y' . * && md5sum *); }
before=$(snapshot)
"$bin" render "$case" -o "$tmp/out" "${args[@]}" 2>"$tmp/stderr" >/dev/null
status=$?
after=$(snapshot)
fail=0
if [ "$status" -ne 2 ]; then echo "exit status $status, expected 2"; fail=1; fi
if ! diff -u "$case/expected.txt" "$tmp/stderr"; then echo "stderr differs from $case/expected.txt"; fail=1; fi
if [ "$before" != "$after" ]; then echo "the output folder changed on bad input"; fail=1; fi
exit $fail
