#!/usr/bin/env bash
# The recipe of src/render/newsprint-tr002.icc, banmian's built-in press output profile: an ICC
# output profile of coldset offset on newsprint, built with Argyll's colprof from the
# characterisation data ANSI CGATS/SNAP TR 002-2007 (928 IT8.7/3 patches measured on
# newsprint, the average of 102 sets), which Debian ships as TR002.ti3 in icc-profiles-free.
#
#   scripts/newsprint-profile.sh [OUT.icc]      (default: src/render/newsprint-tr002.icc)
#
# Needs the Debian packages argyll (colprof) and icc-profiles-free (TR002.ti3 and the
# sRGB.icc used as the perceptual table's source gamut); only this script needs them.
#
# colprof writes its creation date and time into the profile's header, so a rebuild never
# gives the same bytes: the committed file is what the build embeds (CMakeLists.txt turns
# it into a source file); this script says how it was made and remakes it on purpose.
#
# The choices:
#   -l 220          total ink limit 220 %: ISO 12647-3's figure for coldset newsprint. The
#                   paper's press: ink_limit (default 240 %, the GWG newspaper figure) is the
#                   check; separations made through this profile stay 20 % under it, so the
#                   ink-limit step never has to take colour out of a separated picture.
#   -L 100          black may go to 100 %.
#   -k p 0 0.1 0.9 1 1
#                   heavy GCR (grey component replacement), as newsprint wants: no K in the
#                   lightest tenth, then K rising straight to its maximum at 90 % of the way
#                   to black. Greys print mostly on the K plate, which holds neutrals on a
#                   press whose CMY balance drifts and keeps ink (and set-off) down.
#   -q m -b l       medium-quality device-to-PCS table, low-quality PCS-to-device tables:
#                   the profile is embedded in every press PDF, so it is kept small.
#   -s sRGB.icc     the perceptual table compresses sRGB's gamut (and its black) into
#                   newsprint's, instead of clipping everything darker than the paper's
#                   darkest black; pictures are converted with the perceptual intent.
#   -Z m            the paper is matte.
#   -nc             the measurement data are not copied into the profile (size).
set -euo pipefail
# The packages: scripts/deps.sh BANMIAN_PROFILE_PACKAGES.

out=${1:-"$(cd "$(dirname "$0")/.." && pwd)/src/render/newsprint-tr002.icc"}
ti3=/usr/share/color/icc/TR002.ti3
srgb=/usr/share/color/icc/sRGB.icc
for f in "$ti3" "$srgb"; do
  [ -f "$f" ] || { echo "$f is missing: apt-get install icc-profiles-free" >&2; exit 1; }
done
command -v colprof >/dev/null || { echo "colprof is missing: apt-get install argyll" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# TR002.ti3 has DOS line ends, which Argyll's CGATS reader takes in its stride; strip
# them anyway so the input is plain text.
tr -d '\r' <"$ti3" >"$work/tr002.ti3"
colprof -q m -b l -nc -l 220 -L 100 -k p 0 0.1 0.9 1 1 -Z m -s "$srgb" \
  -D "Newsprint (CGATS TR 002, SNAP), 220% TAC, heavy GCR (banmian)" \
  -C "Built from ANSI CGATS/SNAP TR 002-2007 characterization data (NPES)" \
  -O "$work/out.icc" "$work/tr002" >/dev/null  # colprof adds .ti3
mkdir -p "$(dirname "$out")"
mv "$work/out.icc" "$out"
echo "$out: $(stat -c %s "$out") bytes"
