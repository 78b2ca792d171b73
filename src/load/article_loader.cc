#include "load/article_loader.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "load/contained_path.h"
#include "load/literal_markup.h"
#include "load/picture_attributes.h"
#include "load/picture_info.h"
#include "load/relative_path.h"
#include "load/source_positions.h"
#include "load/text_check.h"
#include "load/text_file.h"
#include "load/yaml_reader.h"
#include "model/input_limits.h"
#include "model/utf8.h"

namespace banmian {

namespace {

bool IsCjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF) || c == 0x201C || c == 0x201D || c == 0x2018 ||
         c == 0x2019 || c == 0x2014 || c == 0x2026;
}

char32_t LastChar(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return Utf8Next(s, i);
}

char32_t FirstChar(std::string_view s) {
  size_t i = 0;
  return s.empty() ? 0 : Utf8Next(s, i);
}

struct BodyParser {
  const std::string& file;
  const std::string& issue_dir;
  std::string article_path;  // the file relative to the issue folder (articles/a.md)
  int line_offset;           // lines before the body in the file
  Diagnostics& diags;
  Article& article;

  const std::string& body;
  std::vector<std::string_view> lines = {};  // the body's lines, without their line ends

  void SplitLines() {
    for (size_t i = 0; i <= body.size();) {
      size_t nl = body.find('\n', i);
      if (nl == std::string::npos) nl = body.size();
      std::string_view l(body.data() + i, nl - i);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      lines.push_back(l);
      i = nl + 1;
    }
  }

  std::string_view Line(int line) const {  // 1-based, as cmark counts
    return line >= 1 && static_cast<size_t>(line) <= lines.size() ? lines[line - 1]
                                                                  : std::string_view();
  }

  // cmark counts columns in bytes; editors count characters.
  SourcePos At(int line, size_t byte_col) const {
    const std::string_view text = Line(line);
    int col = 1;
    for (size_t i = 0; i < text.size() && i < byte_col; ++col) Utf8Next(text, i);
    return {file, line + line_offset, col};
  }

  SourcePos Pos(cmark_node* n) const {
    return At(cmark_node_get_start_line(n), std::max(0, cmark_node_get_start_column(n) - 1));
  }

  // The byte of the body where a node starts (the body's end when cmark gives no position).
  size_t Offset(cmark_node* n) const {
    const int line = cmark_node_get_start_line(n);
    if (line < 1 || static_cast<size_t>(line) > lines.size()) return body.size();
    const size_t col = std::max(0, cmark_node_get_start_column(n) - 1);
    return static_cast<size_t>(lines[line - 1].data() - body.data()) +
           std::min(col, lines[line - 1].size());
  }

  void Unsupported(SourcePos pos, const std::string& message, const std::string& hint) {
    diags.Error("unsupported-markdown", pos, message, hint);
  }

  // Tables, ~~strikes~~, footnotes and hashes without their space in a paragraph's or
  // heading's source lines (cmark leaves them as text); true when there were any.
  bool LiteralMarkupIn(cmark_node* n) {
    const int first = cmark_node_get_start_line(n);
    const int last = std::max(first, cmark_node_get_end_line(n));
    std::vector<std::string_view> source;
    for (int l = first; l <= last; ++l) source.push_back(Line(l));
    std::vector<LiteralMarkup> found = FindLiteralMarkup(source);
    for (const LiteralMarkup& m : found)
      Unsupported(At(first + static_cast<int>(m.line), m.column), m.message, m.hint);
    return !found.empty();
  }

  void AddText(std::vector<Span>& spans, const std::string& text, SpanStyle style) {
    if (text.empty()) return;
    if (!spans.empty() && spans.back().style == style) {
      spans.back().text += text;
    } else {
      spans.push_back({text, style});
    }
  }

  // A soft line break inside a paragraph: nothing between Chinese characters, a space
  // between Latin words (resolved once the next text is known).
  bool pending_break = false;

  // A hard line break: a backslash at the line's end is an error (banmian does not break
  // lines where the editor asks); two spaces at its end, invisible and mostly left over
  // from pasting, are read as an ordinary line break.
  void HardBreak(cmark_node* br) {
    cmark_node* prev = cmark_node_previous(br);
    const int line = prev ? cmark_node_get_end_line(prev) : cmark_node_get_start_line(br);
    std::string_view l = Line(line);
    while (!l.empty() && l.back() == ' ') l.remove_suffix(1);
    if (l.empty() || l.back() != '\\' || l.size() != Line(line).size()) return;
    Unsupported(At(line, l.size() - 1), "a line break (\\ at a line's end) is not set by banmian",
                "banmian joins the lines of a paragraph: remove the \\, or start a new paragraph "
                "after a blank line");
  }

