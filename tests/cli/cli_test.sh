#!/usr/bin/env bash
# Command-line tests: --help/--version, usage errors, render outputs, exit statuses,
# check writing nothing, overset text reported with exit status 1, and byte-identical
# PDFs from two runs. Usage: cli_test.sh BANMIAN SOURCE_DIR
set -u
bin=$1 src=$2
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

"$bin" --version >"$tmp/v"; check "--version exits 0" test $? -eq 0
check "--version names the tool" grep -q "^banmian [0-9]" "$tmp/v"
"$bin" --help >"$tmp/h"; check "--help exits 0" test $? -eq 0
check "--help documents render and check" grep -q "banmian check ISSUE_DIR" "$tmp/h"
"$bin" frobnicate 2>"$tmp/e"; check "unknown command exits 2" test $? -eq 2
check "unknown command is named" grep -q "unknown command 'frobnicate'" "$tmp/e"
"$bin" render 2>"$tmp/e"; check "render without a folder exits 2" test $? -eq 2
"$bin" render "$src/issues/hongqiao-2021-05-front" --dpi 5 2>"$tmp/e"; check "a bad --dpi exits 2" test $? -eq 2
# Numbers on the command line are plain decimals: what strtod or strtol alone would take
# (exponents, hex, spaces, a sign, inf) is refused with the usage error, writing nothing.
for bad in "--dpi 1e2" "--dpi 0x64" "--dpi +100" "--dpi inf" "--dpi 100." "-j 0x2" "-j 2.0" "-j -1"; do
  "$bin" render "$src/issues/hongqiao-2021-05-front" -o "$tmp/bad-number" $bad 2>"$tmp/e"
  check "$bad is refused (exit 2)" test $? -eq 2
  check "… with the usage error" grep -q "needs a" "$tmp/e"
done
"$bin" render "$src/issues/hongqiao-2021-05-front" -o "$tmp/bad-number" --dpi " 100" 2>"$tmp/e"
check "--dpi ' 100' is refused (exit 2)" test $? -eq 2
check "… writing nothing" test ! -e "$tmp/bad-number"

issue="$src/issues/hongqiao-2021-05-front"
"$bin" render "$issue" -o "$tmp/a" --dpi 30 -q; check "render of a sample exits 0" test $? -eq 0
check "render writes the PDF" test -s "$tmp/a/hongqiao-2021-05-front.pdf"
check "render writes a PNG per page" test -s "$tmp/a/hongqiao-2021-05-front-p01.png"
check "render writes report.json" grep -q '"command": "render"' "$tmp/a/report.json"
check "no temporary files are left" test -z "$(ls "$tmp/a" | grep tmp)"
check "the PNG is a PNG" sh -c "head -c 8 '$tmp/a/hongqiao-2021-05-front-p01.png' | od -An -c | grep -q 'P   N   G'"
"$bin" render "$issue" -o "$tmp/b" --no-png -q
check "two runs give byte-identical PDFs" cmp -s "$tmp/a/hongqiao-2021-05-front.pdf" "$tmp/b/hongqiao-2021-05-front.pdf"
check "--no-png writes no PNG" test ! -e "$tmp/b/hongqiao-2021-05-front-p01.png"
check "the PDF's text copies out as the original characters" sh -c \
  "pdftotext '$tmp/a/hongqiao-2021-05-front.pdf' - | tr -d ' \n' | grep -q '领航新百年，聚力新征程'"
# The label A01 is prefix "A0" with decimal numbering from 1, as qpdf reads it back.
check "the PDF carries the page label A01" sh -c "qpdf --json --json-key=pagelabels '$tmp/a/hongqiao-2021-05-front.pdf' | tr -d ' \n' | grep -q '\"label\":{\"/P\":\"u:A0\",\"/S\":\"/D\",\"/St\":1}'"
check "the PDF's outline names the page" sh -c "qpdf --json --json-key=outlines '$tmp/a/hongqiao-2021-05-front.pdf' | grep -q '\"title\": \"第 A01 版\"'"
check "every font is embedded" sh -c "pdffonts '$tmp/a/hongqiao-2021-05-front.pdf' | tail -n +3 | awk '{ if (\$(NF-4) != \"yes\") exit 1 }'"

