#include "layout/page_builder.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "base/parallel.h"
#include "layout/ad_slot.h"
#include "layout/auto_layout.h"
#include "layout/auto_measure.h"
#include "layout/dash_joins.h"
#include "layout/furniture.h"
#include "layout/module.h"
#include "layout/slot_resolution.h"

namespace banmian {

namespace {

// The label after `label`: A01 → A02, 9 → 10; anything else gets the page number.
std::string NextLabel(const std::string& label, int number) {
  size_t digits = label.size();
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(label[digits - 1]))) --digits;
  if (digits == label.size()) return std::to_string(number);
  // Counted on the digits themselves, so no number is too long (A99 → A100, 009 → 010).
  std::string next = label;
  size_t i = next.size();
  while (i > digits && next[i - 1] == '9') next[--i] = '0';
  if (i > digits)
    ++next[i - 1];
  else
    next.insert(digits, 1, '1');
  return next;
}

// The characters an article's columns lose to padding: those of the padded slot it
// starts in (model/layout.h PaddingInset); its later parts are set at the same measure.
int InsetOfArticle(const Issue& issue, const std::string& id) {
  for (const PageSpec& page : issue.pages) {
    auto t = issue.paper.templates.find(page.template_name);
    if (t == issue.paper.templates.end()) continue;
    for (const SlotAssignment& a : page.slots) {
      if (a.continuation || std::find(a.articles.begin(), a.articles.end(), id) == a.articles.end())
        continue;
      const Slot* slot = t->second.FindSlot(a.slot);
      return slot ? SlotInset(*slot, issue.paper.grid).measure_loss : 0;
    }
  }
  return 0;
}

// Articles composed ahead of placing by the other threads, from the issue's last article
// back, each thread with its own font set. Placing takes each article when it needs it: one a
// thread has finished (its glyph runs moved to the placing font set's ids), one a thread is on
// (waiting for it), or one no thread has begun, which placing composes itself. So placing
// never waits for work nobody is doing, and the helpers only ever save it time.
class ComposeAhead {
 public:
  explicit ComposeAhead(const Issue& issue) : issue_(issue), slots_(issue.articles.size()) {
    for (size_t i = 0; i < issue.articles.size(); ++i) index_[issue.articles[i].id] = i;
  }

  // A helper thread's loop: the next article nobody has begun, until none is left.
  void Work(const std::function<std::unique_ptr<FontSet>()>& make_fonts) {
    std::unique_ptr<FontSet> fonts;
    for (size_t k = next_++; k < slots_.size(); k = next_++) {
      // From the last article back: placing composes from the first on, and they meet.
      const size_t i = slots_.size() - 1 - k;
      Slot& slot = slots_[i];
      int expected = kFree;
      if (!slot.state.compare_exchange_strong(expected, kBusy)) continue;  // placing took it
      // Whatever happens here, the slot ends done, so placing never waits for it in vain;
      // an article that failed is composed again by placing, which then meets the same
      // error a single thread would.
      bool failed = false;
      try {
        if (!fonts) fonts = make_fonts();
        if (!fonts) throw std::runtime_error("the fonts could not be loaded again");
        ArticleFlow flow = ComposeArticle(issue_.articles[i], issue_.paper, *fonts,
                                          InsetOfArticle(issue_, issue_.articles[i].id));
        std::vector<FontFace> faces = fonts->faces();
        std::lock_guard<std::mutex> lock(mutex_);
        slot.flow = std::move(flow);
        slot.faces = std::move(faces);
      } catch (...) {
        failed = true;
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        slot.failed = failed;
        slot.state = kDone;
      }
      done_.notify_all();
    }
  }

  // After placing: helpers take nothing more.
  void Stop() { next_ = slots_.size(); }

  // The article composed by a helper, its fonts numbered in `fonts`; nothing when no
  // helper has begun it or a helper failed on it (the caller composes it).
  std::optional<ArticleFlow> Take(const std::string& id, FontSet& fonts) {
    auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    Slot& slot = slots_[it->second];
    int expected = kFree;
    if (slot.state.compare_exchange_strong(expected, kTaken)) return std::nullopt;
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return slot.state == kDone; });
    slot.state = kTaken;
    if (slot.failed) return std::nullopt;
    for (BodyBlock& block : slot.flow.blocks)
      for (Item& item : block.items)
        if (auto* run = std::get_if<GlyphRun>(&item))
          run->font = fonts.AddFace(slot.faces[run->font]);
    return std::move(slot.flow);
  }

 private:
  enum : int { kFree, kBusy, kDone, kTaken };
  struct Slot {
    std::atomic<int> state{kFree};
    ArticleFlow flow;
    std::vector<FontFace> faces;  // the helper's font set's faces, by its ids
    bool failed = false;
  };

  const Issue& issue_;
  std::vector<Slot> slots_;
  std::map<std::string, size_t> index_;
  std::atomic<size_t> next_{0};
  std::mutex mutex_;
  std::condition_variable done_;
};

