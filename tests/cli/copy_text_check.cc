// copy_text_check: does the text extracted from a rendered PDF read as the issue's
// normalised input? The comparison of the copy-text test (copy_text_test.sh).
//
//   copy_text_check ISSUE_DIR EXTRACTED.txt
//
// EXTRACTED.txt is `pdftotext -raw` of the issue's PDF: its text in the order the content
// stream draws it (the default mode reads a grid-aligned newspaper page across its
// columns, which no text would survive). The reference is the issue as banmian loads it:
// every article's kicker, headline, subhead, byline, tag and body blocks (paragraphs,
// crossheads, section titles, pull quotes, captions, credits), normalised as they are set.
//
// The rule, for each of those texts T:
// - T appears in the extracted text E as a whole, its characters in order;
// - a line break of E may fall anywhere in T (lines end where the composer broke them), and
//   whole lines of E may come between two lines of T: what the product adds between them
//   (the next page's furniture, the continued headline with its （上接第A01版）, another
//   story between a jump's parts, a vertical headline's one character per line); so may
//   the jump line （下转第A02版） or （下转本版） that ends a part's last line;
// - a space in E must stand where T has whitespace (a space between Latin words, a line
//   break typed in a headline), and whitespace in T must be a space or a line break in E:
//   a space that T does not have, between Chinese characters or anywhere, is a failure;
// - body blocks of one article appear in their order; the headline parts, pictures'
//   captions and credits and pull quotes each anywhere (the layout places them apart);
//   a table's caption and cells in their order, row by row and left to right (the table
//   itself anywhere: across columns it stands at the body's top or foot).
// Text the product adds itself (folios, mastheads, jump lines, the tag's 【】) is not
// compared. Prints each failing text with where its match broke off; exit status 0 when
// every text is found, 1 when one is not, 2 on bad use.
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "model/utf8.h"
#include "pipeline/pipeline.h"

using namespace banmian;

namespace {

// A space within a line of E; a line (or page) break; whitespace of T, either.
bool IsSpaceChar(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == 0x3000;
}
bool IsBreak(char32_t c) {
  return c == '\n' || c == '\f';
}
bool IsWhite(char32_t c) {
  return IsSpaceChar(c) || IsBreak(c);
}

std::u32string Decode(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out += Utf8Next(s, i);
  return out;
}

std::string Encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) Utf8Append(out, c);
  return out;
}

