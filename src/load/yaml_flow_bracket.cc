#include "load/yaml_flow_bracket.h"

#include <vector>

namespace banmian {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t';
}

// Where values may start on a block line whose content starts at `content` (the content
// itself, after each leading "- ", after the first ": " outside quotes); the first of
// them that is not a space, or npos.
std::vector<size_t> ValueStarts(std::string_view line, size_t content) {
  std::vector<size_t> starts;
  size_t at = content;
  while (at + 1 < line.size() && line[at] == '-' && IsSpace(line[at + 1])) {
    at += 2;
    while (at < line.size() && IsSpace(line[at])) ++at;
  }
  starts.push_back(at);
  char quote = 0;
  for (size_t i = at; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if ((c == '"' || c == '\'') && i == at) {
      quote = c;
    } else if (c == '#' && i > 0 && IsSpace(line[i - 1])) {
      break;
    } else if (c == ':' && (i + 1 == line.size() || IsSpace(line[i + 1]))) {
      size_t v = i + 1;
      while (v < line.size() && IsSpace(line[v])) ++v;
      starts.push_back(v);
      break;
    }
  }
  return starts;
}

}  // namespace

std::optional<FlowOpener> UnclosedFlowBracket(std::string_view text, size_t end) {
  if (end > text.size()) end = text.size();
  std::vector<FlowOpener> open;  // the flow collections open at this point, innermost last
  char quote = 0;                // inside a quoted scalar of a flow collection
  int block_scalar_indent = -1;  // lines indented more than this are a block scalar's text
  int line_no = 0;
  for (size_t line_start = 0; line_start < end; ++line_no) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_start, line_end - line_start);
    size_t from = 0;  // where flow scanning starts on this line
    if (open.empty() && !quote) {
      const size_t content = line.find_first_not_of(" \t\r");
      if (content == std::string_view::npos || line[content] == '#') {
        line_start = line_end + 1;
        continue;
      }
      const int indent = static_cast<int>(content);
      if (block_scalar_indent >= 0 && indent > block_scalar_indent) {
        line_start = line_end + 1;
        continue;
      }
      block_scalar_indent = -1;
      from = std::string_view::npos;
      for (size_t start : ValueStarts(line, content)) {
        if (start >= line.size()) continue;
        if (line[start] == '[' || line[start] == '{') {
          from = start;
          break;
        }
        if (line[start] == '|' || line[start] == '>') block_scalar_indent = indent;
      }
      if (from == std::string_view::npos) {
        line_start = line_end + 1;
        continue;
      }
    }
    for (size_t i = from; i < line.size() && line_start + i < end; ++i) {
      const char c = line[i];
      if (quote == '"') {
        if (c == '\\')
          ++i;
        else if (c == '"')
          quote = 0;
      } else if (quote == '\'') {
        if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'')
          ++i;
        else if (c == '\'')
          quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || IsSpace(line[i - 1]))) {
        break;
      } else if (c == '[' || c == '{') {
        open.push_back({line_start + i, line_no, static_cast<int>(i), c});
      } else if (c == ']' || c == '}') {
        // A bracket of the other kind does not close the innermost: that one is open.
        if (!open.empty() && open.back().bracket != (c == ']' ? '[' : '{')) return open.back();
        if (!open.empty()) open.pop_back();
        if (open.empty()) break;  // the rest of a block line is not flow
      }
    }
    line_start = line_end + 1;
  }
  if (open.empty()) return std::nullopt;
  return open.back();
}

}  // namespace banmian
