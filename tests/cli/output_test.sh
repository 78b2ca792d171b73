#!/usr/bin/env bash
# The output folder from the command line (issue 12, kinds 3 and 4): a render leaves the
# complete new set or the complete previous one, whatever fails (a file-size limit, a
# folder where report.json goes, a foreign file, a --dpi too high); stale pages of a
# longer issue go; OUT is never the current folder or an input folder; renders into one
# OUT take turns; what a killed run left is removed. Usage: output_test.sh BANMIAN SOURCE_DIR
set -u
bin=$1 src=$2
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
# The folder's names, sizes and contents, to see that a failed render changed nothing.
snapshot() { (cd "$1" && find . -type f -o -type d -o -type l | sort && find . -type f | sort | xargs md5sum); }
cd "$tmp"
demo="$src/issues/feature-demo" front="$src/issues/hongqiao-2021-05-front"

"$bin" render "$demo" -o out --dpi 20 -q 2>/dev/null
check "a render leaves a complete set, as its manifest lists it" complete out
check "… three pages of previews" test -s out/feature-demo-p03.png
"$bin" render "$front" -o out --dpi 20 -q 2>/dev/null
check "another issue into the same OUT replaces the whole set" complete out
check "… no stale page of the longer issue stays" test -z "$(ls out | grep feature-demo)"
check "… and nothing is left beside OUT but the lock file" test "$(ls -A)" = "$(printf '.out.banmian-lock\nout')"

before=$(snapshot out)
(ulimit -f 100; "$bin" render "$demo" -o out --dpi 20 -q 2>err.txt); status=$?
check "a full disk (a file-size limit) exits 2" test $status -eq 2
printf '%s\n' "out: error[write-failed]: cannot write 'out/feature-demo.pdf': File too large" \
  "banmian: 1 error; nothing written" >want.txt
check "… naming the file in OUT" diff -u want.txt err.txt
check "… and OUT is as it was" test "$before" = "$(snapshot out)"
check "… with nothing left beside it" test "$(ls -A)" = "$(printf '.out.banmian-lock\nout\nwant.txt\nerr.txt' | sort)"

mv out/report.json report.keep && mkdir out/report.json
before=$(snapshot out)
"$bin" render "$demo" -o out --dpi 20 -q 2>err.txt; status=$?
printf '%s\n' "out: error[output-not-banmian]: 'out/report.json' was not written by banmian" \
  "  hint: banmian replaces the whole output folder on each render: move it out of 'out', or render into another folder" \
  "banmian: 1 error; nothing written" >want.txt
check "OUT/report.json a folder: exit 2, said before anything is written" test $status -eq 2
check "… in these words" diff -u want.txt err.txt
check "… and OUT is as it was" test "$before" = "$(snapshot out)"
rmdir out/report.json && mv report.keep out/report.json

echo mine >out/notes.txt
"$bin" render "$demo" -o out --dpi 20 -q 2>err.txt; status=$?
check "a file banmian did not write in OUT: exit 2" test $status -eq 2
check "… naming it" grep -qF "out: error[output-not-banmian]: 'out/notes.txt' was not written by banmian" err.txt
check "… and keeping it" test "$(cat out/notes.txt)" = mine
rm out/notes.txt

# A link planted in OUT at a file's name is not banmian's file: nothing is written through it.
echo outside >outside.txt
rm out/report.json && ln -s "$tmp/outside.txt" out/report.json
"$bin" render "$demo" -o out --dpi 20 -q 2>err.txt; status=$?
check "a link planted in OUT stops the render" test $status -eq 2
check "… and what it points to is untouched" test "$(cat outside.txt)" = outside
rm -r out .out.banmian-lock

