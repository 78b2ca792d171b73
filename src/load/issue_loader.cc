#include "load/issue_loader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/data_dir.h"
#include "base/parallel.h"
#include "layout/furniture.h"
#include "load/article_loader.h"
#include "load/auto_layout_keys.h"
#include "load/contained_path.h"
#include "load/environment.h"
#include "load/layout_loader.h"
#include "load/qr_capacity.h"
#include "load/slot_override.h"
#include "load/supplied_art.h"
#include "load/text_file.h"
#include "load/yaml_reader.h"
#include "model/utf8.h"

namespace banmian {

std::optional<Date> ParseDate(const std::string& text) {
  // Exactly YYYY-MM-DD: digits where digits go (sscanf would take " 2021-5-1" or "+1").
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  auto number = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  Date d;
  d.year = number(0, 4), d.month = number(5, 2), d.day = number(8, 2);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1900 || d.year > 2999 || d.month < 1 || d.month > 12) return std::nullopt;
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int days = kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  if (d.day < 1 || d.day > days) return std::nullopt;
  return d;
}

int Weekday(const Date& d) {
  // Sakamoto's method.
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int y = d.year - (d.month < 3);
  return (y + y / 4 - y / 100 + y / 400 + t[d.month - 1] + d.day) % 7;
}

namespace {

// Why a page label cannot be one, or "": at most 32 characters, its number at the end (A01:
// 01) at most 9 digits, so the next label (A02, for pages a stack adds) is counted exactly.
std::string LabelProblem(const std::string& label) {
  if (Utf8Length(label) > 32)
    return "a page label has at most 32 characters, not " + std::to_string(Utf8Length(label));
  size_t digits = 0;
  while (digits < label.size() && label[label.size() - 1 - digits] >= '0' &&
         label[label.size() - 1 - digits] <= '9')
    ++digits;
  if (digits > 9)
    return "label '" + label + "' ends in a number of " + std::to_string(digits) +
           " digits; a page label's number has at most 9";
  return {};
}

// The pages' labels as they are read, so a label given twice is reported at the second.
// A page without a label is labelled with its number, which a given label may take too.
class PageLabels {
 public:
  void Add(const std::string& label, int page, const SourcePos& pos, bool given,
           Diagnostics& diags) {
    auto [it, inserted] = first_.emplace(label, First{page, pos, given});
    if (inserted) return;
    const First& f = it->second;
    const std::string first_page = "page " + std::to_string(f.page);
    const std::string at = "line " + std::to_string(f.pos.line);
    if (!given)
      diags.Error("duplicate-label", pos,
                  "page " + std::to_string(page) + " has no label, so it is labelled " + label +
                      ", which is already " + first_page + "'s label (given at " + at + ")",
                  "give page " + std::to_string(page) + " a label of its own");
    else if (!f.given)
      diags.Error("duplicate-label", pos,
                  "label '" + label + "' is already " + first_page + "'s: " + first_page + " (" +
                      at + ") has no label and is labelled with its number",
                  "give each page its own label");
    else
      diags.Error("duplicate-label", pos,
                  "label '" + label + "' is already " + first_page + "'s label, given at " + at,
                  "give each page its own label");
  }

