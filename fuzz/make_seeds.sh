#!/usr/bin/env bash
# Packs every sample issue, layout test case, error case and structure-aware seed
# (fuzz/seeds/*, see its README) into one fuzz seed each (the archive format of
# fuzz/issue_archive.h): the issue folder's files plus the templates of the paper it
# names and the files beside them. Usage: fuzz/make_seeds.sh OUT_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$1
mkdir -p "$out"

pack() {  # pack CASE_DIR > archive
  local dir=$1 paper f rel
  paper=$(sed -n 's/^paper:[[:space:]]*\([A-Za-z0-9_-]*\).*/\1/p' "$dir/issue.yaml" | head -n1)
  while IFS= read -r f; do
    rel=${f#"$dir"/}
    [ "$rel" = expected.txt ] && continue
    printf '@@@ %s\n' "$rel"
    cat "$f"
    printf '\n'
  done < <(find "$dir" -type f | LC_ALL=C sort)
  # A case with its own layouts/ carries its paper; the others use the project's.
  if [ -n "$paper" ] && [ ! -d "$dir/layouts" ] && [ -d "$root/layouts/$paper" ]; then
    # Its templates and the files they name (a logo, a standing ad).
    for f in "$root/layouts/$paper"/*; do
      [ -f "$f" ] || continue
      printf '@@@ layouts/%s/%s\n' "$paper" "$(basename "$f")"
      cat "$f"
      printf '\n'
    done
  fi
}

for dir in "$root"/issues/*/ "$root"/tests/layout/cases/*/ "$root"/tests/errors/*/ "$root"/fuzz/seeds/*/; do
  dir=${dir%/}
  [ -f "$dir/issue.yaml" ] || continue
  kind=$(basename "$(dirname "$dir")")
  pack "$dir" >"$out/$kind-$(basename "$dir")"
done
