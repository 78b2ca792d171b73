#!/usr/bin/env bash
# The speed benchmark (not a test: nothing here passes or fails on a time). Builds banmian
# in Release into build-release/, then for each benchmark issue reports the whole-process
# wall time of `banmian render --no-png` (hyperfine: median of at least 10 runs after 2
# warm-ups), pages per second and peak RSS (/usr/bin/time -v), and the --jobs 1 / --jobs 2
# comparison on x10. Results go to bench/results/<date>-<commit>.md and stdout.
# Usage: bench/run.sh [ISSUE ...]   (default: x1 x10 x40)
#   BANMIAN_BIN=path/to/banmian bench/run.sh   measures another build (e.g. an older commit)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
ensure_deps bench
if [ -n "${BANMIAN_BIN:-}" ]; then
  bin=$BANMIAN_BIN
else
  cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build-release -j"$(nproc)" --target banmian >/dev/null
  bin=$PWD/build-release/banmian
fi
issues=("$@")
[ ${#issues[@]} -eq 0 ] && issues=(x1 x10 x40)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p bench/results
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
result=bench/results/$(date +%Y-%m-%d)-$commit${BANMIAN_BIN:+-other-build}.md

{
  echo "# banmian benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $commit"
  echo
  echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)."
  echo "Command: \`banmian render bench/issues/ISSUE -o OUT --no-png -q\` (PDF and report.json)."
  echo
  echo "| issue | pages | wall median (ms) | pages/s | peak RSS (MiB) |"
  echo "|---|---|---|---|---|"
} >"$tmp/table"

for issue in "${issues[@]}"; do
  dir=bench/issues/$issue
  run="$bin render $dir -o $tmp/out-$issue --no-png -q"
  hyperfine -N --warmup 2 --min-runs 10 --export-json "$tmp/$issue.json" "$run" >/dev/null
  pages=$(jq '.pages | length' "$tmp/out-$issue/report.json")
  ms=$(jq '.results[0].median * 1000 | . * 10 | round / 10' "$tmp/$issue.json")
  /usr/bin/time -v $run 2>"$tmp/time-$issue" >/dev/null
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time-$issue")
  printf '| %s | %s | %s | %s | %s |\n' "$issue" "$pages" "$ms" \
    "$(awk -v p="$pages" -v m="$ms" 'BEGIN{printf "%.1f", p / (m / 1000)}')" \
    "$(awk -v k="$rss_kb" 'BEGIN{printf "%.1f", k / 1024}')" >>"$tmp/table"
done
# --jobs on x10: the same work on one core and on two. The runs alternate (-j 1, -j 2,
# -j 1, …), so a slow spell of a shared machine falls on both alike; the ratio is that of
# the medians.
now_ns() { date +%s%N; }
alternate() {  # alternate RUNS ARGS…: prints "median-j1 median-j2"
  local runs=$1; shift
  local one=() two=() t
  "$bin" render bench/issues/x10 -o "$tmp/out-jobs" -q "$@" -j 1 >/dev/null
  "$bin" render bench/issues/x10 -o "$tmp/out-jobs" -q "$@" -j 2 >/dev/null
  for ((i = 0; i < runs; i++)); do
    t=$(now_ns); "$bin" render bench/issues/x10 -o "$tmp/out-jobs" -q "$@" -j 1 >/dev/null
    one+=($(( ($(now_ns) - t) / 1000 )))
    t=$(now_ns); "$bin" render bench/issues/x10 -o "$tmp/out-jobs" -q "$@" -j 2 >/dev/null
    two+=($(( ($(now_ns) - t) / 1000 )))
  done
  median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m / 1000}'; }
  echo "$(median "${one[@]}") $(median "${two[@]}")"
}
if "$bin" --help | grep -q -- "--jobs"; then
  {
    echo
    echo "| x10, alternating runs | -j 1 median (ms) | -j 2 median (ms) | ratio |"
    echo "|---|---|---|---|"
  } >>"$tmp/table"
  for what in "--no-png" "previews"; do
    if [ "$what" = previews ]; then read -r a b < <(alternate 8); else read -r a b < <(alternate 20 --no-png); fi
    printf '| %s | %s | %s | %s |\n' "$what" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN{printf "%.2f", a / b}')" >>"$tmp/table"
  done
fi
tee "$result" <"$tmp/table"
echo "written to $result"
