#!/usr/bin/env bash
# Issue 16's preview benchmark (not a test: nothing here passes or fails on a time). The
# default render of bench/issues/x10 (PDF, PNG previews at 100 dpi, report.json, contact
# sheet; --jobs left to its default, the number of cores) by two builds, BEFORE and AFTER,
# in alternating runs (before, after, before, …: a slow spell of a shared machine falls on
# both alike), then AFTER with --jobs 1 against --jobs 2, alternating too. For each it gives
# the median wall time and the median CPU time (user + system, which a loaded machine
# disturbs less); with CALLGRIND=1 also the instructions of a -j 1 render under callgrind
# and the share of them spent in the PNG encoder. Results go to
# bench/results/<date>-<commit>-previews.md and stdout.
# Usage: BEFORE=path/to/old/banmian [AFTER=path/to/banmian] [RUNS=10] [CALLGRIND=1] bench/previews.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
ensure_deps bench
before=${BEFORE:?BEFORE=path to the banmian to compare with (e.g. main before issue 16)}
if [ -n "${AFTER:-}" ]; then
  after=$AFTER
else
  cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build-release -j2 --target banmian >/dev/null
  after=$PWD/build-release/banmian
fi
runs=${RUNS:-10}
issue=bench/issues/x10
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p bench/results
result=bench/results/$(date +%Y-%m-%d)-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)-previews.md

# One timed render: appends "wall_ms cpu_ms" to the file $1.
timed() {
  local out=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" >/dev/null 2>&1 || true
  awk '{printf "%.1f %.1f\n", $1 * 1000, ($2 + $3) * 1000}' "$tmp/time" >>"$out"
}
median() {  # median FILE COLUMN
  sort -n -k"$2" "$1" | awk -v c="$2" '{a[NR] = $c} END {m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.0f", m}'
}
# alternate NAME_A CMD_A… -- NAME_B CMD_B…: RUNS alternating runs of each after one warm-up.
alternate() {
  local a=() b=() seen=0 x
  for x in "$@"; do
    if [ "$x" = -- ]; then seen=1; elif [ $seen = 0 ]; then a+=("$x"); else b+=("$x"); fi
  done
  : >"$tmp/a"; : >"$tmp/b"
  "${a[@]}" >/dev/null 2>&1 || true; "${b[@]}" >/dev/null 2>&1 || true
  for ((i = 0; i < runs; i++)); do timed "$tmp/a" "${a[@]}"; timed "$tmp/b" "${b[@]}"; done
}
load=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "# Issue 16: previews, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
  echo
  # (awk reads to the end: a reader that stops early would end the script with SIGPIPE.)
  echo "Machine: $(nproc) cores, $(awk -F': ' '/^model name/ && !m {m = $2} END {print m}' /proc/cpuinfo);"
  echo "load average at the start: $load. $runs alternating runs of each; medians."
  echo
  echo "| x10, default render (previews) | wall (ms) | CPU user+sys (ms) |"
  echo "|---|---|---|"
} >"$tmp/table"
alternate "$before" render $issue -o "$tmp/o1" -q -- "$after" render $issue -o "$tmp/o2" -q
echo "| before ($before) | $(median "$tmp/a" 1) | $(median "$tmp/a" 2) |" >>"$tmp/table"
echo "| after ($after) | $(median "$tmp/b" 1) | $(median "$tmp/b" 2) |" >>"$tmp/table"
{
  echo
  echo "| x10 previews, after | wall (ms) | CPU user+sys (ms) |"
  echo "|---|---|---|"
} >>"$tmp/table"
alternate "$after" render $issue -o "$tmp/o3" -q -j 1 -- "$after" render $issue -o "$tmp/o4" -q -j 2
echo "| --jobs 1 | $(median "$tmp/a" 1) | $(median "$tmp/a" 2) |" >>"$tmp/table"
echo "| --jobs 2 | $(median "$tmp/b" 1) | $(median "$tmp/b" 2) |" >>"$tmp/table"
if [ "${CALLGRIND:-0}" = 1 ]; then
  {
    echo
    echo "| callgrind, x10 -j 1 | instructions | in EncodePng | share |"
    echo "|---|---|---|---|"
  } >>"$tmp/table"
  for which in before after; do
    bin=${!which}
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$bin" render $issue -o "$tmp/cg-out" -q -j 1 >/dev/null 2>&1
    total=$(callgrind_annotate "$tmp/cg" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
    png=$(callgrind_annotate --inclusive=yes "$tmp/cg" 2>/dev/null | awk '/EncodePng/ && !p {gsub(",", "", $1); p = $1} END {print p}')
    echo "| $which | $total | $png | $(awk -v p="$png" -v t="$total" 'BEGIN{printf "%.1f %%", 100 * p / t}') |" >>"$tmp/table"
  done
fi
tee "$result" <"$tmp/table"
echo "written to $result"
