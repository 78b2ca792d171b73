#include "compose/display_breaker.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <limits>

#include "compose/break_rules.h"
#include "text/script.h"

namespace banmian {

namespace {

constexpr double kFitTolerance = 0.01;  // pt: rounding slack when a line fits exactly
constexpr double kTie = 1e-9;           // costs closer than this are equal
constexpr int kNone = std::numeric_limits<int>::max();
// Atoms of a split word shown either side of the break in DisplaySpan::split_word.
constexpr uint32_t kWordContext = 8;

// A way of setting the text up to a break: cuts (breaks the kinsoku rules or a word
// longer than the line forced) count before everything else, then the cost.
struct Cost {
  int cuts = kNone;
  double penalty = 0;
  bool Reached() const { return cuts != kNone; }
  bool Better(const Cost& o) const {
    return cuts != o.cuts ? cuts < o.cuts : penalty < o.penalty - kTie;
  }
  bool Tied(const Cost& o) const {
    return cuts == o.cuts && penalty <= o.penalty + kTie && penalty >= o.penalty - kTie;
  }
};

double BreakCost(BreakClass c) {
  switch (c) {
    case BreakClass::kPhrase:
      return 0;
    case BreakClass::kWord:
      return kWordCost;
    case BreakClass::kWeakWord:
      return kWeakWordCost;
    case BreakClass::kInWord:
      break;
  }
  return kInWordCost;
}

struct Breaker {
  const ShapedText& text;
  const double length;
  const DisplayExtentFn& extent;
  const bool strict;
  const std::vector<Atom>& atoms = text.atoms;
  // The class of each break, found when a part first needs breaking: most display text
  // fits on one line and never asks ICU.
  std::vector<BreakClass> classes = {};

  bool Space(uint32_t k) const { return IsSpace(atoms[k].ch); }
  uint32_t Trim(uint32_t begin, uint32_t end) const {
    while (end > begin && Space(end - 1)) --end;
    return end;
  }

  // One part of the text between typed line breaks: atoms [s, e), s not a space.
  void Part(uint32_t s, uint32_t e, std::vector<DisplaySpan>& out) {
    if (extent(s, e).minimum <= length + kFitTolerance) {
      out.push_back({s, e, false, {}});
      return;
    }
    if (classes.empty()) classes = PhraseBreaks(text);
    // Where a line may start: where the kinsoku rules allow a break; failing any way of
    // setting the part so, also inside a Latin word or number (a word longer than the
    // line), and failing that anywhere.
    for (int tier = 0; tier < 3; ++tier)
      if (Search(s, e, tier, out)) return;
  }

  bool Search(uint32_t s, uint32_t e, int tier, std::vector<DisplaySpan>& out) const {
    const uint32_t m = e - s;  // positions s..e, indexed from s
    std::vector<char> allowed(m + 1, 0), cut(m + 1, 0);
    allowed[0] = allowed[m] = 1;
    for (uint32_t p = s + 1; p < e; ++p) {
      if (Space(p)) continue;
      const char32_t prev = atoms[p - 1].ch, next = atoms[p].ch;
      if (CanBreakBetween(prev, next, strict)) {
        allowed[p - s] = 1;
      } else if (tier == 2 || (tier == 1 && IsLatinWordChar(prev) && IsLatinWordChar(next))) {
        allowed[p - s] = cut[p - s] = 1;
      }
    }
    // The lines that fit, by where they end: (start, natural length), measured once.
    struct Line {
      uint32_t from;
      double natural;
    };
    std::vector<std::vector<Line>> ending(m + 1);
    for (uint32_t p = 1; p <= m; ++p) {
      if (!allowed[p]) continue;
      for (uint32_t q = p; q-- > 0;) {
        if (!allowed[q]) continue;
        const uint32_t b = s + q, t = Trim(b, s + p);
        if (t == b) continue;
        const DisplayExtent x = extent(b, t);
        // A single atom wider than the line is set alone, overfull (the justifier says so).
        if (x.minimum > length + kFitTolerance && t - b > 1) break;
        ending[p].push_back({q, x.natural});
      }
    }
    // The fewest cuts, then the fewest lines.
    std::vector<std::pair<int, int>> fewest(m + 1, {kNone, kNone});
    fewest[0] = {0, 0};
    for (uint32_t p = 1; p <= m; ++p)
      for (const Line& l : ending[p]) {
        if (fewest[l.from].first == kNone) continue;
        std::pair<int, int> c{fewest[l.from].first + (p < m && cut[p]), fewest[l.from].second + 1};
        fewest[p] = std::min(fewest[p], c);
      }
    if (fewest[m].first == kNone) return false;
    const int lines = fewest[m].second;
    const double mean = extent(s, Trim(s, e)).natural / lines;
    const bool bare_part = Bare(s, e);
    // The least cost in exactly `lines` lines.
    std::vector<std::vector<Cost>> best(lines + 1, std::vector<Cost>(m + 1));
    std::vector<std::vector<uint32_t>> from(lines + 1, std::vector<uint32_t>(m + 1, 0));
    best[0][0] = {0, 0};
    for (int n = 1; n <= lines; ++n)
      for (uint32_t p = 1; p <= m; ++p)
        for (auto l = ending[p].rbegin(); l != ending[p].rend(); ++l) {  // earliest start first
          const Cost& before = best[n - 1][l->from];
          if (!before.Reached()) continue;
          Cost c = before;
          if (p < m) {
            c.cuts += cut[p];
            c.penalty += cut[p] ? (PreferredEmergencyBreak(atoms[s + p - 1].ch, atoms[s + p].ch)
                                       ? kInWordCost / 2
                                       : kInWordCost)
                                : BreakCost(classes[s + p]);
          }
          const double d = (std::min(l->natural, length) - mean) / length;
          c.penalty += kBalanceWeight * d * d;
          if (!bare_part && Bare(s + l->from, Trim(s + l->from, s + p))) c.penalty += kBareLineCost;
          // On a tie the later start wins: the lines before it are the longer.
          if (!best[n][p].Reached() || c.Better(best[n][p]) || c.Tied(best[n][p])) {
            best[n][p] = c;
            from[n][p] = l->from;
          }
        }
    std::vector<uint32_t> ends;
    for (uint32_t p = m, n = static_cast<uint32_t>(lines); n > 0; p = from[n][p], --n)
      ends.push_back(p);
    std::reverse(ends.begin(), ends.end());
    uint32_t q = 0;
    for (uint32_t p : ends) {
      DisplaySpan span;
      span.begin = s + q;
      span.end = Trim(span.begin, s + p);
      if (p < m) {
        span.cut = cut[p];
        if (cut[p] || classes[s + p] == BreakClass::kInWord) span.split_word = Word(s, e, s + p);
      }
      out.push_back(std::move(span));
      q = p;
    }
    return true;
  }

