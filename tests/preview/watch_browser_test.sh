#!/usr/bin/env bash
# banmian watch's live preview in a real browser (issue 16): headless Chromium, driven
# through chromedriver's WebDriver API with curl, opens the preview page of a copy of
# chunshen-2024-06-07. Editing an article's headline must bring the new pictures of the
# pages it is on, marked as changed, without a reload (the scroll position stays), the
# other pages unmarked; a YAML syntax error must show with its file:line:col and the line,
# the last good pages dimmed under it; fixing it must bring the pages back. A hidden tab
# must close its event stream and, shown again, draw what it missed. Then SIGTERM must
# stop the server cleanly. Nothing is timed: the waits only stop a hang (120 s each).
# Exit 77 (skipped) without chromium, chromedriver or curl.
# Usage: watch_browser_test.sh BANMIAN SOURCE_DIR
set -u
bin=$1 src=$2
for tool in chromium chromedriver curl; do
  command -v $tool >/dev/null || { echo "$tool is not installed: skipped"; exit 77; }
done
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

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
# What the page shows: render|failed|page:version:shown:mark,… (C: marked changed).
status_js="return document.body.dataset.render + '|' + document.body.dataset.failed + '|' + [...document.querySelectorAll('.page')].map(p => p.dataset.number + ':' + p.dataset.version + ':' + (p.dataset.shown || '-') + ':' + (p.classList.contains('changed') ? 'C' : '-')).join(',')"
last_status=''
shows() {  # shows PATTERN: the page's status matches PATTERN (grep -E) within 120 s
  local end=$((SECONDS + 120))
  while :; do
    last_status=$(js "$status_js")
    printf '%s' "$last_status" | grep -qE "$1" && return 0
    [ $SECONDS -lt $end ] || { echo "  the page shows: $last_status" >&2; return 1; }
    sleep 0.2
  done
}

cp -r "$src/issues/chunshen-2024-06-07" "$tmp/issue"
cp "$tmp/issue/issue.yaml" "$tmp/issue.yaml.good"
"$bin" watch "$tmp/issue" --layouts "$src/layouts" --port 0 --dpi 40 >"$tmp/watch.out" 2>"$tmp/watch.err" &
watch_pid=$!
check "watch prints its address" within 120 grep -q "serving http://127.0.0.1:" "$tmp/watch.out"
addr=$(sed -n 's|.*serving \(http://127\.0\.0\.1:[0-9]*/\).*|\1|p' "$tmp/watch.out")

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

# 1. The first render: four pages, each picture shown, none marked.
check "the page shows the four pages of render 1" shows '^1\|false\|1:1:1:-,2:1:1:-,3:1:1:-,4:1:1:-$'
check "every picture has loaded" test "$(js "return String([...document.querySelectorAll('.page img')].filter(i => i.complete && i.naturalWidth > 0).length)")" = 4
check "each page has its findings beside it" test "$(js "return String(document.querySelectorAll('.page aside .list').length)")" = 4
check "the scroll position is set" test "$(js "window.scrollTo(0, 700); return String(window.scrollY)")" = 700
curl -s -m 60 -o "$tmp/a01-before.png" "${addr}page/1.png"

# 2. A headline edited: jinbo leads A01 and its continuation on A02 repeats the headline.
sed -i 's/虹桥准备好了/虹桥准备就绪/' "$tmp/issue/articles/jinbo.md"
check "A01 and A02 get new pictures, marked changed; A03 and A04 stay" \
  shows '^2\|false\|1:2:2:C,2:2:2:C,3:1:1:-,4:1:1:-$'
shown=$(js "const i = document.querySelector('.page img'); return i.complete && i.naturalWidth > 0 ? i.src : 'not loaded'")
check "A01's picture on screen is the new one ($shown)" test "$shown" = "${addr}page/1.png?v=2"
curl -s -m 60 -o "$tmp/a01-after.png" "${addr}page/1.png"
check "A01's picture differs from before" sh -c "test -s '$tmp/a01-after.png' && ! cmp -s '$tmp/a01-before.png' '$tmp/a01-after.png'"
check "the changed mark is visible" test "$(js "return getComputedStyle(document.querySelector('.page.changed .mark')).display")" = inline
check "the scroll position stayed" test "$(js "return String(window.scrollY)")" = 700

# 3. A YAML syntax error in issue.yaml: a second ': ' in a plain value.
line=$(grep -n '^title: 春申周报$' "$tmp/issue/issue.yaml" | cut -d: -f1)
sed -i 's/^title: 春申周报$/title: 春申周报: 第1期/' "$tmp/issue/issue.yaml"
check "the page shows render 3 as failed, the last good pages and their marks kept" \
  shows '^3\|true\|1:2:2:C,2:2:2:C,3:1:1:-,4:1:1:-$'
where=$(js "return document.querySelector('#errors .where').textContent")
check "the error names issue.yaml:$line (got '$where')" sh -c "case '$where' in '$tmp/issue/issue.yaml:$line:'[0-9]*) exit 0;; *) exit 1;; esac"
check "the error shows the source line" \
  test "$(js "return document.querySelector('#errors pre.source').textContent.split(String.fromCharCode(10))[0]")" = 'title: 春申周报: 第1期'
check "the last good pages are dimmed" test "$(js "return getComputedStyle(document.getElementById('pages')).opacity")" = 0.35
check "the last good pictures are still there" test "$(js "return String([...document.querySelectorAll('.page img')].filter(i => i.naturalWidth > 0).length)")" = 4

# 4. Fixed: the pages again, no error, nothing changed since render 2.
cp "$tmp/issue.yaml.good" "$tmp/issue/issue.yaml"
check "the page shows render 4, not failed" shows '^4\|false\|1:2:2:-,2:2:2:-,3:1:1:-,4:1:1:-$'
check "no error is shown" test "$(js "return String(document.getElementById('errors').childElementCount)")" = 0
check "the pages are no longer dimmed" test "$(js "return getComputedStyle(document.getElementById('pages')).opacity")" = 1

# 5. A hidden tab closes its event stream (a browser allows few connections to a server);
# shown again, it opens the stream and fetches the state it missed.
hide="Object.defineProperty(document, 'hidden', {configurable: true, get: () => HIDDEN}); document.dispatchEvent(new Event('visibilitychange'));"
check "hidden: the event stream is closed" \
  test "$(js "${hide/HIDDEN/true} return String(events === null)")" = true
sed -i 's/虹桥准备就绪/虹桥准备好了/' "$tmp/issue/articles/jinbo.md"
check "the edit is rendered meanwhile" within 120 sh -c "curl -s -m 60 '${addr}state.json' | grep -q '\"render\":5,'"
check "… and not drawn in the hidden tab" shows '^4\|false\|'
check "shown: the event stream is open again" \
  test "$(js "${hide/HIDDEN/false} return String(events !== null && events.readyState !== 2)")" = true
check "… and the missed render is drawn" shows '^5\|false\|1:5:5:C,2:5:5:C,3:1:1:-,4:1:1:-$'

# 6. SIGTERM stops it cleanly.
curl -s -m 30 -X DELETE "$driver/session/$sid" >/dev/null
sid=''
kill -TERM "$watch_pid"
status=0
wait "$watch_pid" || status=$?
watch_pid=''
check "watch exits 0 on SIGTERM" test "$status" = 0
check "and says it stopped" grep -q "banmian watch: stopped" "$tmp/watch.out"
check "it printed the input error" grep -q "issue.yaml:$line:" "$tmp/watch.err"
finish
