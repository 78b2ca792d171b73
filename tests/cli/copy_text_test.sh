#!/usr/bin/env bash
# Copy-out (issue 13, kinds 4, 8, 12, 13): the text pdftotext reads from every sample's PDF
# and from the stress issue tests/cli/copy-stress is the issues' normalised input — no
# space between Chinese characters that the input does not have (justified lines, the
# quarter em between Han and Latin, squeezed punctuation), every missing glyph copied as
# its own characters, variation selectors kept — compared by copy_text_check (its header
# gives the rule: each article's texts in order, line breaks and the product's own lines
# anywhere between, spaces only where the input has whitespace). Then the stress issue's
# findings (synthetic-bold, missing-variant, missing-glyph, each with its place), its
# emboldened glyphs in the PDF, files byte-identical with --jobs 1 and 2, and qpdf --check
# on the screen and press PDFs. Usage: copy_text_test.sh BANMIAN COPY_TEXT_CHECK SOURCE_DIR
set -u
bin=$1 checker=$2 src=$3
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
extract() { pdftotext -raw -enc UTF-8 "$1" "$2"; }

# Every sample: rendered (exit 0 or 1), its text read back and compared.
for issue in "$src"/issues/*/; do
  name=$(basename "$issue")
  "$bin" render "$issue" -o "$tmp/$name" --no-png -q 2>"$tmp/$name.err"
  check "$name renders" test $? -le 1
  extract "$tmp/$name/$name.pdf" "$tmp/$name.txt"
  "$checker" "$issue" "$tmp/$name.txt" >"$tmp/$name.check"
  # Text that did not fit (an overset article's rest, a sample that keeps a known break:
  # tests/cli/auto_acceptance_test.sh) is not in the PDF: only its own articles may miss.
  overset=$(sed -n "s/.*error\[overset\].* article '\([^']*\)' does not fit.*/\1/p" "$tmp/$name.err" | sort -u)
  missing=$(sed -n 's/^NOT FOUND \([^ ]*\) .*/\1/p' "$tmp/$name.check" | sort -u)
  check "$name: the PDF's text is the normalised input" \
    test -z "$(comm -23 <(printf '%s\n' $missing) <(printf '%s\n' $overset) | grep .)"
  grep -A1 "^NOT FOUND" "$tmp/$name.check" | head -6
  grep -m1 "error\[overset\]" "$tmp/$name.err"  # text that did not fit is not in the PDF either
done

# The checker has teeth: a space put between two Chinese characters of a body line, or a
# character taken out, is found.
sample=hongqiao-2021-05-front
sed '0,/区委副书记/s//区委副 书记/' "$tmp/$sample.txt" >"$tmp/spaced.txt"
check "a space between Chinese characters is put into the text" grep -q "区委副 书记" "$tmp/spaced.txt"
"$checker" "$src/issues/$sample" "$tmp/spaced.txt" >/dev/null
check "… and the checker finds it" test $? -eq 1
sed '0,/区委副书记/s//区委书记/' "$tmp/$sample.txt" >"$tmp/dropped.txt"
"$checker" "$src/issues/$sample" "$tmp/dropped.txt" >/dev/null
check "a character left out is found" test $? -eq 1
sed '0,/区委副书记/s//区委副书\n记/' "$tmp/$sample.txt" >"$tmp/broken.txt"
"$checker" "$src/issues/$sample" "$tmp/broken.txt" >/dev/null
check "a line break inside a paragraph is no failure" test $? -eq 0
# Tables read row by row, cells in order (chunshen's weather box, articles/tianqi.md): each
# row is one line of the text, and two rows swapped are found.
tables=chunshen-2024-06-07
check "a table row reads as one line, its cells in order" \
  grep -qx "6月8日雷阵雨23~29℃南风2级" "$tmp/$tables.txt"
sed '/^6月7日多云/{h;d};/^6月8日雷阵雨/G' "$tmp/$tables.txt" >"$tmp/swapped.txt"
check "two rows are swapped in the text" grep -A1 -q "^6月8日雷阵雨" "$tmp/swapped.txt"
"$checker" "$src/issues/$tables" "$tmp/swapped.txt" >/dev/null
check "… and the checker finds it" test $? -eq 1

