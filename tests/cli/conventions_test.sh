#!/usr/bin/env bash
# The command line's conventions (issue 17): --help on every command, -V, one-line usage
# errors with a did-you-mean, -q, --color (NO_COLOR, a terminal), source excerpts with a
# caret, --fail-on-warnings, banmian fonts, banmian new (a scaffold that renders), and
# the shell completions naming every option of every --help.
# Usage: conventions_test.sh BANMIAN SOURCE_DIR
set -u
bin=$1 src=$2
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
cd "$tmp"
commands="render check dump watch fonts new help"

# --help and -h on every command, -V.
for c in $commands; do
  "$bin" $c --help >h.txt 2>e.txt; status=$?
  check "$c --help exits 0, printing to standard output alone" test $status -eq 0 -a ! -s e.txt
  check "… its usage first" grep -q "^Usage: banmian $c " <(head -n 1 h.txt)
  check "… and examples" grep -q "^Examples:$" h.txt
  "$bin" $c -h >h2.txt; check "$c -h is the same" cmp -s h.txt h2.txt
  "$bin" help $c >h3.txt; check "banmian help $c is the same" cmp -s h.txt h3.txt
done
"$bin" render x --dpi 100 --help >h.txt; check "--help after other options still helps" grep -q "^Usage: banmian render ISSUE_DIR" h.txt
"$bin" -V >v1.txt; "$bin" --version >v2.txt
check "-V is --version" sh -c "cmp -s v1.txt v2.txt && grep -q '^banmian [0-9]' v1.txt"

# Usage errors: one line, a did-you-mean, a pointer to the help; exit 2.
usage() {  # usage NAME EXPECTED-STDERR ARGS...
  local name=$1 expected=$2; shift 2
  "$bin" "$@" >o.txt 2>e.txt; status=$?
  check "$name: exit 2" test $status -eq 2
  check "… saying exactly: $(head -n 1 <<<"$expected")" test "$(cat e.txt)" = "$expected"
}
usage "a mistyped command" "banmian: unknown command 'rendr'; did you mean 'render'?
Try 'banmian --help'." rendr x
usage "a command nothing is near" "banmian: unknown command 'frobnicate'
Try 'banmian --help'." frobnicate
usage "a mistyped option" "banmian: unknown option '--dpl' for render; did you mean '--dpi'?
Try 'banmian render --help'." render x --dpl 100
usage "a swapped option" "banmian: unknown option '--jsno' for check; did you mean '--json'?
Try 'banmian check --help'." check x --jsno
usage "another command's option" "banmian: check does not take --pages: it is an option of render
Try 'banmian check --help'." check x --pages A01
usage "check's --write-templates given to render" "banmian: render does not take --write-templates: it is an option of check
Try 'banmian render --help'." render x --write-templates t
usage "--write-templates without its folder" "banmian: --write-templates needs a folder
Try 'banmian check --help'." check x --write-templates
usage "a missing folder" "banmian: render needs an issue folder
Try 'banmian render --help'." render
usage "help of no such command" "banmian: unknown command 'chek'; did you mean 'check'?
Try 'banmian help --help'." help chek
usage "a bad --color" "banmian: --color needs auto, always or never
Try 'banmian check --help'." check x --color sometimes
usage "no command" "banmian: no command given
Try 'banmian --help'." 

# A scaffold: a new paper from the sample, a new issue of it; both render cleanly.
"$bin" new paper testblatt >new.txt 2>e.txt; status=$?
check "new paper exits 0" test $status -eq 0 -a ! -s e.txt
check "… copying the sample's files" diff -r "$src/layouts/shequchenbao" layouts/testblatt
check "… saying what it wrote and what next" test "$(head -n 1 new.txt)" = "wrote layouts/testblatt/ (a copy of $src/layouts/shequchenbao)"
"$bin" new issue issues/testblatt-1 --paper testblatt >new.txt 2>e.txt; status=$?
check "new issue exits 0" test $status -eq 0 -a ! -s e.txt
check "… writing issue.yaml and an article" test -s issues/testblatt-1/issue.yaml -a -s issues/testblatt-1/articles/a1.md
check "… saying how to render it" test "$(tail -n 1 new.txt)" = "next: banmian render issues/testblatt-1"
check "… no staging folder left" test -z "$(ls -A issues | grep -v '^testblatt-1$')"
"$bin" render issues/testblatt-1 -o out1 --no-png >r.txt 2>r.err; status=$?
check "the scaffolded issue renders with exit 0" test $status -eq 0
check "… of the new paper" grep -qx "paper: testblatt" issues/testblatt-1/issue.yaml
# Nothing overwritten: the same again is refused, writing nothing.
cp -r layouts layouts.before
echo "# mine" >>layouts/testblatt/paper.yaml
cp layouts/testblatt/paper.yaml mine.yaml
"$bin" new paper testblatt 2>e.txt; status=$?
check "new paper over an existing paper exits 2" test $status -eq 2
check "… saying so" test "$(cat e.txt)" = "banmian: 'layouts/testblatt' already exists; nothing written"
check "… leaving it as it was" cmp -s mine.yaml layouts/testblatt/paper.yaml
before=$(find issues -type f | sort | xargs md5sum)
"$bin" new issue issues/testblatt-1 --paper testblatt 2>e.txt; status=$?
check "new issue over an existing issue exits 2" test $status -eq 2
check "… saying so" test "$(cat e.txt)" = "banmian: 'issues/testblatt-1' already exists; nothing written"
check "… leaving it as it was" test "$before" = "$(find issues -type f | sort | xargs md5sum)"
mkdir -p issues/empty desk
"$bin" new issue issues/empty --paper testblatt >/dev/null 2>e.txt
check "new issue into an empty folder is fine" test $? -eq 0 -a -s issues/empty/issue.yaml
(cd desk && "$bin" new paper p2 >/dev/null && "$bin" new issue ../outside/x --paper p2) >new.txt 2>e.txt
check "an issue where render would not find the paper: the next step names --layouts" \
  test "$(tail -n 1 new.txt)" = "next: banmian render ../outside/x --layouts layouts"
