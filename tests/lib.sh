# What the shell tests share; each sources it once it has read its arguments (BIN, SOURCE_DIR
# and what else its usage line names), with
#   source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# It makes a temporary folder $tmp, removed with what it holds when the script exits, and
# gives:
#   check NAME COMMAND...  runs COMMAND and prints "ok   NAME" or "FAIL NAME", counting both
#                          in $passes and $fails;
#   finish                 the script's last command: prints the counts, and returns 1 when a
#                          check failed, 0 when none did (so the script's exit status);
#   files DIR              every file under DIR but report.json (it carries timings) and the
#                          manifest, with its SHA-256, sorted: two runs' sets compare equal
#                          when they wrote the same bytes;
#   complete DIR           whether DIR holds exactly the files its .banmian-manifest lists,
#                          each with the listed SHA-256;
#   within SECONDS CMD...  whether CMD succeeds within SECONDS, tried every 0.2 s (a wait
#                          for something to happen, never a check of how long it took);
#   browse FILE DOM LOG    loads FILE in headless Chromium: the DOM after load to DOM, the
#                          browser's log to LOG.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0

check() {  # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then echo "ok   $name"; passes=$((passes + 1)); else echo "FAIL $name"; fails=$((fails + 1)); fi
}

finish() {
  echo "$passes passed, $fails failed"
  [ $fails -eq 0 ]
}

files() { (cd "$1" && find . -type f ! -name report.json ! -name .banmian-manifest | sort | xargs sha256sum); }

complete() { (cd "$1" && sha256sum -c --quiet --strict .banmian-manifest >/dev/null) &&
  [ "$(cd "$1" && find . -type f ! -name .banmian-manifest | sed 's|^\./||' | sort)" = \
    "$(grep -v '^#' "$1/.banmian-manifest" | cut -c67- | sort)" ]; }

within() {
  local end=$((SECONDS + $1))
  shift
  until "$@"; do
    [ $SECONDS -lt $end ] || return 1
    sleep 0.2
  done
}

browse() {
  rm -rf "$tmp/profile"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 --virtual-time-budget=5000 \
    --dump-dom "file://$1" >"$2" 2>"$3"
}
