#include "load/yaml_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

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

// The message for a tab in the indentation of `text`, or "" when there is none.
std::string TabMessage(const std::string& text, int line_offset = 0) {
  Diagnostics d;
  YamlSource src{"t.yaml", text, line_offset};
  ParseYaml(src, d);
  return Messages(d);
}

const char* kTabHint =
    "  hint: replace the tab with spaces (most editors can be set to indent with spaces in YAML "
    "files)\n";

TEST_CASE("yaml: a tab in the indentation is named, at the tab, whatever yaml-cpp made of it") {
  // yaml-cpp: "illegal map value"
  CHECK(TabMessage("a:\n\tb: 1\n") ==
        std::string("t.yaml:2:1: error[yaml-tab]: tab in indentation; YAML indents with spaces\n") +
            kTabHint);
  // yaml-cpp: "illegal tab when looking for indentation"; the tab after two spaces
  CHECK(TabMessage("a:\n  b: 1\n  \tc: 2\n") ==
        std::string("t.yaml:3:3: error[yaml-tab]: tab in indentation; YAML indents with spaces\n") +
            kTabHint);
  CHECK(TabMessage("a:\n  - 1\n\t- 2\n").starts_with("t.yaml:3:1: error[yaml-tab]"));
  CHECK(TabMessage("\ta: 1\n").starts_with("t.yaml:1:1: error[yaml-tab]"));
  // Front matter: the lines before it are counted.
  CHECK(
      TabMessage("headline: 标题\n\tkicker: 引题\n", 1).starts_with("t.yaml:3:1: error[yaml-tab]"));
}

TEST_CASE("yaml: a tab yaml-cpp accepts is no error, and other syntax errors keep their words") {
  CHECK(TabMessage("a: |\n  x\n  \ty\n") == "");  // inside a block scalar: text
  CHECK(TabMessage("a: \"x\n\ty\"\n") == "");     // inside a quoted value
  CHECK(TabMessage("a: [1,\n\t2]\n") == "");      // inside brackets
  CHECK(TabMessage("a:\n\t\n  b: 1\n") == "");    // a blank line
  // A syntax error elsewhere is not blamed on a tab further up the file.
  // (An unclosed '[' is named at the bracket, not where yaml-cpp gave up:
  // load/yaml_flow_bracket.h.)
  CHECK(TabMessage("a: |\n  \tx\nb: 1\nc: [1, 2\nd: 3\n")
            .starts_with("t.yaml:4:4: error[yaml-syntax]: YAML syntax error: this '[' opens a "
                         "list that is never closed"));
  CHECK(TabMessage("a: [1, 2\nb: 3\n").find("yaml-syntax") != std::string::npos);
}

TEST_CASE("yaml: did you mean") {
  CHECK(DidYouMean("colls", {"cols", "place", "rows"}) == "did you mean 'cols'?");
  CHECK(DidYouMean("zzz", {"cols", "place", "rows"}) == "");
}

TEST_CASE("yaml: numbers are plain digits, whole numbers take no sign but minus, no space") {
  Diagnostics d;
  YamlSource src{"t.yaml", "a: 0x96\nb: ' 5'\nc: +3\nd: 99999999999999999999\ne: 12\nf: 1e2\n", 0};
  auto root = ParseYaml(src, d);
  REQUIRE(root);
  MapReader r(*root, src, "the test", {"a", "b", "c", "d", "e", "f"}, d);
  CHECK_FALSE(r.Number("a", true, 0, 400));
  CHECK_FALSE(r.Int("b", true, 0, 100));
  CHECK_FALSE(r.Int("c", true, 0, 100));
  CHECK_FALSE(r.Int("d", true, 0, 100));
  CHECK(r.Int("e", true, 0, 100) == 12);
  CHECK_FALSE(r.Number("f", true, 0, 400));
  CHECK(Messages(d) ==
        "t.yaml:1:4: error[wrong-type]: 'a' in the test must be a number, not '0x96'\n"
        "t.yaml:2:4: error[wrong-type]: 'b' in the test must be a whole number, not ' 5'\n"
        "t.yaml:3:4: error[wrong-type]: 'c' in the test must be a whole number, not '+3'\n"
        "t.yaml:4:4: error[out-of-range]: 'd' in the test must be between 0 and 100, not "
        "99999999999999999999\n"
        "t.yaml:6:4: error[wrong-type]: 'f' in the test must be a number, not '1e2'\n");
}

TEST_CASE("yaml: did you mean among 10 000 names finds a close one") {
  // How long 10 000 lookups take is measured by bench/scaling.sh, not here.
  std::vector<std::string> ids;
  for (int i = 0; i < 10000; ++i) ids.push_back("article" + std::to_string(100000 + i));
  ids.push_back("linghang");
  size_t found = 0;
  for (int i = 0; i < 100; ++i)
    found += !ClosestMatch("artcle" + std::to_string(100000 + i), ids).empty();
  CHECK(found == 100);
  CHECK(DidYouMean("linhgang", ids) == "did you mean 'linghang'?");
  CHECK(DidYouMean(std::string(100000, 'x'), ids) == "");
}
