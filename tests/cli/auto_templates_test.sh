#!/usr/bin/env bash
# banmian check --write-templates DIR (issue 18): an auto page's chosen layout written out as
# an ordinary template. The template and the issue lines it prints, copied into the paper
# and the issue, must render the same page as the auto page did (the `banmian dump` text
# of the page, and its text in the PDF). DIR must be new or empty, and an issue without an
# auto page writes nothing; both exit 2 leaving DIR as it was. report.json's auto_pages says
# what the written template holds.
# Usage: auto_templates_test.sh BANMIAN SOURCE_DIR
set -u
bin=$(realpath "$1") src=$(realpath "$2")
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/auto_issue.sh"
cd "$tmp"
make_auto_issue "$tmp/auto"
issue=$tmp/auto/issue layouts=$tmp/auto/layouts

# 1. Written: one template for A02, the issue lines on standard output.
"$bin" check "$issue" --layouts "$layouts" >/dev/null 2>&1
plain_status=$?
"$bin" check "$issue" --layouts "$layouts" --write-templates "$tmp/t" >out.txt 2>err.txt
status=$?
check "check --write-templates exits as check does" test $status = $plain_status
check "one file, named by the template and the page" test "$(ls "$tmp/t")" = inside_auto-A02.yaml
check "no staging folder is left" test -z "$(ls -A "$tmp" | grep banmian-templates)"
written=$tmp/t/inside_auto-A02.yaml
check "the body is dropped" test -z "$(grep '^body:' "$written")"
check "the folio region is kept" grep -q '^  folio:' "$written"
check "the lead's slot has its area, counted from 1" \
  grep -qE '^  linghang:' "$written"
check "… the lead's headline style" \
  sh -c "sed -n '/^  linghang:/,/^  [a-z]/p' '$written' | grep -q 'headline_style: headline_lead'"
check "… and its picture width" \
  sh -c "sed -n '/^  linghang:/,/^  [a-z]/p' '$written' | grep -q 'picture_cols: 3'"
check "the continuation's slot" grep -qE '^  jinbo:' "$written"
check "it names the file and the page" grep -q '^  A02: inside_auto-A02.yaml$' out.txt
check "it prints the page's template line" grep -q '^    template: inside_auto-A02$' out.txt
check "… and its slots, the continuation as {continues: id}" \
  grep -q '^    slots: {jinbo: {continues: jinbo}, linghang: linghang, g60: g60, xiaohonghua: xiaohonghua, xiaolv: xiaolv}$' out.txt

# report.json's auto_pages: the modules of the layout set are the written slots.
"$bin" check "$issue" --layouts "$layouts" --json >report.json 2>/dev/null
python3 - "$written" report.json >modules.txt <<'PY'
import json, sys, re
report = json.load(open(sys.argv[2]))
pages = report["auto_pages"]
assert len(pages) == 1 and pages[0]["label"] == "A02", pages
page = pages[0]
assert page["body"] == {"col": 1, "cols": 6, "row": 3, "rows": 85}, page["body"]
assert page["stories"] == ["jinbo", "linghang", "g60", "xiaohonghua", "xiaolv"]
assert page["complete"] and page["search_steps"] > 0 and not page["with_cuts"]
layouts = page["layouts"]
assert 1 <= len(layouts) <= 3 and layouts[0]["set"] and not any(l["set"] for l in layouts[1:])
costs = [l["cost"] for l in layouts]
assert costs == sorted(costs), costs
for l in layouts:
    assert abs(sum(t["cost"] for t in l["terms"]) - l["cost"]) < 1e-6, l
for m in layouts[0]["modules"]:
    print(m["article"], m["col"], m["cols"], m["row"], m["rows"], m["headline_style"] or "headline",
          m["picture_columns"])
