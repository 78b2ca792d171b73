#include "compose/line_breaker.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "compose/break_rules.h"
#include "compose/line_meter.h"
#include "compose/punctuation.h"
#include "text/script.h"

namespace banmian {

namespace {

constexpr double kFitTolerance = 0.01;  // pt: rounding slack when a line fits exactly

// Costs (demerits). A line's badness b grows with the cube of its stretch; its demerits are
// (10 + b)², as in TeX, so one very loose line costs more than several slightly loose ones.
constexpr double kLooseGap = 0.25;          // em per gap: the stretch that makes b = 100
constexpr double kShrinkPerEm = 4;          // b per em squeezed out of punctuation and gaps
constexpr double kLetterSpacing = 20000;    // a letter-spaced line, and as much per 1/20 em²
constexpr double kShortLine = 5000;         // b of a line that cannot be justified at all
constexpr double kPreferredCut = 2000;      // a word cut after / . @ -
constexpr double kCut = 5000;               // a word cut anywhere else
constexpr double kHanging = 300;            // a mark hung past the line's end
constexpr double kLoneLastCharacter = 1e6;  // a constraint, broken only when nothing else fits
constexpr double kOverfull = 1e8;           // a line wider than its column: the last resort
// A justified line stretched by more than this per gap (b ≥ 2700) is not weighed unless it
// is the longest legal line that can start there (so greedy setting stays possible).
constexpr double kHopelessGap = 0.75;  // em

struct Candidate {
  uint32_t end = 0;  // atoms [begin, end) including trailing spaces
  LineMeasure m;     // of the line without trailing spaces (or the hanging mark)
  bool hanging = false, cut = false, preferred_cut = false, overfull = false;
};

struct Node {
  double cost = 0;
  int32_t from = -1;   // the node the line leading here starts at
  uint32_t begin = 0;  // that line's first atom …
  uint32_t end = 0;    // … and its end, trailing spaces included
  int line = 0;        // the number of the next line (0-based)
  bool hanging = false, cut = false, overfull = false;
};

struct Composer {
  const ShapedText& text;
  const LineWidthFn& width_of_line;
  const ParagraphStyle& style;
  const std::vector<Atom>& atoms = text.atoms;
  const uint32_t n = static_cast<uint32_t>(text.atoms.size());
  const bool strict = style.rules.strictness == TypesettingRules::Strictness::kStrict;

  std::vector<double> widths = {};      // width_of_line, for line numbers 0 … last_distinct
  int last_distinct = 1;                // every line from here on has this line's width
  std::vector<bool> in_long_word = {};  // gap before atom k lies inside a word wider than a line
  std::vector<bool> breakable = {};     // a line may break before atom k (1 ≤ k < n)
  std::vector<bool> space = {};         // atom k is a space

  double Indent(int line) const { return line == 0 ? style.first_indent : 0; }
  double Width(int line) const { return widths[std::min(line, last_distinct)]; }
  double Avail(int line) const { return Width(line) - Indent(line); }
  int WidthClass(int line) const { return std::min(line, last_distinct); }
  // The em a line starting at atom `begin` is measured in (10 pt for an atom without one).
  double EmAt(uint32_t begin) const { return atoms[begin].em > 0 ? atoms[begin].em : 10; }
  bool CanBreak(uint32_t at) const { return breakable[at]; }
  uint32_t Trim(uint32_t begin, uint32_t end) const {
    while (end > begin && space[end - 1]) --end;
    return end;
  }
  uint32_t SkipSpaces(uint32_t at) const {
    while (at < n && space[at]) ++at;
    return at;
  }

  // The break rules and spaces, once per atom: each position is looked at once per line
  // that may reach it.
  void ReadAtoms() {
    breakable.assign(n + 1, false);
    space.assign(n, false);
    for (uint32_t k = 0; k < n; ++k) space[k] = IsSpace(atoms[k].ch);
    for (uint32_t k = 1; k < n; ++k)
      breakable[k] =
          CanBreakBetween(atoms[k - 1].ch, atoms[k].ch, strict) &&
          !(style.keep_numbers_with_units && NumberWithUnit(atoms[k - 1].ch, atoms[k].ch));
  }