// T with each run of whitespace one ' ' and none at its ends.
std::u32string Collapse(const std::u32string& t) {
  std::u32string out;
  for (char32_t c : t) {
    if (IsWhite(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

class Matcher {
 public:
  explicit Matcher(std::u32string e) : e_(std::move(e)) {}

  // The end of the first match of `t` starting at or after `from`, or npos; `reached`: the
  // furthest T position any start got to (for the message).
  size_t Find(const std::u32string& t, size_t from, size_t& reached, size_t& reached_at) {
    t_ = &t;
    reached = 0;
    reached_at = from;
    for (size_t start = from; start < e_.size(); ++start) {
      if (e_[start] != t[0]) continue;
      failed_.clear();
      best_ = 0;
      size_t end = 0;
      if (Match(0, start, end)) return end;
      if (best_ > reached) reached = best_, reached_at = best_at_;
    }
    return std::u32string::npos;
  }

 private:
  // Matches T from i against E from j; true with `end` past the match.
  bool Match(size_t i, size_t j, size_t& end) {
    const std::u32string& t = *t_;
    while (i < t.size()) {
      if (i > best_) best_ = i, best_at_ = j;
      if (t[i] == ' ') {  // spaces, or a line break (after spaces or not)
        if (j >= e_.size() || !IsWhite(e_[j])) return false;
        while (j < e_.size() && IsSpaceChar(e_[j])) ++j;
        if (j < e_.size() && IsBreak(e_[j])) return AtLineStart(i + 1, j + 1, end);
        ++i;
        continue;
      }
      if (j < e_.size() && IsBreak(e_[j])) return AtLineStart(i, j + 1, end);
      if (j < e_.size() && e_[j] != t[i] && JumpEndsLine(j)) {
        while (j < e_.size() && !IsBreak(e_[j])) ++j;
        return AtLineStart(i, j + 1, end);
      }
      if (j >= e_.size() || e_[j] != t[i]) return false;
      ++i, ++j;
    }
    end = j;
    return true;
  }

  // Whether the rest of the line from j is a jump line the product adds after a part's
  // last characters: （下转第A02版） or （下转本版）.
  bool JumpEndsLine(size_t j) const {
    static const std::u32string kOpen = U"（下转", kClose = U"版）";
    if (e_.compare(j, kOpen.size(), kOpen) != 0) return false;
    size_t k = j;
    while (k < e_.size() && !IsBreak(e_[k])) ++k;
    return k - j >= kOpen.size() + kClose.size() &&
           e_.compare(k - kClose.size(), kClose.size(), kClose) == 0;
  }

  // T from i goes on at the start of the line at j, or of a later line.
  bool AtLineStart(size_t i, size_t j, size_t& end) {
    for (size_t k = j; k < e_.size();) {
      if (!IsBreak(e_[k])) {
        if (failed_.insert({i, k}).second && Match(i, k, end)) return true;
      }
      while (k < e_.size() && !IsBreak(e_[k])) ++k;
      ++k;
    }
    return false;
  }

  std::u32string e_;
  const std::u32string* t_ = nullptr;
  std::set<std::pair<size_t, size_t>> failed_;
  size_t best_ = 0, best_at_ = 0;
};

struct Text {
  std::string what;
  std::u32string text;
  bool ordered;  // a body block: after the article's previous body block
  // 0: the article's body; k: the k-th table's caption and cells, in order among
  // themselves (a table across columns stands at the body's top or foot).
  int chain = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: copy_text_check ISSUE_DIR EXTRACTED.txt\n");
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  if (!in) {
    std::fprintf(stderr, "copy_text_check: cannot read %s\n", argv[2]);
    return 2;
  }
  RunOptions options;
  options.issue_dir = argv[1];
  options.jobs = 1;
  RunResult result = ComposeIssue(options);
  if (!result.issue || !result.document) {
    std::fprintf(stderr, "copy_text_check: %s does not compose\n", argv[1]);
    return 2;
  }
  Matcher matcher(Decode(ss.str()));
  int texts = 0, failures = 0;
  for (const Article& a : result.issue->articles) {
    std::vector<Text> wanted;
    for (auto [what, text] : {std::pair{"kicker", &a.kicker},
                              {"headline", &a.headline},
                              {"subhead", &a.subhead},
                              {"byline", &a.byline},
                              {"tag", &a.tag}})
      wanted.push_back({what, Decode(*text), false});
    int tables = 0;
    for (size_t b = 0; b < a.blocks.size(); ++b) {
      const Block& block = a.blocks[b];
      const std::string where =
          "block " + std::to_string(b + 1) + " (line " + std::to_string(block.pos.line) + ")";
      const bool body = block.kind == BlockKind::kParagraph ||
                        block.kind == BlockKind::kCrosshead ||
                        block.kind == BlockKind::kSectionTitle;
      if (block.kind == BlockKind::kTable) {
        // The caption, then every cell in reading order: row by row, left to right.
        ++tables;
        wanted.push_back({where + " caption", Decode(block.table.caption), true, tables});
        for (size_t r = 0; r < block.table.rows.size(); ++r)
          for (size_t c = 0; c < block.table.rows[r].cells.size(); ++c) {
            std::string text;
            for (const Span& s : block.table.rows[r].cells[c].spans) text += s.text;
            wanted.push_back(
                {where + " row " + std::to_string(r + 1) + " cell " + std::to_string(c + 1),
                 Decode(text), true, tables});
          }
        continue;
      }
      wanted.push_back({where, Decode(block.PlainText()), body});
      if (block.kind == BlockKind::kPicture)
        wanted.push_back({where + " credit", Decode(block.credit), false});
    }
    std::map<int, size_t> after_in;  // where the previous text of each chain ended
    for (const Text& w : wanted) {
      size_t& after = after_in[w.chain];
      const std::u32string t = Collapse(w.text);
      if (t.empty()) continue;
      ++texts;
      size_t reached = 0, reached_at = 0;
      const size_t end = matcher.Find(t, w.ordered ? after : 0, reached, reached_at);
      if (end != std::u32string::npos) {
        if (w.ordered) after = end;
        continue;
      }
      ++failures;
      std::printf("NOT FOUND %s %s: “%s”\n  matched “%s”, then the PDF reads “%s”\n", a.id.c_str(),
                  w.what.c_str(), Encode(t).c_str(), Encode(t.substr(0, reached)).c_str(),
                  Encode(Decode(ss.str()).substr(reached_at, 40)).c_str());
    }
  }
  std::printf("%d texts, %d not found\n", texts, failures);
  return failures ? 1 : 0;
}
