#include "load/article_loader.h"

#include <cmark.h>

#include <cstdio>
#include <memory>

#include "load/picture_info.h"
#include "load/text_file.h"
#include "load/yaml_reader.h"
#include "model/utf8.h"

namespace banmian {

namespace {

bool IsCjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF) || c == 0x201C || c == 0x201D || c == 0x2018 ||
         c == 0x2019 || c == 0x2014 || c == 0x2026;
}

char32_t LastChar(const std::string& s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return Utf8Next(s, i);
}

char32_t FirstChar(const std::string& s) {
  size_t i = 0;
  return s.empty() ? 0 : Utf8Next(s, i);
}

struct BodyParser {
  const std::string& file;
  const std::string& issue_dir;
  int line_offset;  // lines before the body in the file
  Diagnostics& diags;
  Article& article;

  const std::string& body;

  // cmark counts columns in bytes; editors count characters.
  SourcePos Pos(cmark_node* n) const {
    int line = cmark_node_get_start_line(n), byte_col = cmark_node_get_start_column(n);
    size_t start = 0;
    for (int l = 1; l < line && start != std::string::npos; ++l) {
      start = body.find('\n', start);
      if (start != std::string::npos) ++start;
    }
    int col = 1;
    if (start != std::string::npos)
      for (size_t i = start; i < body.size() && i < start + byte_col - 1 && body[i] != '\n'; ++col)
        Utf8Next(body, i);
    return {file, line + line_offset, col};
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

  void Inline(cmark_node* n, SpanStyle style, std::vector<Span>& spans) {
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT: {
          std::string t = cmark_node_get_literal(c) ? cmark_node_get_literal(c) : "";
          if (pending_break) {
            std::string before = spans.empty() ? "" : spans.back().text;
            if (!IsCjk(LastChar(before)) && !IsCjk(FirstChar(t)) && !before.empty()) t = " " + t;
            pending_break = false;
          }
          AddText(spans, t, style);
          break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          pending_break = true;
          break;
        case CMARK_NODE_EMPH:
          Inline(c, SpanStyle::kEmphasis, spans);
          break;
        case CMARK_NODE_STRONG:
          Inline(c, SpanStyle::kStrong, spans);
          break;
        case CMARK_NODE_CODE:
          diags.Error("unsupported-markdown", Pos(c), "code spans have no place in an article",
                      "remove the backticks");
          break;
        case CMARK_NODE_LINK:
          diags.Error("unsupported-markdown", Pos(c), "links have no place in a printed article",
                      "write the address out as text");
          break;
        case CMARK_NODE_IMAGE:
          diags.Error("picture-inline", Pos(c), "a picture must stand alone in its own paragraph",
                      "put a blank line before and after ![caption](file)");
          break;
        default:
          diags.Error("unsupported-markdown", Pos(c),
                      std::string("unsupported Markdown: ") + cmark_node_get_type_string(c));
      }
    }
  }

  std::vector<Span> Spans(cmark_node* n) {
    std::vector<Span> spans;
    pending_break = false;
    Inline(n, SpanStyle::kPlain, spans);
    return spans;
  }

  void Picture(cmark_node* para, cmark_node* img, int columns) {
    Block b;
    b.kind = BlockKind::kPicture;
    b.picture_columns = columns;
    b.pos = Pos(para);
    b.spans = Spans(img);
    const char* url = cmark_node_get_url(img);
    std::string rel = url ? url : "";
    if (rel.empty()) {
      diags.Error("missing-picture", b.pos, "the picture has no file",
                  "write ![caption](pictures/file.jpg)");
      return;
    }
    b.picture_path = JoinPath(issue_dir, rel);
    if (const char* title = cmark_node_get_title(img)) b.credit = title;
    if (!FileExists(b.picture_path)) {
      diags.Error("missing-picture", b.pos, "picture '" + rel + "' does not exist",
                  "pictures are found relative to the issue folder " + issue_dir);
      return;
    }
    std::string err;
    auto info = ReadPictureInfo(b.picture_path, err);
    if (!info) {
      diags.Error("bad-picture", b.pos, "picture '" + rel + "' " + err);
      return;
    }
    b.picture_width = info->width;
    b.picture_height = info->height;
    b.picture_colour_space = info->components == 4   ? "CMYK"
                             : info->components == 1 ? "Grey"
                                                     : "RGB";
    article.blocks.push_back(b);
  }

