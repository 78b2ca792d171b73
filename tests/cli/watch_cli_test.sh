#!/usr/bin/env bash
# banmian watch on the command line (issue 16): its usage errors; a port in use said plainly
# with the hint; a burst of saves rendered in its last state, not once per save; an input
# error that leaves the server serving; SIGTERM ending it with status 0; nothing written
# beside the issue. Nothing is timed: the waits only stop a hang (120 s).
# Usage: watch_cli_test.sh BANMIAN SOURCE_DIR
set -u
bin=$(realpath "$1") src=$2
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$tmp"' EXIT

# Usage errors: exit 2, the reason named.
usage() {  # usage NAME EXPECTED-MESSAGE ARGS...
  local name=$1 message=$2
  shift 2
  "$bin" "$@" >/dev/null 2>"$tmp/e"
  check "$name exits 2" test $? -eq 2
  check "… saying '$message'" grep -qF -- "$message" "$tmp/e"
}
usage "watch without a folder" "watch needs an issue folder" watch
usage "watch -o" "watch does not take -o" watch "$src/issues/chunshen-2024-06-07" -o "$tmp/o"
usage "watch --press" "watch does not take --press" watch "$src/issues/chunshen-2024-06-07" --press
usage "--port 65536" "--port needs a whole number from 0 to 65535" watch x --port 65536
usage "--port -1" "--port needs a whole number from 0 to 65535" watch x --port -1
usage "--port 80a" "--port needs a whole number from 0 to 65535" watch x --port 80a
usage "--port without a number" "--port needs a whole number from 0 to 65535" watch x --port
usage "render --port" "render does not take --port: it is an option of watch" render "$src/issues/chunshen-2024-06-07" --port 5178
"$bin" --help >"$tmp/h"
check "--help documents watch" grep -q "banmian watch ISSUE_DIR" "$tmp/h"
"$bin" watch --help >"$tmp/h"
check "watch --help documents --port" grep -q "^      --port N " "$tmp/h"

cp -r "$src/issues/chunshen-2024-06-07" "$tmp/issue"
cp "$tmp/issue/issue.yaml" "$tmp/issue.yaml.good"
before=$(cd "$tmp/issue" && find . | sort | xargs -d '\n' sha256sum 2>/dev/null)
mkdir "$tmp/cwd"  # watch runs here: it must write nothing here either
(cd "$tmp/cwd" && exec "$bin" watch "$tmp/issue" --layouts "$src/layouts" --port 0 --dpi 10 >"$tmp/a.out" 2>"$tmp/a.err") &
pids+=($!)
check "watch prints its address" within 120 grep -q "^banmian watch: serving http://127.0.0.1:[0-9]*/ (Ctrl-C to stop)$" "$tmp/a.out"
port=$(sed -n 's|.*127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/a.out")
state() { curl -s -m 60 "http://127.0.0.1:$port/state.json"; }
check "it serves the state of render 1" sh -c "curl -s -m 60 'http://127.0.0.1:$port/state.json' | grep -q '\"render\":1,'"

# The same port again: refused at start, with the way out.
"$bin" watch "$tmp/issue" --layouts "$src/layouts" --port "$port" --dpi 10 >"$tmp/b.out" 2>"$tmp/b.err"
check "a second watch on the port exits 2" test $? -eq 2
check "… saying the port is in use" grep -qF "banmian watch: cannot listen on 127.0.0.1:$port: the port is in use (another banmian watch?)" "$tmp/b.err"
check "… and how to choose another" grep -qF "use --port N for another port, or --port 0 for any free one" "$tmp/b.err"

# A burst: ten saves of issue.yaml written one after another with no pause (bash builtins,
# no process started between them), each a YAML error naming its number. The state ends
# in the last one's error; the burst is rendered once, or twice should the machine stall
# the writer for a moment, never once per save.
good=$(cat "$tmp/issue.yaml.good"; echo .) good=${good%.}
for n in 1 2 3 4 5 6 7 8 9 10; do
  printf '%s' "${good/title: 春申周报/title: 春申周报: 第${n}期}" >"$tmp/issue/issue.yaml"
done
check "the state ends in the tenth save's error" within 120 sh -c "curl -s -m 60 'http://127.0.0.1:$port/state.json' | grep -qF 'title: 春申周报: 第10期'"
sleep 1  # (not a timing: only lets a late render show up in the count below)
renders=$(grep -c '^banmian watch: render' "$tmp/a.err")
check "the burst was rendered at most twice ($((renders - 1)) renders)" test $((renders - 1)) -le 2
check "… and at least once" test $((renders - 1)) -ge 1
check "the error is printed with its place" grep -qE "issue.yaml:13:12: error\[yaml-syntax\]" "$tmp/a.err"
check "the server still serves page 1 (the last good one)" \
  sh -c "curl -s -m 60 -o '$tmp/p1.png' -w '%{http_code}' 'http://127.0.0.1:$port/page/1.png' | grep -qx 200"
check "… as a PNG" sh -c "head -c 8 '$tmp/p1.png' | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a'"

# Fixed: a good render again.
cp "$tmp/issue.yaml.good" "$tmp/issue/issue.yaml"
check "the fix renders the pages again" within 120 sh -c "curl -s -m 60 'http://127.0.0.1:$port/state.json' | grep -q '\"failed\":false'"
# An editor's scratch file is not input: no render for it.
n_before=$(grep -c '^banmian watch: render' "$tmp/a.err")
echo scratch >"$tmp/issue/articles/.jinbo.md.swp"
echo scratch >"$tmp/issue/articles/jinbo.md~"
sleep 1  # (as above: a render it wrongly started would show by then)
check "scratch files start no render" test "$(grep -c '^banmian watch: render' "$tmp/a.err")" -eq "$n_before"
rm -f "$tmp/issue/articles/.jinbo.md.swp" "$tmp/issue/articles/jinbo.md~"

kill -TERM "${pids[0]}"
status=0
wait "${pids[0]}" || status=$?
pids=()
check "SIGTERM: exit 0" test "$status" -eq 0
check "… saying it stopped" grep -q "^banmian watch: stopped$" "$tmp/a.out"
after=$(cd "$tmp/issue" && find . | sort | xargs -d '\n' sha256sum 2>/dev/null)
check "nothing was written beside the issue" test "$before" = "$after"
check "nor in the folder it ran in" test -z "$(ls -A "$tmp/cwd")"
finish
