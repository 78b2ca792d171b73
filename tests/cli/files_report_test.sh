#!/usr/bin/env bash
# The files and the report (issue 17): --proof writes the proof beside the clean PDF;
# report.json's schema_version, its one form of `where` and its `issue` on bad input; a
# picture named the old way (relative to the issue folder) is found with a warning that
# reaches the terminal, report.json and the contact sheet; the contact sheet's summary of
# findings; out/index.html's counts and links (scripts/samples-index.sh).
# Usage: files_report_test.sh BANMIAN SOURCE_DIR
set -u
bin=$1 src=$2
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
flat() { tr -d ' \n' <"$1"; } # report.json on one line, without spaces

# --proof: the proof PDF and its previews beside the clean ones.
"$bin" render "$src/tests/layout/cases/overset" -o "$tmp/proof" --proof --dpi 20 -q 2>/dev/null
check "--proof: exit 1 (the case has overset text)" test $? -eq 1
check "… the clean PDF is written" test -s "$tmp/proof/overset.pdf"
check "… and the proof PDF beside it" test -s "$tmp/proof/overset-proof.pdf"
check "… both sets of previews" test -s "$tmp/proof/overset-p01.png" -a -s "$tmp/proof/overset-proof-p01.png"
check "… the proof carries the overlay (slot names)" sh -c "pdftotext '$tmp/proof/overset-proof.pdf' - | grep -q middle_left"
check "… the clean PDF does not" sh -c "! pdftotext '$tmp/proof/overset.pdf' - | grep -q middle_left"
check "… the clean PDF is the one a render without --proof writes" sh -c "
  '$bin' render '$src/tests/layout/cases/overset' -o '$tmp/plain' --dpi 20 -q 2>/dev/null
  cmp -s '$tmp/plain/overset.pdf' '$tmp/proof/overset.pdf' && cmp -s '$tmp/plain/overset-p01.png' '$tmp/proof/overset-p01.png'"
check "… without --proof there is no proof file" sh -c "! ls '$tmp/plain' | grep -q proof"
check "… report.json lists both PDFs and their previews in its outputs" sh -c "flat=\$(tr -d ' \n' <'$tmp/proof/report.json'); case \$flat in *'\"outputs\":[\"$tmp/proof/overset.pdf\",\"$tmp/proof/overset-p01.png\",\"$tmp/proof/overset-proof.pdf\",\"$tmp/proof/overset-proof-p01.png\",\"$tmp/proof/index.html\",\"$tmp/proof/report.json\"]'*) ;; *) exit 1 ;; esac"
check "… and times the proof" grep -q '"proof": [0-9]' "$tmp/proof/report.json"
check "… the contact sheet links the proof PDF" grep -qF '<a href="./overset-proof.pdf">overset-proof.pdf</a>' "$tmp/proof/index.html"
check "… and each page's proof preview" grep -qF '<a href="./overset-proof-p01.png">proof</a>' "$tmp/proof/index.html"
check "… its thumbnails are the clean previews" grep -qF '<img class="thumb" src="./overset-p01.png"' "$tmp/proof/index.html"

