#!/usr/bin/env bash
# Writes the benchmark issues from the articles of issues/hongqiao-2021-05-inside (the
# text of corpus/hongqiao-2021-05-inside.txt, about 4 000 characters): x1 holds them
# once, x10 ten times, x40 forty times (the 48-page issue). The output is committed, so
# the benchmark needs nothing outside the project; rerun this only to change it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src="$here/../issues/hongqiao-2021-05-inside/articles"
articles=(xiaohonghua dangshi fuwu qingchun)
for n in 1 10 40; do
  dir="$here/issues/x$n"
  rm -rf "$dir"
  mkdir -p "$dir/articles"
  for a in "${articles[@]}"; do cp "$src/$a.md" "$dir/articles/"; done
  {
    echo "# The benchmark issue: the four stories of the 2021-05 inside page, ${n}×."
    echo "# Written by bench/make_inputs.sh."
    echo "paper: bench"
    echo "title: 基准测试"
    echo "number: x$n"
    echo "date: 2021-05-10"
    echo "pages:"
    echo "  - template: stack"
    echo "    label: \"1\""
    echo "    slots:"
    echo "      news:"
    for ((i = 1; i <= n; i++)); do
      for a in "${articles[@]}"; do echo "        - ${a}_$i"; done
    done
    echo "articles:"
    for ((i = 1; i <= n; i++)); do
      for a in "${articles[@]}"; do echo "  ${a}_$i: articles/$a.md"; done
    done
  } >"$dir/issue.yaml"
done
