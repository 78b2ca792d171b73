#include "text/normalize.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "model/utf8.h"
#include "text/compatibility.h"
#include "text/script.h"

namespace banmian {

namespace {

char32_t FullWidth(char32_t c) {
  switch (c) {
    case ',':
      return U'，';
    case ':':
      return U'：';
    case ';':
      return U'；';
    case '!':
      return U'！';
    case '?':
      return U'？';
    case '(':
      return U'（';
    case ')':
      return U'）';
  }
  return c;
}

// A letter or digit of Latin text (Latin, Greek, Cyrillic letters; ASCII digits): what a
// mark or a bracket next to it may belong to.
bool IsLatinLetterOrDigit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x3FF) ||
         (c >= 0x400 && c <= 0x4FF);
}

// Where Chinese text goes on after a mark: an ideograph, kana, or an opening Chinese mark
// (“ ‘ （ 《 〈 【 「 『 〔 〖 ［ ｛). A closing mark (” ）) may end a Latin quotation or
// aside, "OK!", and so does not count.
bool StartsChinese(char32_t c) {
  switch (c) {
    case U'“':
    case U'‘':
    case U'（':
    case U'《':
    case U'〈':
    case U'【':
    case U'「':
    case U'『':
    case U'〔':
    case U'〖':
    case U'［':
    case U'｛':
      return true;
  }
  return IsIdeograph(c) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x2E80 && c <= 0x2FDF);
}

// Latin names whose last character is a mark that belongs to them, not to the Chinese
// sentence they stand in (Yahoo!宣布… keeps its !). Matched whole, case as written.
constexpr std::u32string_view kNamesWithMark[] = {U"Yahoo!", U"Jeopardy!", U"Yum!", U"Wham!"};

// Whether the mark at s[i] ends one of kNamesWithMark (a whole word: no letter before it).
bool EndsNameWithMark(const std::u32string& s, size_t i) {
  for (std::u32string_view name : kNamesWithMark) {
    if (i + 1 < name.size()) continue;
    const size_t from = i + 1 - name.size();
    if (std::u32string_view(s).substr(from, name.size()) != name) continue;
    if (from == 0 || !IsLatinLetterOrDigit(s[from - 1])) return true;
  }
  return false;
}

// For every index, the index of the nearest non-space character after it (npos when
// none), in one pass: looking it up per character took time growing with the square of a
// run of spaces. Changes never turn a space into a mark or back, so the indices hold while
// the text is rewritten; the characters are read as they stand.
std::vector<size_t> NextVisibleIndex(const std::u32string& s) {
  std::vector<size_t> next(s.size(), std::u32string::npos);
  size_t last = std::u32string::npos;
  for (size_t i = s.size(); i-- > 0;) {
    next[i] = last;
    if (!IsSpace(s[i])) last = i;
  }
  return next;
}

// For every index, the nearest visible character after it that is not a half-width ! or ?
// (npos when none): where "What?!" goes on. One pass, like NextVisibleIndex.
std::vector<size_t> NextBeyondMarks(const std::u32string& s) {
  std::vector<size_t> next(s.size(), std::u32string::npos);
  size_t last = std::u32string::npos;
  for (size_t i = s.size(); i-- > 0;) {
    next[i] = last;
    if (!IsSpace(s[i]) && s[i] != '!' && s[i] != '?') last = i;
  }
  return next;
}

// For every '(' its matching ')' (npos when it has none), in one pass with a stack: what
// scanning forward from each '(' found, without the scan's time growing with the square
// of a run of brackets.
std::vector<size_t> MatchingParentheses(const std::u32string& s) {
  std::vector<size_t> match(s.size(), std::u32string::npos), open;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') {
      open.push_back(i);
    } else if (s[i] == ')' && !open.empty()) {
      match[open.back()] = i;
      open.pop_back();
    }
  }
  return match;
}

// Whether s[from, to) holds Chinese, in constant time: `cjk_before[k]` counts the Chinese
// characters of the text as it came before k, and `changed` holds the places rewritten
// since (a full-width mark, which is Chinese; no change makes a character not Chinese).
bool HasCjk(const std::vector<size_t>& cjk_before, const std::set<size_t>& changed, size_t from,
            size_t to) {
  to = std::min(to, cjk_before.size() - 1);
  if (from >= to) return false;
  if (cjk_before[to] > cjk_before[from]) return true;
  auto it = changed.lower_bound(from);
  return it != changed.end() && *it < to;
}

std::string Context(const std::u32string& s, size_t i) {
  std::string out;
  size_t from = i >= 4 ? i - 4 : 0;
  for (size_t k = from; k < s.size() && k < i + 5; ++k) Utf8Append(out, s[k]);
  return out;
}