// What furniture prints of where things went: {page_of:ID} (an index box, 导读) and
// {page_count}. Each is looked up only when some text of the issue holds it, so an issue
// without them is never built twice for them.
struct PageReferences {
  bool page_of = false, page_count = false;   // some text holds {page_of: / {page_count}
  std::map<std::string, std::string> labels;  // article → its pages, from the previous pass
  int pages = 0;                              // the previous pass's page count; 0 in the first
};

// Whether a template's text item or a field of the issue holds `token`.
bool IssuePrints(const Issue& issue, const std::string& token) {
  for (const auto& [name, value] : issue.fields)
    if (value.find(token) != std::string::npos) return true;
  for (const auto& [name, tmpl] : issue.paper.templates)
    for (const Region& region : tmpl.regions)
      for (const RegionItem& item : region.items)
        if (item.kind == ItemKind::kText && item.text.find(token) != std::string::npos) return true;
  return false;
}

struct Builder {
  const Issue& issue;
  FontSet& fonts;
  LayoutReport& report;
  Diagnostics& diags;
  // Labels jump lines must name, from the previous pass: "article#part" → page label.
  const std::map<std::string, std::string>& label_hints;
  // Articles being composed ahead by other threads, if any; placing takes each from here.
  ComposeAhead* ahead;
  std::map<std::string, std::string> labels_used;  // what this pass printed
  std::map<std::string, std::string> labels_true;  // where the parts really went
  // {page_of:id} and {page_count} in furniture: whether they are printed and what the
  // previous pass found; what this pass printed (page_count_used 0: not printed) and where
  // each article really went.
  const PageReferences& refs;
  std::map<std::string, std::string> page_of_used;
  std::map<std::string, std::vector<std::string>> pages_true;
  int page_count_used = 0;

  // The issue's pages, an auto page's stories among its slot assignments (each story in a
  // slot of its own, named by StorySlotName).
  std::vector<PageSpec> given;
  std::vector<PageSpec> pages;  // the issue's pages, plus pages stacks carried on to
  std::vector<bool> automatic;
  // Per page: the template an auto page was laid out into (its template's regions and
  // slots, and a slot for each story); null for the others.
  std::vector<std::shared_ptr<const PageTemplate>> laid_out;
  std::map<std::string, ArticleFlow> flows;
  std::map<std::string, Article> banners;         // banner headlines, by their made-up article id
  std::map<std::string, int> parts_placed;        // article → parts placed so far
  std::map<std::string, std::string> last_label;  // article → page label of its last part
  std::map<std::string, std::deque<std::string>> carry;  // "template/slot" → articles to go on
  std::map<size_t, std::pair<std::string, std::string>> carry_to;  // page → (template, slot) added
  PageGrids grid;    // every page's resolved slots, for `check`
  std::string here;  // label of the page being built
  HeadlineCache headlines;
  // Articles composed in earlier builds, if kept (ComposeThreads::reuse).
  ComposedArticles* reuse = nullptr;

  const Paper& paper() const { return issue.paper; }

  std::string Label(size_t k) const {
    if (!pages[k].label.empty()) return pages[k].label;
    return std::to_string(k + 1);
  }

  ArticleFlow& Flow(const std::string& id) {
    auto it = flows.find(id);
    if (it != flows.end()) return it->second;
    if (auto b = banners.find(id); b != banners.end())
      return flows.emplace(id, ComposeArticle(b->second, paper(), fonts)).first->second;
    const Article& article = *issue.FindArticle(id);
    const int inset = InsetOfArticle(issue, id);
    if (reuse)
      if (std::optional<ArticleFlow> flow = reuse->Find(article, inset))
        return flows.emplace(id, std::move(*flow)).first->second;
    std::optional<ArticleFlow> flow;
    if (ahead) flow = ahead->Take(id, fonts);
    if (!flow) flow = ComposeArticle(article, paper(), fonts, inset);
    if (reuse) reuse->Store(article, *flow);
    return flows.emplace(id, std::move(*flow)).first->second;
  }

  // A banner slot's headline as an article without a body, under an id no article has.
  std::string BannerArticle(const SlotAssignment& a, size_t k) {
    const std::string id = "banner:" + Label(k) + ":" + a.slot;
    Article& article = banners[id];
    article.id = id;
    article.headline = a.banner;
    article.kicker = a.banner_kicker;
    article.subhead = a.banner_subhead;
    article.pos = article.headline_pos = a.pos;
    return id;
  }

  // The slot's fill and title bar, under what it holds; the area its content takes.
  Area Shade(Page& page, const Slot& slot) {
    if (!slot.fill && !(slot.headline_bar && !slot.headline_bar->text.empty())) return slot.area;
    SlotShading shading = ShadeSlot(slot, slot.area, paper(), fonts, page.number, report);
    page.frames.push_back(std::move(shading.frame));
    return SubArea(slot, shading.title_rows);
  }

  // How many parts the issue gives an article (module threads), in document order.
  int PartsOf(const std::string& id) const {
    int n = 0;
    for (const PageSpec& p : given)
      for (const SlotAssignment& a : p.slots)
        for (const std::string& x : a.articles) n += x == id;
    return n;
  }