  // Nothing but marks and spaces (—— alone on a line).
  bool Bare(uint32_t begin, uint32_t end) const {
    for (uint32_t k = begin; k < end; ++k)
      if (u_isalnum(static_cast<UChar32>(atoms[k].ch))) return false;
    return true;
  }

  // The word a break at atom `at` splits, with | at the break: "单|位".
  std::string Word(uint32_t s, uint32_t e, uint32_t at) const {
    uint32_t first = at - 1, last = at + 1;
    while (first > s && at - first < kWordContext && classes[first] == BreakClass::kInWord &&
           !Space(first - 1))
      --first;
    while (last < e && last - at < kWordContext && classes[last] == BreakClass::kInWord &&
           !Space(last))
      ++last;
    auto bytes = [&](uint32_t a, uint32_t b) {
      return text.text.substr(atoms[a].byte_begin, atoms[b - 1].byte_end - atoms[a].byte_begin);
    };
    return bytes(first, at) + "|" + bytes(at, last);
  }
};

}  // namespace

std::vector<DisplaySpan> ChooseDisplayBreaks(const ShapedText& text, double length,
                                             const DisplayExtentFn& extent, bool strict) {
  Breaker breaker{text, length, extent, strict};
  std::vector<DisplaySpan> out;
  const uint32_t n = static_cast<uint32_t>(text.atoms.size());
  // A typed line break always breaks: each part between two is set on its own.
  uint32_t start = 0;
  for (uint32_t k = 0; k <= n; ++k) {
    if (k < n && text.atoms[k].ch != '\n') continue;
    uint32_t s = start;
    while (s < k && breaker.Space(s)) ++s;
    const uint32_t e = breaker.Trim(s, k);
    if (e > s) breaker.Part(s, e, out);
    start = k + 1;
  }
  return out;
}

DisplayText BreakDisplay(const ShapedText& text, double width, const ParagraphStyle& style) {
  ParagraphStyle unjustified = style;
  unjustified.justify = false;
  unjustified.first_indent = 0;
  const DisplayExtentFn extent = [&](uint32_t begin, uint32_t end) {
    const LineMeasure m = MeasureLine(text, begin, end, false, unjustified);
    return DisplayExtent{m.minimum, m.natural};
  };
  const bool strict = style.rules.strictness == TypesettingRules::Strictness::kStrict;
  DisplayText out;
  const std::vector<DisplaySpan> spans = ChooseDisplayBreaks(text, width, extent, strict);
  for (size_t i = 0; i < spans.size(); ++i) {
    out.lines.push_back(SetLine(text, spans[i].begin, spans[i].end, width, 0, i + 1 == spans.size(),
                                false, unjustified));
    out.split_words.push_back(spans[i].split_word);
  }
  return out;
}

}  // namespace banmian
