#!/usr/bin/env bash
# Writes docs/man/banmian.1 from the built program's help: help2man reads `banmian
# --help` and `--version` for the name, synopsis and options, and every command's own
# `--help` goes in a COMMANDS section. Run after changing a help text, and commit the
# result (tests/cli/conventions_test.sh checks that the page names every option).
# Usage: scripts/make-man.sh [BANMIAN [PAGE]]   (default: build/banmian docs/man/banmian.1)
set -eu
bin=$(realpath "${1:-build/banmian}")
page=$(realpath -m "${2:-$(dirname "$0")/../docs/man/banmian.1}")
cd "$(dirname "$0")/.."
source scripts/deps.sh
command -v help2man >/dev/null || ensure_deps docs
include=$(mktemp)
trap 'rm -f "$include"' EXIT
# roff: a backslash is \e, a hyphen \-, "…" \[u2026]; a line may not open with . or '.
roff() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e 's/…/\\[u2026]/g' -e "s/^\([.']\)/\\\\\&\1/"; }
{
  echo "[COMMANDS]"
  for c in render check dump watch fonts new help; do
    echo ".SS \"banmian $c\""
    echo ".nf"
    "$bin" "$c" --help | roff
    echo ".fi"
  done
  echo "[ENVIRONMENT]"
  echo ".TP"
  echo ".B NO_COLOR"
  echo "when set and not empty, no colour unless \\fB\\-\\-color always\\fR (https://no\\-color.org)."
  echo ".TP"
  echo ".B BANMIAN_FONTS"
  echo "the folder holding fonts.conf when no \\fB\\-\\-fonts\\fR is given."
  echo ".TP"
  echo ".B SOURCE_DATE_EPOCH"
  echo "the time printed in the slug line of \\fB\\-\\-marks\\fR."
  echo "[SEE ALSO]"
  echo "The README and docs/ of banmian's source: docs/formats.md (the input files),"
  echo "docs/report.md (report.json and the findings), docs/output.md, docs/watch.md."
} >"$include"
mkdir -p "$(dirname "$page")"
# The page's date: the last commit's, so the same sources give the same page.
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 0) \
  help2man --no-info --name "lays out newspaper issues as print-quality PDF pages" \
  --include "$include" --output "$page" "$bin"
# help2man fills the examples into one paragraph: one command a line instead.
sed -i '/^\.SH EXAMPLES$/,/^\.PP$/{s/^\.IP$/.nf/;s/^\.PP$/.fi\n.PP/}' "$page"
echo "wrote $page"
