#!/usr/bin/env bash
# The watch preview of an auto page in a real browser (issue 18): under the auto page's
# picture, the layouts the search found, each with its cost, its modules and its cost terms,
# the one set first and marked; other pages show none. Headless Chromium, driven through
# chromedriver's WebDriver API with curl, as watch_browser_test.sh does. Nothing is timed:
# the waits only stop a hang (120 s each). Exit 77 (skipped) without chromium,
# chromedriver, curl or python3.
# Usage: watch_auto_browser_test.sh BANMIAN SOURCE_DIR
set -u
bin=$1 src=$2
for tool in chromium chromedriver curl python3; do
  command -v $tool >/dev/null || { echo "$tool is not installed: skipped"; exit 77; }
done
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/../cli/auto_issue.sh"

watch_pid='' driver_pid='' sid='' driver=''
cleanup() {
  [ -n "$sid" ] && curl -s -m 30 -X DELETE "$driver/session/$sid" >/dev/null
  [ -n "$driver_pid" ] && kill "$driver_pid" 2>/dev/null
  [ -n "$watch_pid" ] && kill "$watch_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

# The value a script run in the page returns (a string without quotes or backslashes).
js() {
  curl -s -m 60 -X POST -H 'Content-Type: application/json' \
    -d "{\"script\":\"$1\",\"args\":[]}" "$driver/session/$sid/execute/sync" |
    sed -n 's/^{"value":"\(.*\)"}$/\1/p'
}

make_auto_issue "$tmp/auto"
"$bin" watch "$tmp/auto/issue" --layouts "$tmp/auto/layouts" --port 0 --dpi 30 >"$tmp/watch.out" 2>"$tmp/watch.err" &
watch_pid=$!
check "watch prints its address" within 120 grep -q "serving http://127.0.0.1:" "$tmp/watch.out"
addr=$(sed -n 's|.*serving \(http://127\.0\.0\.1:[0-9]*/\).*|\1|p' "$tmp/watch.out")
curl -s -m 60 "${addr}state.json" >"$tmp/state.json"
# What the state says of A02: its layouts' costs, then the set layout's modules.
python3 - "$tmp/state.json" >"$tmp/expected.txt" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
a = s["pages"][1]["auto"]
assert all(p["auto"] is None for i, p in enumerate(s["pages"]) if i != 1)
print(len(a["layouts"]))
for m in a["layouts"][0]["modules"]:
    print(m["article"])
PY
check "the state has A02's layouts and no other page's" test $? = 0

chromedriver --port=0 >"$tmp/driver.out" 2>&1 &
driver_pid=$!
check "chromedriver starts" within 60 grep -q "started successfully on port" "$tmp/driver.out"
driver="http://127.0.0.1:$(sed -n 's/.*started successfully on port \([0-9]*\).*/\1/p' "$tmp/driver.out")"
args='"--headless","--no-sandbox","--disable-gpu","--disable-quic","--no-first-run",'
args+='"--disable-background-networking","--disable-component-update","--disable-sync",'
args+="\"--user-data-dir=$tmp/profile\",\"--window-size=1200,900\""
sid=$(curl -s -m 120 -X POST -H 'Content-Type: application/json' \
  -d "{\"capabilities\":{\"alwaysMatch\":{\"goog:chromeOptions\":{\"args\":[$args]}}}}" \
  "$driver/session" | grep -o '"sessionId":"[^"]*"' | cut -d'"' -f4)
check "a browser session opens" test -n "$sid"
curl -s -m 60 -X POST -H 'Content-Type: application/json' -d "{\"url\":\"$addr\"}" \
  "$driver/session/$sid/url" >/dev/null

drawn() { [ "$(js "return String(document.querySelectorAll('.page').length)")" = 4 ]; }
check "the four pages are drawn" within 120 drawn
layouts=$(head -1 "$tmp/expected.txt")
a02=".page[data-number=\\\"2\\\"]"
check "A02 shows its layouts under its picture" \
  test "$(js "return String(document.querySelectorAll('$a02 .sheet .auto .layout').length)")" = "$layouts"
check "… the first marked as the one set" \
  test "$(js "const h = document.querySelector('$a02 .auto .layout.set h4'); return h ? h.textContent : ''")" \
  = "$(python3 -c "import json; print('1. cost %g (set)' % json.load(open('$tmp/state.json'))['pages'][1]['auto']['layouts'][0]['cost'])")"
check "… with its modules, story by story" \
  test "$(js "return [...document.querySelectorAll('$a02 .auto .layout.set tr.module td:first-child')].map(t => t.textContent).join(' ')")" \
  = "$(tail -n +2 "$tmp/expected.txt" | tr '\n' ' ' | sed 's/ $//')"
check "… the continuation as continued" \
  test "$(js "return document.querySelector('$a02 .auto .layout.set tr.module td:nth-child(4)').textContent")" = continued
check "… and the terms of its cost" \
  test "$(js "return String(document.querySelectorAll('$a02 .auto .layout.set li.term').length > 0)")" = true
check "… shown below the picture" \
  test "$(js "const f = document.querySelector('$a02 figure').getBoundingClientRect(), a = document.querySelector('$a02 .auto').getBoundingClientRect(); return String(a.top >= f.bottom && a.height > 0)")" = true
check "a page laid out by hand shows none" \
  test "$(js "return getComputedStyle(document.querySelector('.page[data-number=\\\"1\\\"] .auto')).display")" = none
finish
