// Normalisation in linear time gives what the per-character scans gave: the earlier
// algorithm (a scan for each character's neighbours and each '(''s partner, quadratic in
// a run of spaces or brackets) is kept here as the reference, on random texts.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "model/utf8.h"
#include "text/compatibility.h"
#include "text/normalize.h"
#include "text/script.h"

using namespace banmian;

namespace {

// The earlier NormalizeText, as it was but for listing the changes, with issue 13's rules
// written the plain way (a scan for each character): compatibility characters, marks after
// Latin before Chinese, parentheses around Latin between Chinese, empty quote pairs.
std::string ReferenceNormalize(const std::string& text) {
  std::u32string s;
  for (size_t i = 0; i < text.size();) s += Utf8Next(text, i);
  for (char32_t& c : s) c = CompatibilityTarget(c).to;
  auto prev_visible = [&](size_t i) -> char32_t {
    while (i > 0)
      if (!IsSpace(s[--i])) return s[i];
    return 0;
  };
  auto next_visible = [&](size_t i) -> char32_t {
    for (++i; i < s.size(); ++i)
      if (!IsSpace(s[i])) return s[i];
    return 0;
  };
  auto next_beyond_marks = [&](size_t i) -> char32_t {
    for (++i; i < s.size(); ++i)
      if (!IsSpace(s[i]) && s[i] != '!' && s[i] != '?') return s[i];
    return 0;
  };
  auto has_cjk = [&](size_t from, size_t to) {
    for (size_t i = from; i < to && i < s.size(); ++i)
      if (IsCjk(s[i])) return true;
    return false;
  };
  auto latin = [](char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  auto starts_chinese = [](char32_t c) { return IsIdeograph(c) || c == U'“' || c == U'（'; };
  std::vector<bool> drop(s.size(), false);
  // Straight double quotes paired in order, before the marks; none when a pair is empty.
  std::vector<size_t> quotes;
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] == U'"') quotes.push_back(i);
  bool empty_pair = false;
  for (size_t k = 0; k + 1 < quotes.size(); k += 2) {
    bool nothing_inside = true;
    for (size_t i = quotes[k] + 1; i < quotes[k + 1]; ++i) nothing_inside &= IsSpace(s[i]);
    empty_pair |= nothing_inside;
  }
  if (quotes.size() % 2 == 0 && !empty_pair)
    for (size_t k = 0; k < quotes.size(); k += 2) {
      const size_t a = quotes[k], b = quotes[k + 1];
      if (has_cjk(a + 1, b) || IsCjk(prev_visible(a)) || IsCjk(next_visible(b)))
        s[a] = U'“', s[b] = U'”';
    }
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i], prev = prev_visible(i), next = next_visible(i);
    if (c == ',' || c == ':' || c == ';' || c == '!' || c == '?') {
      const char32_t goes_on = c == '!' || c == '?' ? next_beyond_marks(i) : next;
      if (!IsCjk(prev) && !(prev != 0 && starts_chinese(goes_on))) continue;
      s[i] = c == ',' ? U'，' : c == ':' ? U'：' : c == ';' ? U'；' : c == '!' ? U'！' : U'？';
      if (IsCjk(next))
        for (size_t k = i + 1; k < s.size() && IsSpace(s[k]); ++k) drop[k] = true;
    } else if (c == '(') {
      size_t close = std::u32string::npos;
      for (size_t k = i, depth = 0; k < s.size(); ++k) {
        if (s[k] == '(') ++depth;
        if (s[k] == ')' && --depth == 0) {
          close = k;
          break;
        }
      }
      const bool inside = close != std::u32string::npos && has_cjk(i + 1, close);
      bool between = false;
      if (close != std::u32string::npos && !inside) {
        const char32_t after = next_visible(close);
        between = (IsCjk(prev) || IsCjk(after)) && !latin(prev) && !latin(after);
      }
      if (!(inside || between || (close == std::u32string::npos && (IsCjk(prev) || IsCjk(next)))))
        continue;
      s[i] = U'（';
      if (close != std::u32string::npos) s[close] = U'）';
    } else if (c == ')') {
      if (IsCjk(prev)) s[i] = U'）';
    }
  }
  std::string out;
  for (size_t i = 0; i < s.size(); ++i)
    if (!drop[i]) Utf8Append(out, s[i]);
  return out;
}

}  // namespace

TEST_CASE("normalize: the linear algorithm agrees with the per-character scans") {
  const std::vector<std::string> pieces = {"中", "文", ",", ":",  "!",  "(",  ")",
                                           "\"", " ",  "a", "1",  "，", "。", "（",
                                           "·",  "?",  ";", "⽂", "Ａ", "１", "“"};
  std::mt19937 random(12);
  for (int trial = 0; trial < 20000; ++trial) {
    std::string text;
    const int length = static_cast<int>(random() % 24);
    for (int k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
    std::vector<Normalization> changes;
    CAPTURE(text);
    CHECK(NormalizeText(text, changes) == ReferenceNormalize(text));
  }
}

TEST_CASE("normalize: long runs of spaces and brackets come out as shorter runs do") {
  // The time these take is measured by bench/scaling.sh; here, that a run 100 times longer
  // is normalised as the earlier algorithm normalises a short one, extended.
  for (const std::string& run : {std::string(" "), std::string("("), std::string("\"")}) {
    auto text_of = [&](int n) {
      std::string text = "中";
      for (int i = 0; i < n; ++i) text += run;
      return text + "中";
    };
    std::vector<Normalization> changes;
    const std::string short_run = ReferenceNormalize(text_of(2000));
    const std::string long_run = NormalizeText(text_of(200000), changes);
    CAPTURE(run);
    CHECK(long_run.size() >= short_run.size());
    CHECK(long_run.substr(0, short_run.size() / 2) == short_run.substr(0, short_run.size() / 2));
    CHECK(long_run.substr(long_run.size() - 8) == short_run.substr(short_run.size() - 8));
  }
}