# The stress issue: exit 1 for the characters no font has (and its short pages).
stress="$src/tests/cli/copy-stress"
"$bin" render "$stress" -o "$tmp/s1" --dpi 30 --jobs 1 2>"$tmp/s1.err"
check "the stress issue renders (exit 1: missing glyphs)" test $? -eq 1
pdf="$tmp/s1/copy-stress.pdf"
extract "$pdf" "$tmp/s1.txt"
"$checker" "$stress" "$tmp/s1.txt" >"$tmp/s1.check"
check "stress: the PDF's text is the normalised input" test $? -eq 0
grep -A1 "^NOT FOUND" "$tmp/s1.check" | head -6
flat=$(tr -d '\n' <"$tmp/s1.txt")
has() { [[ "$flat" == *"$1"* ]]; }
check "a family emoji (three missing glyphs, two ZWJ) copies as itself" has "还有👨‍👩‍👧一家三口"
check "two other missing characters copy as themselves, not as the first" has "先是🍷再是🫠"
check "an emoji with its skin tone, and a keycap, copy as themselves" has "还有👍🏽和1⃣。"
check "variation selectors stay in the copied text" has "葛󠄀城的葛󠄀字，辻󠄀字，芦︀字"
check "… also where the font has the variant (HanaMinA)" has "𠔥󠄀字由花园明朝排出"
check "a ligature (ffi, ffl) copies as its letters" has "里的 ffi 与 ffl。"
check "Latin words keep their spaces, and no space comes between Han and Latin" has "第3.14期，Hello world from"
check "a URL cut across lines copies whole" has "https://example.org/banmian/issues/13/copy-text?lang=zh-CN&page=A01#stress，"
check "two-em dashes and ellipses copy as two characters each" has "破折号——在行中间也好"
check "a vertical headline copies in reading order" has "竖排里的𠀁与葛󠄀"
check "the jump lines read as the product writes them" has "（上接第A02版）"
check "no space between two Chinese characters anywhere in the articles' lines" \
  bash -c "! sed -n '/^□记者/,\$p' '$tmp/s1.txt' | tail -n +2 | grep -v '星期' |
           grep -qP '[\x{4e00}-\x{9fff}] +[\x{4e00}-\x{9fff}]'"

# Findings, with their place: 𠀁 and 𪚥 in bold (the vertical headline, the box's
# headline, **strong** text, a crosshead), a selector the font has no glyph for (葛󠄀 in
# the vertical headline and twice in the body, 辻󠄀, 芦︀ on A01; 葛󠄀, 辻󠄀 on A03), and each
# missing character (👨 👩 👧 🍷 🫠 👍 🏽 on A01, 🍷 🫠 on A03).
count() {  # count CODE SEVERITY: findings of that code and severity with an area
  tr -d ' \n' <"$tmp/s1/report.json" | sed 's/{"severity":/\n&/g' |
    grep "^{\"severity\":\"$2\",\"code\":\"$1\"," | grep -c '"area_mm":{"x"'
}
check "5 synthetic-bold infos, each with its area" test "$(count synthetic-bold info)" -eq 5
check "7 missing-variant warnings, each with its area" test "$(count missing-variant warning)" -eq 7
check "9 missing-glyph errors, each with its area" test "$(count missing-glyph error)" -eq 9
check "the synthetic-bold message names the fallback font" \
  grep -q "no bold face has the character 𪚥 (U+2A6A5): it is set in HanaMinA Regular and emboldened" "$tmp/s1/report.json"
check "the variant warning is in the terminal summary, at its page and place" \
  grep -q "warning\[missing-variant\] page A01 col [0-9].*no glyph for 葛 (U+845B) with the variation selector U+E0100" "$tmp/s1.err"
check "HanaMinA's variant raises no warning" bash -c "! grep -q 'U+20525' '$tmp/s1/report.json'"

# The emboldened glyphs: filled and stroked (text render mode 2) with round joins.
qpdf --qdf --object-streams=disable "$pdf" "$tmp/qdf.pdf"
check "synthetic bold is text render mode 2 in the PDF" grep -aq "^q 1 j 2 Tr$" "$tmp/qdf.pdf"
check "… and one ActualText span per line that needs it" grep -aq "^/Span <</ActualText <feff" "$tmp/qdf.pdf"

# Same bytes whatever the number of threads; qpdf finds nothing wrong.
"$bin" render "$stress" -o "$tmp/s2" --dpi 30 --jobs 2 -q 2>/dev/null
check "--jobs 1 and --jobs 2 write the same files" test "$(files "$tmp/s1")" = "$(files "$tmp/s2")"
check "qpdf --check passes the screen PDF" qpdf --check "$pdf" >/dev/null
# The stress issue has error findings (a character no font has): its press files are
# written only when asked for despite them.
for pdfx in 1a 4; do
  "$bin" render "$stress" -o "$tmp/p$pdfx" --no-png --press --press-despite-errors --pdfx "$pdfx" -q 2>/dev/null
  check "PDF/X-$pdfx press files are written" test "$(ls "$tmp/p$pdfx/press" | wc -l)" -eq 3
  for f in "$tmp/p$pdfx"/press/*.pdf; do
    check "qpdf --check passes $(basename "$f") (PDF/X-$pdfx)" qpdf --check "$f" >/dev/null
  done
  extract "$tmp/p$pdfx/press/shequchenbao-2021-05-10-A01.pdf" "$tmp/press.txt"
  check "the press file's text copies out too (PDF/X-$pdfx)" \
    bash -c "tr -d '\n' <'$tmp/press.txt' | grep -q '还有👨‍👩‍👧一家三口'"
done

finish
