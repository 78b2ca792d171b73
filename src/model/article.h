// An article as the editor wrote it: headline parts and a body of blocks.
//
// Produced by the article loader from front matter and Markdown; normalisation
// rewrites the text in place. Text is UTF-8. Spans carry the inline style
// (plain / emphasis / strong) so the shaper can pick the right font.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/span.h"
#include "model/table.h"
#include "model/text_source.h"

namespace banmian {

// Where a picture sits in its module (clreq has no rule for this; it is how newspaper pages
// are made up on the column grid). kFlow: a one-column picture heading a column in the
// text flow. The others take a rectangle of whole columns at the top or foot of the body,
// at its left or right, or across all its columns; the text runs around it.
enum class PicturePlace { kFlow, kTopRight, kTopLeft, kBottomRight, kBottomLeft, kTop, kBottom };

enum class BlockKind {
  kParagraph,     // body text, indented two characters
  kCrosshead,     // #### subhead (小标题)
  kSectionTitle,  // ### centred section title
  kPicture,       // ![caption](file "credit"){cols=N}
  kPullQuote,     // > a sentence lifted from the text, set large between rules
  kTable,         // a GFM pipe table (model/table.h), with its caption
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::vector<Span> spans;   // paragraph, crosshead, section title; picture caption
  std::string picture_path;  // kPicture: resolved path
  int picture_width = 0, picture_height = 0;  // kPicture: pixels
  bool picture_transparency = false;          // kPicture: some pixels see through (PNG)
  std::string credit;                         // kPicture: photo credit (the Markdown title)
  // kPicture: the file's bytes, read once and checked by the loader (shared, never reread).
  std::shared_ptr<const std::string> picture_bytes;
  // kPicture: the columns it spans (0: all the module's columns) and where it sits.
  // {cols=N} alone means N columns at the top right (kFlow for one column).
  int picture_columns = 1;
  // The Markdown gives the picture's width or place ({cols=N}, {place=…}); without, an auto
  // page's layout chooses its width (Slot::picture_span).
  bool picture_width_given = false;
  PicturePlace picture_place = PicturePlace::kFlow;
  // kPicture: its height, either in grid lines (picture_rows, the image alone without
  // its caption) or as an aspect ratio width / height (picture_ratio); 0 for both: the
  // file's own proportions. A box of another shape is filled by cropping the picture
  // around its focal point (fractions of its width and height from the top left).
  int picture_rows = 0;
  double picture_ratio = 0;
  double focus_x = 0.5, focus_y = 0.5;
  std::string picture_colour_space;  // kPicture: RGB, Grey or CMYK
  Table table;                       // kTable
  SourcePos pos;
  // Where the characters of the spans, joined, stand in the article file (not the credit).
  TextSource source;

  std::string PlainText() const;
};

struct Article {
  std::string id;
  std::string file;
  std::string kicker, headline, subhead, byline, tag;
  bool normalize = true;
  std::vector<Block> blocks;
  SourcePos pos;
  SourcePos headline_pos;
  // Where the characters of the front matter's texts stand in the article file.
  TextSource kicker_source, headline_source, subhead_source, byline_source, tag_source;

  // Characters of the body (paragraphs, crossheads, titles, captions), for reports.
  size_t BodyCharacterCount() const;
};

}  // namespace banmian
