#!/usr/bin/env bash
# out/index.html (scripts/samples-index.sh) opened in headless Chromium, as from disk:
# every preview loads, every link opens a file, the style sheet its policy allows is
# applied (counts in colour) and the console stays silent. A checker script, allowed by
# adding its hash to a copy's policy, reads the page; the index itself runs no script.
# Controls: a preview removed is noticed, and so is a style its policy does not allow.
# Exit 77 (skipped) when chromium is not installed. Usage: samples_index_test.sh BANMIAN SOURCE_DIR
set -u
bin=$1 src=$2
command -v chromium >/dev/null || { echo "chromium is not installed: skipped"; exit 77; }
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
sha256_base64() { printf "$(sha256sum | cut -c1-64 | sed 's/../\\x&/g')" | base64; }

mkdir -p "$tmp/out"
"$bin" render "$src/issues/feature-demo" -o "$tmp/out/feature demo" --press --dpi 20 -q 2>/dev/null
s1=$?
"$bin" render "$src/tests/layout/cases/overset" -o "$tmp/out/overset" --proof --dpi 20 -q 2>/dev/null
s2=$?
bash "$src/scripts/samples-index.sh" "$tmp/out" "feature demo" $s1 overset $s2
check "the index is written" test -s "$tmp/out/index.html"
check "the index carries no script" sh -c "! grep -qi '<script' '$tmp/out/index.html'"

# (No & in it: sed would read it in the replacement.)
checker='
window.addEventListener("load", function () {
  var imgs = Array.prototype.slice.call(document.querySelectorAll("img"));
  var loaded = imgs.filter(function (i) { return i.complete ? i.naturalWidth > 0 : false; }).length;
  var links = Array.prototype.slice.call(document.querySelectorAll("a"));
  var b = document.body;
  b.setAttribute("data-images", loaded + "/" + imgs.length);
  b.setAttribute("data-schemes", links.map(function (a) { return a.protocol; })
    .filter(function (p, i, all) { return all.indexOf(p) === i; }).join(" "));
  b.setAttribute("data-links", String(links.length));
  var e = document.querySelector("p.counts.error");
  b.setAttribute("data-error-colour", e ? getComputedStyle(e).color : "none");
});
'
with_checker() { # with_checker INDEX OUT
  sed "s|form-action 'none'|form-action 'none'; script-src 'sha256-$(printf '%s' "$checker" | sha256_base64)'|; s|</body>|<script>$(printf '%s' "$checker" | tr '\n' '\r')</script></body>|" "$1" |
    tr '\r' '\n' >"$2"
}
with_checker "$tmp/out/index.html" "$tmp/out/check.html"
browse "$tmp/out/check.html" "$tmp/dom.html" "$tmp/log.txt"
check "every preview loads (3 of feature-demo, 1 of overset)" grep -q 'data-images="4/4"' "$tmp/dom.html"
check "every link opens a file" grep -q 'data-schemes="file:"' "$tmp/dom.html"
check "the style sheet is applied: error counts in red" grep -q 'data-error-colour="rgb(187, 0, 0)"' "$tmp/dom.html"
check "the console shows nothing" sh -c "! grep -q 'CONSOLE' '$tmp/log.txt'"

# Controls: the same checks must be able to fail.
rm "$tmp/out/feature demo/feature-demo-p02.png"
browse "$tmp/out/check.html" "$tmp/dom2.html" "$tmp/log2.txt"
check "(control: a missing preview is noticed)" grep -q 'data-images="3/4"' "$tmp/dom2.html"
sed 's|color:#b00|color:#b01|' "$tmp/out/check.html" >"$tmp/out/restyled.html"
browse "$tmp/out/restyled.html" "$tmp/dom3.html" "$tmp/log3.txt"
check "(control: a style the policy does not allow is refused)" sh -c "grep -q 'data-error-colour=\"rgb(0, 0, 0)\"' '$tmp/dom3.html' && grep -q 'Content Security Policy' '$tmp/log3.txt'"

finish
