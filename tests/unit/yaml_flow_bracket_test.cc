// The unclosed flow bracket behind "end of sequence flow not found" (load/yaml_flow_bracket.h):
// a table of texts, each with the bracket found (line:column, 1-based here) or none.
#include "load/yaml_flow_bracket.h"

#include <doctest/doctest.h>

#include <string>

using namespace banmian;

TEST_CASE("yaml flow bracket: the opening bracket left open, or none") {
  struct Case {
    const char* text;
    const char* found;  // "line:col bracket", or "" for none
  };
  const Case cases[] = {
      {"kicker: 引题\nheadline: [决胜决战\n", "2:11 ["},
      {"a: [1, 2]\nb: [3,\n  4\n", "2:4 ["},         // the second list
      {"a: {x: 1, y: [2, 3}\n", "1:14 ["},           // the inner one is left open
      {"- {article: a\n- b\n", "1:3 {"},             // after "- "
      {"- - [x\n", "1:5 ["},                         // after two "- "
      {"a: [1, 2]\n", ""},                           // closed
      {"a: [1,\n  2]\nb: c\n", ""},                  // closed on a later line
      {"title: a[1\n", ""},                          // inside plain text: no list
      {"a: \"[x\"\n", ""},                           // inside quotes
      {"a: ['x]', \"y]\"\n", "1:4 ["},               // brackets quoted inside a list
      {"a: ['it''s]'\n", "1:4 ["},                   // '' is a quote inside '…'
      {"a: [x  # ] a comment\n", "1:4 ["},           // a comment's bracket
      {"a: |\n  [not a list\nb: [open\n", "3:4 ["},  // a block scalar's text
      {"# [comment\na: 1\n", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const std::string text = c.text;
    const auto found = UnclosedFlowBracket(text, text.size());
    std::string got;
    if (found)
      got = std::to_string(found->line + 1) + ":" + std::to_string(found->column + 1) + " " +
            found->bracket;
    CHECK(got == c.found);
  }
}

TEST_CASE("yaml flow bracket: only what comes before the end counts") {
  const std::string text = "a: [1,\n  2]\n";
  CHECK(UnclosedFlowBracket(text, 7));  // the ']' is after the end
  CHECK_FALSE(UnclosedFlowBracket(text, text.size()));
}
