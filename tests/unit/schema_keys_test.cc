// The JSON Schemas of docs/schemas/ against the loaders themselves: every mapping a loader
// reads accepts exactly the keys its schema object lists, and every value a loader takes
// from a fixed list (kind: module|stack|…) is the schema's enum. The loaders' key lists are
// read from the loaders as a user meets them: an unknown key (one no key resembles) is
// reported with the hint "allowed keys: a, b, c", and a value not in a list with "must be
// one of a, b, c". So a key added to a loader and not to its schema (or the other way
// round) fails here, with both lists. tests/schemas/ validates the files themselves.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "load/article_loader.h"
#include "load/issue_loader.h"
#include "load/layout_loader.h"
#include "test_util.h"

using namespace banmian;
using banmian::test::Messages;
using nlohmann::json;

namespace {

// A key and a value that resemble no key or value of any loader (no "did you mean").
constexpr const char* kOdd = "zzqqxxjj";

json LoadSchema(const std::string& name) {
  std::ifstream in(std::string(BANMIAN_TEST_DATA) + "/../docs/schemas/" + name);
  REQUIRE(in);
  return json::parse(in);
}

// The schema object at `pointer`, following a "$ref": "#/…" there.
const json& At(const json& schema, const std::string& pointer) {
  const json* node = &schema.at(json::json_pointer(pointer));
  while (node->is_object() && node->contains("$ref"))
    node = &schema.at(json::json_pointer(node->at("$ref").get<std::string>().substr(1)));
  return *node;
}

std::set<std::string> Split(const std::string& list) {
  std::set<std::string> out;
  size_t at = 0;
  while (at <= list.size()) {
    size_t comma = list.find(", ", at);
    if (comma == std::string::npos) comma = list.size();
    out.insert(list.substr(at, comma - at));
    at = comma + 2;
  }
  return out;
}

std::string Join(const std::set<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// A document whose mappings end in markers @name@: the one marker named is replaced by
// `insert`, every other one by nothing.
std::string Fill(std::string text, const std::string& marker, const std::string& insert) {
  bool found = false;
  for (size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at)) {
    const size_t end = text.find('@', at + 1);
    REQUIRE(end != std::string::npos);
    const bool chosen = text.substr(at + 1, end - at - 1) == marker;
    found |= chosen;
    // In an empty flow mapping, {@name@}, the key goes in without its comma.
    const std::string put = !chosen ? ""
                            : at > 0 && text[at - 1] == '{' && insert.starts_with(", ")
                                ? insert.substr(2)
                                : insert;
    text.replace(at, end - at + 1, put);
    at += put.size();
  }
  REQUIRE_MESSAGE(found, "no marker @" << marker << "@");
  return text;
}

const char* kIssue = R"(paper: p@root@
title: t
date: 2021-05-10
pages:
  - {template: front, slots: {a: {article: x@slot@}, b: {ad: a.pdf@ad@}}@page@}
  - {template: auto, stories: [x, {article: x, lock: {col: 1@lock@}@story@}]}
articles: {x: x.md}
)";

const char* kPaper = R"(name: 测试报@root@
page: {width: 200mm, height: 300mm, margins: {top: 10mm, bottom: 10mm, left: 10mm, right: 10mm@margins@}@page@}
grid: {columns: 4, characters: 10, gutter: 1ch, body_size: 9pt, line_pitch: 13.5pt@grid@}
typesetting: {hanging: false@typesetting@}
press: {ink_limit: 240, checks: {picture_ppi_warning: 150@checks@}, ads: {@ads@}@press@}
colours: {black: [0, 0, 0, 100], red: [0, 100, 100, 0]}
auto_layout: {headlines: [{style: headline@rung@}]@autolayout@}
styles:
  body: {family: Noto Serif CJK SC, size: 9pt@style@}
  body_emph: {family: AR PL UKai CN, size: 9pt}
  body_strong: {family: Noto Sans CJK SC, weight: bold, size: 9pt}
  kicker: {family: Noto Sans CJK SC, size: 12pt}
  headline: {family: Noto Sans CJK SC, weight: bold, size: 24pt}
  subhead: {family: Noto Serif CJK SC, weight: bold, size: 14pt}
  byline: {family: AR PL UKai CN, size: 9pt}
  section_title: {family: Noto Sans CJK SC, weight: bold, size: 10pt}
  crosshead: {family: Noto Sans CJK SC, weight: bold, size: 10pt}
  caption: {family: AR PL UKai CN, size: 8pt}
  tag: {family: Noto Sans CJK SC, weight: bold, size: 10pt}
)";

