#!/usr/bin/env bash
# An installed banmian works on its own (issue 17): `cmake --install` into a temporary
# prefix lays out bin/banmian and share/banmian (the font configuration, the papers,
# every file of fonts/ and layouts/, and the schemas, man pages and completions the tree
# has); the prefix is then moved, and the installed copy renders a copy of a sample issue
# from another folder with the source and build trees out of sight (over each, in a mount
# namespace of its own, an empty tmpfs: as if deleted), to the same PDF the build tree's
# binary makes. Without its share folder the installed copy fails, naming where it looked,
# even with the source tree in sight. Usage: install_test.sh BUILD_DIR SOURCE_DIR BANMIAN
set -u
build=$(realpath "$1") src=$(realpath "$2") built=$(realpath "$3")
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
unset BANMIAN_DATA_DIR BANMIAN_FONTS
issue=hongqiao-2021-05-front

cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1
check "cmake --install into a temporary prefix succeeds" test $? -eq 0
listed() { (cd "$1" && find . -type f | sed 's|^\./||' | sort); }
share=$tmp/prefix/share/banmian
check "… installs bin/banmian" test -x "$tmp/prefix/bin/banmian"
check "… every file of fonts/ into share/banmian/fonts" test "$(listed "$src/fonts")" = "$(listed "$share/fonts")"
check "… every file of layouts/ into share/banmian/layouts" \
  test "$(listed "$src/layouts")" = "$(listed "$share/layouts")"
check "… the same bytes" diff -r "$src/layouts" "$share/layouts"
# What other parts of the tree may hold: each file there is installed.
want=() have=()
for f in "$src"/docs/schemas/*.json; do [ -e "$f" ] && want+=("share/banmian/schemas/${f##*/}"); done
for f in "$src"/docs/man/*.[1-8]; do [ -e "$f" ] && want+=("share/man/man${f##*.}/${f##*/}"); done
for f in "$src"/scripts/completions/_banmian; do [ -e "$f" ] && want+=("share/zsh/vendor-completions/_banmian"); done
for f in "$src"/scripts/completions/banmian{,.bash}; do [ -e "$f" ] && want+=("share/bash-completion/completions/banmian"); done
for f in "${want[@]}"; do [ -f "$tmp/prefix/$f" ] || have+=("$f"); done
check "… and the schemas, man pages and completions the tree has (${#want[@]})" test ${#have[@]} -eq 0
[ ${#have[@]} -eq 0 ] || echo "missing: ${have[*]}"

# The whole prefix moved: the binary finds its data beside itself, wherever it is.
mv "$tmp/prefix" "$tmp/moved"
bin=$tmp/moved/bin/banmian
mkdir -p "$tmp/elsewhere/work"
cp -r "$src/issues/$issue" "$tmp/elsewhere/$issue"
"$built" render "$src/issues/$issue" -o "$tmp/built-out" --no-png -q 2>/dev/null

# Hides the build tree, then the source tree (which may hold it), under an empty tmpfs
# each, then runs the command.
hidden() {
  local run=(unshare -m)
  unshare -m true 2>/dev/null || run=(unshare -m -r)
  "${run[@]}" bash -c 'for d in "$1" "$2"; do mount -t tmpfs none "$d" || exit 99; done; shift 2; exec "$@"' \
    hide "$build" "$src" "$@"
}
if hidden test ! -e "$src/layouts" 2>/dev/null; then
  check "with the source and build trees hidden, the build tree's binary is gone" hidden test ! -e "$built"
  runner=hidden
else
  echo "note: no mount namespace here (unshare not permitted): the trees stay in sight"
  runner=
fi
(cd "$tmp/elsewhere/work" && $runner "$bin" render "../$issue" -o out --no-png -q) 2>"$tmp/err.txt"
status=$?
check "the moved copy renders the issue copy from another folder (exit 0)" test $status -eq 0
[ $status -eq 0 ] || cat "$tmp/err.txt"
check "… writing a complete output folder" complete "$tmp/elsewhere/work/out"
check "… whose PDF is the build tree's binary's, byte for byte" \
  cmp "$tmp/built-out/$issue.pdf" "$tmp/elsewhere/work/out/$issue.pdf"
check "… and --version works" $runner "$bin" --version
# `new` takes its sample papers from the installed data, as render's fallback does.
(cd "$tmp/elsewhere/work" && $runner "$bin" new paper mine --from shequchenbao) >"$tmp/new.txt" 2>&1 || cat "$tmp/new.txt"
check "… new paper copies an installed sample paper" \
  cmp "$tmp/moved/share/banmian/layouts/shequchenbao/paper.yaml" "$tmp/elsewhere/work/layouts/mine/paper.yaml"

# Without its share folder, the installed copy fails and says where it looked, even
# where the source tree's fonts/ and layouts/ are in sight.
mv "$tmp/moved/share/banmian" "$tmp/share-aside"
(cd "$tmp/elsewhere/work" && "$bin" check "../$issue") >/dev/null 2>"$tmp/err.txt"
check "without share/banmian the installed copy exits 2" test $? -eq 2
check "… naming the paper it looked for there" \
  grep -qF "share/banmian/layouts/shequchenbao/paper.yaml' does not exist" "$tmp/err.txt"
(cd "$tmp/elsewhere/work" && "$bin" check "../$issue" --layouts "$tmp/share-aside/layouts") \
  >/dev/null 2>"$tmp/err.txt"
check "… and, given the papers, the font configuration it looked for" \
  grep -qF "'$tmp/moved/share/banmian/fonts/fonts.conf' does not exist" "$tmp/err.txt"
# BANMIAN_DATA_DIR names the data folder instead.
(cd "$tmp/elsewhere/work" && BANMIAN_DATA_DIR="$tmp/share-aside" "$bin" render "../$issue" -o out2 --no-png -q) 2>"$tmp/err.txt"
check "BANMIAN_DATA_DIR names the data folder wherever it is (exit 0)" test $? -eq 0
check "… the same PDF" cmp "$tmp/built-out/$issue.pdf" "$tmp/elsewhere/work/out2/$issue.pdf"
finish