struct Change {
  size_t index;
  char32_t original;
  const char* rule;
  bool operator<(const Change& o) const { return index < o.index; }
};

struct Unpaired {
  size_t at, quotes, first;
};

// How a paragraph's straight double quotes stand to the paragraphs around it: a quotation
// that runs over several paragraphs opens each with " and closes only in the last
// (GB/T 15834 §4.8).
struct QuoteRun {
  bool continues = false;  // this paragraph re-opens a quotation the one before left open
  bool runs_on = false;    // and its quotation stays open into the next paragraph
};

// Straight quotes `q` paired in order through the text: the first opens, the second
// closes, and so on (a ' between two letters or digits is an apostrophe, not a quote).
// A pair with Chinese inside it or beside it becomes `open` … `close`. In a text with
// Chinese, an odd number of quotes, or a pair with nothing between its quotes, cannot be
// paired for sure: they are left, and the quote in question listed in `unpaired` — but an
// odd number in a paragraph whose quotation runs on is paired but for the one left open.
void PairQuotes(std::u32string& s, const std::vector<size_t>& cjk_before,
                const std::vector<size_t>& next_visible, char32_t q, char32_t open, char32_t close,
                QuoteRun run, std::vector<Change>& changed, std::set<size_t>& rewritten,
                std::vector<Unpaired>& unpaired) {
  std::vector<size_t> at;
  size_t before = std::u32string::npos;  // the nearest non-space character before a quote
  std::vector<size_t> before_at;         // read when its pair is judged, as s then stands
  for (size_t i = 0; i < s.size(); before = IsSpace(s[i]) ? before : i, ++i) {
    if (s[i] != q) continue;
    if (q == U'\'' && i > 0 && i + 1 < s.size() && IsLatinWordChar(s[i - 1]) &&
        IsLatinWordChar(s[i + 1]))
      continue;
    at.push_back(i);
    before_at.push_back(before);
  }
  if (at.empty()) return;
  const bool chinese_text = cjk_before.back() > 0;
  // The quote left open for the next paragraph: the first when this paragraph re-opens a
  // quotation and never closes it, else the last.
  size_t left_open = std::u32string::npos;
  if (at.size() % 2 == 1) {
    if (!run.runs_on) {
      if (chinese_text) unpaired.push_back({at.back(), at.size(), at.front()});
      return;
    }
    left_open = run.continues ? 0 : at.size() - 1;
  }
  std::vector<std::pair<size_t, size_t>> pairs;  // indices into `at`
  for (size_t k = 0; k < at.size(); ++k) {
    if (k == left_open) continue;
    const size_t partner = k + 1 == left_open ? k + 2 : k + 1;
    pairs.push_back({k, partner});
    k = partner;
  }
  for (auto [ka, kb] : pairs)
    if (next_visible[at[ka]] == at[kb]) {  // "" : the in-order guess is wrong (nested "…"…"")
      if (chinese_text) unpaired.push_back({at[ka], at.size(), at.front()});
      return;
    }
  if (left_open != std::u32string::npos) {
    const size_t a = at[left_open];
    const size_t prev = before_at[left_open];
    if (HasCjk(cjk_before, rewritten, a + 1, s.size()) ||
        (prev != std::u32string::npos && IsCjk(s[prev]))) {
      changed.push_back({a, q, "quotes"});
      s[a] = open;
      rewritten.insert(a);
    }
  }
  for (auto [ka, kb] : pairs) {
    const size_t a = at[ka], b = at[kb];
    const char32_t after = next_visible[b] == std::u32string::npos ? 0 : s[next_visible[b]];
    const char32_t prev = before_at[ka] == std::u32string::npos ? 0 : s[before_at[ka]];
    const bool chinese = cjk_before[b] > cjk_before[a + 1] || IsCjk(prev) || IsCjk(after);
    if (!chinese) continue;
    changed.push_back({a, q, "quotes"});
    changed.push_back({b, q, "quotes"});
    s[a] = open, s[b] = close;
    rewritten.insert(a), rewritten.insert(b);
  }
}