  // The label of the page holding part `index` of a thread, as far as known now.
  std::string PartLabel(const std::string& id, int index) const {
    std::string key = id + "#" + std::to_string(index);
    if (auto it = label_hints.find(key); it != label_hints.end()) return it->second;
    int n = 0;
    for (size_t k = 0; k < pages.size(); ++k)
      for (const SlotAssignment& a : pages[k].slots)
        for (const std::string& x : a.articles)
          if (x == id && n++ == index) return Label(k);
    return "?";
  }

  // Records that a part of article `id` is set on page k.
  void OnPage(const std::string& id, size_t k) {
    std::vector<std::string>& labels = pages_true[id];
    if (labels.empty() || labels.back() != Label(k)) labels.push_back(Label(k));
  }

  // What {page_of:id} prints: the labels of the pages the article is on, joined by 、
  // (A01、A02); from the previous pass when there was one, else from the pages the issue
  // puts it on. "" for an article on no page (furniture.h reports it).
  std::string PageOf(const std::string& id) {
    std::string printed;
    if (auto it = refs.labels.find(id); it != refs.labels.end()) {
      printed = it->second;
    } else {
      std::vector<std::string> labels;
      for (size_t k = 0; k < pages.size(); ++k)
        for (const SlotAssignment& a : pages[k].slots)
          for (const std::string& x : a.articles)
            if (x == id && (labels.empty() || labels.back() != Label(k)))
              labels.push_back(Label(k));
      printed = JoinLabels(labels);
    }
    page_of_used[id] = printed;
    return printed;
  }

  // The slot's area from grid line `from_row` down, `to_foot` grid lines short of its foot.
  Area SubArea(const Slot& slot, int from_row, int to_foot = 0) const {
    const Grid& g = paper().grid;
    Area a = slot.area;
    a.row = slot.area.row + from_row;
    a.rows = std::max(0, slot.area.rows - from_row - to_foot);
    a.y = paper().area_top() + a.row * g.line_pitch;
    a.height = a.rows * g.line_pitch;
    return a;
  }

  // A slot left empty on page k: recorded, so preflight reports it.
  void EmptySlot(const Page& page, const Slot& slot, const std::string& article,
                 bool continuation) {
    SlotRecord empty;
    empty.page = page.number, empty.slot = slot.name, empty.article = article;
    empty.columns = slot.area.cols, empty.rows = slot.area.rows, empty.slot_rows = slot.area.rows;
    empty.x = slot.area.x, empty.y = slot.area.y;
    empty.width = slot.area.width, empty.height = slot.area.height;
    empty.grid_col = slot.area.col, empty.grid_row = slot.area.row;
    empty.empty = true;
    empty.optional = slot.optional;
    empty.added_page = automatic[static_cast<size_t>(page.number - 1)];
    empty.continuation = continuation;
    empty.ad = slot.kind == SlotKind::kAd;
    empty.banner = slot.kind == SlotKind::kBanner;
    if (continuation && !article.empty()) empty.ended_on = last_label[article];
    report.slots.push_back(empty);
  }

  ModulePart ThreadPart(const std::string& id, bool record) {
    ArticleFlow& flow = Flow(id);
    int index = parts_placed[id];
    ModulePart part;
    part.first = index == 0 && !flow.started;
    part.continued_from = last_label[id];
    part.here = here;
    if (index + 1 < PartsOf(id)) {
      part.continues_on = PartLabel(id, index + 1);
      if (record) labels_used[id + "#" + std::to_string(index + 1)] = part.continues_on;
    }
    return part;
  }

  void PlaceThreadPart(Page& page, size_t k, const Slot& slot, const std::string& id) {
    ArticleFlow& flow = Flow(id);
    if (flow.started && flow.Done()) {
      // Everything fitted before: the continuation slot stays empty, and no jump line
      // promised it (the part before prints （下转…） only when text goes on).
      EmptySlot(page, slot, id, true);
      return;
    }
    ModulePart part = ThreadPart(id, true);
    int index = parts_placed[id]++;
    labels_true[id + "#" + std::to_string(index)] = Label(k);
    OnPage(id, k);
    last_label[id] = Label(k);
    const Area area = Shade(page, slot);
    page.frames.push_back(PlaceModule(flow, slot, area, part, paper(), fonts, page.number, report,
                                      {&headlines, false}));
  }

  // Grid lines a module slot needs for what is left of its article, at most `room`:
  // the part is tried in a slot `room` tall and the rows it used are taken.
  int FitRows(const Slot& slot, const std::string& id, int room) {
    ArticleFlow& flow = Flow(id);
    if (flow.started && flow.Done()) return 1;
    ModulePart part = ThreadPart(id, false);
    part.continues_on.clear();  // as if it were the last part: balanced
    const ArticleFlow::Trial before = flow.Save();
    LayoutReport scratch;
    Slot trial = slot;
    trial.area = SubArea(slot, 0);
    const int title = TitleBarRows(slot, paper(), fonts);
    const Area area = SubArea(trial, title);
    PlaceModule(flow, trial, area, part, paper(), fonts, 0, scratch, {&headlines, true});
    const bool fits = flow.Done();
    flow.Restore(before);
    if (!fits || scratch.slots.empty()) return room;
    return std::min(room, title + scratch.slots.back().rows_used);
  }