 private:
  struct First {
    int page;
    SourcePos pos;
    bool given;
  };
  std::map<std::string, First> first_;
};

// A slot given as a mapping: its article (`article: id`), stack (`articles: [ids]`) or
// continuation (`continues: id`), and changes to its geometry for this page.
bool ReadSlotMapping(const YAML::Node& v, const YamlSource& src, const std::string& what,
                     SlotAssignment& a, Diagnostics& diags) {
  const size_t errors = diags.ErrorCount();
  MapReader c(v, src, what,
              {"article", "articles", "continues", "ad", "page", "scale", "banner", "kicker",
               "subhead", "col", "cols", "row", "rows", "below", "min_rows", "max_rows"},
              diags);
  std::vector<const char*> given;
  for (const char* key : {"article", "articles", "continues", "ad", "banner"})
    if (c.Get(key).IsDefined()) given.push_back(key);
  for (const char* key : {"page", "scale"})
    if (c.Get(key).IsDefined() && (given.empty() || given[0] != std::string("ad")))
      diags.Error("bad-value", c.KeyPos(key), what + ": '" + key + "' goes with 'ad'",
                  "an ad slot's ad is {ad: file, page: N, scale: fit}");
  for (const char* key : {"kicker", "subhead"})
    if (c.Has(key) && !c.Has("banner"))
      diags.Error("bad-value", c.KeyPos(key),
                  what + ": '" + key + "' goes with 'banner' (a banner headline's " +
                      (key[0] == 'k' ? "kicker" : "subhead") + ")",
                  "an article's kicker and subhead are in its own file");
  if (given.empty()) {
    diags.Error("missing-key", c.Pos(),
                what + " needs 'article', 'articles', 'continues', 'ad' or 'banner'",
                "write {article: id, …}, {articles: [id, id], …} for a stack, {continues: "
                "id, …}, {ad: file} for an ad slot or {banner: \"…\"} for a banner slot");
  } else if (given.size() > 1) {
    diags.Error(
        "bad-value", c.KeyPos(given[1]),
        what + " gives both '" + given[0] + "' and '" + given[1] + "'; it takes one of them");
  } else if (given[0] == std::string("articles")) {
    const YAML::Node list = c.Get("articles");
    if (list.IsSequence())
      for (size_t k = 0; k < list.size(); ++k)
        if (list[k].IsScalar()) a.articles.push_back(list[k].Scalar());
    if (!list.IsSequence() || a.articles.size() != list.size() || a.articles.empty())
      diags.Error("wrong-type", src.Pos(list), "'articles' in " + what + " lists article ids",
                  "write articles: [id, id, …]");
  } else if (given[0] == std::string("ad")) {
    if (auto file = c.String("ad", true)) {
      AdSpec ad;
      ad.file = *file;
      ad.pos = src.Pos(c.Get("ad"));
      if (auto page = c.Int("page", false, 1, 100000)) ad.page = *page;
      if (auto scale = c.Choice("scale", false, {"none", "fit"}))
        ad.scale = *scale == "fit" ? ArtFit::kContain : ArtFit::kNone;
      a.ad = ad;
    }
  } else if (given[0] == std::string("banner")) {
    if (auto v = c.String("banner", true)) a.banner = *v;
    if (auto v = c.String("kicker", false)) a.banner_kicker = *v;
    if (auto v = c.String("subhead", false)) a.banner_subhead = *v;
    if (c.Has("banner") && a.banner.empty())
      diags.Error("bad-value", c.KeyPos("banner"), what + ": the banner headline is empty",
                  "write the headline, or leave the slot out (it is then an empty-slot error "
                  "unless optional)");
  } else if (auto id = c.String(given[0], true)) {
    a.articles.push_back(*id);
    a.continuation = given[0] == std::string("continues");
  }
  ReadSlotOverride(c, what, a.override, diags);
  return diags.ErrorCount() == errors;
}

}  // namespace