mkdir "$tmp/empty"
(cd "$tmp/empty" && "$bin" check "$issue" >"$tmp/c.out" 2>&1); check "check of a clean sample exits 0" test $? -eq 0
(cd "$tmp/empty" && "$bin" check "$issue" --json >"$tmp/c.json"); check "check --json prints the report" grep -q '"command": "check"' "$tmp/c.json"
check "check writes nothing" test -z "$(ls -A "$tmp/empty")"
# The copyfit: after the findings, a line per module that does not fit exactly (the
# relative front page's second story, taking the rest of the page, is short of it).
"$bin" check "$src/tests/layout/cases/relative-front" >"$tmp/f.out" 2>&1
check "a module short of its slot is an error (exit 1)" test $? -eq 1
check "check prints the copyfit of a short module" grep -q "^  fit A01 second (xiaolv): [0-9]* lines short: add about [0-9]* characters, or give the slot 5 grid lines fewer$" "$tmp/f.out"
check "… after the findings" awk '/^  (error|warning)\[/ { w = NR } /^  fit / && !f { f = NR } END { exit !(w && f > w) }' "$tmp/f.out"
check "check --json gives the copyfit per module" sh -c "tr -d ' \n' <'$tmp/c.json' | grep -q '\"fit\":\[{\"page\":1,\"label\":\"A01\",\"slot\":\"lead\",\"article\":\"linghang\"'"
"$bin" check "$issue" -q >"$tmp/q.out" 2>&1; check "check -q prints no copyfit" test ! -s "$tmp/q.out"
"$bin" check "$src/tests/layout/cases/overset" -q >"$tmp/q.out" 2>&1
check "… not even when there are errors to print" sh -c "grep -q 'error\[overset\]' '$tmp/q.out' && ! grep -q '^  fit ' '$tmp/q.out'"

# An article made too long: pages are written, the overset is reported, exit status 1.
cp -r "$issue" "$tmp/long"
body=$(sed -n '/^---$/,/^---$/!p' "$issue/articles/linghang.md")
printf '\n%s\n%s\n%s\n' "$body" "$body" "$body" >>"$tmp/long/articles/linghang.md"
"$bin" render "$tmp/long" -o "$tmp/long-out" --no-png 2>"$tmp/long.err"; status=$?
check "overset text exits 1" test $status -eq 1
check "overset is reported with the article and slot" grep -q "error\[overset\].*article 'linghang' does not fit slot 'lead'" "$tmp/long.err"
check "overset pages are still written" test -s "$tmp/long-out/long.pdf"
check "report.json counts the overset characters" grep -q '"code": "overset"' "$tmp/long-out/report.json"

# PNG pictures are placed too (JPEG bytes passing untouched is tested in tests/render).
# (Exit status 1: the case fills one slot of its template and leaves three empty.)
"$bin" render "$src/tests/layout/cases/png-picture" -o "$tmp/png" --no-png -q; check "an issue with a PNG picture renders" test $? -le 1
check "the PNG picture is in the PDF" sh -c "pdfimages -list '$tmp/png/png-picture.pdf' | tail -n +3 | grep -q '400   300'"

# Rare characters: one from the fallback chain, one no font has (an error, exit 1).
"$bin" render "$src/tests/layout/cases/rare-characters" -o "$tmp/rare" --no-png 2>"$tmp/rare.err"; status=$?
check "a character no font has exits 1" test $status -eq 1
check "it is reported with its place, code point and source line" grep -q "error\[missing-glyph\] page 1 col [0-9]* row[^(]*(.*articles/a.md:6:[0-9]*): no font has the character .* (U+1FAE0)" "$tmp/rare.err"
check "an extension-B character comes from the fallback font" grep -q '"family": "HanaMinA"' "$tmp/rare/report.json"
check "the page is still written" test -s "$tmp/rare/rare-characters.pdf"