const char* kTemplate = R"(regions:
  r1:
    area: {col: 1, cols: 1, row: 1, rows: 1@gridarea@}
    items:
      - {text: t, style: body, at: [0mm, 0mm], tabs: [{at: 5mm@tab@}]@textitem@}
      - {qr: q, at: [0mm, 0mm], size: 10mm@qritem@}
      - {rule: {from: [0mm, 0mm], to: [1mm, 0mm]@rule@}@ruleitem@}
      - {box: {at: [0mm, 0mm], size: [1mm, 1mm]@box@}@boxitem@}
      - {image: {file: a.png, at: [0mm, 0mm], size: [1mm, 1mm]@image@}@imageitem@}
  r2: {area: {x: 0mm, y: 0mm, width: 10mm, height: 10mm@pagearea@}@region@}
slots:
  s1: {area: {col: 2, cols: 1, row: 1, rows: 5@slotarea@}, headline_bar: {fill: black, style: headline@bar@}@slot@}
  s2: {area: {col: 3, cols: 1, row: 1, rows: 5}, kind: ad@adslot@}
body: {col: 4, cols: 1, row: 1, rows: rest@body@}
@root@
)";

const char* kArticle = "---\nheadline: h@root@\n---\n正文。\n";

enum class File { kIssue, kPaper, kTemplate, kArticle };

// Parses `text` as the file kind says (a template against the paper of kPaper).
Diagnostics Parse(File file, const std::string& text) {
  Diagnostics d;
  switch (file) {
    case File::kIssue:
      ParseIssueFile("issue.yaml", text, d);
      break;
    case File::kPaper:
      ParsePaper("paper.yaml", text, d);
      break;
    case File::kTemplate: {
      Diagnostics paper_diags;
      auto paper = ParsePaper("paper.yaml", Fill(kPaper, "root", ""), paper_diags);
      REQUIRE_MESSAGE(paper, Messages(paper_diags));
      ParseTemplate("t.yaml", "t", text, *paper, d);
      break;
    }
    case File::kArticle:
      ParseArticle("a", "a.md", text, ".", d);
      break;
  }
  return d;
}

const char* SchemaFile(File file) {
  switch (file) {
    case File::kIssue:
      return "issue.schema.json";
    case File::kPaper:
      return "paper.schema.json";
    case File::kTemplate:
      return "template.schema.json";
    case File::kArticle:
      return "article.schema.json";
  }
  return "";
}

const char* SampleText(File file) {
  switch (file) {
    case File::kIssue:
      return kIssue;
    case File::kPaper:
      return kPaper;
    case File::kTemplate:
      return kTemplate;
    case File::kArticle:
      return kArticle;
  }
  return "";
}

// A mapping of a file, the marker at its end and the schema object that describes it.
struct Mapping {
  File file;
  const char* marker;
  const char* pointer;
};

const Mapping kMappings[] = {
    {File::kIssue, "root", ""},
    {File::kIssue, "page", "/$defs/page"},
    {File::kIssue, "slot", "/$defs/slotMapping"},
    {File::kIssue, "story", "/$defs/storyMapping"},
    {File::kIssue, "lock", "/$defs/storyMapping/properties/lock"},
    {File::kPaper, "root", ""},
    {File::kPaper, "page", "/properties/page"},
    {File::kPaper, "margins", "/properties/page/properties/margins"},
    {File::kPaper, "grid", "/properties/grid"},
    {File::kPaper, "typesetting", "/properties/typesetting"},
    {File::kPaper, "press", "/properties/press"},
    {File::kPaper, "checks", "/properties/press/properties/checks"},
    {File::kPaper, "ads", "/properties/press/properties/ads"},
    {File::kPaper, "style", "/$defs/style"},
    {File::kPaper, "autolayout", "/properties/auto_layout"},
    {File::kPaper, "rung", "/$defs/headlineRung"},
    {File::kTemplate, "root", ""},
    {File::kTemplate, "region", "/$defs/region"},
    {File::kTemplate, "gridarea", "/$defs/gridArea"},
    {File::kTemplate, "pagearea", "/$defs/pageArea"},
    {File::kTemplate, "textitem", "/$defs/textItem"},
    {File::kTemplate, "tab", "/$defs/tabStop"},
    {File::kTemplate, "qritem", "/$defs/qrItem"},
    {File::kTemplate, "ruleitem", "/$defs/ruleItem"},
    {File::kTemplate, "rule", "/$defs/ruleItem/properties/rule"},
    {File::kTemplate, "boxitem", "/$defs/boxItem"},
    {File::kTemplate, "box", "/$defs/boxItem/properties/box"},
    {File::kTemplate, "imageitem", "/$defs/imageItem"},
    {File::kTemplate, "image", "/$defs/imageItem/properties/image"},
    {File::kTemplate, "slot", "/$defs/slot"},
    {File::kTemplate, "slotarea", "/$defs/slotArea"},
    {File::kTemplate, "bar", "/$defs/slot/properties/headline_bar"},
    {File::kTemplate, "body", "/properties/body"},
    {File::kArticle, "root", ""},
};

