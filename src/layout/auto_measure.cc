#include "layout/auto_measure.h"

#include <algorithm>
#include <cmath>

namespace banmian {

std::vector<int> AllowedRungs(const AutoLayoutRules& rules, int rank, int cols) {
  if (rules.headlines.empty()) return {0};
  std::vector<int> out;
  for (size_t i = 0; i < rules.headlines.size(); ++i) {
    const HeadlineRung& r = rules.headlines[i];
    if ((r.max_rank == 0 || rank <= r.max_rank) && (r.min_cols == 0 || cols >= r.min_cols))
      out.push_back(static_cast<int>(i));
  }
  return out;
}

std::string RungStyle(const AutoLayoutRules& rules, int rung) {
  if (rung < 0 || static_cast<size_t>(rung) >= rules.headlines.size()) return "headline";
  return rules.headlines[static_cast<size_t>(rung)].style;
}

namespace {

// Grid lines a picture block may be cropped shorter than its own proportions give:
// placing allows kPictureCropShare of its natural height either way (layout/module.h).
int PictureShrink(const BodyBlock& b) {
  if (!PictureMayCrop(b)) return 0;
  return static_cast<int>(std::floor(kPictureCropShare * b.natural_image_rows + 1e-9));
}

// Grid lines it may still be made taller by cropping its sides, from its height now.
int PictureGrowth(const BodyBlock& b) {
  if (!PictureMayCrop(b)) return 0;
  return std::max(0, b.natural_image_rows + PictureShrink(b) - b.image_rows);
}

// What a trial placement of a module came to.
struct Trial {
  bool placed = false;  // the trial set anything (a slot record)
  bool done = false;    // everything left of the article fitted
  size_t left = 0;      // characters that did not
  int rows_used = 0, min_end = 0, headline_rows = 0;
};

// Places what is left of `flow` in `slot` cut to `rows` grid lines, as a trial (filled to
// its foot as placing does, with `fill`), and puts the flow back.
// Trials may crop or enlarge a picture block in place (placing keeps the shape that
// levels the columns): each measure starts from the blocks as they were.
std::vector<std::pair<size_t, BodyBlock>> SavePictures(const ArticleFlow& flow) {
  std::vector<std::pair<size_t, BodyBlock>> out;
  for (size_t i = 0; i < flow.blocks.size(); ++i)
    if (flow.blocks[i].picture && !flow.placed[i]) out.push_back({i, flow.blocks[i]});
  return out;
}

void RestorePictures(ArticleFlow& flow, const std::vector<std::pair<size_t, BodyBlock>>& saved) {
  for (const auto& [i, b] : saved) flow.blocks[i] = b;
}

struct TrialContext {
  const Paper& paper;
  FontSet& fonts;
  HeadlineCache& headlines;
  const std::vector<std::pair<size_t, BodyBlock>>& pictures;  // as composed (SavePictures)
};

Trial Try(const TrialContext& cx, ArticleFlow& flow, Slot slot, const ModulePart& part, int rows,
          bool fill) {
  Trial out;
  slot.area = cx.paper.GridArea(0, slot.geometry.cols, 0, rows);
  slot.geometry.rows = rows;
  RestorePictures(flow, cx.pictures);  // every trial from the pictures as composed
  const ArticleFlow::Trial before = flow.Save();
  LayoutReport scratch;
  PlaceOptions options;
  options.trial = true;
  options.fill = fill;
  options.headlines = &cx.headlines;
  PlaceModule(flow, slot, slot.area, part, cx.paper, cx.fonts, 0, scratch, options);
  out.done = flow.Done();
  for (size_t i = 0; i < flow.blocks.size(); ++i)
    if (!flow.placed[i]) out.left += flow.blocks[i].characters;
  flow.Restore(before);
  if (scratch.slots.empty()) return out;
  const SlotRecord& rec = scratch.slots.back();
  out.placed = true;
  out.rows_used = rec.rows_used;
  out.headline_rows = rec.headline_rows;
  out.min_end = rec.column_ends.empty()
                    ? rec.rows_used
                    : *std::min_element(rec.column_ends.begin(), rec.column_ends.end());
  return out;
}

}  // namespace

AutoStory MeasureStory(ArticleFlow& flow, const ModulePart& part, const StoryEntry& entry, int rank,
                       int body_cols, int body_rows, const Paper& paper, FontSet& fonts,
                       HeadlineCache& headlines) {
  AutoStory story;
  story.id = entry.article;
  story.continuation = entry.continuation;
  int picture = -1;
  for (size_t i = 0; i < flow.blocks.size(); ++i)
    if (!flow.placed[i] && flow.blocks[i].picture) {
      picture = static_cast<int>(i);
      break;
    }
  const Block* source = picture >= 0 ? flow.blocks[static_cast<size_t>(picture)].source : nullptr;
  // The width the Markdown asks for (-1: all the module's columns); 0: banmian chooses.
  const int asked = source && source->picture_width_given
                        ? (source->picture_columns > 0 ? source->picture_columns : -1)
                        : 0;
  // A picture may open the module above its headline when no table comes before it.
  bool picture_may_lead = picture >= 0;
  for (int i = 0; i < picture; ++i)
    if (!flow.placed[static_cast<size_t>(i)] && flow.blocks[static_cast<size_t>(i)].table)
      picture_may_lead = false;
  const bool picture_left = source && (source->picture_place == PicturePlace::kTopLeft ||
                                       source->picture_place == PicturePlace::kBottomLeft);
  const auto pictures_before = SavePictures(flow);
  const TrialContext cx{paper, fonts, headlines, pictures_before};
  ModulePart trial_part = part;
  trial_part.continues_on.clear();  // as if it were the last part: balanced
  for (int c = 1; c <= body_cols; ++c) {
    if (entry.cols && *entry.cols != c) continue;
    std::vector<int> rungs{-1};
    if (part.first) {
      rungs = AllowedRungs(paper.auto_layout, rank, c);
      if (rungs.size() > 3) rungs.resize(3);
    }
    std::vector<int> spans{0};
    if (picture >= 0) {
      if (asked != 0) {
        spans = {asked < 0 ? c : std::min(asked, c)};
      } else {
        // The four widest from across the module down that the file's pixels print at
        // the paper's warning resolution or above, no taller (at its own proportions) than
        // half the body.
        spans.clear();
        for (int span = c; span >= 1 && spans.size() < 4; --span) {
          const double width = paper.grid.column_x(span - 1) + paper.grid.column_width();
          const double ppi = source->picture_width / (width / 72.0);
          const double height = source->picture_height > 0 && source->picture_width > 0
                                    ? width * source->picture_height / source->picture_width
                                    : width;
          if (ppi < paper.press.checks.picture_ppi_warning && span > 1) continue;
          if (height > body_rows * paper.grid.line_pitch / 2 && span > 1) continue;
          spans.push_back(span);
        }
        if (spans.empty()) spans = {1};
      }
    }
    for (size_t k = 0; k < rungs.size(); ++k) {
      int head_rows = -1;
      for (int span : spans) {
        // 0: the headline across the module's top; 1: under its picture; 2: set vertically
        // down its right edge (竖排), for a paper that declares a `vertical_headline` style,
        // in its largest rung only.
        for (int variant = 0; variant < 3; ++variant) {
          const bool above = variant == 1, vertical = variant == 2;
          if (above && !(span == c && picture >= 0 && part.first && picture_may_lead)) continue;
          if (vertical && !(part.first && c >= 3 && k == 0 && paper.FindStyle("vertical_headline")))
            continue;
          Slot slot;
          slot.name = entry.article;
          slot.kind = SlotKind::kModule;
          slot.headline_style =
              rungs[k] >= 0 ? RungStyle(paper.auto_layout, rungs[k]) : flow.headline_style;
          if (slot.headline_style.empty()) slot.headline_style = "headline";
          slot.area = paper.GridArea(0, c, 0, body_rows);
          slot.geometry.col = 0, slot.geometry.cols = c, slot.geometry.rows = body_rows;
          slot.picture_columns = span;
          slot.picture_span = asked == 0 ? span : 0;
          slot.picture_above_headline = above;
          slot.vertical_headline = vertical;
          RestorePictures(flow, pictures_before);
          const Trial t = Try(cx, flow, slot, trial_part, body_rows, false);
          if (!t.placed) continue;
          if (variant == 0) head_rows = t.headline_rows;
          ModuleShape shape;
          shape.cols = c;
          shape.rung = rungs[k];
          shape.rung_steps = rungs[k] >= 0 ? static_cast<int>(k) : 0;
          shape.picture_columns = picture >= 0 ? span : 0;
          shape.picture_chosen = picture >= 0 && asked == 0;
          shape.picture_above_headline = above;
          shape.vertical_headline = vertical;
          shape.characters_per_row = c * paper.grid.characters;
          // A vertical headline stands in no grid line across: it sits level with none.
          shape.headline_rows = vertical ? 0 : std::max(0, head_rows);
          shape.natural_rows = t.rows_used;
          if (!t.done)  // more than the body holds: the rest at its measure, whole lines
            shape.natural_rows =
                body_rows + static_cast<int>((t.left + shape.characters_per_row - 1) /
                                             std::max(1, shape.characters_per_row));
          int growth = 0;
          if (picture >= 0) {
            const BodyBlock& b = flow.blocks[static_cast<size_t>(picture)];
            shape.picture_rows = b.flow.rows;
            growth = PictureGrowth(b);
            shape.picture_left = span == c || picture_left;
            shape.picture_right = span == c || !picture_left;
          }
          // The heights it fills: every column within one grid line of the foot, all set.
          shape.rows = RowSet(body_rows + 1);
          shape.fill_rows = RowSet(body_rows + 1);
          shape.max_fill_rows = shape.natural_rows;
          for (int h = shape.natural_rows;
               t.done && h <= shape.natural_rows + growth + 1 && h <= body_rows; ++h) {
            const Trial at = Try(cx, flow, slot, trial_part, h, true);
            if (!at.done || at.min_end < h - 1 || at.rows_used > h) continue;
            shape.rows.Set(h);
            shape.fill_rows.Set(h);
            shape.max_fill_rows = h;
          }
          if (!shape.fill_rows.Any()) shape.level_short = std::max(0, t.rows_used - t.min_end);
          // Shorter: its picture cropped a grid line at a time, within a fifth of its height.
          const int shrink =
              t.done && picture >= 0 ? PictureShrink(flow.blocks[static_cast<size_t>(picture)]) : 0;
          for (int trim = 1; trim <= shrink; ++trim) {
            RestorePictures(flow, pictures_before);
            Slot cropped = slot;
            cropped.picture_trim = trim;
            const Trial at = Try(cx, flow, cropped, trial_part, body_rows, false);
            const int h = at.rows_used;
            if (!at.done || h >= shape.natural_rows || at.min_end < h - 1 || shape.rows.Has(h))
              continue;
            shape.rows.Set(h);
            shape.fill_rows.Set(h);
            if (shape.picture_trim_at.size() <= static_cast<size_t>(h))
              shape.picture_trim_at.resize(static_cast<size_t>(h) + 1, 0);
            shape.picture_trim_at[static_cast<size_t>(h)] = trim;
            shape.min_fill_rows = shape.min_fill_rows == 0 ? h : std::min(shape.min_fill_rows, h);
          }
          if (!part.continues_on.empty()) {
            // A part of a story that goes on later: any height from its head and three
            // lines (the fill rows above stay as measured).
            shape.continues = true;
            for (int h = vertical ? shape.natural_rows : shape.headline_rows + 3;
                 h < shape.natural_rows && h <= body_rows; ++h)
              shape.rows.Set(h);
          }
          // The same set in a box, to part its headline from a neighbour's (a box
          // narrower than the body: one across it has no neighbour to part from).
          if (shape.rung >= 0 && c < body_cols) {
            ModuleShape boxed = shape;
            boxed.boxed = true;
            story.shapes.push_back(std::move(boxed));
          }
          story.shapes.push_back(std::move(shape));
        }
      }
    }
  }
  RestorePictures(flow, pictures_before);
  return story;
}

std::vector<AutoStory> WidenForCuts(std::vector<AutoStory> stories, int body_rows, int reach) {
  for (AutoStory& s : stories)
    for (ModuleShape& shape : s.shapes) {
      const int low = shape.min_fill_rows > 0 ? std::min(shape.min_fill_rows, shape.natural_rows)
                                              : shape.natural_rows;
      const int high = std::max(shape.natural_rows, shape.max_fill_rows);
      // A vertical headline needs the module's height: never cut below what it fills.
      const int least = shape.vertical_headline ? low : shape.headline_rows + 3;
      for (int h = std::max(least, low - reach); h <= std::min(body_rows, high + reach); ++h)
        shape.rows.Set(h);
    }
  return stories;
}

std::string StorySlotName(const PageTemplate& tmpl, const std::string& id) {
  return tmpl.FindSlot(id) ? "story-" + id : id;
}

int PictureTrimAt(const ModuleShape& shape, int rows) {
  // Cropped as the height asks; a module too short for its story (a cut) as far as may be.
  const int at = shape.min_fill_rows > 0 ? std::max(rows, shape.min_fill_rows) : rows;
  return static_cast<size_t>(at) < shape.picture_trim_at.size()
             ? shape.picture_trim_at[static_cast<size_t>(at)]
             : 0;
}

Slot AutoSlot(const std::string& name, const AutoModule& m, const ModuleShape& shape,
              const BodyArea& body, const AutoLayoutRules& rules, const Paper& paper) {
  Slot slot;
  slot.name = name;
  slot.kind = SlotKind::kModule;
  slot.geometry.col = body.col + m.col;
  slot.geometry.cols = m.cols;
  slot.geometry.row = body.row + m.row;
  slot.geometry.rows_mode = RowsMode::kFixed;
  slot.geometry.rows = m.rows;
  slot.geometry.pos = body.pos;
  slot.area = paper.GridArea(slot.geometry.col, m.cols, slot.geometry.row, m.rows);
  slot.area.pos = body.pos;
  slot.headline_style = shape.rung >= 0 ? RungStyle(rules, shape.rung) : "headline";
  slot.picture_columns = shape.picture_columns;
  slot.picture_span = shape.picture_chosen ? shape.picture_columns : 0;
  slot.picture_above_headline = shape.picture_above_headline;
  slot.boxed = shape.boxed;
  slot.vertical_headline = shape.vertical_headline;
  slot.picture_trim = PictureTrimAt(shape, m.rows);
  slot.pos = body.pos;
  return slot;
}

}  // namespace banmian