std::optional<Issue> ParseIssueFile(const std::string& file, const std::string& text,
                                    Diagnostics& diags) {
  YamlSource src{file, text, 0};
  auto root = ParseYaml(src, diags);
  if (!root) return std::nullopt;
  size_t errors_before = diags.ErrorCount();
  Issue issue;
  issue.file = file;
  MapReader r(*root, src, "the issue",
              {"paper", "title", "edition", "number", "date", "qr", "fields", "pages", "articles"},
              diags);
  if (!r.ok()) return std::nullopt;
  if (auto v = r.String("paper", true)) issue.paper_id = *v;
  issue.paper_pos = src.Pos(r.Get("paper"));
  if (auto v = r.String("title", true)) issue.title = *v;
  if (auto v = r.String("edition", false)) issue.edition = *v;
  if (auto v = r.String("number", false)) issue.number = *v;
  if (auto v = r.String("qr", false)) issue.qr = *v;
  issue.qr_pos = src.Pos(r.Get("qr"));
  if (auto v = r.String("date", true)) {
    if (!ParseDate(*v))
      diags.Error("bad-date", src.Pos(r.Get("date")), "'" + *v + "' is not a date",
                  "write the date as YYYY-MM-DD, e.g. 2021-05-10");
    issue.date = *v;
  }
  if (r.Has("fields")) {
    YAML::Node f = r.Get("fields");
    if (!f.IsMap()) {
      diags.Error("wrong-type", src.Pos(f), "'fields' must map names to text");
    } else {
      for (auto it = f.begin(); it != f.end(); ++it) {
        if (!it->second.IsScalar()) {
          diags.Error("wrong-type", src.Pos(it->second),
                      "field '" + it->first.Scalar() + "' must be text");
          continue;
        }
        issue.fields[it->first.Scalar()] = it->second.Scalar();
        issue.field_pos[it->first.Scalar()] = src.Pos(it->second);
      }
    }
  }
  if (r.Has("articles")) {
    YAML::Node a = r.Get("articles");
    if (!a.IsMap()) {
      diags.Error("wrong-type", src.Pos(a), "'articles' must map article ids to files");
    } else {
      for (auto it = a.begin(); it != a.end(); ++it) {
        std::string id = it->first.Scalar();
        if (!it->second.IsScalar() || it->second.Scalar().empty()) {
          diags.Error("wrong-type", src.Pos(it->second), "article '" + id + "' must name a file");
          continue;
        }
        issue.article_files[id] = it->second.Scalar();
        issue.article_pos[id] = src.Pos(it->second);
      }
    }
  } else {
    r.ReportMissing("articles");
  }
  YAML::Node pages = r.Get("pages");
  if (!pages.IsDefined() || pages.IsNull()) {
    r.ReportMissing("pages");
  } else if (!pages.IsSequence() || pages.size() == 0) {
    diags.Error("wrong-type", src.Pos(pages), "'pages' must be a list of pages",
                "write each page as - template: …");
  } else {
    PageLabels labels;
    for (size_t i = 0; i < pages.size(); ++i) {
      PageSpec page;
      std::string what = "page " + std::to_string(i + 1);
      MapReader pr(pages[i], src, what, {"template", "label", "section", "slots", "stories"},
                   diags);
      page.pos = pr.Pos();
      if (!pr.ok()) continue;
      if (auto v = pr.String("template", true)) page.template_name = *v;
      if (auto v = pr.String("label", false)) {
        page.label = *v;
        if (v->empty())
          diags.Error("bad-value", src.Pos(pr.Get("label")),
                      what + ": a page label cannot be empty",
                      "leave 'label' out to label the page with its number");
        else if (std::string why = LabelProblem(*v); !why.empty())
          diags.Error("bad-value", src.Pos(pr.Get("label")), what + ": " + why,
                      "a label is short, such as A01 or 3");
        else
          labels.Add(*v, static_cast<int>(i) + 1, pr.KeyPos("label"), true, diags);
      } else {
        page.label = std::to_string(i + 1);
        labels.Add(page.label, static_cast<int>(i) + 1, page.pos, false, diags);
      }
      if (auto v = pr.String("section", false)) page.section = *v;
      YAML::Node slots = pr.Get("slots");
      if (slots.IsDefined() && !slots.IsMap()) {
        diags.Error("wrong-type", src.Pos(slots),
                    what + ": 'slots' must map slot names to article ids");
      } else if (slots.IsDefined()) {
        for (auto it = slots.begin(); it != slots.end(); ++it) {
          SlotAssignment a;
          a.slot = it->first.Scalar();
          a.pos = src.Pos(it->first);
          const YAML::Node v = it->second;
          if (v.IsScalar()) {
            a.articles.push_back(v.Scalar());
          } else if (v.IsSequence()) {
            for (size_t k = 0; k < v.size(); ++k)
              if (v[k].IsScalar()) a.articles.push_back(v[k].Scalar());
            if (a.articles.size() != v.size() || a.articles.empty()) {
              diags.Error("wrong-type", src.Pos(v),
                          what + ": slot '" + a.slot + "' lists article ids",
                          "write [id, id, …] for a stack slot");
              continue;
            }
          } else if (v.IsMap()) {
            if (!ReadSlotMapping(v, src, what + " slot '" + a.slot + "'", a, diags)) continue;
          } else {
            diags.Error("wrong-type", src.Pos(v),
                        what + ": slot '" + a.slot + "' holds one article id",
                        "a slot holds one article; a stack slot a list [id, id, …]; a continuation "
                        "{continues: id}; with a change to the slot {article: id, rows: fit}");
            continue;
          }
          page.slots.push_back(a);
        }
      }
      if (pr.Has("stories")) ReadStories(pr.Get("stories"), src, what, page, diags);
      issue.pages.push_back(page);
    }
  }
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return issue;
}