  // The stack slot of template `tmpl` a stack named `slot` goes on in.
  const Slot* CarrySlot(const std::string& tmpl, const std::string& slot) const {
    const PageTemplate& t = paper().templates.at(tmpl);
    const Slot* first = nullptr;
    for (const Slot& s : t.slots) {
      if (s.kind != SlotKind::kStack) continue;
      if (s.name == slot) return &s;
      if (!first) first = &s;
    }
    return first;
  }

  // Articles stacked down a stack slot, each across its full width with its body
  // balanced. What does not fit goes on to a page added after this one when the slot
  // asks for it (add_pages: template); otherwise it is overset.
  void PlaceStack(Page& page, size_t k, const Slot& slot, const std::vector<std::string>& own) {
    const std::string key = pages[k].template_name + "/" + slot.name;
    std::deque<std::string> queue = std::move(carry[key]);
    carry.erase(key);
    for (const std::string& id : own) queue.push_back(id);
    if (queue.empty()) {
      EmptySlot(page, slot, "", false);
      return;
    }
    const Grid& g = paper().grid;
    const bool adds = !slot.add_pages.empty();
    // Under its title bar and inside its padding: whole grid lines at its top and foot.
    const int title = Shade(page, slot).row - slot.area.row;
    const int pad = SlotInset(slot, g).rows;
    const int first = title + pad;
    int row = first;
    while (!queue.empty()) {
      const std::string id = queue.front();
      ArticleFlow& flow = Flow(id);
      int start = row == first ? first : row + 1;  // a blank grid line with a rule between articles
      Area area = SubArea(slot, start, pad);
      ModulePart part;
      part.first = !flow.started;
      part.continued_from = last_label[id];
      int head = part.first ? HeadlineRows(*flow.article, slot, paper(), fonts, &headlines)
                            : ContinuationRows(*flow.article, flow.headline_style, slot, paper(),
                                               fonts, part.continued_from);
      // A headline never stands without at least two lines of its text under it.
      if (area.rows < head + 2) {
        if (row == first) {
          // Not even an empty slot holds its head: no page added would either.
          OversetRecord o = Leftover(id, page.number, slot.name);
          o.blocking = "its head takes " + std::to_string(head) +
                       " grid lines with the first two lines of text; slot '" + slot.name +
                       "' has " + std::to_string(area.rows);
          report.overset.push_back(o);
          queue.pop_front();
          continue;
        }
        break;
      }
      // Set whole when it fits; else as much as fits, to be continued.
      const ArticleFlow::Trial before = flow.Save();
      LayoutReport scratch;
      PlaceModule(flow, slot, area, part, paper(), fonts, page.number, scratch,
                  {&headlines, /*trial=*/true});
      const bool fits = flow.Done();
      size_t progress = 0;
      int tallest_left = 0;  // the tallest block the trial left over
      for (size_t i = 0; i < flow.placed.size(); ++i) {
        progress += flow.placed[i] && !before.placed[i];
        if (!flow.placed[i]) tallest_left = std::max(tallest_left, flow.blocks[i].flow.rows);
      }
      flow.Restore(before);
      if (!fits && adds && row == first && progress == 0 && !part.first) {
        // A fresh slot takes nothing of what is left: a block fits no slot at all.
        OversetRecord o = Leftover(id, page.number, slot.name);
        o.blocking = BlockingBlock(flow, slot);
        report.overset.push_back(o);
        queue.pop_front();
        continue;
      }
      // What is left holds a block no added page could take either: it is overset here
      // (naming the block) rather than carried onto pages that cannot hold it.
      bool blocked = false;
      if (!fits && adds) {
        const Slot* target = CarrySlot(slot.add_pages, slot.name);
        const int head =
            ContinuationRows(*flow.article, flow.headline_style, *target, paper(), fonts, Label(k));
        blocked = tallest_left > target->area.rows - head;
      }
      if (!fits && adds && !blocked) {
        part.continues_on = AddedLabel(k).first;
        labels_used[id + "@" + std::to_string(parts_placed[id] + 1)] = part.continues_on;
      }
      if (row > first) {
        double y = paper().area_top() + (slot.area.row + row) * g.line_pitch + g.line_pitch / 2;
        const double in = SlotInset(slot, g).side();
        Frame rule;
        rule.name = "stack-rule:" + slot.name;
        rule.items.push_back(RuleItem{slot.area.x + in, y, slot.area.x + slot.area.width - in, y,
                                      0.5, paper().FindStyle("body")->colour, "stack-rule"});
        page.frames.push_back(std::move(rule));
      }
      labels_true[id + "@" + std::to_string(parts_placed[id])] = Label(k);
      OnPage(id, k);
      ++parts_placed[id];
      last_label[id] = Label(k);
      page.frames.push_back(PlaceModule(flow, slot, area, part, paper(), fonts, page.number, report,
                                        {&headlines, false}));
      row = start + report.slots.back().rows_used;
      queue.pop_front();
      if (blocked) {
        for (auto o = report.overset.rbegin(); o != report.overset.rend(); ++o)
          if (o->article == id) {
            o->blocking = BlockingBlock(flow, *CarrySlot(slot.add_pages, slot.name));
            break;
          }
        continue;
      }
      if (!flow.Done()) {
        if (adds) {
          queue.push_front(id);  // continued on the added page
          break;
        }
        // Reported as overset by PlaceModule. When all that is left is pictures taller than
        // the whole slot, they are named as what blocks, and the articles after this one
        // still take the room under it: a picture never holds back the text after it.
        bool only_tall_pictures = true;
        for (size_t i = 0; i < flow.blocks.size(); ++i)
          if (!flow.placed[i] &&
              !(flow.blocks[i].picture && flow.blocks[i].flow.rows > slot.area.rows))
            only_tall_pictures = false;
        if (!only_tall_pictures) break;
        for (auto o = report.overset.rbegin(); o != report.overset.rend(); ++o)
          if (o->article == id) {
            o->blocking = BlockingBlock(flow, slot);
            break;
          }
      }
    }
    if (queue.empty()) return;
    if (adds) {
      carry_to[k] = {slot.add_pages, slot.name};
      const Slot* target = CarrySlot(slot.add_pages, slot.name);
      carry[slot.add_pages + "/" + target->name] = std::move(queue);
      return;
    }
    // No pages may be added: every article left is overset here.
    for (const std::string& id : queue) {
      OversetRecord o = Leftover(id, page.number, slot.name);
      report.overset.push_back(o);
    }
  }