# Invisible characters (a zero-width space, a soft hyphen) shape to Pango's empty glyph,
# 0x0FFFFFFF: once that made the PDF writer size its glyph tables to 4.5 GB. Run under a
# 1.5 GB address-space limit (not with AddressSanitizer, which reserves far more).
mkdir -p "$tmp/zw"
cp -r "$src/tests/layout/cases/rare-characters" "$tmp/zw/case"
printf '零宽\xe2\x80\x8b空格与软\xc2\xad连字符。\n' >>"$tmp/zw/case/articles/a.md"
if [ -z "${ASAN_OPTIONS:-}" ]; then limit="ulimit -v 1500000;"; else limit=""; fi
sh -c "$limit '$bin' render '$tmp/zw/case' -o '$tmp/zw/out' --no-png -q" 2>"$tmp/zw.err"; status=$?
check "invisible characters render within 1.5 GB (exit 1 only for the missing glyph)" test $status -eq 1
check "and the PDF is written" test -s "$tmp/zw/out/case.pdf"

# Proof mode: grids, slot names and overset text on the proof files, never on press files.
# The overset case has error findings: its press files are held back unless asked for.
"$bin" render "$src/tests/layout/cases/overset" -o "$tmp/proof" --proof --press --dpi 20 -q 2>"$tmp/held.err"
check "press held back: exit 1" test $? -eq 1
check "… saying so, even with -q" test "$(tail -n 1 "$tmp/held.err")" = "banmian: press files not written: 4 error findings on the pages; fix them, or render with --press-despite-errors"
check "… no press folder" test ! -e "$tmp/proof/press"
check "… the proof and the report still written" test -s "$tmp/proof/overset-proof.pdf" -a -s "$tmp/proof/report.json"
check "… report.json says the press files were not written" sh -c "tr -d ' \n' <'$tmp/proof/report.json' | grep -q '\"press\":{\"written\":false,\"despite_errors\":false,\"error_findings\":4}'"
"$bin" render "$src/tests/layout/cases/overset" -o "$tmp/proof" --proof --press --press-despite-errors --dpi 20 -q 2>"$tmp/despite.err"
check "--press-despite-errors: exit 1 still" test $? -eq 1
check "… saying the press files were written anyway" test "$(tail -n 1 "$tmp/despite.err")" = "banmian: press files written despite 4 error findings (--press-despite-errors)"
check "… report.json records it" sh -c "tr -d ' \n' <'$tmp/proof/report.json' | grep -q '\"press\":{\"written\":true,\"despite_errors\":true,\"error_findings\":4}'"
check "… the press file carries no overset tab" sh -c "! pdftotext '$tmp/proof/press/shequchenbao-2021-05-10-1.pdf' - | grep -q '溢出'"
"$bin" render "$src/tests/layout/cases/overset" -o "$tmp/despite-alone" --press-despite-errors 2>"$tmp/e"
check "--press-despite-errors without --press is a usage error" test $? -eq 2
check "… saying what it needs" grep -q "^banmian: --press-despite-errors needs --press$" "$tmp/e"
check "--proof writes <issue>-proof.pdf and -proof PNGs" test -s "$tmp/proof/overset-proof.pdf" -a -s "$tmp/proof/overset-proof-p01.png"
check "the proof names the slots" sh -c "pdftotext '$tmp/proof/overset-proof.pdf' - | grep -q middle_left"
check "the proof shows the overset text in its panel" sh -c "pdftotext '$tmp/proof/overset-proof.pdf' - | tr -d ' \n' | grep -q '溢出799字：专用车辆随时待命'"
check "the proof labels the place of each finding" sh -c "pdftotext '$tmp/proof/overset-proof.pdf' - | grep -q '^overset$'"
check "report.json gives the overset's area and grid place" sh -c "tr -d ' \n' <'$tmp/proof/report.json' | grep -q '\"code\":\"overset\".*\"area_mm\":{\"x\":[0-9.]*,\"y\":[0-9.]*,\"width\":[0-9.]*,\"height\":[0-9.]*},\"grid\":{\"columns\":\[[0-9]*,[0-9]*\],\"rows\":\[[0-9]*,[0-9]*\]}'"
check "the press file carries no proof overlay" sh -c "! pdftotext '$tmp/proof/press/shequchenbao-2021-05-10-1.pdf' - | grep -q middle_left"

