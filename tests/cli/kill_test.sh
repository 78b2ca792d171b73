#!/usr/bin/env bash
# The kill test (issue 12): renders with previews into one output folder, each of the one
# of two issues that OUT does not hold (a longer and a shorter one, so stale pages would
# show), each SIGKILLed at a random moment. After every kill OUT must hold one complete set, the old or the new:
# every file its manifest lists, with that SHA-256, nothing it does not list, and the
# files (but report.json, which carries timings) exactly those of a clean render of one
# of the two issues. After the last kill one clean run must leave no temporary files.
# Usage: kill_test.sh BANMIAN SOURCE_DIR [KILLS [ISSUE_A ISSUE_B]]
#   (default 8 kills of bench/issues/x10 and x1; bench/kill.sh runs 50 of x40 and x10)
set -u
bin=$1 src=$2 kills=${3:-8}
a=${4:-$src/bench/issues/x10} b=${5:-$src/bench/issues/x1}
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
fail() { echo "FAIL $*"; fails=$((fails + 1)); }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The two reference sets, and how long a whole render takes (the kills fall within it).
start=$(now_ms)
"$bin" render "$a" -o "$tmp/ref-a" -q 2>/dev/null
span=$(( $(now_ms) - start ))
"$bin" render "$b" -o "$tmp/ref-b" -q 2>/dev/null
ref_a=$(files "$tmp/ref-a") ref_b=$(files "$tmp/ref-b")
[ -n "$ref_a" ] && [ -n "$ref_b" ] && [ "$ref_a" != "$ref_b" ] || { echo "FAIL no reference sets"; exit 1; }
span=$(( span + span / 5 ))

mkdir "$tmp/w"
out=$tmp/w/out
"$bin" render "$b" -o "$out" -q 2>/dev/null
olds=0 news=0 leftovers=0
for ((i = 1; i <= kills; i++)); do
  # The other issue than the one OUT holds, so the old and the new set always differ.
  before=$(files "$out")
  issue=$a; [ "$before" = "$ref_a" ] && issue=$b
  "$bin" render "$issue" -o "$out" -q 2>/dev/null &
  pid=$!
  delay=$(( RANDOM * 32768 + RANDOM ))
  delay=$(( delay % span ))
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -KILL $pid 2>/dev/null
  wait $pid 2>/dev/null
  if ! complete "$out" 2>/dev/null; then
    fail "kill $i at $delay ms: OUT is not one complete set"
    continue
  fi
  now=$(files "$out")
  if [ "$now" = "$before" ]; then olds=$((olds + 1));
  elif [ "$now" = "$ref_a" ] || [ "$now" = "$ref_b" ]; then news=$((news + 1));
  else fail "kill $i at $delay ms: OUT holds neither the old nor the new set"; fi
  [ -n "$(ls -A "$tmp/w" | grep -v '^\.out\.banmian-lock$' | grep -v '^out$')" ] && leftovers=$((leftovers + 1))
done
echo "$kills kills: $olds left the old set, $news the new one; $leftovers left a staging folder beside OUT"

"$bin" render "$a" -o "$out" -q 2>/dev/null
complete "$out" 2>/dev/null || fail "the run after the kills left no complete set"
[ "$(files "$out")" = "$ref_a" ] || fail "the run after the kills did not write its set"
rest=$(ls -A "$tmp/w" | tr '\n' ' ')
[ "$rest" = ".out.banmian-lock out " ] || fail "the run after the kills left beside OUT: $rest"
[ -z "$(find "$out" -name '*tmp*')" ] || fail "temporary files in OUT: $(find "$out" -name '*tmp*')"
[ $fails -eq 0 ] && echo "ok   after each of $kills kills OUT held one complete set; the next run left no temporary files"
[ $fails -eq 0 ]
