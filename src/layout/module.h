// Article modules: an article composed into blocks, and placed in one or more slots.
//
// In a stack slot, subheads run across the module and the text between them is
// balanced section by section, so every band of a stacked article is level.
//
// ComposeArticle sets an article's body once: paragraphs, subheads, section titles,
// pull quotes and pictures become blocks a whole number of grid lines tall, ready for
// the column flow. PlaceModule then places one part of it in a slot: the headline
// block (section tag, kicker 引题, headline 主题 — across the module or set vertically
// at its right edge — and subhead 副题) and byline when it is the first part, a
// continuation head （上接第N版） when it is not, then the blocks that fit, balanced
// across the columns when nothing follows. A part that continues elsewhere ends with
// （下转第N版）. Text that fits nowhere is overset: reported, never dropped.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compose/column_flow.h"
#include "layout/layout_report.h"
#include "model/article.h"
#include "model/frame.h"
#include "model/layout.h"
#include "text/font_set.h"

namespace banmian {

// A block of the body before it is given a column; items are relative to the
// top-left of its first grid line.
struct BodyBlock {
  FlowBlock flow;
  bool picture = false;
  bool table = false;  // a table (layout/table_setter.h): moved on whole, never split
  int span = 1;        // columns a picture or table spans, as laid out
  PicturePlace place = PicturePlace::kFlow;
  const Block* source =
      nullptr;                 // a picture's or table's block, to lay it out again at another width
  int image_rows = 0;          // a picture's own grid lines, without its caption
  int natural_image_rows = 0;  // the same at the file's own proportions
  // A subhead (crosshead or section title): in a stack it runs across the module, so
  // its text and style are kept to set it again at that width.
  bool heading = false;
  std::string heading_text, heading_style;
  std::vector<Item> items;
  std::string text;       // what it shows, for overset reports
  size_t characters = 0;  // non-space characters it shows
  std::vector<LineRecord> lines;
  std::vector<MissingGlyphRecord> missing;
  std::vector<PictureRecord> pictures;
};

// An article's body, composed, and how much of it has been placed so far.
struct ArticleFlow {
  const Article* article = nullptr;
  std::vector<BodyBlock> blocks;
  std::vector<bool> placed;    // per block
  bool started = false;        // its first part (with the headline) has been placed
  int measure_loss = 0;        // composed this many characters narrower (a padded slot's)
  std::string headline_style;  // the style its headline was set in (for continuation heads)

  bool Done() const;

  // What a trial placement changes, to put back after it (PlaceOptions::trial).
  struct Trial {
    std::vector<bool> placed;
    bool started = false;
    std::string headline_style;
  };
  Trial Save() const;
  void Restore(const Trial& t);
};

// The share of its natural height a picture may lose to a crop around its focal point, or
// gain by cropping its sides, when placing levels or fills a module.
inline constexpr double kPictureCropShare = 0.2;

// Whether picture block `b` may be cropped to another height than its file's proportions
// give: a picture whose Markdown fixes its height (rows=, ratio=) keeps it.
bool PictureMayCrop(const BodyBlock& b);

// What is left of an article (every block not placed yet), as overset in `slot` on page
// `page`: characters, lines, pictures and the first 40 characters.
OversetRecord Leftover(const ArticleFlow& flow, int page, const std::string& slot);

// Why block `b` fits no slot of `rows` grid lines, as the overset and copyfit say it:
// "picture 'pictures/a.jpg' (line 8) with its caption takes 40 grid lines; slot 'news'
// has 34 grid lines" (a block of text is named by its first words).
std::string BlockTooTall(const BodyBlock& b, const std::string& slot, int rows);

// `measure_loss`: the article is set in a padded slot (model/layout.h PaddingInset),
// every column that many characters narrower.
ArticleFlow ComposeArticle(const Article& article, const Paper& paper, FontSet& fonts,
                           int measure_loss = 0);

// What a slot paints under its content: its fill (底纹) over `area`, and when its headline
// bar has a text of its own (栏题), that bar across the slot's top with its text. A frame
// of the slot's name, placed before the slot's modules so they are painted over it;
// `title_rows` is the grid lines the bar takes (0 without one).
struct SlotShading {
  Frame frame;
  int title_rows = 0;
};
SlotShading ShadeSlot(const Slot& slot, const Area& area, const Paper& paper, FontSet& fonts,
                      int page_number, LayoutReport& report);
// Grid lines of a slot's title bar (0: none).
int TitleBarRows(const Slot& slot, const Paper& paper, FontSet& fonts);

// How a part of an article sits in its thread.
struct ModulePart {
  bool first = true;           // carries the headline and byline
  std::string continued_from;  // page label of the part before: （上接第…版）
  std::string continues_on;  // page label of the part after: （下转第…版）; empty: last part
  std::string here;          // page label of this part: a jump within the page reads 本版
};

// The jump lines of a continued article (GB/T 11684 practice, 转版): （下转第A02版） and
// （上接第A01版）, or （下转本版） and （上接本版） when both parts are on page `here`.
std::string ContinuesOnText(const std::string& to, const std::string& here);
std::string ContinuedFromText(const std::string& from, const std::string& here);

// Headlines laid out once per article, slot and width: a stack lays out an article's
// headline to measure it, to try the article and to place it. Valid for one build (it
// keeps pointers to the articles and slots).
class HeadlineCache {
 public:
  HeadlineCache();
  ~HeadlineCache();
  HeadlineCache(const HeadlineCache&) = delete;
  HeadlineCache& operator=(const HeadlineCache&) = delete;
  struct Entries;
  Entries& entries() { return *entries_; }

 private:
  std::unique_ptr<Entries> entries_;
};

struct PlaceOptions {
  HeadlineCache* headlines = nullptr;  // none: every headline is laid out afresh
  // Only find out what fits: blocks are marked placed but left whole (their items are
  // not moved into the frame), so the caller can put back `placed` and `started` and
  // place for real.
  bool trial = false;
  // A trial that fills the module to its foot as placing does (its pictures made taller),
  // to find out whether a module of the area's grid lines comes out full (auto layout).
  bool fill = false;
};

// Places what still fits of `flow` in `slot` (a module slot, or a band of a stack slot
// given as `area`), and reports overset when this is the last part.
Frame PlaceModule(ArticleFlow& flow, const Slot& slot, const Area& area, const ModulePart& part,
                  const Paper& paper, FontSet& fonts, int page_number, LayoutReport& report,
                  const PlaceOptions& options = {});

// Grid lines the headline block of `article` takes in a module `cols` columns wide.
int HeadlineRows(const Article& article, const Slot& slot, const Paper& paper, FontSet& fonts,
                 HeadlineCache* headlines = nullptr);

// Grid lines the head of a continued part takes: the headline again (smaller) and
// （上接第N版） (`headline_style`: the style of its first part's headline).
int ContinuationRows(const Article& article, const std::string& headline_style, const Slot& slot,
                     const Paper& paper, FontSet& fonts, const std::string& from_label);

}  // namespace banmian