# --jobs: pages painted at once, files the same whatever the number.
export SOURCE_DATE_EPOCH=1620604800  # the slug line of --marks otherwise shows the time of the run
"$bin" render "$src/issues/feature-demo" -o "$tmp/j1" --press --marks --dpi 20 --jobs 1 -q
"$bin" render "$src/issues/feature-demo" -o "$tmp/j3" --press --marks --dpi 20 -j 3 -q
j1=$(files "$tmp/j1") j3=$(files "$tmp/j3")
check "--jobs 1 and --jobs 3 write the same files, byte for byte" test -n "$j1" -a "$j1" = "$j3"
check "… all 8 of them (PDF, 3 PNGs, contact sheet, 3 press files)" test "$(wc -l <<<"$j1")" -eq 8
# What the press conversion found of the picture: an untagged RGB JPEG, within the ink limit.
picture_press=$(grep -A4 '^      "press": {' "$tmp/j1/report.json")
check "report.json gives the press picture's source colour" \
  grep -qF '"colour_space": "RGB",' <<<"$picture_press"
check "… and profile" grep -qF '"profile": "untagged",' <<<"$picture_press"
check "… and its most ink, within the 240 % limit" \
  awk '/"max_ink"/ { found = 1; ok = $2 + 0 > 100 && $2 + 0 <= 240 } END { exit !(found && ok) }' <<<"$picture_press"
"$bin" render "$issue" -o "$tmp/j0" --jobs 0 2>"$tmp/e"; check "--jobs 0 is a usage error" test $? -eq 2
check "… saying what --jobs needs" grep -q "jobs needs a whole number from 1 to 256" "$tmp/e"