# A --dpi whose previews exceed Cairo's 32767 pixels: a 700 mm page at 1200 dpi.
cp -r "$src/layouts" layouts && sed -i 's/^  height: 400mm/  height: 700mm/' layouts/shequchenbao/paper.yaml
cp -r "$src/tests/layout/cases/png-picture" tall
"$bin" render tall --layouts layouts -o out --dpi 1200 -q 2>err.txt; status=$?
printf '%s\n' "layouts/shequchenbao/paper.yaml:1:1: error[dpi-too-high]: at --dpi 1200 the preview of page 1 (280 × 700 mm) would be 13229 × 33071 pixels; a preview can have at most 32767 pixels a side and 536870911 in all" \
  "    1 | # 社区晨报: the Hongqiao community tabloid. Five columns of fifteen characters of" "      | ^" \
  "  hint: use --dpi 1188 or lower, or --no-png" "banmian: 1 error; nothing written" >want.txt
check "a page too tall for a preview at --dpi 1200: exit 2, no crash" test $status -eq 2
check "… saying which dpi fits" diff -u want.txt err.txt
check "… before anything is written" test ! -e out -a ! -e .out.banmian-lock
"$bin" render tall --layouts layouts -o out --dpi 1200 --no-png -q 2>/dev/null; status=$?
check "… and --no-png renders it" test $status -eq 1 -a -s out/tall.pdf
rm -r out .out.banmian-lock

# OUT is never the current folder or an input folder.
mkdir here && cd here
"$bin" render "$demo" -o . -q 2>err.txt; status=$?
check "-o . is refused" test $status -eq 2
check "… as the current folder" grep -qF ".: error[output-is-input]: the output folder '.' is the current folder" err.txt
check "… writing nothing" test "$(ls -A)" = err.txt
cd ..
"$bin" render "$demo" -o "$demo" -q 2>err.txt; status=$?
check "OUT the issue folder is refused" test $status -eq 2
check "… saying so" grep -qF "error[output-is-input]: the output folder '$demo' is the input folder '$demo'" err.txt
"$bin" render "$demo" -o "$src/issues" -q 2>err.txt; status=$?
check "OUT holding the issue folder is refused" grep -qF "the output folder '$src/issues' holds the input folder '$demo'" err.txt
cp -r "$demo" demo && mkdir demo/articles/sub && cd demo/articles/sub
"$bin" render ../.. --dpi 20 -q 2>/dev/null
check "render ../.. writes nothing into the current folder but out/" test "$(ls -A)" = out
check "… and names the set after the issue folder" test -s out/demo/demo.pdf -a -s out/demo/index.html
cd "$tmp" && rm -r demo

# Renders into one OUT take turns: a render waits while another holds the lock.
"$bin" render "$front" -o out --dpi 20 -q 2>/dev/null
# The holder says when it has the lock (on a loaded machine it may take a while to).
flock .out.banmian-lock sh -c 'touch held; sleep 2' &
holder=$!
while [ ! -e held ]; do sleep 0.05; done
rm held
start=$(date +%s%N)
"$bin" render "$demo" -o out --dpi 20 2>err.txt >/dev/null; status=$?
waited=$(( ($(date +%s%N) - start) / 1000000 ))
wait $holder
check "a render waits for the lock (${waited} ms) and then succeeds" test $status -le 1 -a $waited -ge 1500
check "… saying it waits" grep -qF "banmian: waiting for another banmian to finish writing 'out'" err.txt
check "… leaving the complete new set" complete out
# Two at once: both succeed, one after the other; OUT holds one complete set.
"$bin" render "$front" -o out --dpi 20 -q 2>/dev/null & one=$!
"$bin" render "$demo" -o out --dpi 20 -q 2>/dev/null & two=$!
wait $one; s1=$?; wait $two; s2=$?
check "two renders into one OUT at once both finish" test $s1 -le 1 -a $s2 -le 1
check "… leaving one complete set" complete out

# What a killed run left beside OUT is removed by the next run.
mkdir -p .out.banmian-stage-Ab12Cd/press && echo half >.out.banmian-stage-Ab12Cd/half.pdf
"$bin" render "$front" -o out --dpi 20 -q 2>/dev/null
check "a killed run's staging folder is removed by the next run" test ! -e .out.banmian-stage-Ab12Cd
check "… which leaves its complete set" complete out

finish
