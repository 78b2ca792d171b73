#!/usr/bin/env bash
# banmian watch and the files around an issue (issue 16's second round): a folder that is
# not an issue refused at start (exit 2, as render refuses it); files the issue does not use
# never read (a link to /dev/zero, a FIFO); an article the issue keeps in a dot-folder
# watched like any other; the issue folder deleted and restored (moved away and back,
# removed and copied back) rendered again; more event streams than the server keeps open
# leave its other addresses answering. Nothing is timed: the waits only stop a hang.
# Usage: watch_inputs_test.sh BANMIAN SOURCE_DIR
set -u
bin=$(realpath "$1") src=$2
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
pids=() streams=()
trap 'for p in "${streams[@]}" "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$tmp"' EXIT

# Not an issue: refused at start, exit 2, render's message, no position made up.
refused() {  # refused NAME EXPECTED-MESSAGE ARGS...
  local name=$1 message=$2
  shift 2
  timeout 120 "$bin" watch "$@" --port 0 >"$tmp/r.out" 2>"$tmp/r.err"
  check "$name: exit 2" test $? -eq 2
  check "… saying '$message'" grep -qF -- "$message" "$tmp/r.err"
  check "… with no made-up position" sh -c "! grep -q ':0:' '$tmp/r.err'"
  check "… and serving nothing" sh -c "! grep -q 'serving' '$tmp/r.out'"
}
mkdir "$tmp/empty"
refused "a missing folder" "$tmp/missing: error[no-issue]: '$tmp/missing' is not an issue folder" "$tmp/missing"
refused "a folder without issue.yaml" "$tmp/empty: error[missing-file]: issue file '$tmp/empty/issue.yaml' does not exist" "$tmp/empty"
refused "a missing --layouts" "banmian watch: the layouts folder '$tmp/missing' does not exist" \
  "$src/issues/chunshen-2024-06-07" --layouts "$tmp/missing"

# A --dpi that makes a page too large for a preview: refused as render refuses it.
cp -r "$src/layouts" "$tmp/tall"
sed -i 's/^  height: 500mm/  height: 1400mm/' "$tmp/tall/chunshen/paper.yaml"
refused "a --dpi too high for the pages" "error[dpi-too-high]: at --dpi 600 the preview of page A01" \
  "$src/issues/chunshen-2024-06-07" --layouts "$tmp/tall" --dpi 600
check "… with the highest dpi that fits" grep -qF "hint: use --dpi 594 or lower" "$tmp/r.err"

# An input error in an issue on the first render: it serves, with no pages to claim.
cp -r "$src/issues/chunshen-2024-06-07" "$tmp/broken"
sed -i 's/^title: 春申周报$/title: 春申周报: 第1期/' "$tmp/broken/issue.yaml"
"$bin" watch "$tmp/broken" --layouts "$src/layouts" --port 0 --dpi 10 >"$tmp/b.out" 2>"$tmp/b.err" &
pids+=($!)
check "an issue with an input error is served" within 120 grep -qs "serving" "$tmp/b.out"
check "… saying there are no pages yet" grep -q "^banmian watch: render 1 stopped on 1 error; no pages yet$" "$tmp/b.err"
check "… not that last good pages stay" sh -c "! grep -q 'last good' '$tmp/b.err'"
kill -TERM "${pids[0]}"
wait "${pids[0]}"
pids=()

