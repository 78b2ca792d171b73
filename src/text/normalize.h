// The normalize stage: article text → text fit for print, plus a list of changes.
//
// Copy from other systems brings half-width marks and look-alike characters into Chinese
// text. The rules (docs/chinese-rules.md §10–§12; GB/T 15834-2011, clreq):
// - , : ; ! ? after a Chinese character become ，：；！？ (and a space after them, before
//   Chinese, is dropped);
// - after Latin or digits they do so where they cannot belong to the Latin: before an
//   ideograph or an opening Chinese mark (使用AI,数据 → 使用AI，数据; a comma before an
//   ideograph is no thousands separator), but not in 3,000 · 9:30 · A:B or a URL, and not
//   a mark that is part of a Latin name (Yahoo!);
// - ( ) around Chinese become （ ）, and around Latin or digits too when the pair stands
//   between Chinese, touching no Latin letter or digit outside it (华为(Huawei)等 →
//   华为（Huawei）等, (2021)年 → （2021）年; f(x) and COVID-19 (SARS-CoV-2) stay);
// - straight quotes are paired in order through a text (the first " opens, the second closes,
//   …; ' alike, but for apostrophes between letters) and a pair in or beside Chinese becomes
//   “ ” or ‘ ’ (GB/T 15834 §4.8). A quotation that runs over several paragraphs opens each
//   with " and closes only the last (GB/T 15834 §4.8): a paragraph with an odd number of "
//   before a paragraph that opens with " keeps its quotation open. An odd number otherwise,
//   or a pair with nothing inside ("他说"好"" typed for “他说‘好’”), is left as typed and
//   reported at the quote;
// - compatibility characters become the characters they stand for (text/compatibility.h:
//   Kangxi radicals ⽂ → 文, radical look-alikes ⻓ → 长, compatibility ideographs,
//   full-width Latin letters and digits Ａ１ → A1).
// Every change is recorded, with the rule that made it, so the report can list it. An
// article with `normalize: false` is left untouched. Time linear in the text.
#pragma once

#include <string>
#include <vector>

#include "model/article.h"
#include "model/diagnostic.h"

namespace banmian {

struct Normalization {
  std::string article;
  // Where the changed character stands in the source: its line:col when the loader knew it
  // (article texts), else the block's or the key's position.
  SourcePos pos;
  std::string from, to;  // e.g. "," → "，"
  std::string context;   // a few characters around it, after the change
  // The rule that made the change (docs/report.md): "full-width-mark", "parentheses",
  // "quotes", "kangxi-radical", "radical-supplement", "compatibility-ideograph",
  // "full-width-latin"; "unpaired-quotes" for a quote left as typed.
  std::string rule;
  // The character's place in the text normalised, in code points, before spaces are dropped.
  size_t index = 0;
  // Not a change: straight quotes in Chinese text that cannot be paired (an odd number of
  // them in one text, or a pair with nothing inside), left as typed; reported as a warning
  // at the quote in `index` (the one pairing in order leaves over, or that opens the empty
  // pair). `quotes` is how many of that kind the text holds, `first` the first one's index.
  bool unpaired = false;
  size_t quotes = 0, first = 0;
  SourcePos first_pos;  // where the text's first such quote stands
};

// Normalises one piece of text; appends its changes (pos and article filled by caller).
std::string NormalizeText(const std::string& text, std::vector<Normalization>& changes);

// Normalises every text of the article in place, returning the changes, each at the
// source position of its character where the article knows it (Block::source, …).
std::vector<Normalization> NormalizeArticle(Article& article);

}  // namespace banmian
