#!/usr/bin/env bash
# Quick start, step 1: installs what is missing, builds, and renders every sample
# issue in issues/ into out/<issue>/ (PDF, PNG previews, contact sheet, report.json,
# and the press PDFs in out/<issue>/press/), then writes out/index.html linking them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
status=0
mkdir -p out
{
  echo '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>banmian: sample issues</title>'
  echo '<style>body{font-family:sans-serif;margin:1.5em} img{height:160px;border:1px solid #ccc;margin:.2em}</style></head><body>'
  echo '<h1>banmian: sample issues</h1>'
} >out/index.html.tmp
for issue in issues/*/; do
  name=$(basename "$issue")
  ./build/banmian render "$issue" -o "out/$name" --press || status=$?
  echo "<h2><a href=\"$name/index.html\">$name</a></h2><p>" >>out/index.html.tmp
  for png in out/"$name"/"$name"-p*.png; do
    [ -e "$png" ] && echo "<a href=\"$name/index.html\"><img src=\"$name/$(basename "$png")\" alt=\"$name\"></a>" >>out/index.html.tmp
  done
  echo "</p>" >>out/index.html.tmp
done
echo '</body></html>' >>out/index.html.tmp
mv out/index.html.tmp out/index.html
echo "wrote out/index.html"
exit $status