  // What is left of an article, as an overset record in `slot` on page `page`.
  OversetRecord Leftover(const std::string& id, int page, const std::string& slot) {
    return banmian::Leftover(Flow(id), page, slot);
  }

  // The first block left of an article that an empty slot cannot take, described.
  std::string BlockingBlock(const ArticleFlow& flow, const Slot& slot) const {
    for (size_t i = 0; i < flow.blocks.size(); ++i) {
      if (flow.placed[i]) continue;
      return BlockTooTall(flow.blocks[i], slot.name, slot.area.rows);
    }
    return "";
  }

  // The label a page added after page k gets, and whether the natural one was taken.
  std::pair<std::string, bool> AddedLabel(size_t k) const {
    std::string label = Label(k);
    std::string next = NextLabel(label, static_cast<int>(k + 2));
    auto taken = [&](const std::string& l) {
      for (size_t i = 0; i < pages.size(); ++i)
        if (i != k + 1 && Label(i) == l) return true;
      for (const PageSpec& p : issue.pages)
        if (p.label == l) return true;
      return false;
    };
    if (!taken(next)) return {next, false};
    for (int n = 2;; ++n) {
      std::string made = label + "-" + std::to_string(n);
      if (!taken(made)) return {made, true};
    }
  }

  // Each banner slot of the page lies over the columns of the stories below it (`below:
  // <banner>`), every one of its columns over one of them: else a BannerRecord says how not.
  void CheckBanners(const PageTemplate& tmpl, const SlotResolver& resolver, int page_number) {
    for (const Slot& b : tmpl.slots) {
      if (b.kind != SlotKind::kBanner) continue;
      const std::optional<Area> banner = resolver.Resolved(b.name);
      if (!banner) continue;
      BannerRecord rec;
      rec.page = page_number, rec.slot = b.name, rec.area = *banner;
      std::vector<bool> covered(static_cast<size_t>(banner->cols), false);
      auto columns = [](int col, int cols) {
        return cols == 1 ? "column " + std::to_string(col + 1)
                         : "columns " + std::to_string(col + 1) + "–" + std::to_string(col + cols);
      };
      for (const Slot& s : tmpl.slots) {
        const SlotGeometry& geo = resolver.Geometry(s);
        if (std::find(geo.below.begin(), geo.below.end(), b.name) == geo.below.end()) continue;
        rec.stories.push_back(s.name);
        for (int c = geo.col; c < geo.col + geo.cols; ++c) {
          if (c >= banner->col && c < banner->col + banner->cols)
            covered[static_cast<size_t>(c - banner->col)] = true;
        }
        if (geo.col < banner->col || geo.col + geo.cols > banner->col + banner->cols)
          rec.problems.push_back("story slot '" + s.name + "' (" + columns(geo.col, geo.cols) +
                                 ") reaches past the banner (" +
                                 columns(banner->col, banner->cols) + ")");
      }
      if (rec.stories.empty()) {
        rec.problems.push_back("no story slot is below it (below: " + b.name + ")");
      } else {
        for (int c = 0; c < banner->cols; ++c)
          if (!covered[static_cast<size_t>(c)])
            rec.problems.push_back(columns(banner->col + c, 1) +
                                   " of the banner has no story below it");
      }
      if (!rec.problems.empty()) report.banners.push_back(rec);
    }
  }