namespace {
// Every QR code the pages print holds its text (placeholders filled in), else an error: at
// the issue's qr line when the text is the issue's {qr}, else at the template's item.
void CheckQrTexts(const Issue& issue, Diagnostics& diags) {
  std::map<std::string, bool> fits;  // each text asked once, whatever the number of pages
  std::set<std::string> reported;
  for (const PageSpec& page : issue.pages) {
    auto t = issue.paper.templates.find(page.template_name);
    if (t == issue.paper.templates.end()) continue;
    std::map<std::string, std::string> values;  // filled for the first QR item of the page
    for (const Region& region : t->second.regions)
      for (const RegionItem& item : region.items) {
        if (item.kind != ItemKind::kQr) continue;
        if (values.empty()) values = PagePlaceholders(issue, page);
        Diagnostics ignored;  // unknown placeholders are reported when the page is made
        const std::string data = ExpandPlaceholders(item.text, values, item.pos, ignored);
        if (data.empty()) continue;  // no code: an issue without a qr
        auto [it, inserted] = fits.emplace(data, false);
        if (inserted) it->second = FitsQrCode(data);
        if (it->second || !reported.insert(data).second) continue;
        const bool from_issue = item.text.find("{qr}") != std::string::npos && !issue.qr.empty();
        diags.Error("qr-too-long", from_issue ? issue.qr_pos : item.pos,
                    "the QR code's text is " + std::to_string(data.size()) +
                        " bytes, more than a QR code holds (" + std::to_string(kQrCapacityBytes) +
                        " bytes): the code would be left off the page",
                    "shorten it: a QR code holds a web address, not a text");
      }
  }
}
}  // namespace

