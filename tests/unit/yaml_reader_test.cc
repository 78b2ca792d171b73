#include "load/yaml_reader.h"

#include <doctest/doctest.h>

#include "test_util.h"

using namespace banmian;
using banmian::test::Messages;

TEST_CASE("yaml: a key given twice is an error at the second, whichever mapping holds it") {
  Diagnostics d;
  YamlSource src{"issue.yaml",
                 "paper: a\ntitle: t\npaper: b\nfields:\n  x: 1\n  y: 2\n  x: 3\n"
                 "pages:\n  - {template: front, label: A01, template: inside}\n"
                 "  - slots:\n      lead: {article: a, rows: 3, rows: fit}\n",
                 0};
  CHECK_FALSE(ParseYaml(src, d));
  CHECK(Messages(d) ==
        "issue.yaml:3:1: error[duplicate-key]: duplicate key 'paper': it is already given at "
        "line 1\n"
        "  hint: give each key once: delete one of the two, or merge them\n"
        "issue.yaml:7:3: error[duplicate-key]: duplicate key 'x': it is already given at line 5\n"
        "  hint: give each key once: delete one of the two, or merge them\n"
        "issue.yaml:9:35: error[duplicate-key]: duplicate key 'template': it is already given at "
        "line 9, column 6\n"
        "  hint: give each key once: delete one of the two, or merge them\n"
        "issue.yaml:11:35: error[duplicate-key]: duplicate key 'rows': it is already given at "
        "line 11, column 26\n"
        "  hint: give each key once: delete one of the two, or merge them\n");
}

TEST_CASE("yaml: duplicate keys are found by their text, in characters, after front matter") {
  Diagnostics d;
  // Quoted or not, the key is the same text; columns count characters, not bytes; the
  // source's line offset (front matter after its --- line) is added.
  YamlSource src{"a.md", "headline: 主题\n标题: {甲: 1, \"甲\": 2}\n", 1};
  CHECK_FALSE(ParseYaml(src, d));
  CHECK(Messages(d) ==
        "a.md:3:12: error[duplicate-key]: duplicate key '甲': it is already given at line 3, "
        "column 6\n"
        "  hint: give each key once: delete one of the two, or merge them\n");
}

TEST_CASE("yaml: a mapping reached twice through an alias is reported once") {
  Diagnostics d;
  YamlSource src{"t.yaml", "a: &m {k: 1, k: 2}\nb: *m\nc: [*m, *m]\n", 0};
  CHECK_FALSE(ParseYaml(src, d));
  CHECK(Messages(d) ==
        "t.yaml:1:14: error[duplicate-key]: duplicate key 'k': it is already given at line 1, "
        "column 8\n"
        "  hint: give each key once: delete one of the two, or merge them\n");
}

TEST_CASE("yaml: the same key in different mappings is no duplicate") {
  Diagnostics d;
  YamlSource src{"t.yaml", "a: {k: 1}\nb: {k: 2}\nc:\n  - k: 1\n  - k: 2\n", 0};
  CHECK(ParseYaml(src, d));
  CHECK(Messages(d) == "");
}

TEST_CASE("yaml: a syntax error is reported at its line and column") {
  Diagnostics d;
  YamlSource src{"t.yaml", "a: [1, 2\nb: 3\n", 0};
  CHECK_FALSE(ParseYaml(src, d));
  CHECK(d.items().size() == 1);
  CHECK(d.items()[0].code == "yaml-syntax");
}

TEST_CASE("yaml: did you mean") {
  CHECK(DidYouMean("colls", {"cols", "place", "rows"}) == "did you mean 'cols'?");
  CHECK(DidYouMean("zzz", {"cols", "place", "rows"}) == "");
}