  // Lays out auto page k (layout/auto_layout.h): measures its stories as they stand now
  // (a continuation: what earlier pages left of it), searches for the best layouts of its
  // body area and returns its template with a slot for each story, shaped and placed as
  // the best layout says. What the search found goes to the report.
  const PageTemplate& LayOutAutoPage(size_t k, const PageTemplate& tmpl) {
    const PageSpec& spec = pages[k];
    const BodyArea& body = *tmpl.body;
    AutoPageRecord rec;
    rec.page = static_cast<int>(k) + 1;
    rec.label = Label(k);
    rec.body_col = body.col, rec.body_row = body.row;
    rec.body_cols = body.cols, rec.body_rows = body.rows;
    rec.pos = spec.stories_pos;
    int rank = 0;
    for (const StoryEntry& e : spec.stories) {
      ArticleFlow& flow = Flow(e.article);
      ModulePart part;
      part.first = !e.continuation && !flow.started;
      part.continued_from = last_label[e.article];
      part.here = Label(k);
      // A story the issue continues on a later page: a part of it ends with （下转…）.
      if (parts_placed[e.article] + 1 < PartsOf(e.article)) part.continues_on = "?";
      // (A lock lies inside the body: the loader refuses one that does not.)
      AutoStory story = MeasureStory(flow, part, e, e.continuation ? rank + 1 : ++rank, body.cols,
                                     body.rows, paper(), fonts, headlines);
      if (e.col) story.col = *e.col - body.col;
      if (e.row) story.row = *e.row - body.row;
      if (e.rows) story.rows = *e.rows;
      if (e.cols) story.cols = *e.cols;
      rec.stories.push_back(std::move(story));
    }
    // One budget of search steps for the page, however many searches it takes.
    AutoSearchOptions options;
    const long budget = options.node_budget;
    AutoSearchResult found = SearchLayouts(body.cols, body.rows, rec.stories, options);
    long used = found.nodes;
    if (found.layouts.empty()) {
      // No layout fills the body exactly: the least cut or hole, looked for near the
      // heights the stories fill first.
      const std::vector<AutoStory> measured = rec.stories;
      for (int reach : {4, 12, body.rows}) {
        if (used >= budget) break;
        rec.stories = WidenForCuts(measured, body.rows, reach);
        rec.with_cuts = true;
        options.node_budget = budget - used;
        found = SearchLayouts(body.cols, body.rows, rec.stories, options);
        used += found.nodes;
        if (!found.layouts.empty() && found.layouts.front().breaks.empty()) break;
      }
    }
    rec.layouts = std::move(found.layouts);
    rec.nodes = used;
    rec.complete = found.complete && used < budget;
    auto laid = std::make_shared<PageTemplate>(tmpl);
    if (rec.layouts.empty()) {
      // Not even with cuts: every story is overset, none is set anywhere.
      for (const StoryEntry& e : spec.stories) {
        OversetRecord o =
            Leftover(e.article, static_cast<int>(k) + 1, StorySlotName(tmpl, e.article));
        o.blocking = "no layout of the page's " + std::to_string(spec.stories.size()) +
                     " stories fits its body area (" + std::to_string(body.cols) + " columns, " +
                     std::to_string(body.rows) + " grid lines): move a story to another page";
        report.overset.push_back(o);
      }
    }
    if (!rec.layouts.empty()) {
      for (const AutoModule& m : rec.layouts.front().modules) {
        const AutoStory& story = rec.stories[m.story];
        laid->slots.push_back(AutoSlot(StorySlotName(tmpl, story.id), m, story.shapes[m.shape],
                                       body, paper().auto_layout, paper()));
      }
    }
    report.auto_pages.push_back(std::move(rec));
    laid_out[k] = laid;
    return *laid;
  }

