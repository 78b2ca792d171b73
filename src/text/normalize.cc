#include "text/normalize.h"

#include <algorithm>
#include <set>

#include "model/utf8.h"
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

// Straight quotes `q` paired in order through the text: the first opens, the second
// closes, and so on (a ' between two letters or digits is an apostrophe, not a quote).
// A pair with Chinese inside it or beside it becomes `open` … `close`; an odd number of
// quotes in a text with Chinese cannot be paired: the first is listed in `unpaired`.
void PairQuotes(std::u32string& s, const std::vector<size_t>& cjk_before,
                const std::vector<size_t>& next_visible, char32_t q, char32_t open, char32_t close,
                std::vector<std::pair<size_t, char32_t>>& changed, std::set<size_t>& rewritten,
                std::vector<size_t>& unpaired) {
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
  if (at.size() % 2 == 1) {
    if (cjk_before.back() > 0) unpaired.push_back(at.front());
    return;
  }
  for (size_t k = 0; k < at.size(); k += 2) {
    const size_t a = at[k], b = at[k + 1];
    const char32_t after = next_visible[b] == std::u32string::npos ? 0 : s[next_visible[b]];
    const char32_t prev = before_at[k] == std::u32string::npos ? 0 : s[before_at[k]];
    const bool chinese = cjk_before[b] > cjk_before[a + 1] || IsCjk(prev) || IsCjk(after);
    if (!chinese) continue;
    changed.push_back({a, q});
    changed.push_back({b, q});
    s[a] = open, s[b] = close;
    rewritten.insert(a), rewritten.insert(b);
  }
}

// Rewrites s in place (one code point for one) and marks spaces to drop.
void NormalizeCore(std::u32string& s, std::vector<bool>& drop,
                   std::vector<Normalization>& changes) {
  drop.assign(s.size(), false);
  std::vector<std::pair<size_t, char32_t>> changed;  // index, original
  std::vector<size_t> unpaired;                      // the first of an odd number of quotes
  // Each character sees its neighbours as the text then stands (a mark already made full
  // width counts as Chinese), in time linear in the text: the next visible character and
  // each '(''s partner are found in one pass beforehand, Chinese inside a pair by counting.
  const std::vector<size_t> next_visible = NextVisibleIndex(s);
  const std::vector<size_t> parentheses = MatchingParentheses(s);
  std::vector<size_t> cjk_before(s.size() + 1, 0);
  for (size_t i = 0; i < s.size(); ++i) cjk_before[i + 1] = cjk_before[i] + (IsCjk(s[i]) ? 1 : 0);
  std::set<size_t> ahead;  // places after the current one already rewritten
  PairQuotes(s, cjk_before, next_visible, U'"', U'“', U'”', changed, ahead, unpaired);
  PairQuotes(s, cjk_before, next_visible, U'\'', U'‘', U'’', changed, ahead, unpaired);
  char32_t prev = 0;  // the nearest non-space character before i, as it now stands
  for (size_t i = 0; i < s.size(); prev = IsSpace(s[i]) ? prev : s[i], ++i) {
    char32_t c = s[i];
    const char32_t next = next_visible[i] == std::u32string::npos ? 0 : s[next_visible[i]];
    switch (c) {
      case ',':
      case ':':
      case ';':
      case '!':
      case '?':
        // After Chinese: full width. Numbers (3,000 · 18:30) and Latin text have a digit or
        // letter before the mark and stay as they are.
        if (!IsCjk(prev)) break;
        changed.push_back({i, c});
        s[i] = FullWidth(c);
        // A space typed after the mark, before Chinese, goes: full-width marks carry their own.
        if (IsCjk(next))
          for (size_t k = i + 1; k < s.size() && IsSpace(s[k]); ++k) drop[k] = true;
        break;
      case '(': {
        const size_t close = parentheses[i];
        bool chinese_inside =
            close != std::u32string::npos && HasCjk(cjk_before, ahead, i + 1, close);
        bool beside_cjk = IsCjk(prev) || IsCjk(next);
        if (!(chinese_inside || (close == std::u32string::npos && beside_cjk))) break;
        changed.push_back({i, c});
        s[i] = U'（';
        if (close != std::u32string::npos) {
          changed.push_back({close, ')'});
          s[close] = U'）';
          ahead.insert(close);
        }
        break;
      }
      case ')':
        // An unmatched closing parenthesis after Chinese.
        if (IsCjk(prev)) {
          changed.push_back({i, c});
          s[i] = U'）';
        }
        break;
    }
  }
  std::sort(changed.begin(), changed.end());
  for (auto& [i, original] : changed) {
    Normalization n;
    Utf8Append(n.from, original);
    Utf8Append(n.to, s[i]);
    n.context = Context(s, i);
    changes.push_back(n);
  }
  for (size_t i : unpaired) {
    Normalization n;
    Utf8Append(n.from, s[i]);
    n.to = n.from;
    n.context = Context(s, i);
    n.unpaired = true;
    changes.push_back(n);
  }
}

std::u32string Decode(const std::string& text) {
  std::u32string s;
  for (size_t i = 0; i < text.size();) s += Utf8Next(text, i);
  return s;
}

}  // namespace

std::string NormalizeText(const std::string& text, std::vector<Normalization>& changes) {
  std::u32string s = Decode(text);
  std::vector<bool> drop;
  NormalizeCore(s, drop, changes);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i)
    if (!drop[i]) Utf8Append(out, s[i]);
  return out;
}

std::vector<Normalization> NormalizeArticle(Article& article) {
  std::vector<Normalization> all;
  if (!article.normalize) return all;
  auto apply = [&](std::string& text, const SourcePos& pos) {
    std::vector<Normalization> changes;
    text = NormalizeText(text, changes);
    for (Normalization& n : changes) {
      n.article = article.id;
      n.pos = pos;
      all.push_back(n);
    }
  };
  SourcePos front{article.file, 2, 1};
  apply(article.kicker, front);
  apply(article.headline, article.headline_pos);
  apply(article.subhead, front);
  apply(article.byline, front);
  apply(article.tag, front);
  for (Block& b : article.blocks) apply(b.credit, b.pos);
  for (Block& b : article.blocks) {
    // Normalise the block as one text so a mark beside an emphasis boundary sees its
    // neighbours, then cut it back into the same spans (one code point for one).
    std::u32string s;
    std::vector<size_t> span_of;
    for (size_t k = 0; k < b.spans.size(); ++k) {
      std::u32string piece = Decode(b.spans[k].text);
      s += piece;
      span_of.insert(span_of.end(), piece.size(), k);
    }
    std::vector<bool> drop;
    std::vector<Normalization> changes;
    NormalizeCore(s, drop, changes);
    if (changes.empty()) continue;
    for (Span& span : b.spans) span.text.clear();
    for (size_t i = 0; i < s.size(); ++i)
      if (!drop[i]) Utf8Append(b.spans[span_of[i]].text, s[i]);
    for (Normalization& n : changes) {
      n.article = article.id;
      n.pos = b.pos;
      all.push_back(n);
    }
  }
  return all;
}

}  // namespace banmian
