// Phrase breaks: the class of every gap of a text, as a string with a mark in each gap
// that is not inside a word: / a phrase break (after a space or a clause mark), | a word
// boundary (ICU's dictionary, or beside a quote or bracket), ~ between two one-character
// "words" ICU did not know, or before a particle (的). No mark: inside a word. Each expectation was
// worked out by hand from the rules of text/phrase_breaks.h and ICU 72's segmentation of the text.
#include "text/phrase_breaks.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "model/utf8.h"

using namespace banmian;

namespace {

std::string Marked(std::string_view text, const std::vector<uint32_t>& begins,
                   const std::vector<BreakClass>& classes) {
  std::string out;
  for (size_t k = 0; k < begins.size(); ++k) {
    if (k > 0) {
      switch (classes[k]) {
        case BreakClass::kPhrase:
          out += '/';
          break;
        case BreakClass::kWord:
          out += '|';
          break;
        case BreakClass::kWeakWord:
          out += '~';
          break;
        case BreakClass::kInWord:
          break;
      }
    }
    const size_t end = k + 1 < begins.size() ? begins[k + 1] : text.size();
    out += text.substr(begins[k], end - begins[k]);
  }
  return out;
}

std::string Marked(std::string_view text) {
  std::vector<uint32_t> begins;
  for (size_t i = 0; i < text.size();) {
    begins.push_back(static_cast<uint32_t>(i));
    Utf8Next(text, i);
  }
  return Marked(text, begins, PhraseBreaks(text));
}

struct Case {
  const char* what;
  const char* text;
  const char* expected;
};

const Case kCases[] = {
    // The examples.
    {"a comma ends a phrase; quotes are word boundaries",
     "社区居民积极参与垃圾分类，主动宣传环保知识“绿色生活”",
     "社区|居民|积极|参与|垃圾|分类|，/主动|宣传|环保|知识|“|绿色|生活|”"},
    {"spaces and dashes are phrase breaks", "—— 机关事业单位工作人员 ——",
     "—/—/ /机关|事业|单位|工作|人员/ /—/—"},
    {"a company name is one word", "新时代文明实践中心服务有限公司",
     "新时代|文明|实践|中心|服务|有限公司"},
    {"an unknown place name: one-character words", "上海虹桥服务有限公司",
     "上海|虹~桥|服务|有限公司"},
    // Latin, numbers and their units.
    {"a Latin word is one word", "5G网络覆盖全区", "5G|网络|覆盖|全区"},
    {"a number keeps its unit", "2021年5月10日", "2021年|5月|10日"},
    {"a number inside a phrase", "庆祝2021年国庆", "庆祝|2021年|国庆"},
    {"a decimal and its unit; 亿|元 two characters ICU left apart", "3.5亿元", "3.5亿~元"},
    {"第 and its number", "第3届进博会", "第3届~进~博~会"},
    {"an apostrophe and a space in Latin", "Apple's iPhone手机", "Apple's/ /iPhone|手机"},
    // Marks.
    {"—— ends a phrase, between its halves too (the composer never splits it)", "两会——人民的盛会",
     "两~会|—/—/人民~的|盛会"},
    {"quotes and a word ICU does not know", "虹桥镇召开精神文明建设暨“创全”工作推进会",
     "虹~桥~镇|召开|精神|文明|建设|暨|“|创~全|”|工作|推进|会"},
    {"the interpunct is a word boundary, not a phrase end", "领航新百年·聚力新征程",
     "领~航~新|百年|·|聚~力~新~征~程"},
    {"an exclamation mark ends the text", "人人都有一朵小红花！", "人人|都有|一朵|小|红花|！"},
    {"a space between two phrases", "往社区走 发挥年轻力量主动性",
     "往|社区|走/ /发挥|年轻|力量|主动|性"},
    {"a pun in quotes", "绝不“暑”防疫点滴显担当", "绝不|“|暑|”|防疫|点滴|显|担当"},
    {"a particle leans on the word before it: 展现~的", "这个舞台上，展现的尽是青春该有的样子！",
     "这个|舞台|上|，/展现~的~尽~是|青春|该~有~的|样子|！"},
    {"的 in a dictionary word is no particle", "的确如此", "的确|如此"},
    // Beyond the Basic Multilingual Plane: ICU's offsets stay on the atoms.
    {"an ideograph of extension B first", "𠀀社区居民", "𠀀|社区|居民"},
    {"an ideograph of extension B between two", "中𠀀国", "中~𠀀~国"},
};

}  // namespace

TEST_CASE("phrase breaks: the class of every gap") {
  for (const Case& c : kCases) {
    INFO(c.what);
    CHECK(Marked(c.text) == c.expected);
  }
}

TEST_CASE("phrase breaks: a cluster is one atom, and ICU's boundaries inside it are not breaks") {
  // 葛 with a variation selector (U+E0100, four bytes): one cluster, one atom.
  const std::string text = "葛\xF3\xA0\x84\x80字社区";
  const std::vector<uint32_t> clusters = {0, 7, 10, 13};
  CHECK(Marked(text, clusters, PhraseBreaks(text, clusters)) == "葛\xF3\xA0\x84\x80~字|社区");
  // The selector as an atom of its own: the gap before it is inside the word.
  CHECK(Marked(text) == "葛\xF3\xA0\x84\x80~字|社区");
  // Atoms of two characters each: only the boundaries at atom starts count.
  const std::string pairs = "社区居民积极";
  CHECK(Marked(pairs, {0, 6, 12}, PhraseBreaks(pairs, {0, 6, 12})) == "社区|居民|积极");
  CHECK(Marked(pairs, {0, 3, 9, 15}, PhraseBreaks(pairs, {0, 3, 9, 15})) == "社区居民积极");
}

TEST_CASE("phrase breaks: empty text, one atom") {
  CHECK(PhraseBreaks(std::string_view()).empty());
  const std::vector<BreakClass> one = PhraseBreaks(std::string_view("中"));
  REQUIRE(one.size() == 1);
  CHECK(one[0] == BreakClass::kPhrase);
}

TEST_CASE("phrase breaks: the same on every thread, each with its own iterator") {
  std::vector<std::string> expected;
  for (const Case& c : kCases) expected.push_back(c.expected);
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round)
        for (size_t i = 0; i < std::size(kCases); ++i)
          wrong[t] += Marked(kCases[(i + t) % std::size(kCases)].text) !=
                      expected[(i + t) % std::size(kCases)];
    });
  for (std::thread& t : threads) t.join();
  for (int w : wrong) CHECK(w == 0);
}