void ValidateIssue(const Issue& issue, Diagnostics& diags) {
  const std::vector<std::string> template_names = KeysOf(issue.paper.templates);
  const std::vector<std::string> article_ids = KeysOf(issue.article_files);
  std::map<std::string, SourcePos> placed;
  std::map<std::string, size_t> placed_page;   // the page (0-based) each article starts on
  std::map<std::string, std::string> stacked;  // articles that start in a stack slot → the slot
  for (size_t page_index = 0; page_index < issue.pages.size(); ++page_index) {
    const PageSpec& page = issue.pages[page_index];
    auto t = issue.paper.templates.find(page.template_name);
    if (t == issue.paper.templates.end()) {
      std::string hint = SuggestOrList(page.template_name, template_names,
                                       "templates of paper '" + issue.paper_id + "':");
      diags.Error("unknown-template", page.pos,
                  "paper '" + issue.paper_id + "' has no template '" + page.template_name + "'",
                  hint);
      continue;
    }
    std::set<std::string> used;
    for (const SlotAssignment& s : page.slots) {
      const Slot* slot = t->second.FindSlot(s.slot);
      if (!slot) {
        std::vector<std::string> names;
        for (const Slot& sl : t->second.slots) names.push_back(sl.name);
        std::string hint =
            SuggestOrList(s.slot, names, "slots of template '" + page.template_name + "':");
        diags.Error("unknown-slot", s.pos,
                    "template '" + page.template_name + "' has no slot '" + s.slot + "'", hint);
      } else if (slot->kind == SlotKind::kModule && s.articles.size() > 1) {
        diags.Error(
            "slot-twice", s.pos,
            "slot '" + s.slot + "' is given " + std::to_string(s.articles.size()) + " articles",
            "a module slot holds one article; make it a stack slot (kind: stack) to hold several");
      } else if (const char* given = s.ad                ? "an ad"
                                     : !s.banner.empty() ? "a banner headline"
                                                         : "an article";
                 (slot->kind == SlotKind::kAd) != bool(s.ad) ||
                 (slot->kind == SlotKind::kBanner) != !s.banner.empty()) {
        // What the slot takes and what it was given differ: an ad slot takes an ad, a
        // banner slot a banner headline, any other slot articles.
        const SourcePos at = s.ad ? s.ad->pos : s.pos;
        if (slot->kind == SlotKind::kAd)
          diags.Error("bad-value", at,
                      "slot '" + s.slot + "' is an ad slot: it takes an ad, not " + given,
                      "write " + s.slot + ": {ad: ads/file.pdf}");
        else if (slot->kind == SlotKind::kBanner)
          diags.Error("bad-value", at,
                      "slot '" + s.slot + "' is a banner slot: it takes a headline, not " + given,
                      "write " + s.slot + ": {banner: \"…\", subhead: \"…\"}");
        else if (s.ad)
          diags.Error("bad-value", at,
                      "slot '" + s.slot + "' is not an ad slot: it takes an article, not an ad",
                      "an ad goes in a slot of kind: ad");
        else
          diags.Error("bad-value", at,
                      "slot '" + s.slot + "' is not a banner slot (kind: banner): it takes an " +
                          "article, not a banner headline",
                      "give the banner a slot of kind: banner over its stories");
      } else if (slot->kind == SlotKind::kStack && s.continuation) {
        diags.Error("bad-continuation", s.pos,
                    "slot '" + s.slot + "' is a stack slot and cannot continue an article",
                    "stacks carry their own articles on to the next page by themselves");
      }
      if (slot)
        CheckSlotOverride(s.override, *slot, t->second, issue.paper,
                          "page " + std::to_string(page_index + 1) + " slot '" + s.slot + "'",
                          diags);
      if (!used.insert(s.slot).second)
        diags.Error("slot-twice", s.pos, "slot '" + s.slot + "' is given two articles",
                    "a slot holds exactly one article");
      for (const std::string& id : s.articles) {
        if (!issue.article_files.count(id)) {
          diags.Error("unknown-article", s.pos,
                      "article '" + id + "' is not listed under 'articles'",
                      DidYouMean(id, article_ids));
        } else if (s.continuation) {
          if (!placed.count(id))
            diags.Error("bad-continuation", s.pos,
                        "article '" + id + "' continues here before it starts anywhere",
                        "place the article's start in an earlier slot or page");
          else if (stacked.count(id))
            diags.Error("bad-continuation", s.pos,
                        "article '" + id + "' starts in stack slot '" + stacked[id] +
                            "', whose articles cannot be continued in another slot",
                        "give it a module slot of its own to continue it, or let the stack "
                        "carry it on (add_pages on the stack slot)");
        } else if (auto prev = placed.find(id); prev != placed.end()) {
          diags.Error("placed-twice", s.pos, "article '" + id + "' is placed twice",
                      "it is already placed at line " + std::to_string(prev->second.line) +
                          "; to continue it in another slot write {continues: " + id + "}");
        } else {
          placed[id] = s.pos;
          placed_page[id] = page_index;
          if (slot && slot->kind == SlotKind::kStack) stacked[id] = s.slot;
        }
      }
    }
    // An auto page: its stories go in the template's body area.
    const std::optional<BodyArea>& body = t->second.body;
    const std::string page_what = "page " + std::to_string(page_index + 1);
    if (!page.stories.empty() && !body)
      diags.Error("no-body-area", page.stories_pos,
                  page_what + " lists stories, but its template '" + page.template_name +
                      "' has no body area to lay them out in",
                  "add a body area to the template (body: {col: 1, cols: N, row: N, rows: rest}) "
                  "or use slots:");
    else if (page.stories.empty() && body)
      diags.Error("empty-body", page.pos,
                  page_what + " lists no stories, but its template '" + page.template_name +
                      "' has a body area: the body would print empty",
                  "list the page's stories under stories:, the lead first");
    for (size_t k = 0; k < page.stories.size(); ++k) {
      const StoryEntry& e = page.stories[k];
      const std::string& id = e.article;
      if (!issue.article_files.count(id)) {
        diags.Error("unknown-article", e.pos, "article '" + id + "' is not listed under 'articles'",
                    DidYouMean(id, article_ids));
      } else if (e.continuation) {
        auto start = placed_page.find(id);
        if (start == placed_page.end())
          diags.Error("bad-continuation", e.pos,
                      "article '" + id + "' continues here before it starts anywhere",
                      "place the article's start on an earlier page");
        else if (start->second == page_index)
          diags.Error("bad-continuation", e.pos,
                      "article '" + id +
                          "' starts on this page, and a story continues an "
                          "article from an earlier page",
                      "list it once on this page");
        else if (stacked.count(id))
          diags.Error("bad-continuation", e.pos,
                      "article '" + id + "' starts in stack slot '" + stacked[id] +
                          "', whose articles cannot be continued in another slot",
                      "let the stack carry it on (add_pages on the stack slot)");
      } else if (auto prev = placed.find(id); prev != placed.end()) {
        diags.Error("placed-twice", e.pos, "article '" + id + "' is placed twice",
                    "it is already placed at line " + std::to_string(prev->second.line) +
                        "; to continue it on this page write {continues: " + id + "}");
      } else {
        placed[id] = e.pos;
        placed_page[id] = page_index;
      }
      if (body) CheckStoryLock(e, *body, page_what + " story " + std::to_string(k + 1), diags);
    }
  }
  CheckQrTexts(issue, diags);
  for (auto& [id, pos] : issue.article_pos)
    if (!placed.count(id))
      diags.Error("article-not-placed", pos, "article '" + id + "' is not placed on any page",
                  "give it a slot or a story under pages, or remove it from articles");
}