// Rewrites s in place (one code point for one) and marks spaces to drop.
void NormalizeCore(std::u32string& s, std::vector<bool>& drop, QuoteRun run,
                   std::vector<Normalization>& changes) {
  drop.assign(s.size(), false);
  std::vector<Change> changed;
  std::vector<Unpaired> unpaired;
  // Compatibility characters first: ⽂ is 文 to every rule after this.
  for (size_t i = 0; i < s.size(); ++i) {
    const CompatibilityMapping m = CompatibilityTarget(s[i]);
    if (m.kind == CompatibilityKind::kNone) continue;
    changed.push_back({i, s[i], CompatibilityKindName(m.kind)});
    s[i] = m.to;
  }
  // Each character sees its neighbours as the text then stands (a mark already made full
  // width counts as Chinese), in time linear in the text: the next visible character and
  // each '(''s partner are found in one pass beforehand, Chinese inside a pair by counting.
  const std::vector<size_t> next_visible = NextVisibleIndex(s);
  const std::vector<size_t> beyond_marks = NextBeyondMarks(s);
  const std::vector<size_t> parentheses = MatchingParentheses(s);
  std::vector<size_t> cjk_before(s.size() + 1, 0);
  for (size_t i = 0; i < s.size(); ++i) cjk_before[i + 1] = cjk_before[i] + (IsCjk(s[i]) ? 1 : 0);
  std::set<size_t> ahead;  // places after the current one already rewritten
  PairQuotes(s, cjk_before, next_visible, U'"', U'“', U'”', run, changed, ahead, unpaired);
  PairQuotes(s, cjk_before, next_visible, U'\'', U'‘', U'’', QuoteRun{}, changed, ahead, unpaired);
  auto char_at = [&](size_t k) { return k == std::u32string::npos ? char32_t{0} : s[k]; };
  char32_t prev = 0;  // the nearest non-space character before i, as it now stands
  for (size_t i = 0; i < s.size(); prev = IsSpace(s[i]) ? prev : s[i], ++i) {
    char32_t c = s[i];
    const char32_t next = char_at(next_visible[i]);
    switch (c) {
      case ',':
      case ':':
      case ';':
      case '!':
      case '?': {
        // After Chinese: full width. After Latin or digits, only where the mark cannot
        // belong to the Latin: Chinese goes on right after it (a comma before an ideograph
        // is no thousands separator, a colon no time), and it ends no name like Yahoo!.
        // 3,000 · 18:30 · A:B · a URL's ? and , have a letter or digit after them and stay.
        const char32_t goes_on = c == '!' || c == '?' ? char_at(beyond_marks[i]) : next;
        const bool after_chinese = IsCjk(prev);
        const bool after_latin =
            prev != 0 && !after_chinese && StartsChinese(goes_on) && !EndsNameWithMark(s, i);
        if (!after_chinese && !after_latin) break;
        changed.push_back({i, c, "full-width-mark"});
        s[i] = FullWidth(c);
        // A space typed after the mark, before Chinese, goes: full-width marks carry their own.
        // A line break typed in a title stays: it breaks the title there (display_breaker.h).
        if (IsCjk(next))
          for (size_t k = i + 1; k < s.size() && IsSpace(s[k]) && s[k] != '\n'; ++k) drop[k] = true;
        break;
      }
      case '(': {
        const size_t close = parentheses[i];
        const bool chinese_inside =
            close != std::u32string::npos && HasCjk(cjk_before, ahead, i + 1, close);
        const bool beside_cjk = IsCjk(prev) || IsCjk(next);
        // A pair around Latin or digits, set in Chinese: Chinese outside it, and no letter
        // or digit touching it outside that it could belong to (f(x), COVID-19 (…)).
        bool between_chinese = false;
        if (close != std::u32string::npos && !chinese_inside) {
          const char32_t after = char_at(next_visible[close]);
          between_chinese = (IsCjk(prev) || IsCjk(after)) && !IsLatinLetterOrDigit(prev) &&
                            !IsLatinLetterOrDigit(after);
        }
        if (!(chinese_inside || between_chinese || (close == std::u32string::npos && beside_cjk)))
          break;
        changed.push_back({i, c, "parentheses"});
        s[i] = U'（';
        if (close != std::u32string::npos) {
          changed.push_back({close, ')', "parentheses"});
          s[close] = U'）';
          ahead.insert(close);
        }
        break;
      }
      case ')':
        // An unmatched closing parenthesis after Chinese.
        if (IsCjk(prev)) {
          changed.push_back({i, c, "parentheses"});
          s[i] = U'）';
        }
        break;
    }
  }
  std::sort(changed.begin(), changed.end());
  for (const Change& ch : changed) {
    Normalization n;
    Utf8Append(n.from, ch.original);
    Utf8Append(n.to, s[ch.index]);
    n.context = Context(s, ch.index);
    n.rule = ch.rule;
    n.index = ch.index;
    changes.push_back(n);
  }
  for (const Unpaired& u : unpaired) {
    Normalization n;
    Utf8Append(n.from, s[u.at]);
    n.to = n.from;
    n.context = Context(s, u.at);
    n.rule = "unpaired-quotes";
    n.index = u.at;
    n.unpaired = true;
    n.quotes = u.quotes;
    n.first = u.first;
    changes.push_back(n);
  }
}

