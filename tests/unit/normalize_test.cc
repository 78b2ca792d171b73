#include "text/normalize.h"

#include <doctest/doctest.h>

using namespace banmian;

namespace {
std::string Norm(const std::string& s, size_t* count = nullptr) {
  std::vector<Normalization> changes;
  std::string out = NormalizeText(s, changes);
  if (count) *count = changes.size();
  return out;
}
}  // namespace

TEST_CASE("normalize: half-width marks after Chinese become full width (CJK-RULES §7)") {
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
  struct Row {
    const char* in;
    const char* out;
    size_t unpaired;
  };
  const Row rows[] = {
      {"使用\"Python\"和\"Java\"两种语言。", "使用“Python”和“Java”两种语言。", 0},
      {"他说\"你好\"。", "他说“你好”。", 0},
      {"\"加强学习,确保'两大体系'入脑入心\"", "“加强学习，确保‘两大体系’入脑入心”", 0},
      {"关注\"G60\"科创走廊", "关注“G60”科创走廊", 0},
      {"say \"hi\" now", "say \"hi\" now", 0},                  // no Chinese: left alone
      {"It's \"ok\", isn't it", "It's \"ok\", isn't it", 0},    // apostrophes are no quotes
      {"这是\"一个孤立的引号。", "这是\"一个孤立的引号。", 1},  // odd: left, and reported
      {"a \"b\" c \"d", "a \"b\" c \"d", 0},  // odd but no Chinese: nothing to report
      {"'单引号'和\"双引号\"", "‘单引号’和“双引号”", 0},
  };
  for (const Row& r : rows) {
    std::vector<Normalization> changes;
    CAPTURE(r.in);
    CHECK(NormalizeText(r.in, changes) == r.out);
    size_t unpaired = 0;
    for (const Normalization& n : changes) unpaired += n.unpaired;
    CHECK(unpaired == r.unpaired);
  }
}
