#!/usr/bin/env bash
# Issue 18's benchmark of automatic layout (not a test: nothing here passes or fails on a
# time). For each auto sample and its hand-made twin (the same stories on hand templates),
# `banmian check` (load, compose, place, preflight; no files written) is run RUNS times,
# alternating auto and hand (a slow spell of a shared machine falls on both alike). The
# difference of the medians, divided by the auto pages, is what laying out a page by the
# search costs; the search steps per page come from report.json. Results go to
# bench/results/<date>-<commit>-auto.md and stdout.
# Usage: [BANMIAN=path/to/banmian] [RUNS=10] bench/auto.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BANMIAN:-build/banmian}
runs=${RUNS:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p bench/results
result=bench/results/$(date +%Y-%m-%d)-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)-auto.md
ms() { local a b; a=$(date +%s%N); "$@" >/dev/null 2>&1 || true; b=$(date +%s%N); echo $(((b - a) / 1000000)); }
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
pairs=(
  "issues/hongqiao-2019-09-front-auto issues/hongqiao-2019-09-front"
  "issues/hongqiao-2021-05-front-auto issues/hongqiao-2021-05-front"
  "issues/hongqiao-2021-05-inside-auto issues/hongqiao-2021-05-inside"
  "issues/songjiang-2022-07-inside-auto issues/songjiang-2022-07-inside"
  "issues/chunshen-2024-06-07-auto issues/chunshen-2024-06-07"
)
{
  echo "# Automatic layout: time per auto page ($(date -u +%Y-%m-%d), $(git rev-parse --short HEAD 2>/dev/null))"
  echo
  echo "\`banmian check\`, median of $runs alternating runs each; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)."
  echo
  echo "| issue | auto pages | search steps per auto page | check, auto (ms) | check, hand (ms) | per auto page (ms) |"
  echo "|---|---|---|---|---|---|"
  for pair in "${pairs[@]}"; do
    read -r auto hand <<<"$pair"
    : >"$tmp/a" && : >"$tmp/h"
    for _ in $(seq "$runs"); do
      ms "$bin" check "$auto" >>"$tmp/a"
      ms "$bin" check "$hand" >>"$tmp/h"
    done
    "$bin" check "$auto" --json >"$tmp/report.json" 2>/dev/null || true
    read -r pages steps < <(/usr/bin/python3 -I -c '
import json, sys
r = json.load(open(sys.argv[1]))
a = r.get("auto_pages", [])
print(len(a), round(sum(p.get("search_steps", 0) for p in a) / max(1, len(a))))' "$tmp/report.json")
    ma=$(median <"$tmp/a") mh=$(median <"$tmp/h")
    per=$(awk -v a="$ma" -v h="$mh" -v n="$pages" 'BEGIN {printf "%.0f", (a - h) / (n > 0 ? n : 1)}')
    echo "| $(basename "$auto") | $pages | $steps | $ma | $mh | $per |"
  done
} | tee "$result"
echo "wrote $result"
