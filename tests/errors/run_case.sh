#!/usr/bin/env bash
# Runs one error case: `banmian render CASE -o TMP/out [CASE/args]` from tests/errors must print
# exactly CASE/expected.txt on standard error, exit with status 2, and write nothing.
set -u
bin=$1 case=$2
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A case may add options to render in a file named args (e.g. --press).
args=()
[ -f "$case/args" ] && read -r -a args <"$case/args"
"$bin" render "$case" -o "$tmp/out" "${args[@]}" 2>"$tmp/stderr" >/dev/null
status=$?
fail=0
if [ "$status" -ne 2 ]; then echo "exit status $status, expected 2"; fail=1; fi
if ! diff -u "$case/expected.txt" "$tmp/stderr"; then echo "stderr differs from $case/expected.txt"; fail=1; fi
if [ -e "$tmp/out" ]; then echo "output folder was created on bad input"; fail=1; fi
exit $fail
