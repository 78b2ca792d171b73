#include "load/literal_markup.h"

namespace banmian {

namespace {

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// |---|:---:|, ---|---, | :-- | --: |: cells of dashes with optional colons, and a pipe.
bool IsDelimiterRow(std::string_view s) {
  if (s.find('|') == std::string_view::npos || s.find('-') == std::string_view::npos) return false;
  if (s.front() == '|') s.remove_prefix(1);
  if (!s.empty() && s.back() == '|') s.remove_suffix(1);
  while (true) {
    size_t bar = s.find('|');
    std::string_view cell = Trim(s.substr(0, bar));
    if (!cell.empty() && cell.front() == ':') cell.remove_prefix(1);
    if (!cell.empty() && cell.back() == ':') cell.remove_suffix(1);
    if (cell.empty()) return false;
    for (char c : cell)
      if (c != '-') return false;
    if (bar == std::string_view::npos) return true;
    s.remove_prefix(bar + 1);
  }
}

// | a | b |: a row that starts and ends with a pipe.
bool IsFencedRow(std::string_view s) {
  return s.size() >= 3 && s.front() == '|' && s.back() == '|';
}

// The position of a table in the paragraph: a delimiter row under a line with a pipe in
// it (GitHub's table), or two rows in a row fenced with pipes (one without its delimiter
// row). A lone | in a sentence is neither.
std::optional<size_t> FindTable(const std::vector<std::string_view>& content) {
  for (size_t i = 1; i < content.size(); ++i) {
    if (IsDelimiterRow(content[i]) && content[i - 1].find('|') != std::string_view::npos)
      return i - 1;
    if (IsFencedRow(content[i]) && IsFencedRow(content[i - 1])) return i - 1;
  }
  return std::nullopt;
}

// ~~text~~ on one line: two tildes before a non-blank and after one, not three in a row.
void FindStrikethrough(std::string_view s, size_t line, size_t offset,
                       std::vector<LiteralMarkup>& found) {
  auto pair_at = [&](size_t p) {
    return p + 1 < s.size() && s[p] == '~' && s[p + 1] == '~' && (p == 0 || s[p - 1] != '~') &&
           (p + 2 >= s.size() || s[p + 2] != '~');
  };
  for (size_t p = 0; p + 1 < s.size(); ++p) {
    if (!pair_at(p) || p + 2 >= s.size() || IsBlank(s[p + 2]) || (p > 0 && s[p - 1] == '\\'))
      continue;
    size_t q = p + 3;
    while (q + 1 < s.size() && !(pair_at(q) && !IsBlank(s[q - 1]))) ++q;
    if (q + 1 >= s.size()) return;  // no closing pair after this one, so none after later ones
    found.push_back({line, offset + p,
                     "struck-through text (~~" + std::string(s.substr(p + 2, q - p - 2)) +
                         "~~) is not set by banmian: it would be printed with its tildes",
                     "delete the words, or remove the ~~ around them"});
    p = q + 1;
  }
}

// [^1], [^注]: a footnote mark (not after a backslash).
void FindFootnoteMarks(std::string_view s, size_t line, size_t offset,
                       std::vector<LiteralMarkup>& found) {
  for (size_t p = s.find("[^"); p != std::string_view::npos; p = s.find("[^", p + 2)) {
    if (p > 0 && s[p - 1] == '\\') continue;
    size_t close = s.find(']', p + 2);
    if (close == std::string_view::npos) return;  // none closes after this one either
    if (close == p + 2) continue;
    std::string_view label = s.substr(p + 2, close - p - 2);
    if (label.find_first_of(" \t[") != std::string_view::npos) continue;
    found.push_back({line, offset + p,
                     "a footnote ([^" + std::string(label) + "]) is not set by banmian",
                     "put the note in the text, in brackets （注：…）, or in a paragraph at the "
                     "article's end"});
  }
}

// ####小标题: hashes a heading would start with, but no space after them. A single # is
// left alone: #话题# is a hashtag.
void FindHeadingWithoutSpace(std::string_view s, size_t line, size_t offset,
                             std::vector<LiteralMarkup>& found) {
  size_t hashes = 0;
  while (hashes < s.size() && s[hashes] == '#') ++hashes;
  if (hashes < 2 || hashes > 6 || hashes == s.size() || IsBlank(s[hashes])) return;
  const std::string marks(hashes, '#');
  const std::string text(Trim(s.substr(hashes)));
  const char* what = hashes == 4 ? "a subhead" : hashes == 3 ? "a section title" : "a heading";
  found.push_back({line, offset,
                   "'" + marks + text + "' would be printed as it stands: " + what +
                       " needs a space after " + marks,
                   "write '" + marks + " " + text + "'"});
}

}  // namespace

size_t ContentStart(std::string_view line) {
  size_t i = 0;
  while (true) {
    size_t j = i;
    while (j < line.size() && j - i < 3 && line[j] == ' ') ++j;
    if (j < line.size() && line[j] == '>') {
      i = j + 1;
      if (i < line.size() && line[i] == ' ') ++i;
      continue;
    }
    return j;
  }
}

std::vector<LiteralMarkup> FindLiteralMarkup(const std::vector<std::string_view>& lines) {
  std::vector<LiteralMarkup> found;
  std::vector<std::string_view> content;
  for (std::string_view l : lines) content.push_back(Trim(l.substr(ContentStart(l))));
  if (auto t = FindTable(content)) {
    const size_t start = ContentStart(lines[*t]);
    found.push_back({*t, start,
                     "these lines look like a table but are not one: they would be printed as "
                     "their | and - characters",
                     "a table is a header row, then a delimiter row with as many cells "
                     "(|---|---|), then its rows, with a blank line before it"});
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    const size_t start = ContentStart(lines[i]);
    std::string_view rest = lines[i].substr(start);
    FindHeadingWithoutSpace(rest, i, start, found);
    FindStrikethrough(rest, i, start, found);
    FindFootnoteMarks(rest, i, start, found);
  }
  return found;
}

std::optional<std::pair<std::string, size_t>> ReferenceDefinition(std::string_view line) {
  const size_t start = ContentStart(line);
  std::string_view s = line.substr(start);
  if (s.empty() || s[0] != '[') return std::nullopt;
  size_t close = s.find(']');
  if (close == std::string_view::npos || close == 1 || close + 1 >= s.size() || s[close + 1] != ':')
    return std::nullopt;
  return std::make_pair(std::string(s.substr(1, close - 1)), start);
}

LiteralMarkup DroppedDefinition(const std::string& label, size_t line, size_t column) {
  if (label.starts_with("^"))
    return {line, column,
            "a footnote ([" + label + "]: …) is not set by banmian: the line would be dropped",
            "put the note in the text, in brackets （注：…）, or in a paragraph at the article's "
            "end"};
  return {line, column,
          "a link reference definition ([" + label +
              "]: …) is not set by banmian: the line would be dropped",
          "write the address out in the text, if the reader needs it"};
}

}  // namespace banmian