  // Line widths: a paragraph of n atoms has at most n lines. Widths equal from some line on
  // share one class, so a column of one width is weighed once per position.
  void ReadWidths() {
    widths.clear();
    for (uint32_t line = 0; line <= n; ++line) widths.push_back(width_of_line(line));
    last_distinct = static_cast<int>(n);
    while (last_distinct > 1 && widths[last_distinct - 1] == widths[last_distinct]) --last_distinct;
    widths.resize(last_distinct + 1);
  }

  // Which gaps lie inside a word (a run with no legal break) that no line can hold.
  void FindLongWords(LineMeter& meter) {
    in_long_word.assign(n + 1, false);
    double widest = 0;
    for (double w : widths) widest = std::max(widest, w);
    uint32_t start = 0;
    for (uint32_t k = 1; k <= n; ++k) {
      if (k < n && !CanBreak(k)) continue;
      // [start, k) is a word. Cheap test first: its advances alone fit.
      double advance = 0;
      for (uint32_t j = start; j < k; ++j) advance += atoms[j].advance;
      if (advance > widest * 0.9 && k - start > 1) {
        meter.Start(start);
        while (meter.end() < Trim(start, k)) meter.Extend();
        if (meter.Measure().minimum > widest + kFitTolerance)
          for (uint32_t j = start + 1; j < k; ++j) in_long_word[j] = true;
      }
      start = k;
    }
  }

  // Inside a word too long for a line: no cut leaves a mark that may not start a line
  // at the next one's start, nor one that may not end a line at this one's end.
  // Nor a cut inside a run of marks (the // of a URL) or before , . ; : ! ? ) ] }.
  bool MayCut(uint32_t at) const {
    const char32_t prev = atoms[at - 1].ch, next = atoms[at].ch;
    auto ascii_mark = [](char32_t c) { return c < 0x80 && std::ispunct(static_cast<int>(c)); };
    if (ascii_mark(prev) && ascii_mark(next)) return false;
    if (next < 0x80 && std::strchr(",.;:!?)]}", static_cast<int>(next)) != nullptr) return false;
    return !ProhibitedAtLineStart(next) && !ProhibitedAtLineEnd(prev);
  }

  // Whether a justified line measured `m` would stretch its gaps (or, having none, its
  // spaces) by more than kHopelessGap each, or be letter-spaced or short: at least b = 2700.
  bool Hopeless(const LineMeasure& m, double avail, double em) const {
    if (!style.justify || m.natural >= avail) return false;
    const StretchPlan plan = PlanStretch(avail - m.natural, m.room);
    const double most = kHopelessGap * em;
    return plan.per_gap > most || plan.per_space_more > most || plan.per_letter > 0 ||
           plan.short_by > 0;
  }

  // Whether the line the meter holds (not ending in a space) is surely Hopeless, by its
  // NaturalBound, without measuring it: the spaces and Han–Latin gaps take their whole room
  // and what is left, more than kHopelessGap a gap, goes to the gaps.
  bool SurelyHopeless(const LineMeter& meter, double avail, double em) const {
    const StretchRoom& room = meter.room();
    return style.justify && room.gap_count > 0 &&
           avail - meter.NaturalBound() - room.spaces - room.han_latin >
               kHopelessGap * em * room.gap_count;
  }

