// An article as the editor wrote it: headline parts and a body of blocks.
//
// Produced by the article loader from front matter and Markdown; normalisation
// rewrites the text in place. Text is UTF-8. Spans carry the inline style
// (plain / emphasis / strong) so the shaper can pick the right font.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace banmian {

enum class SpanStyle { kPlain, kEmphasis, kStrong };

struct Span {
  std::string text;
  SpanStyle style = SpanStyle::kPlain;
};

enum class BlockKind {
  kParagraph,     // body text, indented two characters
  kCrosshead,     // #### subhead (小标题)
  kSectionTitle,  // ### centred section title
  kPicture,       // ![caption](file "credit"){cols=N}
  kPullQuote,     // > a sentence lifted from the text, set large between rules
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::vector<Span> spans;   // paragraph, crosshead, section title; picture caption
  std::string picture_path;  // kPicture: resolved path
  int picture_width = 0, picture_height = 0;  // kPicture: pixels
  std::string credit;                         // kPicture: photo credit (the Markdown title)
  // kPicture: 1 = a column, in the flow; N = across N columns, heading the body.
  int picture_columns = 1;
  std::string picture_colour_space;  // kPicture: RGB, Grey or CMYK
  SourcePos pos;

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

  // Characters of the body (paragraphs, crossheads, titles, captions), for reports.
  size_t BodyCharacterCount() const;
};

}  // namespace banmian
