#include "text/normalize.h"

#include <algorithm>

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

// The nearest non-space character before / after index i, or 0.
char32_t PrevVisible(const std::u32string& s, size_t i) {
  while (i > 0) {
    --i;
    if (!IsSpace(s[i])) return s[i];
  }
  return 0;
}

char32_t NextVisible(const std::u32string& s, size_t i) {
  for (++i; i < s.size(); ++i)
    if (!IsSpace(s[i])) return s[i];
  return 0;
}

// Whether the text between an opening bracket at `open` and its partner holds Chinese.
size_t MatchingClose(const std::u32string& s, size_t open, char32_t open_ch, char32_t close_ch) {
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == open_ch) ++depth;
    if (s[i] == close_ch && --depth == 0) return i;
  }
  return std::u32string::npos;
}

bool HasCjk(const std::u32string& s, size_t from, size_t to) {
  for (size_t i = from; i < to && i < s.size(); ++i)
    if (IsCjk(s[i])) return true;
  return false;
}

std::string Context(const std::u32string& s, size_t i) {
  std::string out;
  size_t from = i >= 4 ? i - 4 : 0;
  for (size_t k = from; k < s.size() && k < i + 5; ++k) Utf8Append(out, s[k]);
  return out;
}

// Rewrites s in place (one code point for one) and marks spaces to drop.
void NormalizeCore(std::u32string& s, std::vector<bool>& drop,
                   std::vector<Normalization>& changes) {
  drop.assign(s.size(), false);
  std::vector<std::pair<size_t, char32_t>> changed;  // index, original
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    char32_t prev = PrevVisible(s, i), next = NextVisible(s, i);
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
        size_t close = MatchingClose(s, i, '(', ')');
        bool chinese_inside = close != std::u32string::npos && HasCjk(s, i + 1, close);
        bool beside_cjk = IsCjk(prev) || IsCjk(next);
        if (!(chinese_inside || (close == std::u32string::npos && beside_cjk))) break;
        changed.push_back({i, c});
        s[i] = U'（';
        if (close != std::u32string::npos) {
          changed.push_back({close, ')'});
          s[close] = U'）';
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
      case '"': {
        size_t close = s.find(U'"', i + 1);
        if (close == std::u32string::npos || !HasCjk(s, i + 1, close)) break;
        changed.push_back({i, c});
        changed.push_back({close, c});
        s[i] = U'“';
        s[close] = U'”';
        break;
      }
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