std::u32string Decode(const std::string& text) {
  std::u32string s;
  for (size_t i = 0; i < text.size();) s += Utf8Next(text, i);
  return s;
}

// The first visible character of a block's text (0 when none).
char32_t FirstVisible(const Block& b) {
  for (const Span& span : b.spans)
    for (size_t i = 0; i < span.text.size();) {
      const char32_t c = Utf8Next(span.text, i);
      if (!IsSpace(c)) return c;
    }
  return 0;
}

size_t CountOf(const Block& b, char q) {
  size_t n = 0;
  for (const Span& span : b.spans) n += std::count(span.text.begin(), span.text.end(), q);
  return n;
}

}  // namespace

std::string NormalizeText(const std::string& text, std::vector<Normalization>& changes) {
  std::u32string s = Decode(text);
  std::vector<bool> drop;
  NormalizeCore(s, drop, QuoteRun{}, changes);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i)
    if (!drop[i]) Utf8Append(out, s[i]);
  return out;
}

std::vector<Normalization> NormalizeArticle(Article& article) {
  std::vector<Normalization> all;
  if (!article.normalize) return all;
  // Each change at its character's place in the source where it is known, else at `pos`.
  auto place = [&](std::vector<Normalization>& changes, const TextSource& source,
                   const SourcePos& pos) {
    for (Normalization& n : changes) {
      n.article = article.id;
      n.pos = source.At(n.index, pos);
      n.first_pos = source.At(n.first, pos);
      all.push_back(std::move(n));
    }
  };
  auto apply = [&](std::string& text, const TextSource& source, const SourcePos& pos) {
    std::vector<Normalization> changes;
    text = NormalizeText(text, changes);
    place(changes, source, pos);
  };
  const SourcePos front{article.file, 2, 1};
  const TextSource none;
  apply(article.kicker, article.kicker_source, front);
  apply(article.headline, article.headline_source, article.headline_pos);
  apply(article.subhead, article.subhead_source, front);
  apply(article.byline, article.byline_source, front);
  apply(article.tag, article.tag_source, front);
  for (Block& b : article.blocks) apply(b.credit, none, b.pos);
  // A paragraph's quotation runs on when it holds an odd number of " and the next
  // paragraph opens with one (GB/T 15834 §4.8); read before any paragraph is rewritten.
  std::vector<QuoteRun> runs(article.blocks.size());
  for (size_t k = 0; k + 1 < article.blocks.size(); ++k) {
    const Block &b = article.blocks[k], &next = article.blocks[k + 1];
    const bool paragraphs = b.kind == BlockKind::kParagraph && next.kind == BlockKind::kParagraph;
    if (paragraphs && CountOf(b, '"') % 2 == 1 && FirstVisible(next) == U'"') {
      runs[k].runs_on = true;
      runs[k + 1].continues = true;
    }
  }
  // Normalise a block's spans as one text so a mark beside an emphasis boundary sees its
  // neighbours, then cut it back into the same spans (one code point for one).
  auto apply_spans = [&](std::vector<Span>& spans, const QuoteRun& run, const TextSource& source,
                         const SourcePos& pos) {
    std::u32string s;
    std::vector<size_t> span_of;
    for (size_t j = 0; j < spans.size(); ++j) {
      std::u32string piece = Decode(spans[j].text);
      s += piece;
      span_of.insert(span_of.end(), piece.size(), j);
    }
    std::vector<bool> drop;
    std::vector<Normalization> changes;
    NormalizeCore(s, drop, run, changes);
    if (changes.empty()) return;
    for (Span& span : spans) span.text.clear();
    for (size_t i = 0; i < s.size(); ++i)
      if (!drop[i]) Utf8Append(spans[span_of[i]].text, s[i]);
    place(changes, source, pos);
  };
  for (size_t k = 0; k < article.blocks.size(); ++k) {
    Block& b = article.blocks[k];
    apply_spans(b.spans, runs[k], b.source, b.pos);
    // A table's cells and caption, each a text of its own.
    for (TableRow& row : b.table.rows)
      for (TableCell& cell : row.cells) apply_spans(cell.spans, {}, cell.source, cell.pos);
    apply(b.table.caption, b.table.caption_source, b.table.caption_pos);
  }
  return all;
}

}  // namespace banmian
