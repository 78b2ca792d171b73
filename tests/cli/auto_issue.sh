# An issue with an automatic page, for the tests of what is built on automatic layout
# (sourced; needs $src, the source folder): make_auto_issue DEST copies the chunshen issue
# to DEST/issue and its paper to DEST/layouts/chunshen, gives the paper a headline ladder (unless it has one),
# adds the template inside_auto (yaowen's folio and a body of six columns from grid line
# 3 down) and makes A02 an auto page of the five stories yaowen's slots held.
make_auto_issue() {
  local dest=$1
  mkdir -p "$dest/layouts"
  cp -r "$src/issues/chunshen-2024-06-07" "$dest/issue"
  cp -r "$src/layouts/chunshen" "$dest/layouts/chunshen"
  local paper="$dest/layouts/chunshen"
  # The paper may have its ladder already (the auto samples gave it one).
  grep -q '^auto_layout:' "$paper/paper.yaml" ||
    printf '\nauto_layout: {headlines: [{style: headline_lead, max_rank: 1, min_cols: 4}, %s\n' \
      '{style: headline, min_cols: 2}, {style: headline_small}]}' >>"$paper/paper.yaml"
  sed '/^slots:/,$d' "$paper/yaowen.yaml" >"$paper/inside_auto.yaml"
  echo 'body: {col: 1, cols: 6, row: 3, rows: rest}' >>"$paper/inside_auto.yaml"
  # A02's entry: from its template line to the next page's, replaced.
  awk '
    /^  - template: yaowen$/ { skip = 1
      print "  - template: inside_auto"
      print "    label: A02"
      print "    section: 要闻"
      print "    stories: [{continues: jinbo}, linghang, g60, xiaohonghua, xiaolv]"
      next }
    skip && /^  - template:/ { skip = 0 }
    !skip' "$dest/issue/issue.yaml" >"$dest/issue.yaml.new"
  mv "$dest/issue.yaml.new" "$dest/issue/issue.yaml"
}
