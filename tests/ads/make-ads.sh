#!/usr/bin/env bash
# Makes the hand-written test ads of tests/ads/pdf (run by hand; the PDFs are committed).
# Each is one page 189 × 81 pt (the test paper's ad slot, 66.7 × 28.6 mm) inside a 3 mm
# bleed, its TrimBox the ad's size, drawn in CMYK but for the one fault its name says. The
# PDF text is written here and qpdf rebuilds its cross-reference table.
# The clean PDF/X-1a ad with text (clean-x1a.pdf) is made by banmian itself from
# tests/ads/source (see make-clean below).
set -eu
cd "$(dirname "$0")"
out=pdf
media="[0 0 206.008 98.008]"
trim="[8.504 8.504 197.504 89.504]"
intent="<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (CGATS TR 002) /RegistryName (http://www.color.org) /Info (Newsprint) >>"
# Shapes every ad has: a tinted field and a black frame, CMYK only.
shapes="0 0.3 0.6 0 k 8.504 8.504 189 81 re f 0 0 0 1 K 2 w 12 12 182 74 re S"

# pdf NAME CONTENT RESOURCES [EXTRA OBJECTS from 5 0 obj] [CATALOG EXTRA] [TRIM]
pdf() {
  local name=$1 content=$2 resources=$3 extra=${4:-} catalog=${5:-"/OutputIntents [$intent]"}
  local box=${6:-$trim}
  {
    printf '%%PDF-1.4\n'
    printf '1 0 obj\n<< /Type /Catalog /Pages 2 0 R %s >>\nendobj\n' "$catalog"
    printf '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'
    # MEDIA replaces the MediaBox; a TRIM of "none" leaves the TrimBox out; CONTENT_FILTER
    # names a filter of the content stream (whose bytes are not in it: a damaged stream).
    printf '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox %s %s /Resources %s /Contents 4 0 R >>\nendobj\n' \
      "${MEDIA:-$media}" "$([ "$box" = none ] || echo "/TrimBox $box")" "$resources"
    printf '4 0 obj\n<< /Length %d %s >>\nstream\n%s\nendstream\nendobj\n' $((${#content} + 1)) \
      "${CONTENT_FILTER:+/Filter /$CONTENT_FILTER}" "$content"
    printf '%s\n' "$extra"
    printf 'trailer\n<< /Root 1 0 R /Size 20 >>\n%%%%EOF\n'
  } >"/tmp/make-ads-$name.pdf"
  qpdf --static-id --object-streams=disable "/tmp/make-ads-$name.pdf" "$out/$name.pdf" || [ $? -eq 3 ]
  rm -f "/tmp/make-ads-$name.pdf"
}

pdf shapes "$shapes" "<< >>"
pdf rgb-operator "$shapes 1 0 0 rg 40 30 60 20 re f" "<< >>"
# A 2 × 1 RGB image (red, green), 8 bits.
pdf rgb-image "$shapes q 60 0 0 30 60 30 cm /Im1 Do Q" "<< /XObject << /Im1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length 14 >>\nstream\nFF0000 00FF00>\nendstream\nendobj')"
pdf lab "$shapes /CS0 cs 50 20 10 sc 40 30 60 20 re f" \
  "<< /ColorSpace << /CS0 [/Lab << /WhitePoint [0.9505 1 1.089] >>] >> >>"
pdf spot-separation "$shapes /CS0 cs 1 sc 40 30 60 20 re f" \
  "<< /ColorSpace << /CS0 [/Separation /PANTONE#20185#20C /DeviceCMYK 5 0 R] >> >>" \
  "$(printf '5 0 obj\n<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0.91 0.76 0] /N 1 >>\nendobj')"
pdf spot-devicen "$shapes /CS0 cs 0.5 1 sc 40 30 60 20 re f" \
  "<< /ColorSpace << /CS0 [/DeviceN [/Cyan /Gold] /DeviceCMYK 5 0 R] >> >>" \
  "$(printf '5 0 obj\n<< /FunctionType 4 /Domain [0 1 0 1] /Range [0 1 0 1 0 1 0 1] /Length 27 >>\nstream\n{ 0.2 mul exch pop 0 0 0 }\nendstream\nendobj')"
# DeviceN of process colourants only: no spot colour.
pdf devicen-process "$shapes /CS0 cs 0.5 1 sc 40 30 60 20 re f" \
  "<< /ColorSpace << /CS0 [/DeviceN [/Cyan /Black] /DeviceCMYK 5 0 R] >> >>" \
  "$(printf '5 0 obj\n<< /FunctionType 4 /Domain [0 1 0 1] /Range [0 1 0 1 0 1 0 1] /Length 22 >>\nstream\n{ 0 exch 0 exch }\nendstream\nendobj')"
pdf transparency-alpha "$shapes /GS1 gs 0 1 0 0 k 40 30 60 20 re f" \
  "<< /ExtGState << /GS1 << /Type /ExtGState /ca 0.5 >> >> >>"
# A transparency group two forms down.
pdf transparency-nested "$shapes /Fm1 Do" "<< /XObject << /Fm1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 206 98] /Resources << /XObject << /Fm2 6 0 R >> >> /Length 8 >>\nstream\n/Fm2 Do\nendstream\nendobj\n6 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 206 98] /Group << /S /Transparency >> /Resources << >> /Length 28 >>\nstream\n0 1 0 0 k 40 30 60 20 re f\nendstream\nendobj')"
pdf transparency-blend "$shapes /GS1 gs 0 1 0 0 k 40 30 60 20 re f" \
  "<< /ExtGState << /GS1 << /Type /ExtGState /BM /Multiply >> >> >>"
# A CMYK image with a soft mask (its alpha).
pdf transparency-image-mask "$shapes q 60 0 0 30 60 30 cm /Im1 Do Q" "<< /XObject << /Im1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 1 /ColorSpace /DeviceCMYK /BitsPerComponent 8 /SMask 6 0 R /Filter /ASCIIHexDecode /Length 18 >>\nstream\n00FF0000 0000FF00>\nendstream\nendobj\n6 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length 6 >>\nstream\nFF80>\nendstream\nendobj')"
# An RGB ICC-based colour space (N 3; the profile's bytes are not needed to say so).
pdf rgb-icc "$shapes /CS0 cs 1 0 0 sc 40 30 60 20 re f" "<< /ColorSpace << /CS0 [/ICCBased 5 0 R] >> >>" \
  "$(printf '5 0 obj\n<< /N 3 /Alternate /DeviceRGB /Length 4 >>\nstream\nnone\nendstream\nendobj')"
# A TrueType font with a descriptor but no FontFile2.
pdf font-descriptor-only "$shapes BT /F1 24 Tf 0 0 0 1 k 40 40 Td (AD) Tj ET" \
  "<< /Font << /F1 << /Type /Font /Subtype /TrueType /BaseFont /SimSun /FirstChar 65 /LastChar 68 /Widths [500 500 500 500] /FontDescriptor 5 0 R >> >> >>" \
  "$(printf '5 0 obj\n<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>\nendobj')"
pdf font-not-embedded "$shapes BT /F1 24 Tf 0 0 0 1 k 40 40 Td (AD) Tj ET" \
  "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
pdf ink-operator "$shapes 1 1 1 0.5 k 40 30 60 20 re f" "<< >>"
# A 2 × 1 CMYK image: one pixel of 100 % C, M and Y (300 %), one of K alone.
pdf ink-image "$shapes q 60 0 0 30 60 30 cm /Im1 Do Q" "<< /XObject << /Im1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 1 /ColorSpace /DeviceCMYK /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length 18 >>\nstream\nFFFFFF00 000000FF>\nendstream\nendobj')"
pdf output-condition-other "$shapes" "<< >>" "" \
  "/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (FOGRA39) /RegistryName (http://www.color.org) >>]"
pdf output-condition-none "$shapes" "<< >>" "" " "
# The trim 150 × 60 pt (52.9 × 21.2 mm): not the slot's size.
pdf wrong-size "$shapes" "<< >>" "" "/OutputIntents [$intent]" "[8.504 8.504 158.504 68.504]"
# Ink in every form the ink check reads (issue 15). An inline CMYK image, one pixel of
# C, M, Y and K 100 % (400 %).
pdf ink-inline "$shapes q 60 0 0 30 60 30 cm BI /W 1 /H 1 /CS /CMYK /BPC 8 /F /AHx ID FFFFFFFF> EI Q" "<< >>"
# An Indexed image over DeviceCMYK: entries 0 (400 %) and 1 (C M Y 100 %: 300 %); the
# image uses entry 1 only (both pixels), so 300 %, not the unused 400 %.
pdf ink-indexed "$shapes q 60 0 0 30 60 30 cm /Im1 Do Q" "<< /XObject << /Im1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 1 /ColorSpace [/Indexed /DeviceCMYK 1 <FFFFFFFFFFFFFF00>] /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length 5 >>\nstream\n0101>\nendstream\nendobj')"
# A 16-bit CMYK pixel: C, M, Y 65535, K 32768: 350 %.
pdf ink-16bit "$shapes q 60 0 0 30 60 30 cm /Im1 Do Q" "<< /XObject << /Im1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceCMYK /BitsPerComponent 16 /Filter /ASCIIHexDecode /Length 17 >>\nstream\nFFFFFFFFFFFF8000>\nendstream\nendobj')"
# A 4-bit CMYK image of two pixels: (15, 15, 0, 0) and (15, 15, 15, 0): 200 % and 300 %.
pdf ink-4bit "$shapes q 60 0 0 30 60 30 cm /Im1 Do Q" "<< /XObject << /Im1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 1 /ColorSpace /DeviceCMYK /BitsPerComponent 4 /Filter /ASCIIHexDecode /Length 9 >>\nstream\nFF00FFF0>\nendstream\nendobj')"
# Separation /All at tint 0.8: every plate 80 %, 320 %.
pdf ink-all "$shapes /CS0 cs 0.8 sc 40 30 60 20 re f" \
  "<< /ColorSpace << /CS0 [/Separation /All /DeviceCMYK 5 0 R] >> >>" \
  "$(printf '5 0 obj\n<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>\nendobj')"
# DeviceN of the four process colourants at 1 1 1 0.5: 350 %.
pdf ink-devicen "$shapes /CS0 cs 1 1 1 0.5 sc 40 30 60 20 re f" \
  "<< /ColorSpace << /CS0 [/DeviceN [/Cyan /Magenta /Yellow /Black] /DeviceCMYK 5 0 R] >> >>" \
  "$(printf '5 0 obj\n<< /FunctionType 4 /Domain [0 1 0 1 0 1 0 1] /Range [0 1 0 1 0 1 0 1] /Length 3 >>\nstream\n{ }\nendstream\nendobj')"
# An axial shading from nothing to C 100 M 100 Y 80 K 50 (330 %) at its end.
pdf ink-shading-axial "$shapes /Sh1 sh" "<< /Shading << /Sh1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /ShadingType 2 /ColorSpace /DeviceCMYK /Coords [0 0 189 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 0.8 0.5] /N 1 >> >>\nendobj')"
# A stitched one: 0–0.5 from 300 % (C M Y 100) down to none, 0.5–1 up to K 100 %: 300 %.
pdf ink-shading-stitched "$shapes /Sh1 sh" "<< /Shading << /Sh1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /ShadingType 2 /ColorSpace /DeviceCMYK /Coords [0 0 189 0] /Function << /FunctionType 3 /Domain [0 1] /Bounds [0.5] /Encode [0 1 0 1] /Functions [<< /FunctionType 2 /Domain [0 1] /C0 [1 1 1 0] /C1 [0 0 0 0] /N 1 >> << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0 0 1] /N 1 >>] >> >>\nendobj')"
# A radial one whose function is sampled: three samples, the middle one C M Y 100 and K
# 128/255 (50.2 %): 350 %.
pdf ink-shading-sampled "$shapes /Sh1 sh" "<< /Shading << /Sh1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /ShadingType 3 /ColorSpace /DeviceCMYK /Coords [94 40 0 94 40 40] /Function 6 0 R >>\nendobj\n6 0 obj\n<< /FunctionType 0 /Domain [0 1] /Range [0 1 0 1 0 1 0 1] /Size [3] /BitsPerSample 8 /Filter /ASCIIHexDecode /Length 25 >>\nstream\n00000000FFFFFF8000000000>\nendstream\nendobj')"
# What is not measured is said: a PostScript calculator function, a CMYK image in JPX.
pdf ink-shading-calculator "$shapes /Sh1 sh" "<< /Shading << /Sh1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /ShadingType 2 /ColorSpace /DeviceCMYK /Coords [0 0 189 0] /Function 6 0 R >>\nendobj\n6 0 obj\n<< /FunctionType 4 /Domain [0 1] /Range [0 1 0 1 0 1 0 1] /Length 18 >>\nstream\n{ dup dup dup }\nendstream\nendobj')"
pdf ink-jpx "$shapes q 60 0 0 30 60 30 cm /Im1 Do Q" "<< /XObject << /Im1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceCMYK /BitsPerComponent 8 /Filter /JPXDecode /Length 4 >>\nstream\nJPX!\nendstream\nendobj')"
# Forms 40 deep (each draws the next); the innermost sets RGB and is a transparency group.
deep=""
for i in $(seq 1 39); do
  deep="$deep$(printf '%d 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 206 98] /Resources << /XObject << /Fm %d 0 R >> >> /Length 7 >>\nstream\n/Fm Do\nendstream\nendobj\n' $((i + 4)) $((i + 5)))"$'\n'
done
deep="$deep$(printf '44 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 206 98] /Group << /S /Transparency >> /Resources << >> /Length 26 >>\nstream\n1 0 0 rg 40 30 60 20 re f\nendstream\nendobj')"
pdf forms-deep "$shapes /Fm Do" "<< /XObject << /Fm 5 0 R >> >>" "$deep"
# Damaged streams: the page's content, a form's, an image's (Flate over bytes that are not).
CONTENT_FILTER=FlateDecode pdf damaged-content "garbage-not-zlib" "<< >>"
pdf damaged-form "$shapes /Fm1 Do" "<< /XObject << /Fm1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 206 98] /Resources << >> /Filter /FlateDecode /Length 16 >>\nstream\ngarbage-not-zlib\nendstream\nendobj')"
pdf damaged-image "$shapes q 60 0 0 30 60 30 cm /Im1 Do Q" "<< /XObject << /Im1 5 0 R >> >>" \
  "$(printf '5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 1 /ColorSpace /DeviceCMYK /BitsPerComponent 8 /Filter /FlateDecode /Length 16 >>\nstream\ngarbage-not-zlib\nendstream\nendobj')"
# Boxes: a MediaBox of no size; a MediaBox alone, 150 × 60 pt (not the slot's size).
MEDIA="[0 0 0 0]" pdf zero-box "$shapes" "<< >>" "" "/OutputIntents [$intent]" none
MEDIA="[0 0 150 60]" pdf media-only "$shapes" "<< >>" "" "/OutputIntents [$intent]" none
# Encrypted with a user password.
qpdf --static-id --encrypt secret owner 256 -- "$out/shapes.pdf" "$out/encrypted.pdf"
# The shapes turned a quarter: a page with /Rotate 90.
qpdf --static-id --rotate=+90 "$out/shapes.pdf" "$out/rotated.pdf"
printf 'This is a text file, not an ad.\n' >"$out/not-a-pdf.pdf"
printf '%%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pa' >"$out/cut-short.pdf"

# make-clean: the clean PDF/X-1a ad, made by banmian from tests/ads/source/small (its paper
# in tests/ads/source/layouts/ad-small), and the sample's 公益广告 from source/chunshen.
bin=${BANMIAN:-../../build/banmian}
tmp=$(mktemp -d)
"$bin" render source/small --layouts source/layouts --press --no-png -o "$tmp/small" >/dev/null 2>&1
cp "$tmp/small/press/ad-small-2024-06-01-1.pdf" "$out/clean-x1a.pdf"
if [ -d source/chunshen ]; then
  "$bin" render source/chunshen --layouts source/layouts --press --no-png -o "$tmp/chunshen" >/dev/null 2>&1
  cp "$tmp"/chunshen/press/*.pdf ../../issues/chunshen-2024-06-07/ads/wenming-chuxing.pdf
fi
rm -rf "$tmp"
