#!/usr/bin/env bash
# The contact sheet against hostile names, in headless Chromium (issue 12, kind 5). An
# issue folder named like a javascript: URL must give links that stay files beside the
# sheet, and the sheet's Content-Security-Policy must stop a javascript: link even if one
# were written; names with '#', '?', '%', a space, a newline and a byte that is not UTF-8
# must still show their thumbnails. Controls show that the checks can fail: the same
# click on an unencoded link without the policy runs its script.
# Exit 77 (skipped) when chromium is not installed. Usage: sheet_links_test.sh BANMIAN SOURCE_DIR
set -u
bin=$1 src=$2
command -v chromium >/dev/null || { echo "chromium is not installed: skipped"; exit 77; }
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# The base64 SHA-256 of stdin, as a CSP hash source wants it.
sha256_base64() { printf "$(sha256sum | cut -c1-64 | sed 's/../\\x&/g')" | base64; }

# 1. A folder whose name is a javascript: URL that marks the page when it runs.
evil="javascript:document.body.setAttribute('data-pwned','1')"
cp -r "$src/tests/layout/cases/rare-characters" "$tmp/$evil"
"$bin" render "$tmp/$evil" -o "$tmp/evil" --layouts "$src/layouts" --dpi 20 -q 2>"$tmp/evil.err"
check "the hostile folder renders" test -s "$tmp/evil/index.html"
enc="javascript%3Adocument.body.setAttribute%28%27data-pwned%27%2C%271%27%29"
check "its PDF link is relative and encoded" grep -qF "<a href=\"./$enc.pdf\">" "$tmp/evil/index.html"
check "its thumbnail link and source are relative and encoded" \
  grep -qF "<a href=\"./$enc-p01.png\"><img class=\"thumb\" src=\"./$enc-p01.png\"" "$tmp/evil/index.html"
check "no attribute starts with javascript:" sh -c "! grep -qiE '(href|src)=\"javascript:' '$tmp/evil/index.html'"

# The policy's hashes are those of the sheet's own style sheet and script.
html=$(cat "$tmp/evil/index.html"; echo .) html=${html%.}
style=${html#*<style>} style=${style%%</style>*}
script=${html#*<script>} script=${script%%</script>*}
check "the policy allows the sheet's style sheet by its hash" \
  grep -qF "style-src 'sha256-$(printf '%s' "$style" | sha256_base64)'" "$tmp/evil/index.html"
check "… and its script by its hash" \
  grep -qF "script-src 'sha256-$(printf '%s' "$script" | sha256_base64)'" "$tmp/evil/index.html"

# A clicker script, allowed by adding its hash to the policy, records every link's scheme
# and clicks each link that would not open a file.
clicker='
window.addEventListener("load", function () {
  var links = Array.prototype.slice.call(document.querySelectorAll("a"));
  document.body.setAttribute("data-schemes", links.map(function (a) { return a.protocol; }).join(" "));
  links.forEach(function (a) { if (a.protocol !== "file:") a.click(); });
});
'
with_clicker() {  # with_clicker SHEET OUT: the sheet with the clicker, its hash allowed
  sed "s|script-src |script-src 'sha256-$(printf '%s' "$clicker" | sha256_base64)' |; s|</body>|<script>$(printf '%s' "$clicker" | tr '\n' '\r')</script></body>|" "$1" |
    tr '\r' '\n' >"$2"
}
with_clicker "$tmp/evil/index.html" "$tmp/evil/click.html"
browse "$tmp/evil/click.html" "$tmp/click.dom" "$tmp/click.log"
check "every link in the sheet opens a file" grep -q 'data-schemes="file: file:"' "$tmp/click.dom"
check "nothing ran from the folder's name" sh -c "! grep -q 'data-pwned=\"' '$tmp/click.dom'"
check "the thumbnail loads" grep -q 'data-thumbnails="all-loaded"' "$tmp/click.dom"
check "the console shows nothing" sh -c "! grep -q 'CONSOLE' '$tmp/click.log'"

# The policy alone: the sheet with its links written unencoded, as before, is clicked.
sed "s|\"./$enc|\"$evil|g" "$tmp/evil/index.html" >"$tmp/evil/raw.html"
check "(the unencoded sheet has a javascript: link)" grep -qF "<a href=\"$evil.pdf\">" "$tmp/evil/raw.html"
with_clicker "$tmp/evil/raw.html" "$tmp/evil/raw-click.html"
browse "$tmp/evil/raw-click.html" "$tmp/raw.dom" "$tmp/raw.log"
check "the policy stops a javascript: link that is clicked" sh -c "grep -q 'data-schemes=\"javascript:' '$tmp/raw.dom' && ! grep -q 'data-pwned=\"' '$tmp/raw.dom'"
check "… and says so in the console" grep -q 'Content Security Policy' "$tmp/raw.log"
# Control: without the policy, the same click runs the folder's name.
sed '/http-equiv="Content-Security-Policy"/d' "$tmp/evil/raw-click.html" >"$tmp/evil/open-click.html"
browse "$tmp/evil/open-click.html" "$tmp/open.dom" "$tmp/open.log"
check "(control: without the policy the link runs)" grep -q 'data-pwned="1"' "$tmp/open.dom"

# 2. A folder name with '#', '?', '%', a space, a newline and a byte that is not UTF-8.
odd=$'a#b?c%41 d\ne\xb1'
cp -r "$src/tests/layout/cases/rare-characters" "$tmp/$odd"
"$bin" render "$tmp/$odd" -o "$tmp/odd" --layouts "$src/layouts" --dpi 20 -q 2>"$tmp/odd.err"
check "the oddly named folder renders" test -s "$tmp/odd/index.html"
check "its links are encoded byte by byte" \
  grep -qF '<a href="./a%23b%3Fc%2541%20d%0Ae%B1-p01.png"><img class="thumb" src="./a%23b%3Fc%2541%20d%0Ae%B1-p01.png"' "$tmp/odd/index.html"
browse "$tmp/odd/index.html" "$tmp/odd.dom" "$tmp/odd.log"
check "its thumbnail loads" grep -q 'data-thumbnails="all-loaded"' "$tmp/odd.dom"
check "the console shows nothing" sh -c "! grep -q 'CONSOLE' '$tmp/odd.log'"

finish