  // Every line that may start at `begin` as line `line`, but for hopelessly loose ones.
  // A line surely hopeless is not measured, until the scan's end shows it is wanted.
  void Candidates(uint32_t begin, int line, LineMeter& meter, std::vector<Candidate>& out) {
    out.clear();
    const double avail = Avail(line);
    const double em = EmAt(begin);
    meter.Start(begin);
    LineMeasure trimmed;           // the line [begin, trimmed_end) …
    uint32_t trimmed_end = begin;  // … its last non-space atom the last measured
    uint32_t skipped = 0;          // the last legal break left out as hopeless, if any
    // The line [begin, end) measured; a scan ends after it (the meter starts afresh).
    auto measured = [&](uint32_t end) {
      if (end == trimmed_end) return trimmed;
      meter.Start(begin);
      while (meter.end() < end) meter.Extend();
      return meter.Measure();
    };
    bool any_legal = false;
    while (meter.end() < n) {
      meter.Extend();
      const uint32_t e = meter.end();
      const bool at_space = space[e - 1];
      if (!at_space && (e == n || in_long_word[e] || !SurelyHopeless(meter, avail, em))) {
        LineMeasure m = meter.Measure();
        if (m.minimum > avail + kFitTolerance) {
          if (e == begin + 1) {
            out.push_back({e, m, false, true, false, true});  // one atom wider than the line
            return;
          }
          const uint32_t k = e - 1;  // the first atom that does not fit
          const bool hangs = style.rules.hanging && MayHang(atoms[k].ch) && !CanBreak(k) &&
                             (k + 1 == n || CanBreak(k + 1));
          const bool cut = !any_legal && !hangs;
          const LineMeasure before = (hangs || cut) ? measured(Trim(begin, k)) : LineMeasure{};
          // No longer line than the hopeless one: it is weighed after all.
          if (skipped > 0 && (out.empty() || out.back().end < skipped))
            out.push_back({skipped, measured(Trim(begin, skipped))});
          if (hangs) out.push_back({k + 1, before, true, false, false, false});
          // Nothing breaks legally within reach: cut the word where the line is full.
          if (cut && out.empty()) out.push_back({k, before, false, true, false, false});
          return;
        }
        trimmed = m;
        trimmed_end = e;
      }
      if (e == n) {
        out.push_back({e, measured(Trim(begin, e))});
        return;
      }
      if (CanBreak(e)) {
        any_legal = true;
        // Unmeasured, the line is surely hopeless.
        if (trimmed_end != Trim(begin, e) || Hopeless(trimmed, avail, em))
          skipped = e;
        else
          out.push_back({e, trimmed});
      } else if (in_long_word[e] && !at_space && MayCut(e)) {
        const bool preferred = PreferredEmergencyBreak(atoms[e - 1].ch, atoms[e].ch);
        out.push_back({e, trimmed, false, true, preferred, false});
      }
    }
  }

  // The demerits of one line.
  double Demerits(const Candidate& c, uint32_t begin, int line, bool last) const {
    const double avail = Avail(line);
    const double em = EmAt(begin);
    double b = 0, extra = 0;
    if (c.overfull) return kOverfull;
    if (c.m.natural > avail) {
      b = kShrinkPerEm * (c.m.natural - avail) / em;
    } else if (!last && style.justify) {
      const StretchPlan plan = PlanStretch(avail - c.m.natural, c.m.room);
      auto cube = [](double r) { return r * r * r; };
      b += 100 * cube(plan.per_gap / (kLooseGap * em));
      if (c.m.room.space_count > 0)
        b += 30 * cube(plan.spaces / c.m.room.space_count / (kLooseGap * em));
      if (c.m.room.han_latin_count > 0)
        b += 30 * cube(plan.han_latin / c.m.room.han_latin_count / (kLooseGap * em));
      if (plan.per_space_more > 0) b += 100 + 100 * cube(plan.per_space_more / (kLooseGap * em));
      if (plan.per_letter > 0) {
        const double r = plan.per_letter / (0.05 * em);
        extra += kLetterSpacing * (1 + r * r);
      }
      if (plan.short_by > 0) b += kShortLine + 100 * plan.short_by / em;
    } else if (!last) {
      const double r = (avail - c.m.natural) / em;  // ragged: fill lines but the last
      b = r * r;
    }
    double d = (10 + b) * (10 + b) + extra;
    if (c.cut) d += c.preferred_cut ? kPreferredCut : kCut;
    if (c.hanging) d += kHanging;
    if (last && line > 0 && style.justify && LoneCharacter(begin, c.end)) d += kLoneLastCharacter;
    return d;
  }