# An issue with things beside it that nothing names, and an article in a dot-folder.
cp -r "$src/issues/chunshen-2024-06-07" "$tmp/issue"
ln -s /dev/zero "$tmp/issue/notes.txt"
mkfifo "$tmp/issue/articles/pipe.md"
mkdir "$tmp/issue/.drafts"
mv "$tmp/issue/articles/g60.md" "$tmp/issue/.drafts/g60.md"
sed -i 's|g60: articles/g60.md|g60: .drafts/g60.md|' "$tmp/issue/issue.yaml"
check "the issue names the article in .drafts" grep -q "g60: .drafts/g60.md" "$tmp/issue/issue.yaml"
cp -r "$src/layouts" "$tmp/layouts"
# Memory is limited (a render that read /dev/zero would hit it) where the binary runs under
# the limit at all: an AddressSanitizer build maps terabytes of shadow memory and cannot.
limit="ulimit -v 3000000;"
(ulimit -v 3000000; "$bin" --version) >/dev/null 2>&1 || limit=""
[ -n "$limit" ] || echo "note: no memory limit (the binary does not start under one)"
(eval "$limit"; exec "$bin" watch "$tmp/issue" --layouts "$tmp/layouts" --port 0 --dpi 10 >"$tmp/a.out" 2>"$tmp/a.err") &
pids+=($!)
check "watch starts beside a link to /dev/zero and a FIFO" within 120 grep -qs "^banmian watch: serving http://127.0.0.1:[0-9]*/" "$tmp/a.out"
port=$(sed -n 's|.*127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/a.out")
url="http://127.0.0.1:$port"
state() { curl -s -m 60 "$url/state.json"; }
render_no() { state | grep -o '"render":[0-9]*' | head -1 | cut -d: -f2; }
rendered_after() { local n; n=$(render_no); [ -n "$n" ] && [ "$n" -gt "$1" ]; }
good_after() { rendered_after "$1" && state | grep -q '"failed":false'; }
check "… and renders the issue" sh -c "curl -s -m 60 '$url/state.json' | grep -q '\"failed\":false'"

# The article in .drafts is input: an edit of it is rendered.
n=$(render_no)
sed -i '3s/.*/headline: 草稿里的标题/' "$tmp/issue/.drafts/g60.md"
check "an edit in .drafts/g60.md is rendered" within 120 good_after "$n"

# A file nothing names: writing it starts no render (its bytes are never read).
n=$(render_no)
echo "not input" >"$tmp/issue/unused.txt"  # a new file: one render, nothing composed
within 120 rendered_after "$n"
n=$(render_no)
echo "still not input" >>"$tmp/issue/unused.txt"
sleep 1  # (not a timing: a render it wrongly started would show by then)
check "writing a file nothing names starts no render" test "$(render_no)" -eq "$n"

# More event streams than the server keeps open: the page and its state still answer.
for i in $(seq 40); do
  curl -sN -m 300 "$url/events" -o "$tmp/stream$i" 2>/dev/null &
  streams+=($!)
done
answered() { for i in $(seq 40); do grep -qE "event: rendered|retry:" "$tmp/stream$i" 2>/dev/null || return 1; done; }
check "40 event streams are each answered (open or told to retry)" within 120 answered
check "… some told to retry later" sh -c "grep -l 'retry:' '$tmp'/stream* | grep -q ."
check "… and /state.json still answers 200" \
  sh -c "curl -s -m 20 -o /dev/null -w '%{http_code}' '$url/state.json' | grep -qx 200"
check "… and / too" sh -c "curl -s -m 20 -o /dev/null -w '%{http_code}' '$url/' | grep -qx 200"
check "… and a page's picture" sh -c "curl -s -m 20 -o /dev/null -w '%{http_code}' '$url/page/1.png' | grep -qx 200"
for p in "${streams[@]}"; do kill "$p" 2>/dev/null; done
streams=()

# The issue folder moved away and back: rendered again, and edits after it too.
n=$(render_no)
mv "$tmp/issue" "$tmp/away"
check "the issue moved away: a failed render" within 120 sh -c "curl -s -m 60 '$url/state.json' | grep -q 'error\\|\"failed\":true'"
n=$(render_no)
mv "$tmp/away" "$tmp/issue"
check "moved back: rendered again" within 120 good_after "$n"
n=$(render_no)
sed -i 's/title: 春申周报/title: 春申周报甲/' "$tmp/issue/issue.yaml"
check "… and an edit after it is rendered" within 120 sh -c "curl -s -m 60 '$url/state.json' | grep -q '春申周报甲'"

# Removed and copied back.
cp -a "$tmp/issue" "$tmp/copy"
rm -rf "$tmp/issue"
check "the issue removed: a failed render" within 120 sh -c "curl -s -m 60 '$url/state.json' | grep -q '\"failed\":true'"
n=$(render_no)
cp -a "$tmp/copy" "$tmp/issue"
check "copied back: rendered again" within 120 good_after "$n"
sed -i 's/title: 春申周报甲/title: 春申周报乙/' "$tmp/issue/issue.yaml"
check "… and an edit after it is rendered" within 120 sh -c "curl -s -m 60 '$url/state.json' | grep -q '春申周报乙'"
n=$(render_no)
sed -i '3s/.*/headline: 草稿里的又一个标题/' "$tmp/issue/.drafts/g60.md"
check "… and an edit in .drafts" within 120 good_after "$n"

# The paper's folder moved away and back.
mv "$tmp/layouts/chunshen" "$tmp/paper-away"
check "the paper moved away: a failed render" within 120 sh -c "curl -s -m 60 '$url/state.json' | grep -q '\"failed\":true'"
n=$(render_no)
mv "$tmp/paper-away" "$tmp/layouts/chunshen"
check "moved back: rendered again" within 120 good_after "$n"

check "no position was printed as :0:0" sh -c "! grep -q ':0:0' '$tmp/a.err'"
kill -TERM "${pids[0]}"
status=0
wait "${pids[0]}" || status=$?
pids=()
check "SIGTERM: exit 0" test "$status" -eq 0
finish