namespace {
bool IsDir(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// `path` relative to the working folder ("../../layouts/x"), so messages name files as
// the user reaches them and do not depend on where the checkout lives.
std::string RelativeToCwd(const std::string& path) {
  char cwd_buf[PATH_MAX];
  if (!getcwd(cwd_buf, sizeof cwd_buf) || path.empty() || path[0] != '/') return path;
  auto split = [](const std::string& p) {
    std::vector<std::string> parts;
    size_t i = 0;
    while (i < p.size()) {
      size_t j = p.find('/', i);
      if (j == std::string::npos) j = p.size();
      if (j > i) parts.push_back(p.substr(i, j - i));
      i = j + 1;
    }
    return parts;
  };
  auto from = split(cwd_buf), to = split(path);
  size_t common = 0;
  while (common < from.size() && common < to.size() && from[common] == to[common]) ++common;
  std::string out;
  for (size_t i = common; i < from.size(); ++i) out += "../";
  for (size_t i = common; i < to.size(); ++i) out += to[i] + (i + 1 < to.size() ? "/" : "");
  return out.empty() ? "." : out;
}

// The folder of `paper_id`: --layouts if given, else the first layouts/<paper> found
// walking up from the issue folder, else the data folder's layouts/ (base/data_dir.h: an
// installed banmian's share folder, or the source tree). When the paper is nowhere, the
// nearest layouts/ folder is named, so the error lists its papers.
std::string FindPaperDir(const std::string& issue_dir, const std::string& paper_id,
                         const LoadOptions& options) {
  if (!options.layouts_dir.empty()) return JoinPath(options.layouts_dir, paper_id);
  std::string nearest_layouts;
  char buf[PATH_MAX];
  if (realpath(issue_dir.c_str(), buf)) {
    std::string dir = buf;
    while (!dir.empty()) {
      std::string layouts = dir + "/layouts";
      if (IsDir(layouts + "/" + paper_id)) return RelativeToCwd(layouts + "/" + paper_id);
      if (nearest_layouts.empty() && IsDir(layouts)) nearest_layouts = layouts;
      size_t slash = dir.find_last_of('/');
      if (slash == std::string::npos || slash == 0) break;
      dir = dir.substr(0, slash);
    }
  }
  std::string fallback = JoinPath(DataDir(), "layouts");
  if (IsDir(fallback + "/" + paper_id)) return RelativeToCwd(fallback + "/" + paper_id);
  return RelativeToCwd((nearest_layouts.empty() ? fallback : nearest_layouts) + "/" + paper_id);
}
}  // namespace

std::optional<Issue> LoadIssue(const std::string& issue_dir, const LoadOptions& options,
                               Diagnostics& diags) {
  CheckEnvironment(diags);
  std::string dir = issue_dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  if (!IsDir(dir)) {
    diags.Error("no-issue", {dir, 0, 0}, "'" + dir + "' is not an issue folder");
    return std::nullopt;
  }
  std::string file = JoinPath(dir, "issue.yaml");
  auto text = ReadTextFile(file, {dir, 0, 0}, "issue file", diags);
  if (!text) return std::nullopt;
  auto issue = ParseIssueFile(file, *text, diags);
  if (!issue) return std::nullopt;
  issue->dir = dir;

  // The paper (needed to check the pages) and the articles are independent files: read
  // and parsed in parallel, reported in this order whatever finishes first.
  std::vector<std::pair<std::string, std::string>> files(issue->article_files.begin(),
                                                         issue->article_files.end());
  bool paper_loaded = false;
  Diagnostics paper_diags;
  std::vector<std::optional<Article>> articles(files.size());
  std::vector<Diagnostics> article_diags(files.size());
  ParallelFor(files.size() + 1, options.jobs, [&](size_t task, int) {
    if (task == 0) {
      auto paper = LoadPaper(FindPaperDir(dir, issue->paper_id, options), issue->paper_id,
                             issue->paper_pos, paper_diags);
      if (!paper) return;
      issue->paper = std::move(*paper);  // the article tasks read other members only
      paper_loaded = true;
      ValidateIssue(*issue, paper_diags);
      return;
    }
    const auto& [id, rel] = files[task - 1];
    auto pos = issue->article_pos.find(id);
    const SourcePos at = pos != issue->article_pos.end() ? pos->second : SourcePos{file, 0, 0};
    // Only files inside the issue folder are read; a missing one is reported as it is read.
    const ContainedPath inside = ResolveInside(dir, rel, "the issue folder");
    if (!inside.error.empty() && !inside.missing) {
      article_diags[task - 1].Error(
          "outside-issue", at, "article file '" + rel + "' " + inside.error,
          "keep the issue's articles in its folder, e.g. articles/" + id + ".md");
      return;
    }
    articles[task - 1] = LoadArticle(id, JoinPath(dir, rel), at, dir, article_diags[task - 1]);
    if (articles[task - 1] && options.prepare_article) options.prepare_article(*articles[task - 1]);
  });
  diags.Append(paper_diags);
  for (size_t i = 0; i < files.size(); ++i) {
    diags.Append(article_diags[i]);
    if (articles[i]) issue->articles.push_back(std::move(*articles[i]));
  }
  if (!paper_loaded || diags.HasErrors()) return std::nullopt;
  // The pages' ads: files in the issue folder, read once.
  ArtRequest request{dir, "the issue folder", "outside-issue", "ad", 1, 0, 0};
  for (PageSpec& page : issue->pages)
    for (SlotAssignment& a : page.slots) {
      if (!a.ad) continue;
      request.page = a.ad->page;
      a.ad->art = LoadSuppliedArt(request, a.ad->file, a.ad->pos, diags);
    }
  if (diags.HasErrors()) return std::nullopt;
  return issue;
}

}  // namespace banmian