  Page BuildPage(size_t k) {
    const PageSpec& spec = pages[k];
    const PageTemplate& tmpl =
        !spec.stories.empty() && paper().templates.at(spec.template_name).body
            ? LayOutAutoPage(k, paper().templates.at(spec.template_name))
            : paper().templates.at(spec.template_name);
    Page page;
    page.number = static_cast<int>(k) + 1;
    page.label = Label(k);
    here = page.label;
    page.width = paper().page.width;
    page.height = paper().page.height;
    page.bleed = paper().page.bleed;
    PageSpec labelled = spec;
    labelled.label = page.label;
    auto values = PagePlaceholders(issue, labelled);
    if (refs.page_of)
      for (const Article& article : issue.articles)
        values[std::string(kPageOfPrefix) + article.id] = PageOf(article.id);
    if (refs.page_count) {
      page_count_used = refs.pages > 0 ? refs.pages : static_cast<int>(issue.pages.size());
      values["page_count"] = std::to_string(page_count_used);
    }
    for (const Region& region : tmpl.regions)
      page.frames.push_back(PlaceRegion(region, paper(), fonts, values, page.number, report, diags,
                                        &issue.field_pos));
    // Each slot after those it is below; first parts before continuations, so a thread
    // on one page runs in order.
    SlotResolver resolver(tmpl, spec, paper());
    for (const Slot* template_slot : resolver.Order(diags)) {
      const SlotAssignment* a = nullptr;
      for (const SlotAssignment& s : spec.slots)
        if (s.slot == template_slot->name) a = &s;
      Slot slot = *template_slot;
      const SlotGeometry& geo = resolver.Geometry(slot);
      const bool banner = slot.kind == SlotKind::kBanner;
      const std::string banner_id = banner && a && !a->banner.empty() ? BannerArticle(*a, k) : "";
      const bool has_article =
          (a && !a->articles.empty() && slot.kind == SlotKind::kModule) || !banner_id.empty();
      if (geo.rows_mode == RowsMode::kFit && has_article && resolver.Room(slot) > 0) {
        slot.area = resolver.Resolve(slot, resolver.Room(slot));
        int need = FitRows(slot, banner ? banner_id : a->articles.front(), resolver.Room(slot));
        slot.area = resolver.Resolve(slot, std::max(need, geo.min_rows));
      } else if (geo.rows_mode == RowsMode::kFit) {
        slot.area = resolver.Resolve(slot, has_article ? 0 : geo.min_rows);
      } else {
        slot.area = resolver.ResolveUnmeasured(slot);
      }
      grid.slots.push_back({page.number, spec.template_name, slot.name, slot.area, geo.rows_mode});
      if (slot.area.rows == 0) {
        // Nothing can be set here: say what took the room.
        const int top = resolver.Top(slot);
        const std::string why =
            "slot '" + slot.name + "' has no room on page " + Label(k) + ": " +
            (top >= paper().grid.lines
                 ? std::string("the slots above it reach the foot of the grid")
                 : "it starts on grid line " + std::to_string(top + 1) + ", where " +
                       resolver.RoomAndLimit(slot).second + " begins");
        std::vector<std::string> ids = a ? a->articles : std::vector<std::string>{};
        if (slot.kind == SlotKind::kStack) {
          // What the stack carries on comes first, in its order.
          const std::string key = spec.template_name + "/" + slot.name;
          ids.insert(ids.begin(), carry[key].begin(), carry[key].end());
          carry.erase(key);
        }
        if (ids.empty() || (a && a->continuation && Flow(ids.front()).Done())) {
          EmptySlot(page, slot, ids.empty() ? "" : ids.front(), a && a->continuation);
          continue;
        }
        for (const std::string& id : ids) {
          OversetRecord o = Leftover(id, page.number, slot.name);
          o.blocking = why;
          report.overset.push_back(o);
          if (slot.kind == SlotKind::kModule) break;
        }
        continue;
      }
      if (slot.kind == SlotKind::kAd) {
        // The issue's ad for this page, else the template's standing ad.
        const AdSpec* ad = a && a->ad ? &*a->ad : slot.standing_ad ? &*slot.standing_ad : nullptr;
        if (!ad || !ad->art)
          EmptySlot(page, slot, "", false);
        else
          page.frames.push_back(
              PlaceAd(slot, slot.area, *ad, paper(), fonts, page.number, Label(k), report, diags));
        continue;
      }
      if (slot.kind == SlotKind::kStack) {
        PlaceStack(page, k, slot, a ? a->articles : std::vector<std::string>{});
        continue;
      }
      if (banner) {
        if (banner_id.empty())
          EmptySlot(page, slot, "", false);
        else
          PlaceThreadPart(page, k, slot, banner_id);
        continue;
      }
      if (!a || a->articles.empty()) {
        EmptySlot(page, slot, "", false);
        continue;
      }
      PlaceThreadPart(page, k, slot, a->articles.front());
    }
    CheckBanners(tmpl, resolver, page.number);
    resolver.Check(page.label, diags);
    for (const Area& a : resolver.Uncovered()) grid.uncovered.push_back({page.number, a});
    return page;
  }

  Document Build() {
    given = issue.pages;
    for (PageSpec& p : given) {
      auto t = paper().templates.find(p.template_name);
      if (p.stories.empty() || t == paper().templates.end() || !t->second.body) continue;
      for (const StoryEntry& e : p.stories) {
        SlotAssignment a;
        a.slot = StorySlotName(t->second, e.article);
        a.articles = {e.article};
        a.continuation = e.continuation;
        a.pos = e.pos;
        p.slots.push_back(a);
      }
    }
    pages = given;
    automatic.assign(pages.size(), false);
    laid_out.assign(pages.size(), nullptr);
    // Labels the issue left to their page numbers are numbered afresh when pages are inserted.
    std::vector<bool> given(pages.size());
    for (size_t k = 0; k < pages.size(); ++k) given[k] = pages[k].label != std::to_string(k + 1);
    for (size_t k = 0; k < pages.size(); ++k)
      if (!given[k]) pages[k].label.clear();
    Document doc;
    for (size_t k = 0; k < pages.size(); ++k) {
      doc.pages.push_back(BuildPage(k));
      if (automatic[k]) report.inserted_pages.push_back(static_cast<int>(k) + 1);
      // A stack that ran over, in a slot that asks for it, goes on to a page added here.
      auto it = carry_to.find(k);
      if (it == carry_to.end()) continue;
      const auto [tmpl, from_slot] = it->second;
      carry_to.erase(it);
      if (pages.size() >= 1000) break;  // a safety net; a block no slot holds stops earlier
      auto [label, taken] = AddedLabel(k);
      PageSpec more;
      more.template_name = tmpl;
      more.section = pages[k].section;
      more.label = label;
      more.pos = pages[k].pos;
      pages.insert(pages.begin() + static_cast<long>(k) + 1, more);
      automatic.insert(automatic.begin() + static_cast<long>(k) + 1, true);
      laid_out.insert(laid_out.begin() + static_cast<long>(k) + 1, nullptr);
      report.added_pages.push_back(
          {static_cast<int>(k) + 2, label, tmpl, from_slot, Label(k), taken});
    }
    // Whatever is still carried found no page (the safety net): overset.
    for (auto& [key, queue] : carry)
      for (const std::string& id : queue)
        report.overset.push_back(
            Leftover(id, static_cast<int>(pages.size()), key.substr(key.find('/') + 1)));
    report.grid = std::move(grid);
    doc.title = issue.title + (issue.edition.empty() ? "" : " · " + issue.edition) +
                (issue.number.empty() ? "" : " " + issue.number) + " " + issue.date;
    doc.date = issue.date;
    doc.fonts = fonts.faces();
    return doc;
  }
};

}  // namespace

