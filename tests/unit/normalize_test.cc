#include "text/normalize.h"

#include <iterator>
#include <optional>
#include <vector>

#include "load/article_loader.h"

#include <doctest/doctest.h>

using namespace banmian;

namespace {
std::string Norm(const std::string& s, size_t* count = nullptr) {
  std::vector<Normalization> changes;
  std::string out = NormalizeText(s, changes);
  if (count) *count = changes.size();
  return out;
}

// A text, what NormalizeText makes of it, and what it lists.
struct Row {
  const char* in;
  const char* out;
  std::optional<size_t> changes;  // changes listed (not counting unpaired quotes); {}: not checked
  size_t unpaired;                // quotes reported as unpaired
};

void CheckRows(const std::vector<Row>& rows) {
  for (const Row& r : rows) {
    std::vector<Normalization> changes;
    CAPTURE(r.in);
    CHECK(NormalizeText(r.in, changes) == r.out);
    size_t unpaired = 0;
    for (const Normalization& n : changes) unpaired += n.unpaired;
    if (r.changes) CHECK(changes.size() - unpaired == *r.changes);
    CHECK(unpaired == r.unpaired);
  }
}
}  // namespace

TEST_CASE("normalize: half-width marks after Chinese become full width (chinese-rules.md §10)") {
  size_t n = 0;
  CHECK(Norm("领航新百年,聚力新征程", &n) == "领航新百年，聚力新征程");
  CHECK(n == 1);
  CHECK(Norm("提出三点要求:") == "提出三点要求：");
  CHECK(Norm("决胜决战,虹桥准备好了!") == "决胜决战，虹桥准备好了！");
  CHECK(Norm("是吗?对;") == "是吗？对；");
}

TEST_CASE("normalize: a space typed after the mark, before Chinese, goes") {
  CHECK(Norm("虹桥效率, 奔!") == "虹桥效率，奔！");
}

TEST_CASE("normalize: parentheses around Chinese become full width, as a pair") {
  size_t n = 0;
  CHECK(Norm("本报讯(通讯员 张琳子)9月20日", &n) == "本报讯（通讯员 张琳子）9月20日");
  CHECK(n == 2);
  CHECK(Norm("地址:闵行区吴中路1136号608室(信息办公室)") ==
        "地址：闵行区吴中路1136号608室（信息办公室）");
}

TEST_CASE("normalize: numbers, Latin text and URLs are left alone") {
  size_t n = 0;
  CHECK(Norm("共3,000人,18:30开始", &n) == "共3,000人，18:30开始");
  CHECK(n == 1);
  CHECK(Norm("see https://example.org/a?b=1, ok") == "see https://example.org/a?b=1, ok");
  CHECK(Norm("COVID-19 (SARS-CoV-2)") == "COVID-19 (SARS-CoV-2)");
  CHECK(Norm("投稿邮箱:jinhongqiao@163.com") == "投稿邮箱：jinhongqiao@163.com");
}

TEST_CASE("normalize: straight quotes around Chinese become “ ”") {
  CHECK(Norm("他说\"你好\"。") == "他说“你好”。");
  CHECK(Norm("say \"hi\" now") == "say \"hi\" now");
}

TEST_CASE("normalize: every change is listed with its context") {
  std::vector<Normalization> changes;
  NormalizeText("甲,乙", changes);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].from == ",");
  CHECK(changes[0].to == "，");
  CHECK(changes[0].context == "甲，乙");
}

TEST_CASE("normalize: an article can turn it off, and spans keep their styles") {
  Article a;
  a.id = "x";
  a.headline = "甲,乙";
  Block b;
  b.spans = {{"前,", SpanStyle::kPlain}, {"强调", SpanStyle::kStrong}};
  b.credit = "记者,摄";
  a.blocks.push_back(b);
  Article off = a;
  off.normalize = false;
  CHECK(NormalizeArticle(off).empty());
  CHECK(off.headline == "甲,乙");
  auto changes = NormalizeArticle(a);
  CHECK(changes.size() == 3);
  CHECK(a.blocks[0].credit == "记者，摄");
  CHECK(a.headline == "甲，乙");
  CHECK(a.blocks[0].spans[0].text == "前，");
  CHECK(a.blocks[0].spans[1].text == "强调");
}

