#!/usr/bin/env bash
# Save to refreshed page with `banmian watch` (issue 16; a benchmark, not a test: nothing
# here passes or fails on a time). Builds banmian in Release into build-release/, starts
# `banmian watch` on a copy of issues/chunshen-2024-06-07 (4 broadsheet pages, previews at
# 100 dpi) and listens to its event stream; then EDITS times saves a one-article edit
# (jinbo's headline, which is on A01 and on A02's continuation head, alternating between
# two wordings) and measures, from just before the file is written:
#   - to the `rendered` event arriving on the stream (what makes the page refresh);
#   - to the changed page's new PNG fetched from the server (what the page then loads).
# For comparison, the cold path an editor had before: a whole `banmian render` process
# of the same issue with previews (median of COLD runs). Median and p90 of each go to
# bench/results/<date>-issue16-watch.md and stdout.
# Usage: bench/watch.sh [EDITS (default 25)] [COLD (default 7)]
#   BANMIAN_BIN=path/to/banmian bench/watch.sh   measures another build
set -euo pipefail
cd "$(dirname "$0")/.."
edits=${1:-25} colds=${2:-7}
if [ -n "${BANMIAN_BIN:-}" ]; then
  bin=$BANMIAN_BIN
else
  cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build-release -j"$(nproc)" --target banmian >/dev/null
  bin=$PWD/build-release/banmian
fi
tmp=$(mktemp -d)
watch_pid='' listen_pid=''
cleanup() {
  [ -n "$listen_pid" ] && kill "$listen_pid" 2>/dev/null
  [ -n "$watch_pid" ] && kill "$watch_pid" 2>/dev/null
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

now_ms() { local t=$EPOCHREALTIME; echo "${t/./}" | sed 's/...$//'; }  # wall clock, ms
# median and p90 (nearest rank) of the numbers on stdin
stats() { sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
  p=int(NR*0.9+0.999); printf "%.0f %.0f %.0f %.0f\n", m, v[p], v[1], v[NR]}'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
issue=$tmp/chunshen
cp -r issues/chunshen-2024-06-07 "$issue"
article=$issue/articles/jinbo.md
cp "$article" "$tmp/a.md"
sed 's/虹桥准备好了/虹桥准备就绪/' "$article" >"$tmp/b.md"

# Cold: a whole render process, previews included, as the entr loop ran it.
: >"$tmp/cold.txt"
"$bin" render "$issue" -o "$tmp/out" -q || true  # the fonts' files into the page cache
for _ in $(seq "$colds"); do
  t0=$(now_ms)
  "$bin" render "$issue" -o "$tmp/out" -q || true
  echo $(($(now_ms) - t0)) >>"$tmp/cold.txt"
done

"$bin" watch "$issue" --port 0 >"$tmp/watch.out" 2>"$tmp/watch.err" &
watch_pid=$!
for _ in $(seq 600); do grep -q "serving http" "$tmp/watch.out" 2>/dev/null && break; sleep 0.1; done
addr=$(sed -n 's|.*serving \(http://127\.0\.0\.1:[0-9]*/\).*|\1|p' "$tmp/watch.out")
[ -n "$addr" ] || { echo "watch did not start:" >&2; cat "$tmp/watch.err" >&2; exit 1; }
# Each line of the event stream with the time it arrived.
(curl -sN "${addr}events" | while IFS= read -r line; do
  t=$EPOCHREALTIME
  echo "${t/./} $line"
done) >"$tmp/events.txt" &
listen_pid=$!
for _ in $(seq 100); do grep -q '"render":1' "$tmp/events.txt" 2>/dev/null && break; sleep 0.05; done

: >"$tmp/event-ms.txt"
: >"$tmp/png-ms.txt"
for k in $(seq "$edits"); do
  render=$((k + 1))
  if [ $((k % 2)) -eq 1 ]; then variant=b; else variant=a; fi
  t0=$EPOCHREALTIME t0=${t0/./}
  cat "$tmp/$variant.md" >"$article"
  for _ in $(seq 3000); do grep -q "\"render\":$render," "$tmp/events.txt" && break; sleep 0.005; done
  curl -s -o "$tmp/p1.png" "${addr}page/1.png?v=$render"
  t2=$EPOCHREALTIME t2=${t2/./}
  t1=$(grep "\"render\":$render," "$tmp/events.txt" | head -n1 | cut -d' ' -f1)
  echo $(((t1 - t0) / 1000)) >>"$tmp/event-ms.txt"
  echo $(((t2 - t0) / 1000)) >>"$tmp/png-ms.txt"
  sleep 0.3
done
renders=$(grep -c '^banmian watch: render' "$tmp/watch.err" || true)
# The watch's own account of each edit's render (from reading the input to the pictures).
grep '^banmian watch: render' "$tmp/watch.err" | tail -n "$edits" |
  sed -n 's/.* in \([0-9]*\) ms.*/\1/p' >"$tmp/inner-ms.txt"

read -r em ep emin emax < <(stats <"$tmp/event-ms.txt")
read -r pm pp pmin pmax < <(stats <"$tmp/png-ms.txt")
read -r im ip imin imax < <(stats <"$tmp/inner-ms.txt")
read -r cm cp cmin cmax < <(stats <"$tmp/cold.txt")
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
mkdir -p bench/results
result=bench/results/$(date +%Y-%m-%d)-issue16-watch.md
{
  echo "# banmian watch: save to refreshed page, $(date -u +%Y-%m-%dT%H:%MZ), commit $commit"
  echo
  echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1);"
  echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every row alike)."
  echo "Issue: issues/chunshen-2024-06-07 (4 broadsheet pages, previews at 100 dpi). Edit: jinbo's"
  echo "headline (on A01 and on A02's continuation head), $edits saves, alternating two wordings."
  echo
  echo "| path | median (ms) | p90 (ms) | min | max |"
  echo "|---|---|---|---|---|"
  echo "| save → \`rendered\` event on the stream | $em | $ep | $emin | $emax |"
  echo "| save → changed page's new PNG fetched | $pm | $pp | $pmin | $pmax |"
  echo "| the render itself, as watch reports it | $im | $ip | $imin | $imax |"
  echo "| cold: a whole \`banmian render\` with previews ($colds runs) | $cm | $cp | $cmin | $cmax |"
  echo
  echo "Renders watch made: $renders for 1 start and $edits saves."
  echo "The last edit's line: \`$(grep '^banmian watch: render' "$tmp/watch.err" | tail -n1)\`"
} | tee "$result"