// A key whose value a loader takes from a fixed list, and the schema's enum for it.
struct Choice {
  File file;
  const char* marker;
  const char* key;
  const char* pointer;
};

const Choice kChoices[] = {
    {File::kIssue, "ad", "scale", "/$defs/slotMapping/properties/scale"},
    {File::kPaper, "style", "weight", "/$defs/style/properties/weight"},
    {File::kPaper, "style", "align", "/$defs/style/properties/align"},
    {File::kPaper, "typesetting", "strictness", "/properties/typesetting/properties/strictness"},
    {File::kPaper, "typesetting", "punctuation", "/properties/typesetting/properties/punctuation"},
    {File::kPaper, "typesetting", "line_start_opening",
     "/properties/typesetting/properties/line_start_opening"},
    {File::kPaper, "ads", "rgb", "/properties/press/properties/ads/properties/rgb"},
    {File::kPaper, "ads", "spot", "/properties/press/properties/ads/properties/spot"},
    {File::kPaper, "ads", "transparency",
     "/properties/press/properties/ads/properties/transparency"},
    {File::kPaper, "ads", "fonts", "/properties/press/properties/ads/properties/fonts"},
    {File::kPaper, "ads", "ink", "/properties/press/properties/ads/properties/ink"},
    {File::kPaper, "ads", "output_condition",
     "/properties/press/properties/ads/properties/output_condition"},
    {File::kTemplate, "slot", "kind", "/$defs/slot/properties/kind"},
    {File::kTemplate, "slot", "headline_align", "/$defs/slot/properties/headline_align"},
    {File::kTemplate, "adslot", "scale", "/$defs/slot/properties/scale"},
    {File::kTemplate, "tab", "align", "/$defs/tabStop/properties/align"},
    {File::kTemplate, "image", "fit", "/$defs/imageItem/properties/image/properties/fit"},
};

// The text of the first diagnostic that holds `needle`, after `intro` up to `until`.
std::string Between(const Diagnostics& d, const std::string& needle, const std::string& intro,
                    const std::string& until, bool in_hint) {
  for (const Diagnostic& x : d.items()) {
    const std::string& text = in_hint ? x.hint : x.message;
    if (x.message.find(needle) == std::string::npos) continue;
    const size_t from = text.find(intro);
    if (from == std::string::npos) continue;
    const size_t start = from + intro.size();
    return text.substr(start, until.empty() ? std::string::npos : text.find(until, start) - start);
  }
  return {};
}

// Every schema object that refuses unknown keys, by its JSON pointer.
void ClosedObjects(const json& node, const std::string& pointer, std::set<std::string>& out) {
  if (node.is_object()) {
    if (node.contains("additionalProperties") && node["additionalProperties"] == false)
      out.insert(pointer);
    for (const auto& [key, value] : node.items()) {
      std::string escaped;
      for (char c : key) escaped += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
      ClosedObjects(value, pointer + "/" + escaped, out);
    }
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i)
      ClosedObjects(node[i], pointer + "/" + std::to_string(i), out);
  }
}

}  // namespace

TEST_CASE("schemas: the documents the loaders are asked about load without an error") {
  for (File file : {File::kIssue, File::kPaper, File::kTemplate, File::kArticle}) {
    const std::string schema_file = SchemaFile(file);
    CAPTURE(schema_file);
    const Diagnostics d = Parse(file, Fill(SampleText(file), "root", ""));
    CHECK(Messages(d) == "");
  }
}

