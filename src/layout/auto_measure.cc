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

// Grid lines a picture block may still be made taller by cropping its sides: placing
// allows a fifth of its natural height either way (layout/module.cc, kPictureTrim).
int PictureGrowth(const BodyBlock& b) {
  if (!b.picture || !b.source || b.source->picture_rows != 0 || b.source->picture_ratio != 0)
    return 0;
  const int most = static_cast<int>(std::floor(0.2 * b.natural_image_rows + 1e-9));
  return std::max(0, b.natural_image_rows + most - b.image_rows);
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
  const int asked = source ? source->picture_columns : 0;
  bool first_block_picture = false;
  for (size_t i = 0; i < flow.blocks.size(); ++i)
    if (!flow.placed[i]) {
      first_block_picture = static_cast<int>(i) == picture;
      break;
    }
  const bool picture_left = source && (source->picture_place == PicturePlace::kTopLeft ||
                                       source->picture_place == PicturePlace::kBottomLeft);
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
      if (asked > 0)
        spans = {std::min(asked, c)};
      else {
        spans = {c};
        if (c >= 3) spans.push_back(c - 1);
        if (c >= 5) spans.push_back(c - 2);
      }
    }
    for (size_t k = 0; k < rungs.size(); ++k) {
      int head_rows = -1;
      for (int span : spans) {
        for (int above = 0; above < 2; ++above) {
          if (above && !(span == c && picture >= 0 && part.first && first_block_picture)) continue;
          Slot slot;
          slot.name = entry.article;
          slot.kind = SlotKind::kModule;
          slot.headline_style =
              rungs[k] >= 0 ? RungStyle(paper.auto_layout, rungs[k]) : flow.headline_style;
          if (slot.headline_style.empty()) slot.headline_style = "headline";
          slot.area = paper.GridArea(0, c, 0, body_rows);
          slot.geometry.col = 0, slot.geometry.cols = c, slot.geometry.rows = body_rows;
          slot.picture_columns = span;
          slot.picture_above_headline = above != 0;
          const ArticleFlow::Trial before = flow.Save();
          LayoutReport scratch;
          PlaceModule(flow, slot, slot.area, trial_part, paper, fonts, 0, scratch,
                      {&headlines, /*trial=*/true});
          const bool done = flow.Done();
          size_t left = 0;
          for (size_t i = 0; i < flow.blocks.size(); ++i)
            if (!flow.placed[i]) left += flow.blocks[i].characters;
          flow.Restore(before);
          if (scratch.slots.empty()) continue;
          const SlotRecord& rec = scratch.slots.back();
          if (!above) head_rows = rec.headline_rows;
          ModuleShape shape;
          shape.cols = c;
          shape.rung = rungs[k];
          shape.rung_steps = rungs[k] >= 0 ? static_cast<int>(k) : 0;
          shape.picture_columns = picture >= 0 ? span : 0;
          shape.picture_above_headline = above != 0;
          shape.characters_per_row = c * paper.grid.characters;
          shape.headline_rows = std::max(0, head_rows);
          shape.natural_rows = rec.rows_used;
          if (!done)  // more than the body holds: the rest at its measure, whole lines
            shape.natural_rows =
                body_rows + static_cast<int>((left + shape.characters_per_row - 1) /
                                             std::max(1, shape.characters_per_row));
          int growth = 0;
          if (picture >= 0) {
            const BodyBlock& b = flow.blocks[static_cast<size_t>(picture)];
            shape.picture_rows = b.flow.rows;
            if (span == c) growth = PictureGrowth(b);
            shape.picture_left = span == c || picture_left;
            shape.picture_right = span == c || !picture_left;
          }
          shape.max_fill_rows = shape.natural_rows + growth + 1;
          shape.rows = RowSet(body_rows + 1);
          for (int h = shape.natural_rows; h <= shape.max_fill_rows && h <= body_rows; ++h)
            shape.rows.Set(h);
          story.shapes.push_back(std::move(shape));
        }
      }
    }
  }
  return story;
}

std::vector<AutoStory> WidenForCuts(std::vector<AutoStory> stories, int body_rows) {
  for (AutoStory& s : stories)
    for (ModuleShape& shape : s.shapes)
      for (int h = std::max(1, shape.headline_rows + 3); h <= body_rows; ++h) shape.rows.Set(h);
  return stories;
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
  slot.picture_above_headline = shape.picture_above_headline;
  slot.pos = body.pos;
  return slot;
}

}  // namespace banmian