// Straight quotes are paired in order through a text, not each with the next one found:
// `使用"Python"和"Java"` used to pair the inner two across the quotations (issue 13).
TEST_CASE("normalize: straight quotes are paired in order, in and beside Chinese") {
  CheckRows({
      {"使用\"Python\"和\"Java\"两种语言。", "使用“Python”和“Java”两种语言。", {}, 0},
      {"他说\"你好\"。", "他说“你好”。", {}, 0},
      {"\"加强学习,确保'两大体系'入脑入心\"", "“加强学习，确保‘两大体系’入脑入心”", {}, 0},
      {"关注\"G60\"科创走廊", "关注“G60”科创走廊", {}, 0},
      {"say \"hi\" now", "say \"hi\" now", {}, 0},                  // no Chinese: left alone
      {"It's \"ok\", isn't it", "It's \"ok\", isn't it", {}, 0},    // apostrophes are no quotes
      {"这是\"一个孤立的引号。", "这是\"一个孤立的引号。", {}, 1},  // odd: left, and reported
      {"a \"b\" c \"d", "a \"b\" c \"d", {}, 0},  // odd but no Chinese: nothing to report
      {"'单引号'和\"双引号\"", "‘单引号’和“双引号”", {}, 0},
  });
}

// Issue 13, kind 10: a half-width mark between Latin or digits and Chinese is set full width
// where it cannot belong to the Latin; each is decided here by that rule.
TEST_CASE("normalize: half-width marks after Latin or digits, before Chinese") {
  CheckRows({
      {"使用AI,数据", "使用AI，数据", 1, 0},    // a comma before an ideograph
      {"使用AI, 数据", "使用AI，数据", 1, 0},   // its space goes with it
      {"版本2.0,发布", "版本2.0，发布", 1, 0},  // no thousands separator: 发 follows
      {"增长5%,达到", "增长5%，达到", 1, 0},    // after a sign of the number
      {"iPhone 15,售价", "iPhone 15，售价", 1, 0},
      {"COVID-19;疫苗", "COVID-19；疫苗", 1, 0},
      {"Windows 10!太好了", "Windows 10！太好了", 1, 0},
      {"What?!为什么", "What？！为什么", 2, 0},  // a run of ! ? goes as one
      {"OK:好的", "OK：好的", 1, 0},
      {"比分3:2,主队", "比分3:2，主队", 1, 0},      // 3:2 stays, the comma does not
      {"使用AI,\"数据\"", "使用AI，“数据”", 3, 0},  // before an opening quote
      {"3,000元", "3,000元", 0, 0},                 // a thousands separator: a digit follows
      {"9:30开会", "9:30开会", 0, 0},               // a time
      {"A:B", "A:B", 0, 0},
      {"比例A:B为", "比例A:B为", 0, 0},                        // Latin on both sides
      {"他说:OK", "他说：OK", 1, 0},                           // after Chinese, as before
      {"访问https://a.cn/x,y", "访问https://a.cn/x,y", 0, 0},  // inside a URL
      {"访问https://a.cn/x?id=1,然后", "访问https://a.cn/x?id=1，然后", 1, 0},
      {"Yahoo!宣布", "Yahoo!宣布", 0, 0},    // the ! is the name's
      {"他说\"OK!\"", "他说“OK!”", 2, 0},    // before a closing quote: the Latin's
      {"我用Python!", "我用Python!", 0, 0},  // nothing follows: cannot tell
      {"Hello, world", "Hello, world", 0, 0},
  });
}

TEST_CASE("normalize: parentheses around Latin or digits, between Chinese") {
  CheckRows({
      {"华为(Huawei)等", "华为（Huawei）等", 2, 0},
      {"(2021)年", "（2021）年", 2, 0},
      {"第(1)条", "第（1）条", 2, 0},
      {"华为(Huawei),等", "华为（Huawei），等", 3, 0},
      {"华为(Huawei (China))等", "华为（Huawei (China)）等", 2, 0},  // the inner pair is Latin
      {"f(x)的值", "f(x)的值", 0, 0},                    // touching a letter: function notation
      {"电话(021)12345678", "电话(021)12345678", 0, 0},  // touching the number it belongs to
      {"COVID-19 (SARS-CoV-2)", "COVID-19 (SARS-CoV-2)", 0, 0},
      {"使用AES (Advanced) 加密", "使用AES (Advanced) 加密", 0, 0},  // Latin before it
      {"(a)", "(a)", 0, 0},
  });
}