# --pages: only those pages' files; the whole issue composed, report.json keeps every page.
demo="$src/issues/feature-demo"  # pages B01, B02, B03
"$bin" render "$demo" -o "$tmp/all" --press --marks --dpi 20 -q
"$bin" render "$demo" -o "$tmp/some" --pages B01,3 --press --marks --dpi 20 -j 1 -q
check "--pages B01,3 exits 0" test $? -eq 0
check "… writes the PNGs of B01 and B03 alone" test "$(cd "$tmp/some" && ls *.png | tr '\n' ' ')" = "feature-demo-p01.png feature-demo-p03.png "
check "… the same bytes as a whole render's" sh -c "cmp -s '$tmp/all/feature-demo-p01.png' '$tmp/some/feature-demo-p01.png' && cmp -s '$tmp/all/feature-demo-p03.png' '$tmp/some/feature-demo-p03.png'"
check "… a PDF of 2 pages" sh -c "pdfinfo '$tmp/some/feature-demo.pdf' | grep -q '^Pages: *2$'"
check "… whose pages are B01 and B03 (their text)" sh -c "test \"\$(pdftotext -f 2 -l 2 '$tmp/some/feature-demo.pdf' -)\" = \"\$(pdftotext -f 3 -l 3 '$tmp/all/feature-demo.pdf' -)\""
check "… labelled B01 and B03" sh -c "qpdf --json --json-key=outlines '$tmp/some/feature-demo.pdf' | grep '\"title\"' | tr -d ' \n' | grep -qx '\"title\":\"第B01版\"\"title\":\"第B03版\"'"
check "… the press files of B01 and B03 alone" test "$(ls "$tmp/some/press" | tr '\n' ' ')" = "$(ls "$tmp/all/press" | sed -n '1p;3p' | tr '\n' ' ')"
check "report.json names the pages written" sh -c "tr -d ' \n' <'$tmp/some/report.json' | grep -q '\"pages_written\":\[\"B01\",\"B03\"\]'"
check "… and still every page of the issue" sh -c "tr -d ' \n' <'$tmp/some/report.json' | grep -o '\"label\":\"B0[0-9]\",\"width_mm\"' | wc -l | grep -qx 3"
check "a whole render's report.json names every page written" sh -c "tr -d ' \n' <'$tmp/all/report.json' | grep -q '\"pages_written\":\[\"B01\",\"B02\",\"B03\"\]'"
check "the contact sheet says which pages were written" grep -qF '<p class="selection">Pages B01, B03 of 3 written (--pages); report.json has the findings of every page.</p>' "$tmp/some/index.html"
check "… and shows those alone" sh -c "grep -c '<figure>' '$tmp/some/index.html' | grep -qx 2 && ! grep -q 'p02.png' '$tmp/some/index.html'"
"$bin" render "$demo" -o "$tmp/some2" --pages B01,3 --press --marks --dpi 20 -j 2 -q
some1=$(files "$tmp/some") some2=$(files "$tmp/some2")
check "--pages with --jobs 1 and --jobs 2: the same files, byte for byte" test -n "$some1" -a "$some1" = "$some2"
# Another selection into the same folder replaces the set, as every render does.
"$bin" render "$demo" -o "$tmp/some" --pages B02-B03 --dpi 20 -q
check "--pages B02-B03 into the same folder leaves B02 and B03 alone" test "$(cd "$tmp/some" && ls *.png | tr '\n' ' ')" = "feature-demo-p02.png feature-demo-p03.png "
# A page the issue has not: an input error, exact, and nothing written.
"$bin" render "$demo" -o "$tmp/nopage" --pages B01,B04 2>"$tmp/e"
check "--pages B01,B04 (no B04) exits 2" test $? -eq 2
check "… saying which page, listing the pages" test "$(cat "$tmp/e")" = "--pages: error[unknown-page]: the issue has no page 'B04'
  hint: the issue's pages are B01–B03
banmian: 1 error in the input; nothing written"
check "… writing nothing" test ! -e "$tmp/nopage"
"$bin" render "$demo" -o "$tmp/nopage" --pages BO2 2>"$tmp/e"
check "--pages BO2 (a letter O) suggests B02" test "$(sed -n 2p "$tmp/e")" = "  hint: did you mean 'B02'?"
"$bin" render "$demo" -o "$tmp/nopage" --pages B03-B01 2>"$tmp/e"
check "--pages B03-B01 exits 2" test $? -eq 2
check "… a range backwards" test "$(head -n 2 "$tmp/e")" = "--pages: error[page-range-backwards]: the range B03-B01 runs backwards (B03 is page 3, B01 page 1)
  hint: write B01-B03"
check "… writing nothing" test ! -e "$tmp/nopage"
for bad in "A01,,A03" "A03-" ""; do
  "$bin" render "$demo" -o "$tmp/nopage" --pages "$bad" 2>"$tmp/e"
  check "--pages '$bad' is a usage error (exit 2)" test $? -eq 2
  check "… with the pointer to render's help" grep -qx "Try 'banmian render --help'." "$tmp/e"
done
check "… writing nothing" test ! -e "$tmp/nopage"
"$bin" check "$demo" --pages B01 2>"$tmp/e"
check "check --pages is a usage error" test "$(head -n 1 "$tmp/e")" = "banmian: check does not take --pages: it is an option of render"

finish
