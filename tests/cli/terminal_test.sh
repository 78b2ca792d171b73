#!/usr/bin/env bash
# Terminal output escapes the input's control characters (issue 12, kind 5): a folder
# name or an argument holding ESC sequences, a BEL, a C1 CSI or a byte that is not UTF-8
# is printed as visible escapes (\x1b, \u009b, \x9b) in diagnostics, summaries, check's
# grids and copyfit, dump and usage errors; no raw ESC reaches the terminal. (Control
# characters inside the files are refused at load; the unit tests of
# model/terminal_text cover the formatting of such text.) Usage: terminal_test.sh BANMIAN SOURCE_DIR
set -u
bin=$1 src=$2
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
no_raw_controls() {  # no_raw_controls FILE...: no C0 control but newline and tab, no C1 CSI
  ! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]' "$@"
}
cd "$tmp"

# A folder name with an erase-screen, a window-title OSC ending in BEL, a stray byte and
# the C1 CSI, holding an issue with an unknown key.
dir=$'esc\e[2J\e]0;owned\a\x9b\xc2\x9bx'
cp -r "$src/tests/errors/unknown-key" "$dir"
"$bin" render "$dir" --layouts "$src/layouts" -o out 2>err.txt
check "bad input exits 2" test $? -eq 2
printf '%s\n' 'esc\x1b[2J\x1b]0;owned\x07\x9b\u009bx/issue.yaml:2:1: error[unknown-key]: unknown key '"'titel'"' in the issue' \
  "    2 | titel: 社区晨报" "      | ^" "  hint: did you mean 'title'?" "banmian: 1 error in the input; nothing written" >want.txt
check "the folder's name is escaped in the diagnostic" diff -u want.txt err.txt
check "… and no control reaches the terminal" no_raw_controls err.txt

# A valid issue in such a folder: the summaries name the folder and the findings' files.
dir=$'ok\e[2Jx'
cp -r "$src/tests/layout/cases/rare-characters" "$dir"
"$bin" check "$dir" --layouts "$src/layouts" >out.txt 2>err.txt
check "check's summary names the folder escaped" grep -qF 'ok\x1b[2Jx: 1 page, ' err.txt
check "check's findings give their file escaped" grep -qF '(ok\x1b[2Jx/articles/a.md:' err.txt
check "no control reaches the terminal from check" no_raw_controls out.txt err.txt
"$bin" dump "$dir" --layouts "$src/layouts" >out.txt 2>err.txt
check "no control reaches the terminal from dump" no_raw_controls out.txt err.txt
"$bin" render "$dir" --layouts "$src/layouts" -o out --no-png >out.txt 2>err.txt
check "render's summary names the folder escaped" grep -qF 'ok\x1b[2Jx: 1 page, ' err.txt
check "no control reaches the terminal from render" no_raw_controls out.txt err.txt

# Usage errors quote the command line.
"$bin" render a $'\e[2Jb' 2>err.txt
check "a usage error escapes the argument it quotes" \
  grep -qxF "banmian: more than one issue folder given ('a' and '\\x1b[2Jb')" err.txt

# Control: the check finds a raw ESC.
not() { ! "$@"; }
printf 'a\e[2Jb\n' >raw.txt
check "(control: a raw ESC is noticed)" not no_raw_controls raw.txt
printf 'a\xc2\x9b2Jb\n' >raw.txt
check "(control: a raw C1 CSI is noticed)" not no_raw_controls raw.txt

finish