  // The paragraph or heading a node is part of.
  static cmark_node* BlockOf(cmark_node* n) {
    while (n && (cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE)
      n = cmark_node_parent(n);
    return n;
  }

  cmark_node* reported_block = nullptr;  // the block whose text last had an error

  // Text banmian does not set (a NUL, right-to-left text): an error at the character when
  // it stands in the source as it is, else at its block (an entity such as &#0;), once
  // per block.
  void CheckText(cmark_node* n, std::string_view text) {
    auto c = FindUnsetCharacter(text, TextKind::kText);
    cmark_node* block = BlockOf(n);
    if (!c || block == reported_block) return;
    reported_block = block;
    SourcePos pos = Pos(block);
    size_t end = c->offset;
    Utf8Next(text, end);
    const std::string_view bytes = text.substr(c->offset, end - c->offset);
    const int first = cmark_node_get_start_line(block);
    for (int l = first; l <= std::max(first, cmark_node_get_end_line(block)); ++l)
      if (size_t at = Line(l).find(bytes); at != std::string_view::npos) {
        pos = At(l, at);
        break;
      }
    const cmark_node_type type = cmark_node_get_type(block);
    diags.Error(c->kind == UnsetKind::kRightToLeft ? "right-to-left" : "control-character", pos,
                std::string(type == CMARK_NODE_HEADING     ? "the heading"
                            : type == CMARK_NODE_PARAGRAPH ? "the paragraph"
                            : std::string_view(cmark_node_get_type_string(block)) == "table_cell"
                                ? "the table cell"
                                : "the text") +
                    " holds " + DescribeUnset(*c),
                UnsetHint(*c));
  }

  // Emphasis nested deeper than kMaxInlineNesting: reported once per block.
  cmark_node* too_deep_block = nullptr;

  void Inline(cmark_node* n, SpanStyle style, std::vector<Span>& spans, int depth = 0) {
    if (depth > kMaxInlineNesting) {
      cmark_node* block = BlockOf(n);
      if (block == too_deep_block) return;
      too_deep_block = block;
      diags.Error(
          "too-deep", Pos(block),
          "emphasis is nested more than " + std::to_string(kMaxInlineNesting) + " deep (*…**…**…*)",
          "an article sets *emphasis* and **bold**, each once: remove the extra * marks");
      return;
    }
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT: {
          std::string t = cmark_node_get_literal(c) ? cmark_node_get_literal(c) : "";
          CheckText(c, t);
          const SourcePos at = Pos(c);
          if (pending_break) {
            const std::string_view before =
                spans.empty() ? std::string_view() : std::string_view(spans.back().text);
            if (!IsCjk(LastChar(before)) && !IsCjk(FirstChar(t)) && !before.empty()) {
              if (source) source->Add(at.line, at.col);  // the space for the line break
              AddText(spans, " ", style);
            }
            pending_break = false;
          }
          if (source) AlignText(t, body, Offset(c), at.line, at.col, *source);
          AddText(spans, t, style);
          break;
        }
        case CMARK_NODE_LINEBREAK:
          HardBreak(c);
          pending_break = true;
          break;
        case CMARK_NODE_SOFTBREAK:
          pending_break = true;
          break;
        case CMARK_NODE_EMPH:
          Inline(c, SpanStyle::kEmphasis, spans, depth + 1);
          break;
        case CMARK_NODE_STRONG:
          Inline(c, SpanStyle::kStrong, spans, depth + 1);
          break;
        case CMARK_NODE_CODE: {
          // cmark's position is the code's first character, after the backticks.
          const int line = cmark_node_get_start_line(c);
          size_t at = std::max(0, cmark_node_get_start_column(c) - 1);
          while (at > 0 && at <= Line(line).size() && Line(line)[at - 1] == '`') --at;
          Unsupported(At(line, at), "code (`…`) is not set by banmian", "remove the backticks");
          break;
        }
        case CMARK_NODE_LINK: {
          cmark_node* text = cmark_node_first_child(c);
          const char* lit = text ? cmark_node_get_literal(text) : nullptr;
          if (lit && lit[0] == '^') break;  // [^1]: reported as a footnote with the source lines
          const char* url = cmark_node_get_url(c);
          const bool autolink =
              lit && url &&
              (std::string(url) == lit || std::string(url) == "mailto:" + std::string(lit));
          Unsupported(Pos(c), "a link is not set by banmian: a printed page cannot be clicked",
                      autolink ? "remove the < > around the address"
                               : "write the link's words, and its address if the reader needs "
                                 "it, as plain text");
          break;
        }
        case CMARK_NODE_IMAGE:
          diags.Error("picture-inline", Pos(c), "a picture must stand alone in its own paragraph",
                      "put a blank line before and after ![caption](file)");
          break;
        case CMARK_NODE_HTML_INLINE: {
          const char* lit = cmark_node_get_literal(c);
          const bool comment = lit && std::string_view(lit).starts_with("<!--");
          Unsupported(Pos(c),
                      comment ? "an HTML comment is not set by banmian"
                              : "HTML (" + std::string(lit ? lit : "") + ") is not set by banmian",
                      comment ? "delete the comment: keep notes outside the article file"
                              : "remove the tag; write *text* for emphasis and **text** for bold");
          break;
        }
        default:
          Unsupported(Pos(c), std::string("unsupported Markdown: ") + cmark_node_get_type_string(c),
                      "");
      }
    }
  }

  // Where the characters of the spans being read stand (Spans sets it).
  TextSource* source = nullptr;

  // The text of a paragraph, heading or caption; the positions of its characters are
  // appended to `text_source`.
  std::vector<Span> Spans(cmark_node* n, TextSource& text_source) {
    std::vector<Span> spans;
    pending_break = false;
    source = &text_source;
    Inline(n, SpanStyle::kPlain, spans);
    source = nullptr;
    return spans;
  }

  // Where the picture `rel` is: relative to the Markdown file (as editors' previews find
  // it), or, as before, relative to the issue folder, with a warning saying how to write
  // it. Only files inside the issue folder are read. False after an error.
  bool ResolvePicture(const std::string& rel, const SourcePos& at, Block& b) {
    const std::string folder = FolderOf(article_path);
    const std::string from_markdown = JoinRelative(folder, rel);
    const ContainedPath inside = ResolveInside(issue_dir, from_markdown, "the issue folder");
    if (!inside.error.empty() && !inside.missing) {
      const std::string error =
          rel[0] == '/' ? "is an absolute path: a picture is named relative to the Markdown file "
                          "that shows it"
                        : inside.error;
      diags.Error("outside-issue", at, "picture '" + rel + "' " + error,
                  "copy the picture into the issue folder, e.g. into pictures/");
      return false;
    }
    if (!inside.missing && FileExists(inside.path)) {
      // The tidy name ("articles/../pictures/a.jpg" is "pictures/a.jpg") when it is the
      // same file; a link on the way can make it another.
      const std::string tidy = JoinPath(issue_dir, NormalPath(from_markdown));
      char real[PATH_MAX];
      b.picture_path = ::realpath(tidy.c_str(), real) && inside.path == real
                           ? tidy
                           : JoinPath(issue_dir, from_markdown);
      return true;
    }
    if (!folder.empty() && rel[0] != '/') {  // the old rule: relative to the issue folder
      const ContainedPath old = ResolveInside(issue_dir, rel, "the issue folder");
      if (old.error.empty() && FileExists(old.path)) {
        diags.Warning("picture-path", at,
                      "picture '" + rel + "' is found relative to the issue folder, not to " +
                          article_path + "; write '" + RelativeFrom(rel, folder) + "'",
                      "a picture is named relative to the Markdown file that shows it, as "
                      "editors' previews find it");
        b.picture_path = JoinPath(issue_dir, NormalPath(rel));
        return true;
      }
    }
    diags.Error(
        "missing-picture", at,
        "picture '" + rel + "' does not exist: there is no " +
            JoinPath(issue_dir, NormalPath(from_markdown)),
        "a picture is named relative to the Markdown file that shows it (" + article_path + ")");
    return false;
  }

  void Picture(cmark_node* para, cmark_node* img, std::optional<std::string_view> attributes,
               const SourcePos& attributes_pos) {
    Block b;
    b.kind = BlockKind::kPicture;
    b.pos = Pos(para);
    b.spans = Spans(img, b.source);
    if (attributes && !ReadPictureAttributes(*attributes, attributes_pos, b, diags)) return;
    const char* url = cmark_node_get_url(img);
    std::string rel = url ? url : "";
    if (rel.empty()) {
      diags.Error("missing-picture", b.pos, "the picture has no file",
                  "write ![caption](../pictures/file.jpg), the file named from the article");
      return;
    }
    if (const char* title = cmark_node_get_title(img)) b.credit = title;
    CheckText(img, b.credit);
    if (!ResolvePicture(rel, Pos(img), b)) return;
    std::string err;
    auto info = ReadPictureInfo(b.picture_path, err, &b.picture_bytes);
    if (!info) {
      diags.Error("bad-picture", b.pos, "picture '" + rel + "' " + err);
      return;
    }
    b.picture_width = info->width;
    b.picture_transparency = info->transparency;
    b.picture_height = info->height;
    b.picture_colour_space = info->components == 4   ? "CMYK"
                             : info->components == 1 ? "Grey"
                                                     : "RGB";
    article.blocks.push_back(b);
  }

  // A paragraph that is a picture: ![caption](file "credit") alone, or followed on its
  // line by an attribute block {…}. False when the paragraph is something else.
  bool PictureParagraph(cmark_node* para) {
    cmark_node* img = cmark_node_first_child(para);
    if (!img || cmark_node_get_type(img) != CMARK_NODE_IMAGE) return false;
    cmark_node* after = cmark_node_next(img);
    if (!after) {
      Picture(para, img, std::nullopt, {});
      return true;
    }
    // The attributes on the next line: the editor meant them for the picture.
    const bool next_line = cmark_node_get_type(after) == CMARK_NODE_SOFTBREAK;
    if (next_line && !(after = cmark_node_next(after))) return false;
    // The text after the picture, when all of it is text.
    std::string rest;
    for (cmark_node* c = after; c; c = cmark_node_next(c)) {
      if (cmark_node_get_type(c) != CMARK_NODE_TEXT) return false;
      rest += cmark_node_get_literal(c) ? cmark_node_get_literal(c) : "";
    }
    const size_t open = rest.find_first_not_of(" \t");
    if (open == std::string::npos || rest[open] != '{') return false;
    SourcePos pos = Pos(after);
    pos.col += static_cast<int>(open);  // spaces are one character each
    if (next_line) {
      diags.Error("bad-value", pos, "the picture's attributes must be on its line, right after it",
                  "write ![caption](file){cols=2} with nothing between ) and {");
      return true;
    }
    const size_t close = rest.find('}', open);
    if (close == std::string::npos) {
      diags.Error("bad-value", pos, "the picture's attributes are not closed with }",
                  "write them as {cols=2 place=top-left}");
      return true;
    }
    if (rest.find_first_not_of(" \t", close + 1) != std::string::npos) return false;
    Picture(para, img, std::string_view(rest).substr(open + 1, close - open - 1), pos);
    return true;
  }

  // A paragraph that is only a picture's attribute block, {cols=2}, away from any picture
  // (on a line of its own, after a blank line): it would be printed as it stands.
  bool StrayAttributes(cmark_node* para) {
    std::string text;
    for (cmark_node* c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
      if (cmark_node_get_type(c) != CMARK_NODE_TEXT) return false;
      text += cmark_node_get_literal(c) ? cmark_node_get_literal(c) : "";
    }
    const size_t open = text.find_first_not_of(" \t"), close = text.find_last_not_of(" \t");
    if (open == std::string::npos || text[open] != '{' || text[close] != '}' ||
        text.find('=', open) == std::string::npos || text.find('}', open) != close)
      return false;
    diags.Error("bad-value", Pos(para),
                "picture attributes " + text.substr(open, close - open + 1) +
                    " stand on their own, after no picture: they would be printed as text",
                "write them on the picture's line, right after it: ![caption](file){cols=2}");
    return true;
  }

  // The error for a block banmian does not set (inside a pull quote or not).
  void UnsupportedBlock(cmark_node* n, bool in_quote) {
    const SourcePos pos = Pos(n);
    std::string_view line = Line(cmark_node_get_start_line(n));
    line.remove_prefix(std::min(line.size(), ContentStart(line)));
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_LIST: {
        cmark_node* item = cmark_node_first_child(n);
        cmark_node* para = item ? cmark_node_first_child(item) : nullptr;
        cmark_node* text = para ? cmark_node_first_child(para) : nullptr;
        const char* lit = text ? cmark_node_get_literal(text) : nullptr;
        const std::string_view first = lit ? lit : "";
        const bool task =
            first.starts_with("[ ] ") || first.starts_with("[x] ") || first.starts_with("[X] ");
        Unsupported(
            pos,
            task ? "a task list (- [ ] …) is not set by banmian" : "a list is not set by banmian",
            "write the points as paragraphs, numbered 一、 or （1） if they need numbers: "
            "a line that starts with -, +, * or 1. and a space makes a list");
        return;
      }
      case CMARK_NODE_CODE_BLOCK:
        if (line.starts_with("```") || line.starts_with("~~~"))
          Unsupported(pos, "a code block (``` … ```) is not set by banmian",
                      "remove the fence lines and write the text as paragraphs");
        else
          Unsupported(pos,
                      "a line indented four spaces (or a tab) is a code block, which banmian "
                      "does not set",
                      "remove the indentation: banmian indents every paragraph itself");
        return;
      case CMARK_NODE_HTML_BLOCK:
        if (line.starts_with("<!--"))
          Unsupported(pos, "an HTML comment is not set by banmian",
                      "delete the comment: keep notes outside the article file");
        else
          Unsupported(pos, "HTML is not set by banmian",
                      "remove the tags; write *text* for emphasis and **text** for bold");
        return;
      case CMARK_NODE_THEMATIC_BREAK:
        Unsupported(pos, "a thematic break (---, *** or ___) is not set by banmian",
                    line.starts_with("-") && !in_quote
                        ? "remove the line; if it was meant to close the front matter, the front "
                          "matter must start on line 1"
                        : "remove the line; a ### section title separates the parts of an "
                          "article");
        return;
      case CMARK_NODE_BLOCK_QUOTE:
        Unsupported(pos, "a pull quote inside a pull quote is not set by banmian",
                    "a pull quote is a paragraph after a single >");
        return;
      case CMARK_NODE_HEADING:
        if (in_quote) {
          Unsupported(pos, "a heading inside a pull quote is not set by banmian",
                      "a pull quote holds plain paragraphs");
          return;
        }
        break;
      default:
        break;
    }
    Unsupported(pos, std::string("unsupported Markdown: ") + cmark_node_get_type_string(n),
                "articles hold paragraphs, #### subheads, ### section titles, > pull quotes "
                "and pictures");
  }

  void Heading(cmark_node* n) {
    const int level = cmark_node_get_heading_level(n);
    std::string_view line = Line(cmark_node_get_start_line(n));
    line.remove_prefix(std::min(line.size(), ContentStart(line)));
    if (!line.starts_with("#")) {  // setext: the text, then a line of === or ---
      const std::string rule = level == 1 ? "===" : "---";
      Unsupported(Pos(n), "a heading underlined with " + rule + " is not set by banmian",
                  "remove the line of " + rule +
                      " under the text; for a subhead write #### before the text");
      return;
    }
    if (level != 3 && level != 4) {
      Unsupported(Pos(n), "a " + std::string(level, '#') + " heading is not set by banmian",
                  "the headline goes in the front matter; use #### for a subhead and ### for a "
                  "centred section title");
      return;
    }
    if (LiteralMarkupIn(n)) return;
    Block b;
    b.kind = level == 4 ? BlockKind::kCrosshead : BlockKind::kSectionTitle;
    b.spans = Spans(n, b.source);
    b.pos = Pos(n);
    if (b.spans.empty()) {
      diags.Error("empty-heading", b.pos, "the heading is empty");
      return;
    }
    article.blocks.push_back(b);
  }

  // Reference definitions cmark took out of the text, by line (1-based, of the body).
  std::map<int, LiteralMarkup> dropped = {};

  // A line that starts a reference definition was dropped unless its "[label]:" is still
  // in the text somewhere (then it was read as part of a paragraph, and prints as written).
  void FindDroppedDefinitions(cmark_node* doc) {
    std::set<std::string> kept;  // every "[label]:" in the text, found in one pass
    cmark_iter* it = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      cmark_node* n = cmark_iter_get_node(it);
      const char* lit = ev == CMARK_EVENT_ENTER ? cmark_node_get_literal(n) : nullptr;
      if (!lit) continue;
      const std::string_view text(lit);
      size_t open = std::string_view::npos;
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '[' || text[i] == '\n') open = text[i] == '[' ? i : std::string_view::npos;
        if (text[i] == ']' && open != std::string_view::npos && i + 1 < text.size() &&
            text[i + 1] == ':')
          kept.emplace(text.substr(open, i + 2 - open));
      }
    }
    cmark_iter_free(it);
    for (size_t i = 0; i < lines.size(); ++i)
      if (auto def = ReferenceDefinition(lines[i]))
        if (!kept.count("[" + def->first + "]:"))
          dropped.emplace(static_cast<int>(i) + 1, DroppedDefinition(def->first, i, def->second));
  }

  // Reports the dropped definitions up to `line`, so errors come in the file's order.
  void ReportDroppedUpTo(int line) {
    while (!dropped.empty() && dropped.begin()->first <= line) {
      const LiteralMarkup& m = dropped.begin()->second;
      Unsupported(At(dropped.begin()->first, m.column), m.message, m.hint);
      dropped.erase(dropped.begin());
    }
  }

  static bool IsTable(cmark_node* n) {
    const char* type = cmark_node_get_type_string(n);
    return type && std::string_view(type) == "table";
  }

  // The text of a paragraph when all of it is text (no emphasis, no breaks); nullopt else.
  static std::optional<std::string> PlainParagraph(cmark_node* para) {
    if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return std::nullopt;
    std::string text;
    for (cmark_node* c = cmark_node_first_child(para); c; c = cmark_node_next(c)) {
      if (cmark_node_get_type(c) != CMARK_NODE_TEXT) return std::nullopt;
      text += cmark_node_get_literal(c) ? cmark_node_get_literal(c) : "";
    }
    return text;
  }

  // The byte length of a caption marker a paragraph's text opens with (表：, 表:, Table:,
  // or pandoc's ": "), and the spaces after it; 0 when it opens with none.
  static size_t CaptionMarker(std::string_view text) {
    size_t n = 0;
    for (std::string_view m : {"表：", "表:", "Table:", ": "})
      if (text.starts_with(m)) {
        n = m.size();
        break;
      }
    if (n == 0) return 0;
    while (n < text.size() && text[n] == ' ') ++n;
    return n;
  }

  // `{cols=N}` or `{cols=all}` (the columns a table spans); false after an error.
  bool TableAttributes(std::string_view inside, const SourcePos& pos, Table& table) {
    while (!inside.empty() && inside.front() == ' ') inside.remove_prefix(1);
    while (!inside.empty() && inside.back() == ' ') inside.remove_suffix(1);
    const std::string hint =
        "a table takes one attribute, the columns it spans: {cols=2} or {cols=all}";
    if (!inside.starts_with("cols=")) {
      diags.Error("bad-value", pos, "unknown table attribute '" + std::string(inside) + "'", hint);
      return false;
    }
    const std::string_view value = inside.substr(5);
    if (value == "all") {
      table.columns = 0;
      return true;
    }
    int n = 0;
    bool digits = !value.empty() && value.size() <= 2;
    for (char c : value) digits = digits && c >= '0' && c <= '9', n = n * 10 + (c - '0');
    if (!digits || n < 1 || n > 20) {
      diags.Error(
          "bad-value", pos,
          "'cols' takes a number of columns (1 to 20) or all, not '" + std::string(value) + "'",
          hint);
      return false;
    }
    table.columns = n;
    return true;
  }

  // A trailing {…} on a paragraph's text: its position in `text`, or npos.
  static size_t TrailingAttributes(std::string_view text) {
    size_t end = text.find_last_not_of(' ');
    if (end == std::string_view::npos || text[end] != '}') return std::string_view::npos;
    const size_t open = text.rfind('{', end);
    if (open == std::string_view::npos || text.find('=', open) == std::string_view::npos)
      return std::string_view::npos;
    return open;
  }

  // The cells a table row's source line holds, as GFM splits them: at every pipe not
  // escaped with a backslash (in code spans too), a leading and a trailing pipe
  // opening and closing the row.
  static int CellsTyped(std::string_view line) {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) return 0;
    int pipes = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;
        continue;
      }
      pipes += line[i] == '|';
    }
    const bool leading = line.front() == '|';
    const bool trailing = line.size() > 1 && line.back() == '|' && line[line.size() - 2] != '\\';
    return pipes + 1 - leading - trailing;
  }

  // A GFM table (cmark-gfm's table extension): its rows of cells, its columns'
  // alignments, and the caption and attributes in the paragraphs right after it. Returns
  // the node to go on with (after the paragraphs it took).
  cmark_node* TableBlock(cmark_node* n, cmark_node* next) {
    Block b;
    b.kind = BlockKind::kTable;
    b.pos = Pos(n);
    Table& t = b.table;
    const int columns = cmark_gfm_extensions_get_table_columns(n);
    const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
    for (int c = 0; c < columns; ++c)
      t.align.push_back(!align            ? CellAlign::kNone
                        : align[c] == 'l' ? CellAlign::kLeft
                        : align[c] == 'c' ? CellAlign::kCenter
                        : align[c] == 'r' ? CellAlign::kRight
                                          : CellAlign::kNone);
    for (cmark_node* r = cmark_node_first_child(n); r; r = cmark_node_next(r)) {
      TableRow row;
      row.pos = Pos(r);
      if (LiteralMarkupIn(r)) continue;
      for (cmark_node* c = cmark_node_first_child(r); c; c = cmark_node_next(c)) {
        TableCell cell;
        cell.pos = cmark_node_get_start_column(c) > 0 ? Pos(c) : row.pos;
        cell.spans = Spans(c, cell.source);
        row.cells.push_back(std::move(cell));
      }
      // GFM drops the cells past the delimiter row's count without a word; here that is
      // an error (they hold text that would not print).
      if (const int typed = CellsTyped(Line(cmark_node_get_start_line(r))); typed > columns)
        diags.Error("table-extra-cells", row.pos,
                    "this row has " + std::to_string(typed) + " cells, but the table has " +
                        std::to_string(columns) + " (its header and delimiter rows)",
                    "add the columns to the header and delimiter rows, or join the cells");
      row.cells.resize(static_cast<size_t>(columns), TableCell{{}, row.pos, {}});
      t.rows.push_back(std::move(row));
    }
    // The caption, then attributes, in the paragraphs after the table.
    for (int k = 0; k < 2 && next; ++k) {
      const std::optional<std::string> text = PlainParagraph(next);
      if (!text) break;
      const size_t marker = CaptionMarker(*text);
      const size_t attrs = TrailingAttributes(*text);
      const bool only_attrs = attrs != std::string::npos && text->find_first_not_of(' ') == attrs;
      if (marker == 0 && !only_attrs) break;
      if (marker > 0 && !t.caption.empty()) break;
      if (attrs != std::string::npos) {
        SourcePos pos = Pos(next);
        pos.col += static_cast<int>(Utf8Length(std::string_view(*text).substr(0, attrs)));
        if (t.columns >= 0 ||
            TrailingAttributes(std::string_view(*text).substr(0, attrs)) != std::string::npos) {
          diags.Error("bad-value", pos, "the table's attributes are given twice",
                      "keep one of them");
        } else if (!TableAttributes(
                       std::string_view(*text).substr(attrs + 1, text->rfind('}') - attrs - 1), pos,
                       t)) {
          t.columns = -1;
        }
      }
      if (marker > 0) {
        std::string caption =
            text->substr(marker, attrs == std::string::npos ? std::string::npos : attrs - marker);
        while (!caption.empty() && caption.back() == ' ') caption.pop_back();
        CheckText(next, caption);
        t.caption = caption;
        t.caption_pos = Pos(next);
        const size_t skip = Utf8Length(std::string_view(*text).substr(0, marker));
        t.caption_pos.col += static_cast<int>(skip);
        AlignText(caption, body, Offset(next) + marker, t.caption_pos.line, t.caption_pos.col,
                  t.caption_source);
        if (caption.empty())
          diags.Error("empty-caption", Pos(next), "the table's caption is empty",
                      "write its words after the marker, or remove the line");
      }
      ReportDroppedUpTo(cmark_node_get_start_line(next));
      next = cmark_node_next(next);
    }
    article.blocks.push_back(std::move(b));
    return next;
  }

  void Document(cmark_node* doc) {
    SplitLines();
    FindDroppedDefinitions(doc);
    for (cmark_node *n = cmark_node_first_child(doc), *next = nullptr; n; n = next) {
      next = cmark_node_next(n);
      ReportDroppedUpTo(cmark_node_get_start_line(n));
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH: {
          if (LiteralMarkupIn(n) || PictureParagraph(n) || StrayAttributes(n)) break;
          Block b;
          b.kind = BlockKind::kParagraph;
          b.spans = Spans(n, b.source);
          b.pos = Pos(n);
          if (!b.spans.empty()) article.blocks.push_back(b);
          break;
        }
        case CMARK_NODE_HEADING:
          Heading(n);
          break;
        case CMARK_NODE_BLOCK_QUOTE: {
          // > a pull quote: the text of its paragraphs, as one block.
          Block b;
          b.kind = BlockKind::kPullQuote;
          b.pos = Pos(n);
          for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
            ReportDroppedUpTo(cmark_node_get_start_line(c));
            if (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH) {
              if (IsTable(c)) {
                Unsupported(Pos(c), "a table inside a pull quote is not set by banmian",
                            "a pull quote holds plain paragraphs: put the table after it, "
                            "without the >");
                continue;
              }
              UnsupportedBlock(c, true);
              continue;
            }
            if (LiteralMarkupIn(c)) continue;
            for (Span& sp : Spans(c, b.source)) b.spans.push_back(sp);
          }
          if (!b.spans.empty()) article.blocks.push_back(b);
          break;
        }
        default:
          if (IsTable(n)) {
            next = TableBlock(n, next);
            break;
          }
          UnsupportedBlock(n, false);
      }
    }
    ReportDroppedUpTo(INT_MAX);
  }
};

}  // namespace

