#!/usr/bin/env bash
# The contact sheet opened in headless Chromium, as layout staff would open it from
# disk: every thumbnail must load and the console must stay silent. Two controls show
# the checks can fail: a sheet with a thumbnail removed, and a page that logs an error.
# Exit 77 (skipped) when chromium is not installed. Usage: contact_sheet_test.sh BANMIAN SOURCE_DIR
set -u
bin=$1 src=$2
command -v chromium >/dev/null || { echo "chromium is not installed: skipped"; exit 77; }
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

"$bin" render "$src/issues/feature-demo" -o "$tmp/out" --dpi 30 -q
check "render writes index.html" test -s "$tmp/out/index.html"
browse "$tmp/out/index.html" "$tmp/dom.html" "$tmp/log.txt"
check "every thumbnail loads" grep -q 'data-thumbnails="all-loaded"' "$tmp/dom.html"
check "all three pages are on the sheet" grep -q '3 / 3 thumbnails loaded' "$tmp/dom.html"
check "the console shows nothing" sh -c "! grep -q 'CONSOLE' '$tmp/log.txt'"
check "the pages' labels are shown" grep -q '第 B03 版' "$tmp/dom.html"
# The copyfit: under each page, a table of its modules (slot, article, over or short, and
# what would make it fit), one row per module as report.json's `fit` lists them.
check "every page has its copyfit table" test "$(grep -c '<caption>copyfit</caption>' "$tmp/dom.html")" -eq 3
rows=$(grep -c '^<tr class="\(exact\|short\|over\)"><td>' "$tmp/out/index.html")
check "a row per module, as in report.json ($rows)" test "$rows" -gt 0 -a "$rows" -eq "$(grep -c '"advice": \[' "$tmp/out/report.json")"
check "a short module says by how much" grep -q '<tr class="short"><td>[a-z_]*</td><td>[a-z0-9_]*</td><td class="n">[0-9]* lines\? short · ≈[0-9]* chars\?</td></tr>' "$tmp/dom.html"
check "… and what would fill it" grep -q '<tr class="advice"><td colspan="3">[0-9]* lines\? short: add about [0-9]* characters' "$tmp/dom.html"

# A finding with a place on its page says where, beside its code.
"$bin" render "$src/tests/layout/cases/overset" -o "$tmp/overset" --dpi 20 -q 2>/dev/null
check "a finding on the sheet gives its place" grep -q '<b>error overset</b> <i>cols\? [0-9]' "$tmp/overset/index.html"
check "overset text is a copyfit row with what to cut" sh -c "grep -q '<tr class=\"over\"><td>middle_left</td><td>xiaolv</td><td class=\"n\">[0-9]* lines over · [0-9]* chars</td></tr>' '$tmp/overset/index.html' && grep -q '<td colspan=\"3\">cut [0-9]* characters ([0-9]* lines), or give the slot [0-9]* more grid lines' '$tmp/overset/index.html'"

# Controls: the same checks on broken input must fail.
rm "$tmp/out/feature-demo-p02.png"
browse "$tmp/out/index.html" "$tmp/dom2.html" "$tmp/log2.txt"
check "a missing thumbnail is noticed" grep -q 'data-thumbnails="missing"' "$tmp/dom2.html"
printf '<html><body><script>console.error("boom")</script></body></html>' >"$tmp/bad.html"
browse "$tmp/bad.html" "$tmp/dom3.html" "$tmp/log3.txt"
check "a console error is noticed" grep -q 'CONSOLE' "$tmp/log3.txt"

finish