# report.json: a schema version, and `where` in one form.
check "report.json opens with schema_version 1" sh -c "head -n 2 '$tmp/proof/report.json' | tail -n 1 | grep -qx '  \"schema_version\": 1,'"
check "overset is in its slot as {kind, name}" sh -c "tr -d ' \n' <'$tmp/proof/report.json' | grep -q '\"code\":\"overset\",\"page\":1,\"label\":\"1\",\"where\":{\"kind\":\"slot\",\"name\":\"middle_left\"}'"
check "no finding has a string or empty where" sh -c "! grep -q '\"where\": \"' '$tmp/proof/report.json'"
"$bin" check "$src/issues/chunshen-2024-06-07" --json >"$tmp/chunshen.json" 2>/dev/null
check "every where of a sample is {kind, name} or null" sh -c "
  n=\$(grep -c '\"where\"' '$tmp/chunshen.json'); [ \"\$n\" -gt 0 ] || exit 1
  ok=\$(grep -c '\"where\": \(null\|{\)' '$tmp/chunshen.json'); [ \"\$n\" = \"\$ok\" ]"
check "… with kinds slot and region alone" sh -c "! tr -d ' \n' <'$tmp/chunshen.json' | grep -o '\"where\":{\"kind\":\"[a-z-]*\"' | grep -v '\"slot\"\$\|\"region\"\$'"
check "a missing glyph is in its article's slot" sh -c "
  '$bin' check '$src/tests/layout/cases/rare-characters' --json 2>/dev/null | tr -d ' \n' |
    grep -q '\"code\":\"missing-glyph\",\"page\":1,\"label\":\"[^\"]*\",\"where\":{\"kind\":\"slot\",'"

# `issue` on bad input: the folder as given, not "".
"$bin" check "$src/tests/errors/yaml-syntax" --json >"$tmp/bad.json" 2>/dev/null
check "check --json on bad input: exit 2" test $? -eq 2
check "… issue is the folder as given" grep -qF "\"issue\": \"$src/tests/errors/yaml-syntax\"," "$tmp/bad.json"
check "… with the input error" grep -q '"code": "yaml-syntax"' "$tmp/bad.json"

# A picture named relative to the issue folder (the old rule): found, with a warning.
cp -r "$src/issues/hongqiao-2021-05-front" "$tmp/old"
sed -i 's|](\.\./pictures/|](pictures/|' "$tmp/old/articles/linghang.md"
"$bin" render "$tmp/old" -o "$tmp/old-out" --dpi 20 2>"$tmp/old.err" >/dev/null
check "old picture path: the render exits as before (0)" test $? -eq 0
check "… the warning at the picture, saying how to write it" grep -qF "$tmp/old/articles/linghang.md:7:1: warning[picture-path]: picture 'pictures/huichang-standin.jpg' is found relative to the issue folder, not to articles/linghang.md; write '../pictures/huichang-standin.jpg'" "$tmp/old.err"
check "… the picture is placed" grep -q '"file": "[^"]*/pictures/huichang-standin.jpg"' "$tmp/old-out/report.json"
check "… report.json has the warning and counts it" sh -c "tr -d ' \n' <'$tmp/old-out/report.json' | grep -q '\"input_errors\":\[{\"severity\":\"warning\",\"code\":\"picture-path\"'"
check "… the contact sheet shows it under the issue as a whole" grep -qF "<li class=\"warning\"><b>warning picture-path</b> <i>$tmp/old/articles/linghang.md:7:1</i> picture &#39;pictures/huichang-standin.jpg&#39; is found" "$tmp/old-out/index.html"
"$bin" render "$src/issues/hongqiao-2021-05-front" -o "$tmp/new-out" --dpi 20 2>"$tmp/new.err" >/dev/null
check "the sample itself gives no such warning" sh -c "! grep -q picture-path '$tmp/new.err' '$tmp/new-out/report.json'"
check "… and places the same picture" sh -c "grep -q '\"file\": \"[^\"]*/pictures/huichang-standin.jpg\"' '$tmp/new-out/report.json'"
for issue in "$src"/issues/*/; do
  "$bin" check "$issue" -q 2>"$tmp/sample.err" >/dev/null
  check "no picture-path warning in $(basename "$issue")" sh -c "! grep -q 'picture-path' '$tmp/sample.err'"
done

# The contact sheet's summary: counts per page, and none of it reads "no findings" when
# a page has warnings.
"$bin" render "$src/issues/hongqiao-2019-09-front" -o "$tmp/warned" --dpi 20 -q 2>/dev/null
warnings=$(grep -o '"warnings": [0-9]*' "$tmp/warned/report.json" | grep -o '[0-9]*$')
check "the sample has warnings ($warnings)" test "${warnings:-0}" -gt 0
check "the sheet never says 'no findings'" sh -c "! grep -qi 'no findings' '$tmp/warned/index.html'"
check "its summary counts them" grep -qF "<caption>findings: 0 errors · $warnings warning$([ "$warnings" = 1 ] || echo s) · " "$tmp/warned/index.html"
check "… per page" grep -qF "<tr class=\"warning\"><td>第 A01 版</td><td class=\"n\">0</td><td class=\"n\">$warnings</td>" "$tmp/warned/index.html"
check "… under the page's thumbnail too" grep -qF "<p class=\"counts warning\">0 errors · $warnings warning" "$tmp/warned/index.html"

# out/index.html: counts and links for every issue rendered (a clean one, one with
# warnings, one with error findings, one that did not render).
mkdir -p "$tmp/samples"
"$bin" render "$src/issues/songjiang-2022-07-inside" -o "$tmp/samples/songjiang" --press --dpi 20 -q 2>/dev/null
s1=$?
"$bin" render "$src/issues/hongqiao-2019-09-front" -o "$tmp/samples/hongqiao" --press --dpi 20 -q 2>/dev/null
s2=$?
"$bin" render "$src/tests/layout/cases/overset" -o "$tmp/samples/o&<x>" --proof --dpi 20 -q 2>/dev/null
s3=$?
"$bin" render "$src/tests/errors/yaml-syntax" -o "$tmp/samples/broken" -q 2>/dev/null
s4=$?
bash "$src/scripts/samples-index.sh" "$tmp/samples" songjiang $s1 hongqiao $s2 "o&<x>" $s3 broken $s4
index=$tmp/samples/index.html
section() { sed -n "/<section class=\"issue\" data-issue=\"$1\">/,/<\/section>/p" "$index"; }
check "index: the clean issue's counts" sh -c "$(declare -f section); index='$index'; section songjiang | grep -qF '<p class=\"counts clean\">1 page · 0 errors · 0 warnings · '"
check "… with its exit status" sh -c "$(declare -f section); index='$index'; section songjiang | grep -q '(exit status 0)</p>'"
check "… the issue with warnings" sh -c "$(declare -f section); index='$index'; section hongqiao | grep -qF '<p class=\"counts warning\">1 page · 0 errors · $warnings warning'"
check "… links its contact sheet, screen PDF and press PDF" sh -c "$(declare -f section); index='$index'; section hongqiao | grep -qF '<p class=\"files\"><a href=\"./hongqiao/index.html\">contact sheet</a> · <a href=\"./hongqiao/hongqiao-2019-09-front.pdf\">hongqiao-2019-09-front.pdf</a> · <a href=\"./hongqiao/press/shequchenbao-2019-09-25-A01.pdf\">'"
check "… and its preview" sh -c "$(declare -f section); index='$index'; section hongqiao | grep -qF '<img src=\"./hongqiao/hongqiao-2019-09-front-p01.png\"'"
check "… the issue with errors, its name escaped and its links encoded" sh -c "$(declare -f section); index='$index'; section 'o&amp;&lt;x&gt;' | grep -q '<p class=\"counts error\">1 page · [1-9][0-9]* errors\? · '"
check "… its proof PDF linked" grep -qF '<a href="./o%26%3Cx%3E/overset-proof.pdf">overset-proof.pdf</a>' "$index"
check "… its proof previews not shown as pages" sh -c "grep -q 'src=\"./o%26%3Cx%3E/overset-p01.png' '$index' && ! grep -q 'src=\"./o%26%3Cx%3E/overset-proof-p01.png' '$index'"
check "… the issue that did not render says so" sh -c "$(declare -f section); index='$index'; section broken | grep -qF 'not rendered: errors in the input (exit status 2'"
links_lead_to_files() { # every href and src of the index, decoded, is a file beside it
  local u f
  for u in $(grep -o '\(href\|src\)="[^"]*"' "$index" | sed 's/^[a-z]*="//; s/"$//'); do
    f=$(printf '%b' "$(printf '%s' "$u" | sed 's/%\([0-9A-F][0-9A-F]\)/\\x\1/g')")
    [ -e "$tmp/samples/$f" ] || { echo "missing: $f"; return 1; }
  done
}
check "… every link leads to a file" links_lead_to_files
check "… the counts are report.json's" sh -c "grep -q '\"errors\": 0,' '$tmp/samples/songjiang/report.json'"
# Control: a summary the script cannot read gives '?', never a wrong number.
cp -r "$tmp/samples/songjiang" "$tmp/samples/garbled"
sed -i 's/^    "errors": 0,$/    "errors": zero,/' "$tmp/samples/garbled/report.json"
bash "$src/scripts/samples-index.sh" "$tmp/samples" garbled 0
check "an unreadable count shows as ?" grep -qF '<p class="counts error">1 page · ? errors' "$tmp/samples/index.html"

finish