// Issue 13, kind 9: compatibility characters (text/compatibility.h) become the characters
// they stand for, one change each.
TEST_CASE("normalize: compatibility characters become the unified ideographs") {
  CheckRows({
      {"⽂件", "文件", 1, 0},                   // U+2F42 KANGXI RADICAL SCRIPT → U+6587
      {"⾦⾊", "金色", 2, 0},                   // U+2FA6, U+2F8A
      {"⼀⼆⼈", "一二人", 3, 0},               // U+2F00, U+2F06, U+2F08
      {"⻓江", "长江", 1, 0},                   // U+2ED3 C-SIMPLIFIED LONG → U+957F
      {"⻔口", "门口", 1, 0},                   // U+2ED4 → U+95E8
      {"⺠主", "民主", 1, 0},                   // U+2EA0 CIVILIAN → U+6C11
      {"⻊", "\U00027FB7", 1, 0},               // U+2ECA FOOT → U+27FB7, an extension B ideograph
      {"\uF900有此理", "豈有此理", 1, 0},       // U+F900 → U+8C48
      {"\uFA10", "\u585A", 1, 0},               // U+FA10 → U+585A
      {"ＡＢＣ１２３", "ABC123", 6, 0},         // full-width Latin letters and digits
      {"共１２,０００人", "共12,000人", 5, 0},  // 12,000 once the digits are digits
      {"⽂,件", "文，件", 2, 0},                // the radical is Chinese to the mark
      {"\uFA11", "\uFA11", 0, 0},               // 﨑: a unified ideograph of its own
      {"⺀", "⺀", 0, 0},                       // U+2E80: Unicode gives it no equivalent
      {"\u31D0", "\u31D0", 0, 0},               // a CJK stroke names the stroke
      {"全角，标点。％", "全角，标点。％", 0, 0},  // full-width punctuation stays
      {"①②", "①②", 0, 0},
  });
  std::vector<Normalization> changes;
  NormalizeText("⽂件,ＡＩ", changes);
  REQUIRE(changes.size() == 4);
  CHECK(changes[0].from == "⽂");
  CHECK(changes[0].to == "文");
  CHECK(changes[0].rule == "kangxi-radical");
  CHECK(changes[0].index == 0);
  CHECK(changes[1].rule == "full-width-mark");
  CHECK(changes[1].index == 2);
  CHECK(changes[2].from == "Ａ");
  CHECK(changes[2].to == "A");
  CHECK(changes[2].rule == "full-width-latin");
  CHECK(changes[3].index == 4);
}

// Issue 13, kind 1: the straight quotes whose pairing is ambiguous.
TEST_CASE("normalize: ambiguous straight quotes") {
  CheckRows({
      // a pair inside a Latin run in Chinese text is the Latin's
      {"他的昵称是Dwayne \"The Rock\" Johnson。", "他的昵称是Dwayne \"The Rock\" Johnson。", 0, 0},
      {"他喜欢rock'n'roll音乐", "他喜欢rock'n'roll音乐", 0, 0},  // apostrophes
      {"他说'rock'n'roll'很好", "他说‘rock'n'roll’很好", 2, 0},
      {"西安Xi'an", "西安Xi'an", 0, 0},
      {"\"他说'好'\"", "“他说‘好’”", 4, 0},                // nested as GB/T 15834 nests
      {"他说\"他说\"好\"\"", "他说\"他说\"好\"\"", 0, 1},  // "" : nested alike, a guess
      {"所谓\"\"一词", "所谓\"\"一词", 0, 1},
      {"the students' 作业", "the students' 作业", 0, 1},  // a possessive: one ' is odd
      {"身高5'10\"", "身高5'10\"", 0, 1},                  // feet and inches
      {"\"一\"二\"三\"", "“一”二“三”", 4, 0},
  });
}

TEST_CASE("normalize: the unpaired quote is the one pairing in order leaves over") {
  std::vector<Normalization> changes;
  NormalizeText("他说\"你好。她说\"再见\"。", changes);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].unpaired);
  CHECK(changes[0].index == 11);  // the third quote
  CHECK(changes[0].first == 2);
  CHECK(changes[0].quotes == 3);
  CHECK(changes[0].rule == "unpaired-quotes");
  changes.clear();
  NormalizeText("他说\"他说\"好\"\"", changes);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].index == 7);  // the quote that opens the empty pair
  CHECK(changes[0].quotes == 4);
}