(cd desk && "$bin" render ../outside/x --layouts layouts -o ../out6 --no-png -q)
check "… and so it renders with exit 0" test $? -eq 0
"$bin" new paper other --from nosuchpaper 2>e.txt; status=$?
check "new paper from no such sample exits 2, writing nothing" test $status -eq 2 -a ! -e layouts/other
"$bin" new issue issues/x --paper nosuchpaper 2>e.txt; status=$?
check "new issue of no such paper exits 2, writing nothing" test $status -eq 2 -a ! -e issues/x
check "… with a hint" grep -qx "  hint: make one with: banmian new paper nosuchpaper" e.txt

# -q: only errors. The scaffold's page has a warning finding (a thin rule in two inks).
"$bin" render issues/testblatt-1 -o out2 --no-png 2>w.txt; status=$?
check "a render with a warning exits 0" test $status -eq 0
check "… printing the warning" grep -q "^  warning\[thin-rule\]" w.txt
check "… and the files written" grep -q "^  wrote " w.txt
"$bin" render issues/testblatt-1 -o out3 --no-png -q >q.txt 2>&1
check "-q prints nothing for it: no warnings, no 'wrote' lines" test ! -s q.txt
"$bin" render "$src/tests/layout/cases/overset" -o out4 --no-png -q 2>q.txt
check "-q with error findings prints those alone" sh -c "test -s q.txt && ! grep -qv '^  error\[' q.txt"

# --fail-on-warnings.
"$bin" render issues/testblatt-1 -o out5 --no-png -q --fail-on-warnings 2>f.txt; status=$?
check "--fail-on-warnings: a warning makes exit 1" test $status -eq 1
check "… saying why, even with -q" test "$(cat f.txt)" = "banmian: 1 warning and --fail-on-warnings: exit status 1"
"$bin" check "$src/issues/songjiang-2022-07-inside" --fail-on-warnings >/dev/null 2>&1
check "… a clean issue still exits 0" test $? -eq 0

# Source excerpts under diagnostics, the caret by display width (Chinese: 2 cells).
mkdir -p bad/articles
printf 'paper: testblatt\ntitle: 新报\ndate: 2026-01-05\npages:\n  - template: stack\n    slots: {news: {articles: [a]}}\narticles:\n  a: articles/a.md\n' >bad/issue.yaml
printf -- '---\nheadline: 标题\n---\n\n正文\n' >bad/articles/a.md
printf 'edition: 社区版\tx: 1\n' >>bad/issue.yaml  # a tab after Chinese, then an unknown key
"$bin" check bad 2>x.txt >/dev/null
check "a YAML error shows its line and a caret under the column (tab expanded, 汉字 2 cells)" \
  test "$(head -n 3 x.txt)" = "bad/issue.yaml:9:15: error[yaml-syntax]: YAML syntax error: illegal map value
    9 | edition: 社区版 x: 1
      |                  ^"
# Colour: never on a pipe, unless always; NO_COLOR turns auto off; a terminal turns it on.
"$bin" check bad --color always 2>c.txt >/dev/null
check "--color always colours the severity word and the caret" \
  sh -c "grep -qF \"$(printf 'bad/issue.yaml:9:15: \033[1;31merror\033[0m[yaml-syntax]')\" c.txt && grep -qF \"$(printf ' \033[1;31m^\033[0m')\" c.txt"
