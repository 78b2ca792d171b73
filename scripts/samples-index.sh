#!/usr/bin/env bash
# Writes OUT/index.html, the page that links the sample issues render-samples.sh renders
# into OUT/<issue>/: per issue its exit status, its counts (pages; errors, warnings and
# information, from its report.json), its contact sheet, its PDFs (the screen PDF, the
# proof PDF when there is one, the press files) and its previews.
# Usage: samples-index.sh OUT NAME STATUS [NAME STATUS ...]  (STATUS: render's exit status)
#
# Needs bash, grep, sed, cut, sha256sum and base64 alone (no jq). What it reads is
# banmian's own: the files come from the output folder's manifest (never a glob, which
# would also find pages an earlier, longer issue left), the counts from report.json's
# `summary`, written by banmian two spaces an indent, so its lines
# `    "errors": N,` can be read as they are: a JSON string holds no line break, so no
# text of a finding can make such a line.
# Links are relative and percent-encoded, text is HTML-escaped, and the page allows no
# script at all (its Content-Security-Policy), whatever the issue folders are named.
set -euo pipefail
out=$1
shift
url() { # url PATH: "./" and every byte but [A-Za-z0-9/._~-] as %XX
  local LC_ALL=C s=$1 res=./ c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [A-Za-z0-9/._~-]) res+=$c ;;
      *) res+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$res"
}
html() { # html TEXT: escaped for HTML (replacements quoted: bash 5.2 reads & in them)
  local s=${1//&/'&amp;'}
  s=${s//</'&lt;'} s=${s//>/'&gt;'} s=${s//\"/'&quot;'}
  printf '%s' "${s//\'/'&#39;'}"
}
link() { # link PATH TEXT
  printf '<a href="%s">%s</a>' "$(url "$1")" "$(html "$2")"
}
# count REPORT KEY: the number of report.json's summary.KEY, or "?" when it is not there.
count() {
  local n
  n=$(sed -n '/^  "summary": {$/,/^  }$/s/^    "'"$2"'": \([0-9][0-9]*\),\{0,1\}$/\1/p' "$1" | head -n 1)
  printf '%s' "${n:-?}"
}
plural() { # plural N WORD
  if [ "$1" = 1 ]; then printf '%s %s' "$1" "$2"; else printf '%s %ss' "$1" "$2"; fi
}
style='body{font-family:sans-serif;margin:1.5em} img{height:160px;border:1px solid #ccc;margin:.2em}
p.counts{margin:.2em 0} .error{color:#b00;font-weight:bold} .warning{color:#a60;font-weight:bold}
.clean{color:#070} p.files{margin:.2em 0;font-size:.9em}'
style_hash=$(printf "$(printf '%s' "$style" | sha256sum | cut -c1-64 | sed 's/../\\x&/g')" | base64)
# The index is written to a file made afresh (mktemp: exclusive, never a planted link)
# and moved into place whole.
index=$(mktemp "$out/.index.html.XXXXXX")
trap 'rm -f "$index"' EXIT
{
  echo '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
  echo "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'; style-src 'sha256-$style_hash'; base-uri 'none'; form-action 'none'\">"
  echo "<title>banmian: sample issues</title><style>$style</style></head><body>"
  echo '<h1>banmian: sample issues</h1>'
} >"$index"
while [ $# -ge 2 ]; do
  name=$1 status=$2
  shift 2
  manifest=$out/$name/.banmian-manifest report=$out/$name/report.json
  files=()
  [ -f "$manifest" ] && mapfile -t files < <(grep -v '^#' "$manifest" | cut -c67-)
  {
    echo "<section class=\"issue\" data-issue=\"$(html "$name")\">"
    if [ -f "$out/$name/index.html" ]; then
      echo "<h2>$(link "$name/index.html" "$name")</h2>"
    else
      echo "<h2>$(html "$name")</h2>"
    fi
    if [ "$status" = 2 ]; then
      # Bad input: nothing was written, so what is in the folder is an earlier render's.
      echo "<p class=\"counts error\">not rendered: errors in the input (exit status 2; see the terminal)$([ -f "$report" ] && echo ': the files below are from an earlier render')</p>"
    fi
    if [ -f "$report" ]; then
      pages=0
      for f in "${files[@]}"; do
        case $f in *-proof-p[0-9]*.png) ;; *-p[0-9]*.png) pages=$((pages + 1)) ;; esac
      done
      errors=$(count "$report" errors) warnings=$(count "$report" warnings) info=$(count "$report" info)
      class=clean
      [ "$warnings" != 0 ] && class=warning
      [ "$errors" != 0 ] && class=error
      echo "<p class=\"counts $class\">$(plural "$pages" page) · $(plural "$errors" error) · $(plural "$warnings" warning) · $info info$([ "$status" = 2 ] || echo " (exit status $(html "$status"))")</p>"
      printf '<p class="files">%s' "$(link "$name/index.html" "contact sheet")"
      for f in "${files[@]}"; do
        case $f in *.pdf) printf ' · %s' "$(link "$name/$f" "$f")" ;; esac
      done
      printf ' · %s</p>\n' "$(link "$name/report.json" "report.json")"
      echo "<p>"
      for f in "${files[@]}"; do
        case $f in
          *-proof-p[0-9]*.png) ;;
          *-p[0-9]*.png) echo "<a href=\"$(url "$name/index.html")\"><img src=\"$(url "$name/$f")\" alt=\"$(html "$name $f")\"></a>" ;;
        esac
      done
      echo "</p>"
    elif [ "$status" != 2 ]; then
      echo "<p class=\"counts error\">no report.json (exit status $(html "$status"))</p>"
    fi
    echo "</section>"
  } >>"$index"
done
echo '</body></html>' >>"$index"
chmod 644 "$index"
mv "$index" "$out/index.html"