TEST_CASE("schemas: every mapping a loader reads has the keys of its schema object") {
  std::map<File, std::set<std::string>> covered;
  for (const Mapping& m : kMappings) {
    const std::string schema_file = SchemaFile(m.file), marker = m.marker;
    CAPTURE(schema_file);
    CAPTURE(marker);
    // A flow mapping's marker takes ", key: 1"; a block mapping's (at a line's end) a new line.
    const std::string doc = SampleText(m.file);
    const size_t at = doc.find(std::string("@") + m.marker + "@");
    const bool block = m.marker == std::string("root");
    const bool after_newline = at > 0 && doc[at - 1] == '\n';
    const std::string insert =
        std::string(block ? (after_newline ? "" : "\n") : ", ") + kOdd + ": 1";
    const Diagnostics d = Parse(m.file, Fill(doc, m.marker, insert));
    const std::string list =
        Between(d, std::string("'") + kOdd + "'", "allowed keys: ", "", /*in_hint=*/true);
    REQUIRE_MESSAGE(!list.empty(), Messages(d));
    const json schema = LoadSchema(SchemaFile(m.file));
    const json& object = At(schema, m.pointer);
    std::set<std::string> in_schema;
    for (const auto& [key, value] : object.at("properties").items()) in_schema.insert(key);
    CHECK(Join(Split(list)) == Join(in_schema));
    CHECK(object.value("additionalProperties", json(true)) == false);
    covered[m.file].insert(m.pointer);
  }
  // Every object of a schema that refuses unknown keys is compared above.
  for (File file : {File::kIssue, File::kPaper, File::kTemplate, File::kArticle}) {
    const std::string schema_file = SchemaFile(file);
    CAPTURE(schema_file);
    std::set<std::string> closed;
    ClosedObjects(LoadSchema(SchemaFile(file)), "", closed);
    CHECK(Join(closed) == Join(covered[file]));
  }
}

TEST_CASE("schemas: every value a loader takes from a list is the schema's enum") {
  for (const Choice& c : kChoices) {
    const std::string schema_file = SchemaFile(c.file), key = c.key;
    CAPTURE(schema_file);
    CAPTURE(key);
    const std::string insert = std::string(", ") + c.key + ": " + kOdd;
    const Diagnostics d = Parse(c.file, Fill(SampleText(c.file), c.marker, insert));
    const std::string list = Between(d, std::string("not '") + kOdd + "'", "must be one of ",
                                     std::string(", not '") + kOdd, /*in_hint=*/false);
    REQUIRE_MESSAGE(!list.empty(), Messages(d));
    const json schema = LoadSchema(SchemaFile(c.file));
    std::set<std::string> in_schema;
    for (const json& v : At(schema, c.pointer).at("enum")) in_schema.insert(v.get<std::string>());
    CHECK(Join(Split(list)) == Join(in_schema));
  }
}

TEST_CASE("schemas: the styles paper.yaml must declare are the loader's") {
  const json schema = LoadSchema("paper.schema.json");
  std::set<std::string> in_schema, in_loader;
  for (const json& v : At(schema, "/properties/styles").at("required"))
    in_schema.insert(v.get<std::string>());
  for (const char* const* s = kRequiredStyles; *s; ++s) in_loader.insert(*s);
  CHECK(Join(in_schema) == Join(in_loader));
}

TEST_CASE("schemas: the article keys an ad slot refuses are the schema's") {
  // Each key of a slot, given to an ad slot: the loader refuses it as not applying to an
  // ad exactly when the schema's ad branch forbids it (picture_trim among them).
  const json schema = LoadSchema("template.schema.json");
  const json& slot = At(schema, "/$defs/slot");
  const json& ad_branch = slot.at("allOf").at(0).at("then").at("properties");
  std::set<std::string> in_schema, in_loader;
  for (const auto& [key, value] : ad_branch.items())
    if (value == false) in_schema.insert(key);
  for (const auto& [key, value] : slot.at("properties").items()) {
    if (key == "kind") continue;
    const Diagnostics d = Parse(File::kTemplate, Fill(kTemplate, "adslot", ", " + key + ": 1"));
    if (!Between(d, "an ad slot holds an ad, not an article: '" + key + "'", "", "", false).empty())
      in_loader.insert(key);
  }
  CHECK(in_schema.count("picture_trim") == 1);
  CHECK(Join(in_loader) == Join(in_schema));
}
