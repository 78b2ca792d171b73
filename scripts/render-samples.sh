#!/usr/bin/env bash
# Quick start, step 1: installs what is missing, builds, and renders every sample
# issue in issues/ into out/<issue>/ (PDF, PNG previews, contact sheet, report.json,
# and the press PDFs in out/<issue>/press/), then writes out/index.html linking them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
status=0
mkdir -p out
# Links are relative and percent-encoded, text is HTML-escaped, and the page allows no
# script at all (its Content-Security-Policy), whatever the issue folders are named.
url() {  # url PATH: "./" and every byte but [A-Za-z0-9/._~-] as %XX
  local LC_ALL=C s=$1 out=./ c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [A-Za-z0-9/._~-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}
html() {  # html TEXT: escaped for HTML (replacements quoted: bash 5.2 reads & in them)
  local s=${1//&/'&amp;'}
  s=${s//</'&lt;'} s=${s//>/'&gt;'} s=${s//\"/'&quot;'}
  printf '%s' "${s//\'/'&#39;'}"
}
style='body{font-family:sans-serif;margin:1.5em} img{height:160px;border:1px solid #ccc;margin:.2em}'
style_hash=$(printf "$(printf '%s' "$style" | sha256sum | cut -c1-64 | sed 's/../\\x&/g')" | base64)
# The index is written to a file made afresh (mktemp: exclusive, never a planted link)
# and moved into place whole.
index=$(mktemp out/.index.html.XXXXXX)
trap 'rm -f "$index"' EXIT
{
  echo '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
  echo "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'; style-src 'sha256-$style_hash'; base-uri 'none'; form-action 'none'\">"
  echo "<title>banmian: sample issues</title><style>$style</style></head><body>"
  echo '<h1>banmian: sample issues</h1>'
} >"$index"
for issue in issues/*/; do
  name=$(basename "$issue")
  ./build/banmian render "$issue" -o "out/$name" --press || status=$?
  echo "<h2><a href=\"$(url "$name/index.html")\">$(html "$name")</a></h2><p>" >>"$index"
  # The previews of this render as its manifest lists them: never a glob, which would also
  # find pages an earlier, longer issue left.
  manifest=out/$name/.banmian-manifest
  [ -f "$manifest" ] && grep -v '^#' "$manifest" | cut -c67- | grep -- '-p[0-9]*\.png$' |
    while IFS= read -r png; do
      echo "<a href=\"$(url "$name/index.html")\"><img src=\"$(url "$name/$png")\" alt=\"$(html "$name")\"></a>" >>"$index"
    done || true
  echo "</p>" >>"$index"
done
echo '</body></html>' >>"$index"
chmod 644 "$index"
mv "$index" out/index.html
echo "wrote out/index.html"
exit $status