Document BuildDocument(const Issue& issue, FontSet& fonts, LayoutReport& report, Diagnostics& diags,
                       const ComposeThreads& threads) {
  std::map<std::string, std::string> hints;
  PageReferences refs;
  refs.page_of = IssuePrints(issue, std::string("{") + kPageOfPrefix);
  refs.page_count = IssuePrints(issue, "{page_count}");
  for (int pass = 0;; ++pass) {
    LayoutReport r;
    r.normalizations = report.normalizations;
    Diagnostics d;
    Document doc;
    // Helpers compose ahead only in the first pass: a second (rare) composes as it places.
    // With composed articles kept, only an edited one is composed: on this thread.
    const bool warm = threads.reuse && threads.reuse->size() > 0;
    const bool ahead = pass == 0 && threads.jobs > 1 && threads.make_fonts && !warm;
    ComposeAhead composing(issue);
    Builder b{issue, fonts, r,    d,  hints, ahead ? &composing : nullptr,
              {},    {},    refs, {}, {},    0,
              {},    {},    {},   {}, {},    {},
              {},    {},    {},   {}, {},    {},
              {}};
    b.reuse = threads.reuse;
    RunAlongside(
        ahead ? threads.jobs : 1,
        [&] {
          // Helpers stop taking articles however placing ends.
          struct StopHelpers {
            ComposeAhead& composing;
            ~StopHelpers() { composing.Stop(); }
          } stop{composing};
          doc = b.Build();
        },
        [&](int) { composing.Work(threads.make_fonts); });
    // A jump line names the page its text goes on to; pages inserted for stacks can
    // move that page, so build again with the labels the parts really got.
    bool consistent = true;
    for (auto& [key, label] : b.labels_used)
      if (b.labels_true.count(key) && b.labels_true[key] != label) consistent = false;
    std::map<std::string, std::string> page_of_true;
    for (auto& [id, printed] : b.page_of_used) {
      page_of_true[id] = JoinLabels(b.pages_true[id]);
      if (page_of_true[id] != printed) consistent = false;
    }
    if (b.page_count_used != 0 && b.page_count_used != static_cast<int>(doc.pages.size()))
      consistent = false;
    if (consistent || pass == 1) {
      // Each error once: furniture printed on every page (a field with an unknown
      // placeholder) reports the same error at the same place on each.
      Diagnostics once;
      auto add_once = [&](const Diagnostic& e) {
        const bool seen =
            std::any_of(once.items().begin(), once.items().end(), [&](const Diagnostic& x) {
              return x.code == e.code && x.pos.file == e.pos.file && x.pos.line == e.pos.line &&
                     x.pos.col == e.pos.col && x.message == e.message;
            });
        if (!seen) once.Add(e);
      };
      for (const Diagnostic& e : d.items()) add_once(e);
      for (const Diagnostic& e : r.errors) add_once(e);
      report = std::move(r);
      diags.Append(once);
      JoinDashes(doc);  // —— one unbroken stroke, on every page and in every frame
      return doc;
    }
    hints = b.labels_true;
    refs.labels = std::move(page_of_true);
    refs.pages = static_cast<int>(doc.pages.size());
  }
}

void NumberFontsByUse(Document& doc) {
  std::vector<int> new_id(doc.fonts.size(), -1);
  std::vector<FontFace> used;
  for (Page& page : doc.pages)
    for (Frame& frame : page.frames)
      for (Item& item : frame.items)
        if (auto* run = std::get_if<GlyphRun>(&item)) {
          int& id = new_id[run->font];
          if (id < 0) {
            id = static_cast<int>(used.size());
            used.push_back(doc.fonts[run->font]);
          }
          run->font = id;
        }
  doc.fonts = std::move(used);
}

}  // namespace banmian
