#!/usr/bin/env bash
# How the time of `banmian check` grows with the size of hostile input (not a test:
# nothing here passes or fails). Each case is run at a size n and at 4n; linear work takes
# about 4 times as long at 4n, quadratic work 16 times. The cases are the ones issue 12
# found quadratic: a paragraph of many soft-broken lines, a run of spaces, a run of '(',
# and unknown article ids (each looked up for a did-you-mean).
# Usage: bench/scaling.sh   (BANMIAN_BIN=path/to/banmian to measure another build)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${BANMIAN_BIN:-}" ]; then
  bin=$BANMIAN_BIN
else
  cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build-release -j"$(nproc)" --target banmian >/dev/null
  bin=$PWD/build-release/banmian
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# issue DIR BODY_FILE [IDS]: a one-page issue on the bench paper whose article holds BODY.
issue() {
  local dir=$1 body=$2 ids=${3:-0}
  mkdir -p "$dir/articles"
  cp -r bench/layouts "$dir/layouts"
  { printf -- '---\nheadline: 规模\n---\n'; cat "$body"; } >"$dir/articles/a.md"
  {
    echo "paper: bench"
    echo "title: 规模"
    echo "date: 2021-05-10"
    echo "pages:"
    echo "  - template: stack"
    echo "    slots:"
    printf '      news: [a'
    for ((i = 0; i < ids; i++)); do printf ', missing%06d' "$i"; done
    echo ']'
    echo "articles:"
    echo "  a: articles/a.md"
  } >"$dir/issue.yaml"
}

seconds() {
  local start end
  start=$(date +%s.%N)
  "$bin" check "$1" -q >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }' 
}

line='社区卫生服务中心从下周起开设夜间门诊，方便居民。'
printf '%-28s %10s %10s %8s\n' case "n (s)" "4n (s)" ratio
for case in lines spaces brackets ids; do
  times=()
  for n in 1 4; do
    dir=$tmp/$case-$n
    body=$tmp/$case-$n.md
    ids=0
    case $case in
      lines) for ((i = 0; i < 20000 * n; i++)); do echo "$line"; done >"$body" ;;
      spaces) { printf '中'; head -c $((50000 * n)) /dev/zero | tr '\0' ' '; echo '中'; } >"$body" ;;
      brackets) { printf '中'; head -c $((50000 * n)) /dev/zero | tr '\0' '('; echo '中'; } >"$body" ;;
      ids) echo "$line" >"$body"; ids=$((2500 * n)) ;;
    esac
    issue "$dir" "$body" "$ids"
    times+=("$(seconds "$dir")")
  done
  ratio=$(awk -v a="${times[0]}" -v b="${times[1]}" 'BEGIN { printf "%.1f", b / a }')
  printf '%-28s %10.2f %10.2f %8s\n' "$case" "${times[0]}" "${times[1]}" "$ratio"
done