  // Fewer lines first, then fewer demerits. A newspaper paragraph never takes a line more
  // than the fewest it fits in (the column's fit depends on it, and greedy setting would
  // not), so no cost for looseness can buy one. Both are sums over the lines, so comparing
  // the pairs in this order at every node still gives the best paragraph.
  static bool Better(const Node& a, const Node& b) {
    return a.line != b.line ? a.line < b.line : a.cost < b.cost;
  }

  // A line of one visible character (or one and its marks).
  bool LoneCharacter(uint32_t begin, uint32_t end) const {
    int visible = 0;
    for (uint32_t k = begin; k < end; ++k)
      visible += ClassifyPunct(atoms[k].ch) == PunctKind::kNone && !space[k];
    return visible <= 1;
  }

  std::vector<ComposedLine> Run() {
    ReadAtoms();
    const uint32_t first = SkipSpaces(0);
    if (first == n) return {};
    ReadWidths();
    LineMeter meter(text, style);
    FindLongWords(meter);

    std::vector<Node> nodes;
    // Per position, the nodes there (one per width class), found in order of position.
    std::vector<std::vector<int32_t>> at(n + 1);
    nodes.push_back({0, -1, 0, 0, 0});
    at[first].push_back(0);
    int32_t best_final = -1;
    std::vector<Candidate> candidates;
    for (uint32_t pos = first; pos < n; ++pos) {
      for (size_t k = 0; k < at[pos].size(); ++k) {
        const int32_t from = at[pos][k];
        const int line = nodes[from].line;
        const double cost = nodes[from].cost;
        Candidates(pos, line, meter, candidates);
        for (const Candidate& c : candidates) {
          const uint32_t next = SkipSpaces(c.end);
          const bool last = next == n;
          Node node{cost + Demerits(c, pos, line, last),
                    from,
                    pos,
                    c.end,
                    line + 1,
                    c.hanging,
                    c.cut,
                    c.overfull};
          if (last) {
            if (best_final < 0 || Better(node, nodes[best_final])) {
              nodes.push_back(node);
              best_final = static_cast<int32_t>(nodes.size() - 1);
            }
            continue;
          }
          int32_t* same = nullptr;
          for (int32_t& id : at[next])
            if (WidthClass(nodes[id].line) == WidthClass(node.line)) same = &id;
          if (same == nullptr) {
            nodes.push_back(node);
            at[next].push_back(static_cast<int32_t>(nodes.size() - 1));
          } else if (Better(node, nodes[*same])) {
            nodes[*same] = node;
          }
        }
      }
    }
    // Back from the paragraph's end.
    std::vector<int32_t> chain;
    for (int32_t id = best_final; id > 0; id = nodes[id].from) chain.push_back(id);
    std::vector<ComposedLine> lines;
    for (size_t k = chain.size(); k-- > 0;) {
      const Node& node = nodes[chain[k]];
      const int line = node.line - 1;
      const bool last = k == 0;
      ComposedLine l = SetLine(text, node.begin, Trim(node.begin, node.end), Width(line),
                               Indent(line), last, node.hanging, style);
      l.cut = node.cut;
      l.overfull |= node.overfull;
      lines.push_back(std::move(l));
    }
    return lines;
  }
};

}  // namespace

std::vector<ComposedLine> BreakLines(const ShapedText& text, const LineWidthFn& width_of_line,
                                     const ParagraphStyle& style) {
  return Composer{text, width_of_line, style}.Run();
}

std::vector<ComposedLine> BreakLines(const ShapedText& text, double width,
                                     const ParagraphStyle& style) {
  return BreakLines(
      text, [width](int) { return width; }, style);
}

}  // namespace banmian