  void Document(cmark_node* doc) {
    for (cmark_node *n = cmark_node_first_child(doc), *next = nullptr; n; n = next) {
      next = cmark_node_next(n);
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH: {
          cmark_node* first = cmark_node_first_child(n);
          if (first && cmark_node_get_type(first) == CMARK_NODE_IMAGE) {
            cmark_node* after = cmark_node_next(first);
            if (!after) {
              Picture(n, first, 1);
              break;
            }
            // ![caption](file){cols=N}: attributes right after the picture.
            const char* lit = cmark_node_get_type(after) == CMARK_NODE_TEXT
                                  ? cmark_node_get_literal(after)
                                  : nullptr;
            int cols = 0;
            char tail = 0;
            if (lit && !cmark_node_next(after) &&
                std::sscanf(lit, "{cols=%d}%c", &cols, &tail) == 1) {
              if (cols < 1 || cols > 20) {
                diags.Error("bad-value", Pos(after),
                            "a picture spans 1 to 20 columns, not " + std::to_string(cols));
                break;
              }
              Picture(n, first, cols);
              break;
            }
            if (lit && lit[0] == '{' && !cmark_node_next(after)) {
              diags.Error("bad-value", Pos(after),
                          std::string("unknown picture attributes '") + lit + "'",
                          "write {cols=N} right after the picture to set it across N columns");
              break;
            }
          }
          Block b;
          b.kind = BlockKind::kParagraph;
          b.spans = Spans(n);
          b.pos = Pos(n);
          if (!b.spans.empty()) article.blocks.push_back(b);
          break;
        }
        case CMARK_NODE_HEADING: {
          int level = cmark_node_get_heading_level(n);
          if (level != 3 && level != 4) {
            diags.Error(
                "unsupported-markdown", Pos(n),
                "heading level " + std::to_string(level) + " is not used in articles",
                "the headline goes in the front matter; use #### for a subhead and ### for a "
                "centred section title");
            break;
          }
          Block b;
          b.kind = level == 4 ? BlockKind::kCrosshead : BlockKind::kSectionTitle;
          b.spans = Spans(n);
          b.pos = Pos(n);
          if (b.spans.empty()) {
            diags.Error("empty-heading", b.pos, "the heading is empty");
            break;
          }
          article.blocks.push_back(b);
          break;
        }
        case CMARK_NODE_BLOCK_QUOTE: {
          // > a pull quote: the text of its paragraphs, as one block.
          Block b;
          b.kind = BlockKind::kPullQuote;
          b.pos = Pos(n);
          for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
            if (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH) {
              diags.Error("unsupported-markdown", Pos(c),
                          "a pull quote holds plain paragraphs only");
              continue;
            }
            for (Span& sp : Spans(c)) b.spans.push_back(sp);
          }
          if (!b.spans.empty()) article.blocks.push_back(b);
          break;
        }
        case CMARK_NODE_THEMATIC_BREAK:
          diags.Error(
              "unsupported-markdown", Pos(n), "a thematic break (---) is not used in articles",
              "if this was meant to close the front matter, the front matter must start on line 1");
          break;
        default:
          diags.Error("unsupported-markdown", Pos(n),
                      std::string("unsupported Markdown: ") + cmark_node_get_type_string(n),
                      "articles hold paragraphs, #### subheads, ### section titles, > pull quotes "
                      "and pictures");
      }
    }
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

  size_t body_start = text.find('\n', end);
  std::string body = body_start == std::string::npos ? "" : text.substr(body_start + 1);
  std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(
      cmark_parse_document(body.data(), body.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
  BodyParser parser{file, issue_dir, close_line, diags, a, body};
  parser.Document(doc.get());
  bool has_text = false;
  for (const Block& b : a.blocks) has_text |= b.kind == BlockKind::kParagraph;
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