PY
check "report.json's auto_pages has the page, its body and layouts" test $? = 0
python3 - "$written" >slots.txt <<'PY'
import sys, re
text = open(sys.argv[1]).read().split("\nslots:\n")[1]
for block in re.split(r"\n(?=  \S)", text.strip("\n")):
    name = block.split(":")[0].strip()
    area = dict((k, int(v)) for k, v in re.findall(r"(\w+): (\d+)", block.split("\n")[1]))
    style = re.search(r"headline_style: (\S+)", block).group(1)
    pic = re.search(r"picture_cols: (\d+)", block)
    print(name, area["col"], area["cols"], area["row"], area["rows"], style, pic.group(1) if pic else 0)
PY
check "… whose layout set is the written template's slots" \
  sh -c "test \$(wc -l <slots.txt) = 5 && diff modules.txt slots.txt"

# 2. The written template and lines, put in the paper and the issue: the same page.
mkdir hand
cp -r "$tmp/auto/issue" hand/issue
cp -r "$tmp/auto/layouts" hand/layouts
cp "$written" hand/layouts/chunshen/
slots_line=$(sed -n 's/^    slots: //p' out.txt)
sed -i -e 's/^  - template: inside_auto$/  - template: inside_auto-A02/' \
  -e "s/^    stories: .*/    slots: $slots_line/" hand/issue/issue.yaml
check "the hand issue has the page's slots" grep -q "^    slots: {jinbo:" hand/issue/issue.yaml
"$bin" dump "$issue" --layouts "$layouts" 2>/dev/null | awk '/^page 2 /,/^page 3 /' >auto-page.txt
"$bin" dump hand/issue --layouts hand/layouts 2>dump-err.txt | awk '/^page 2 /,/^page 3 /' >hand-page.txt
check "the auto page's dump has text" test "$(wc -l <auto-page.txt)" -gt 100
check "the hand page's dump is the auto page's" \
  sh -c "test -s hand-page.txt && cmp auto-page.txt hand-page.txt"
"$bin" render "$issue" --layouts "$layouts" -o out-auto --no-png -q >/dev/null 2>&1
"$bin" render hand/issue --layouts hand/layouts -o out-hand --no-png -q >/dev/null 2>&1
if command -v pdftotext >/dev/null; then
  pdftotext -f 2 -l 2 -layout out-auto/issue.pdf auto.txt
  pdftotext -f 2 -l 2 -layout out-hand/issue.pdf hand.txt
  check "the PDF's page 2 reads the same" sh -c "grep -q 领航 auto.txt && cmp auto.txt hand.txt"
fi
"$bin" check hand/issue --layouts hand/layouts --json 2>/dev/null >hand.json
check "the hand issue has no auto page" \
  python3 -c "import json,sys; sys.exit(json.load(open('hand.json'))['auto_pages'] != [])"

# 3. Refused: DIR not empty, or no auto page; exit 2, nothing written.
mkdir full && echo mine >full/notes.txt
"$bin" check "$issue" --layouts "$layouts" --write-templates full >o.txt 2>e.txt
check "a folder that is not empty: exit 2" test $? = 2
check "… saying so" grep -q "^banmian: --write-templates: 'full' is not empty; nothing written$" e.txt
check "… and it is as it was" test "$(ls -A full)" = notes.txt
touch plainfile
"$bin" check "$issue" --layouts "$layouts" --write-templates plainfile >o.txt 2>e.txt
check "a file: exit 2" test $? = 2
"$bin" check "$src/issues/chunshen-2024-06-07" --layouts "$src/layouts" --write-templates none >o.txt 2>e.txt
check "an issue without an auto page: exit 2" test $? = 2
check "… saying so" grep -q "no auto page" e.txt
check "… writing nothing" test ! -e none
mkdir empty
"$bin" check "$issue" --layouts "$layouts" --write-templates empty >o.txt 2>e.txt
check "an empty folder takes the templates" test "$(ls empty)" = inside_auto-A02.yaml
"$bin" check "$issue" --layouts "$layouts" --write-templates json-t --json >j.txt 2>je.txt
check "with --json, standard output is the report alone" python3 -m json.tool j.txt >/dev/null
check "… and the lines go to standard error" grep -q '^    template: inside_auto-A02$' je.txt
finish