NO_COLOR=1 "$bin" check bad --color always 2>c2.txt >/dev/null
check "… even with NO_COLOR" cmp -s c.txt c2.txt
"$bin" check bad 2>c.txt >/dev/null
check "auto on a pipe: no colour" sh -c "! grep -q $'\033' c.txt"
"$bin" check bad --color never 2>c.txt >/dev/null
check "never: no colour" sh -c "! grep -q $'\033' c.txt"
script -qec "'$bin' check bad" /dev/null >t.txt 2>&1
check "auto on a terminal: colour" grep -qF "$(printf '\033[1;31merror\033[0m')" t.txt
NO_COLOR=1 script -qec "'$bin' check bad" /dev/null >t.txt 2>&1
check "… but not with NO_COLOR set" sh -c "grep -q 'error\[yaml-syntax\]' t.txt && ! grep -q $'\033\\[1' t.txt"
NO_COLOR= script -qec "'$bin' check bad" /dev/null >t.txt 2>&1
check "… an empty NO_COLOR counts as unset" grep -qF "$(printf '\033[1;31merror\033[0m')" t.txt
"$bin" render "$src/tests/layout/cases/overset" -o out7 --no-png --color always 2>c.txt
check "… and the severity words of the findings summary" \
  grep -qF "$(printf '  \033[1;31merror\033[0m[overset]')" c.txt
"$bin" check bad --json >j.txt 2>/dev/null
check "--json output has no excerpt and no colour" sh -c "! grep -q '    9 |' j.txt && ! grep -q $'\033' j.txt"

# banmian fonts: the families of fonts.conf, and which styles of a paper use them.
"$bin" fonts --paper testblatt >fonts.txt 2>e.txt; status=$?
check "fonts exits 0" test $status -eq 0 -a ! -s e.txt
check "… naming the configuration first" test "$(head -n 1 fonts.txt)" = "fonts.conf: $src/fonts/fonts.conf"
check "… listing the body family with its file" \
  sh -c "grep -A30 -x 'Noto Serif CJK SC' fonts.txt | grep -q '^  Regular: /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc'"
check "… and the styles that use it" \
  grep -qx "  used by testblatt: body masthead_title (bold) masthead_title_big (bold) pull_quote (bold) subhead (bold) vertical_headline (bold)" fonts.txt
check "… and the fallback fonts" grep -qx "HanaMinB" fonts.txt
sed -i 's/family: AR PL UKai CN/family: No Such Kai/' layouts/testblatt/paper.yaml
"$bin" fonts --paper testblatt >/dev/null 2>e.txt; status=$?
check "a family the configuration lacks: exit 1" test $status -eq 1
check "… naming it and its styles" test "$(cat e.txt)" = "banmian: paper 'testblatt' names the family 'No Such Kai', which the font configuration lacks (styles: body_emph byline caption slogan)"

# Completions and the man page name every option of every --help: the bash completion in
# the command's case, the zsh one in the command's case or (when it uses them) the common
# options.
for c in $commands; do
  awk "/^    $c\)/,/;;/" "$src/scripts/completions/banmian.bash" >bash-$c.txt
  awk "/^      $c\)/,/;;/" "$src/scripts/completions/_banmian" >zsh-$c.txt
  grep -q '\$common' zsh-$c.txt && awk '/^common=\(/,/^\)/' "$src/scripts/completions/_banmian" >>zsh-$c.txt
  for o in $("$bin" $c --help | sed -n '/^Options:$/,/^$/p' | grep -oE '^  (-[a-zA-Z], |    )--[a-z-]+' | tr ',' ' '); do
    check "the bash completion offers $c $o" grep -qE -- "(^|[ \"'])$o([ \"'\[]|$)" bash-$c.txt
    check "the zsh completion offers $c $o" grep -qE -- "(^|[ \"'{,])$o([ \"'}\[,]|$)" zsh-$c.txt
    check "the man page names $c $o" grep -qF -- "$(sed 's/-/\\-/g' <<<"$o")" "$src/docs/man/banmian.1"
  done
done
# The committed man page is what scripts/make-man.sh makes of this program's help (when
# help2man is installed; the page's date aside).
if command -v help2man >/dev/null; then
  "$src/scripts/make-man.sh" "$bin" "$tmp/banmian.1" >/dev/null 2>&1
  check "the man page is up to date with the help (scripts/make-man.sh)" \
    diff <(grep -v '^\.TH ' "$src/docs/man/banmian.1") <(grep -v '^\.TH ' "$tmp/banmian.1")
fi
check "the bash completion is valid bash" bash -n "$src/scripts/completions/banmian.bash"
command -v groff >/dev/null && check "the man page formats without warnings" sh -c "groff -man -Tutf8 -ww -z '$src/docs/man/banmian.1' 2>&1 | (! grep .)"
# The bash completion at work.
cat >comp.sh <<EOS
source '$src/scripts/completions/banmian.bash'
COMP_WORDS=(banmian ren); COMP_CWORD=1; _banmian; echo "\${COMPREPLY[*]}"
COMP_WORDS=(banmian render x --pr); COMP_CWORD=3; _banmian; echo "\${COMPREPLY[*]}"
COMP_WORDS=(banmian check x --color a); COMP_CWORD=4; _banmian; echo "\${COMPREPLY[*]}"
EOS
check "the bash completion completes commands, options and values" \
  test "$(bash comp.sh)" = "render
--proof --press --press-despite-errors
auto always"

finish
