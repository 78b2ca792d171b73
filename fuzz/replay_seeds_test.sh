#!/usr/bin/env bash
# Replays every fuzz seed through the fuzz target and checks each one does what its
# source does: sample issues and layout cases compose (status 0 or 1), error cases are
# refused with diagnostics (status 2); the inputs in fuzz/regressions, which crashed
# banmian once, must not crash it again. A harness that refused everything would pass a
# fuzzer's run while testing nothing; this catches that.
set -u
replay=$1 root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash "$root/fuzz/make_seeds.sh" "$tmp/seeds"
BANMIAN_FUZZ_STATUS=1 "$replay" "$tmp/seeds" >"$tmp/log" || { echo "replay crashed"; cat "$tmp/log"; exit 1; }
fail=0 count=0
while IFS= read -r line; do
  name=${line%%:*} status=$(sed -n 's/.*status \([0-9]\).*/\1/p' <<<"$line")
  count=$((count + 1))
  case $name in
    errors-*) want="2" ;;
    *) want="[01]" ;;
  esac
  if ! [[ $status =~ ^$want$ ]]; then echo "$name: status '$status', expected $want"; fail=1; fi
done <"$tmp/log"
expected=$(ls "$tmp/seeds" | wc -l)
if [ "$count" -ne "$expected" ] || [ "$count" -lt 20 ]; then
  echo "replayed $count of $expected seeds"; fail=1
fi
# Inputs the fuzzer once crashed on: each must now end in a clean result or a message.
if ! BANMIAN_FUZZ_STATUS=1 "$replay" "$root/fuzz/regressions" >"$tmp/regressions"; then
  echo "a fuzz regression crashes again:"; cat "$tmp/regressions"; fail=1
fi
[ $fail -eq 0 ] && echo "$count seeds and $(wc -l <"$tmp/regressions") fuzz regressions replayed as expected"
exit $fail