TEST_CASE("normalize: quotes across emphasis are paired as one text") {
  Article a;
  a.id = "x";
  Block b;
  b.spans = {
      {"他说", SpanStyle::kPlain}, {"\"重要\"", SpanStyle::kStrong}, {"。", SpanStyle::kPlain}};
  Block c;
  c.spans = {
      {"他说\"", SpanStyle::kPlain}, {"重要", SpanStyle::kStrong}, {"\"。", SpanStyle::kPlain}};
  a.blocks = {b, c};
  auto changes = NormalizeArticle(a);
  CHECK(changes.size() == 4);
  CHECK(a.blocks[0].spans[1].text == "“重要”");
  CHECK(a.blocks[1].spans[0].text == "他说“");
  CHECK(a.blocks[1].spans[1].text == "重要");
  CHECK(a.blocks[1].spans[2].text == "”。");
}

// GB/T 15834 §4.8: a quotation of several paragraphs opens each with “ and closes in the last.
TEST_CASE("normalize: a quotation that runs over paragraphs") {
  struct Case {
    std::vector<std::string> in, out;
    size_t unpaired;
  };
  const Case cases[] = {
      {{"他说:\"第一段。", "\"第二段。", "\"第三段。\""},
       {"他说：“第一段。", "“第二段。", "“第三段。”"},
       0},
      // the paragraph's last quote is the one left open; the ones before it pair in order
      {{"他说\"好\",又说:\"第一段。", "\"第二段。\""},
       {"他说“好”，又说：“第一段。", "“第二段。”"},
       0},
      // a paragraph that re-opens and runs on again: its first quote is left open
      {{"他说:\"第一段。", "\"第二段有\"引\"字。", "\"完。\""},
       {"他说：“第一段。", "“第二段有“引”字。", "“完。”"},
       0},
      {{"\"第一段。", "\"第二段有\"引\"字。", "\"完。\""},
       {"“第一段。", "“第二段有“引”字。", "“完。”"},
       0},
      {{"他说:\"第一段。", "第二段。\""},  // not re-opened: both paragraphs are odd
       {"他说：\"第一段。", "第二段。\""},
       2},
      {{"\"第一段。\"", "\"第二段。\""}, {"“第一段。”", "“第二段。”"}, 0},
  };
  for (const Case& c : cases) {
    Article a;
    a.id = "x";
    for (const std::string& p : c.in) {
      Block b;
      b.spans = {{p, SpanStyle::kPlain}};
      a.blocks.push_back(b);
    }
    CAPTURE(c.in[0]);
    auto changes = NormalizeArticle(a);
    size_t unpaired = 0;
    for (const Normalization& n : changes) unpaired += n.unpaired;
    CHECK(unpaired == c.unpaired);
    for (size_t k = 0; k < c.out.size(); ++k) CHECK(a.blocks[k].spans[0].text == c.out[k]);
  }
}

// Issue 13, kind 1: changes, and the quote that cannot be paired, at their line:col.
TEST_CASE("normalize: each change is at its character's line and column") {
  const std::string text =
      "---\n"
      "headline: 领航新百年,聚力新征程\n"
      "subhead: \"副题\\\"引\"\n"
      "---\n"
      "第一段,有**强调**的文字。\n"
      "\n"
      "第二段 &amp; 其他\"孤立\n"
      "  续行,完。\n"
      "\n"
      "> 引文\\*:甲,乙\n";
  Diagnostics diags;
  auto article = ParseArticle("a", "a.md", text, "/tmp", diags);
  REQUIRE(article);
  REQUIRE(diags.empty());
  auto changes = NormalizeArticle(*article);
  struct Expected {
    const char* from;
    int line, col;
    bool unpaired;
  };
  const Expected expected[] = {
      {",", 2, 16, false},                      // the headline's comma
      {"\"", 3, 14, true},                      // the subhead's escaped quote
      {",", 5, 4, false},  {",", 8, 5, false},  // on an indented continuation line
      {"\"", 7, 13, true},  // after an entity (a block's unpaired quotes follow its changes)
      {":", 10, 7, false}, {",", 10, 9, false},  // in a pull quote, after an escape
  };
  REQUIRE(changes.size() == std::size(expected));
  for (size_t k = 0; k < changes.size(); ++k) {
    CAPTURE(k);
    CHECK(changes[k].from == expected[k].from);
    CHECK(changes[k].pos.file == "a.md");
    CHECK(changes[k].pos.line == expected[k].line);
    CHECK(changes[k].pos.col == expected[k].col);
    CHECK(changes[k].unpaired == expected[k].unpaired);
  }
}