std::optional<Article> ParseArticle(const std::string& id, const std::string& file,
                                    const std::string& text, const std::string& issue_dir,
                                    Diagnostics& diags) {
  size_t errors_before = diags.ErrorCount();
  Article a;
  a.id = id;
  a.file = file;
  a.pos = {file, 1, 1};
  // Front matter: the file opens with a line "---" and the matter ends at the next "---".
  if (!(text.starts_with("---\n") || text.starts_with("---\r\n"))) {
    diags.Error("no-front-matter", {file, 1, 1}, "the article does not start with front matter",
                "begin the file with a line ---, then headline: …, then a line ---");
    return std::nullopt;
  }
  size_t start = text.find('\n') + 1;
  size_t end = std::string::npos;
  int line = 2, close_line = 0;
  for (size_t i = start; i < text.size();) {
    size_t nl = text.find('\n', i);
    std::string_view l(text.data() + i, (nl == std::string::npos ? text.size() : nl) - i);
    if (l == "---" || l == "---\r") {
      end = i;
      close_line = line;
      break;
    }
    if (nl == std::string::npos) break;
    i = nl + 1;
    ++line;
  }
  if (end == std::string::npos) {
    diags.Error("no-front-matter", {file, 1, 1}, "the front matter is not closed",
                "end it with a line ---");
    return std::nullopt;
  }
  YamlSource src{file, text.substr(start, end - start), 1};
  auto matter = ParseYaml(src, diags);
  if (!matter) return std::nullopt;
  MapReader r(*matter, src, "the front matter",
              {"kicker", "headline", "subhead", "byline", "tag", "normalize"}, diags);
  a.headline_pos = r.KeyPos("headline");
  if (auto v = r.String("headline", true)) a.headline = *v;
  if (auto v = r.String("kicker", false)) a.kicker = *v;
  if (auto v = r.String("subhead", false)) a.subhead = *v;
  if (auto v = r.String("byline", false)) a.byline = *v;
  if (auto v = r.String("tag", false)) a.tag = *v;
  if (auto v = r.Bool("normalize", false)) a.normalize = *v;
  // Where each character of the texts stands, from the value's first byte on.
  auto locate = [&](const char* key, const std::string& value, TextSource& out) {
    const YAML::Node node = r.Get(key);
    if (value.empty() || !node.IsDefined() || node.Mark().is_null() || node.Mark().pos < 0) return;
    const SourcePos pos = src.Pos(node);
    AlignText(value, src.text, static_cast<size_t>(node.Mark().pos), pos.line, pos.col, out);
  };
  locate("kicker", a.kicker, a.kicker_source);
  locate("headline", a.headline, a.headline_source);
  locate("subhead", a.subhead, a.subhead_source);
  locate("byline", a.byline, a.byline_source);
  locate("tag", a.tag, a.tag_source);

  size_t body_start = text.find('\n', end);
  std::string body = body_start == std::string::npos ? "" : text.substr(body_start + 1);
  // GitHub's dialect with its table extension alone (cmark-gfm; other extensions, such as
  // ~~strikethrough~~, stay off: literal_markup.h reports what they would read).
  static std::once_flag registered;
  std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);
  std::unique_ptr<cmark_parser, void (*)(cmark_parser*)> gfm(cmark_parser_new(CMARK_OPT_DEFAULT),
                                                             &cmark_parser_free);
  cmark_parser_attach_syntax_extension(gfm.get(), cmark_find_syntax_extension("table"));
  cmark_parser_feed(gfm.get(), body.data(), body.size());
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(cmark_parser_finish(gfm.get()),
                                                         &cmark_node_free);
  BodyParser parser{file, issue_dir, PathUnder(file, issue_dir), close_line, diags, a, body};
  parser.Document(doc.get());
  bool has_text = false;
  for (const Block& b : a.blocks)
    has_text |= b.kind == BlockKind::kParagraph || b.kind == BlockKind::kTable;
  if (!has_text && diags.ErrorCount() == errors_before)
    diags.Error("empty-article", {file, close_line + 1, 1},
                "the article '" + id + "' has no body text",
                "write the article's paragraphs after the front matter");
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return a;
}

std::optional<Article> LoadArticle(const std::string& id, const std::string& file,
                                   const SourcePos& referenced_from, const std::string& issue_dir,
                                   Diagnostics& diags) {
  auto text = ReadTextFile(file, referenced_from, "article file", diags);
  if (!text) return std::nullopt;
  return ParseArticle(id, file, *text, issue_dir, diags);
}

}  // namespace banmian
