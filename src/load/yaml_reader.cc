#include "load/yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "load/text_check.h"
#include "load/units.h"
#include "load/yaml_flow_bracket.h"
#include "model/utf8.h"

namespace banmian {

SourcePos YamlSource::Pos(const YAML::Mark& m) const {
  if (m.is_null()) return {file, 0, 0};
  // Count characters from the start of the mark's line up to its byte column. The line
  // starts `column` bytes before the mark's byte offset; only when that is not a line's
  // start are the lines counted from the top (which, for every key of a long file, took
  // time growing with the square of the file).
  size_t start = 0;
  const bool direct = m.pos >= m.column && static_cast<size_t>(m.pos) <= text.size() &&
                      (m.pos == m.column || text[m.pos - m.column - 1] == '\n');
  if (direct) {
    start = static_cast<size_t>(m.pos - m.column);
  } else {
    for (int l = 0; l < m.line && start != std::string::npos; ++l) {
      start = text.find('\n', start);
      if (start != std::string::npos) ++start;
    }
  }
  int col = 1;
  if (start != std::string::npos)
    for (size_t i = start; i < text.size() && i < start + m.column && text[i] != '\n'; ++col)
      Utf8Next(text, i);
  return {file, m.line + 1 + line_offset, col};
}

SourcePos YamlSource::Pos(const YAML::Node& node) const {
  if (!node.IsDefined()) return {file, 0, 0};
  return Pos(node.Mark());
}

namespace {
// The position of the first character `c` at or after `from` on the same line of the
// source, or `fallback` (a character written as an escape, "\0", is not in the source).
SourcePos CharacterPos(const YamlSource& src, const YAML::Mark& from, const UnsetCharacter& c,
                       const std::string& value, const SourcePos& fallback) {
  if (from.is_null() || from.pos < 0 || static_cast<size_t>(from.pos) > src.text.size())
    return fallback;
  size_t end = c.offset;
  Utf8Next(value, end);
  const std::string bytes = value.substr(c.offset, end - c.offset);
  const size_t start = static_cast<size_t>(from.pos);
  const size_t line_end = src.text.find('\n', start);
  const size_t at = src.text.find(bytes, start);
  if (at == std::string::npos || (line_end != std::string::npos && at > line_end)) return fallback;
  SourcePos pos = src.Pos(from);
  const size_t line_start = at == 0 || src.text.rfind('\n', at - 1) == std::string::npos
                                ? 0
                                : src.text.rfind('\n', at - 1) + 1;
  pos.col = 1;
  for (size_t i = line_start; i < at; ++pos.col) Utf8Next(src.text, i);
  return pos;
}

// Walks the whole tree once, without recursion, and reports at the second one every key
// given twice in one mapping, at any depth: yaml-cpp keeps both pairs (looking a key up
// finds the first; iterating meets both), so without this one reader would take the
// first value and another the last. Keys are compared as text, as the readers look them
// up. Every key and value is also checked for characters banmian does not set (a control
// character written as "\0", right-to-left text): they are reported at the value. A node
// reached again through an alias (the same node, at the same mark) is walked once.
bool CheckTree(const YAML::Node& root, const YamlSource& src, Diagnostics& diags) {
  std::vector<Diagnostic> found;
  struct Todo {
    YAML::Node node;
    std::string key;  // the key the node is the value of, or ""
  };
  std::vector<Todo> todo{{root, ""}};
  std::set<std::tuple<int, int, int>> walked;  // nodes by type and mark
  auto check_text = [&](const YAML::Node& node, const std::string& what) {
    const std::string& value = node.Scalar();
    auto c = FindUnsetCharacter(value, TextKind::kText);
    if (!c) return;
    const SourcePos pos = CharacterPos(src, node.Mark(), *c, value, src.Pos(node));
    found.push_back({Severity::kError,
                     c->kind == UnsetKind::kRightToLeft ? "right-to-left" : "control-character",
                     pos, what + " holds " + DescribeUnset(*c), UnsetHint(*c)});
  };
  while (!todo.empty()) {
    const Todo item = todo.back();
    todo.pop_back();
    const YAML::Node& node = item.node;
    if (!node.IsDefined() || node.IsNull()) continue;
    const YAML::Mark m = node.Mark();
    if (!walked.insert({static_cast<int>(node.Type()), m.line, m.column}).second) continue;
    if (node.IsScalar()) {
      check_text(node, item.key.empty() ? std::string("a list item") : "'" + item.key + "'");
      continue;
    }
    if (node.IsSequence()) {
      for (auto it = node.begin(); it != node.end(); ++it) todo.push_back({*it, ""});
      continue;
    }
    if (!node.IsMap()) continue;
    std::map<std::string, YAML::Node> first;
    for (auto it = node.begin(); it != node.end(); ++it) {
      // Copies: it-> points into a temporary that dies at the end of the statement.
      const YAML::Node key = it->first, value = it->second;
      if (!key.IsScalar()) {
        todo.push_back({key, ""});
        todo.push_back({value, ""});
        continue;
      }
      const bool key_ok = !FindUnsetCharacter(key.Scalar(), TextKind::kText);
      if (!key_ok) check_text(key, "a key");
      todo.push_back({value, key_ok ? key.Scalar() : std::string("the value")});
      auto [earlier, inserted] = first.emplace(key.Scalar(), key);
      if (inserted) continue;
      const SourcePos was = src.Pos(earlier->second), here = src.Pos(key);
      found.push_back({Severity::kError, "duplicate-key", here,
                       "duplicate key '" + key.Scalar() + "': it is already given at line " +
                           std::to_string(was.line) +
                           (was.line == here.line ? ", column " + std::to_string(was.col) : ""),
                       "give each key once: delete one of the two, or merge them"});
    }
  }
  // In the order of the file, not of the walk.
  std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.pos.line, a.pos.col) < std::tie(b.pos.line, b.pos.col);
  });
  for (Diagnostic& f : found) diags.Add(std::move(f));
  return found.empty();
}
}  // namespace

namespace {
// The tab that breaks a file yaml-cpp refused at `mark`: the first tab in the leading
// whitespace of the mark's line or, when that line has none, of the nearest line above
// it that is not blank (an error is often found at the token after the tab). A tab
// yaml-cpp accepted (inside a block scalar or a quoted or bracketed value) is never
// looked at: this runs only when the file is refused.
std::optional<SourcePos> IndentingTab(const YamlSource& src, const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0) return std::nullopt;
  std::vector<std::string_view> lines;
  const std::string_view text = src.text;
  for (size_t i = 0; i <= text.size() && lines.size() <= static_cast<size_t>(mark.line);) {
    size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(i, nl - i));
    i = nl + 1;
  }
  int looked = 0;  // lines that are not blank
  for (int l = std::min<int>(mark.line, static_cast<int>(lines.size()) - 1); l >= 0; --l) {
    const std::string_view line = lines[l];
    const size_t content = line.find_first_not_of(" \t\r");
    if (content == std::string_view::npos) continue;  // blank: look further up
    const size_t tab = line.substr(0, content).find('\t');
    if (tab != std::string_view::npos)
      return SourcePos{src.file, l + 1 + src.line_offset, static_cast<int>(tab) + 1};
    if (++looked == 2) break;
  }
  return std::nullopt;
}
}  // namespace

std::optional<YAML::Node> ParseYaml(const YamlSource& src, Diagnostics& diags) {
  YAML::Node root;
  try {
    root = YAML::Load(src.text);
  } catch (const YAML::Exception& e) {
    // A tab in the indentation is what most often breaks a file typed by hand, and
    // yaml-cpp words it as whatever the tab made of the line ("illegal map value").
    if (std::optional<SourcePos> tab = IndentingTab(src, e.mark)) {
      diags.Error("yaml-tab", *tab, "tab in indentation; YAML indents with spaces",
                  "replace the tab with spaces (most editors can be set to indent with "
                  "spaces in YAML files)");
      return std::nullopt;
    }
    // An unclosed '[' or '{' is found where the reader gives up, lines later: name the
    // bracket instead.
    if (e.msg.find("flow not found") != std::string::npos) {
      const size_t end =
          e.mark.is_null() || e.mark.pos < 0 ? src.text.size() : static_cast<size_t>(e.mark.pos);
      if (std::optional<FlowOpener> opener = UnclosedFlowBracket(src.text, end)) {
        YAML::Mark at = YAML::Mark::null_mark();
        at.pos = static_cast<int>(opener->offset);
        at.line = opener->line;
        at.column = opener->column;
        const bool list = opener->bracket == '[';
        diags.Error("yaml-syntax", src.Pos(at),
                    std::string("YAML syntax error: this '") + opener->bracket + "' opens a " +
                        (list ? "list" : "mapping") + " that is never closed",
                    std::string("close it with '") + (list ? ']' : '}') +
                        "', or put the whole value in quotes if the bracket is part of the "
                        "text (\"" +
                        opener->bracket + "…\")");
        return std::nullopt;
      }
    }
    SourcePos pos = src.Pos(e.mark);
    diags.Error("yaml-syntax", pos, "YAML syntax error: " + e.msg,
                "check indentation, colons and quotes on this line");
    return std::nullopt;
  }
  if (!CheckTree(root, src, diags)) return std::nullopt;
  return root;
}

namespace {
// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
// neighbours each count one, so "titel" is one step from "title". Three rows, no matrix;
// stops as soon as every entry of a row is over `limit` (returns limit + 1).
struct Rows {
  std::vector<size_t> before, previous, row;
};

size_t EditDistance(const std::string& a, const std::string& b, size_t limit, Rows& rows) {
  std::vector<size_t>&before = rows.before, &previous = rows.previous, &row = rows.row;
  before.assign(b.size() + 1, 0), previous.assign(b.size() + 1, 0), row.assign(b.size() + 1, 0);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    size_t least = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      row[j] = std::min(
          {previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], before[j - 2] + 1);
      least = std::min(least, row[j]);
    }
    if (least > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[b.size()];
}

// Did-you-mean is bounded: words longer than this get no suggestion, and only this many
// candidates of a plausible length are compared (a list of 10 000 ids stays fast).
constexpr size_t kMaxSuggestedWord = 64;
constexpr size_t kMaxCompared = 100;
}  // namespace

std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates) {
  if (word.size() > kMaxSuggestedWord) return {};
  std::string best;
  size_t best_d = SIZE_MAX, compared = 0;
  Rows rows;
  for (const std::string& c : candidates) {
    // Close means a third of the letters at most, and never a completely different word.
    const size_t shorter = std::min(word.size(), c.size());
    const size_t limit = std::max<size_t>(1, shorter / 3);
    const size_t gap = word.size() > c.size() ? word.size() - c.size() : c.size() - word.size();
    if (gap > limit || c.size() > kMaxSuggestedWord) continue;
    if (++compared > kMaxCompared) break;
    const size_t d = EditDistance(word, c, std::min(limit, best_d), rows);
    if (d <= limit && d < shorter && d < best_d) best_d = d, best = c;
  }
  return best;
}

std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string m = ClosestMatch(word, candidates);
  return m.empty() ? std::string() : "did you mean '" + m + "'?";
}

std::string SuggestOrList(const std::string& word, const std::vector<std::string>& candidates,
                          const std::string& intro) {
  std::string hint = DidYouMean(word, candidates);
  if (!hint.empty() || candidates.empty()) return hint;
  hint = intro;
  for (const std::string& c : candidates) hint += " " + c;
  return hint;
}

MapReader::MapReader(const YAML::Node& node, const YamlSource& src, std::string what,
                     std::initializer_list<const char*> allowed_keys, Diagnostics& diags)
    : node_(node), src_(&src), what_(std::move(what)), diags_(diags) {
  if (!node_.IsMap()) {
    ok_ = false;
    diags_.Error("wrong-type", Pos(), what_ + " must be a mapping of keys to values");
    node_ = YAML::Node(YAML::NodeType::Map);
    return;
  }
  std::vector<std::string> allowed(allowed_keys.begin(), allowed_keys.end());
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    // A copy: it-> points into a temporary that dies at the end of the statement.
    const YAML::Node key = it->first;
    std::string k = key.IsScalar() ? key.Scalar() : std::string("?");
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
      std::string hint = DidYouMean(k, allowed);
      if (!hint.empty()) suggested_.push_back(ClosestMatch(k, allowed));
      if (hint.empty()) {
        hint = "allowed keys: ";
        for (size_t i = 0; i < allowed.size(); ++i) hint += (i ? ", " : "") + allowed[i];
      }
      diags_.Error("unknown-key", src_->Pos(key), "unknown key '" + k + "' in " + what_, hint);
    }
  }
}

YAML::Node Child(const YAML::Node& node, const char* key) {
  // yaml-cpp's operator[] gives a missing key as an invalid node whose Type() throws.
  if (node.IsMap())
    if (const YAML::Node value = node[key]; value.IsDefined()) return value;
  return YAML::Node(YAML::NodeType::Undefined);
}

bool MapReader::Has(const char* key) const {
  YAML::Node value = Child(node_, key);
  return value.IsDefined() && !value.IsNull();
}

YAML::Node MapReader::Get(const char* key) const {
  return Child(node_, key);
}

SourcePos MapReader::KeyPos(const char* key) const {
  for (auto it = node_.begin(); it != node_.end(); ++it)
    if (it->first.IsScalar() && it->first.Scalar() == key) return src_->Pos(it->first);
  return Pos();
}

void MapReader::ReportMissing(const char* key) {
  // A misspelt key was already reported with this key as its suggestion: once is enough.
  if (!ok_ || std::find(suggested_.begin(), suggested_.end(), key) != suggested_.end()) return;
  diags_.Error("missing-key", Pos(), what_ + " needs '" + std::string(key) + "'");
}

bool MapReader::RequireScalar(const char* key, const YAML::Node& v) {
  if (v.IsScalar()) return true;
  diags_.Error("wrong-type", src_->Pos(v),
               "'" + std::string(key) + "' in " + what_ + " must be a single value, not a " +
                   (v.IsMap()        ? "mapping"
                    : v.IsSequence() ? "list"
                                     : "null"));
  return false;
}

std::optional<std::string> MapReader::String(const char* key, bool required) {
  YAML::Node v = node_[key];
  if (!v.IsDefined() || v.IsNull()) {
    if (required) ReportMissing(key);
    return std::nullopt;
  }
  if (!RequireScalar(key, v)) return std::nullopt;
  return v.Scalar();
}

std::optional<double> MapReader::Length(const char* key, bool required, double body_size) {
  YAML::Node v = node_[key];
  if (!v.IsDefined() || v.IsNull()) {
    if (required) ReportMissing(key);
    return std::nullopt;
  }
  return ReadLength(v, *src_, "'" + std::string(key) + "' in " + what_, body_size, diags_);
}

std::optional<double> ReadLength(const YAML::Node& v, const YamlSource& src,
                                 const std::string& what, double body_size, Diagnostics& diags) {
  if (!v.IsScalar()) {
    diags.Error("wrong-type", src.Pos(v), what + " must be a length such as 12mm");
    return std::nullopt;
  }
  LengthResult r = ParseLength(v.Scalar(), body_size);
  if (!r.points) diags.Error("bad-length", src.Pos(v), what + ": " + r.error);
  return r.points;
}

std::optional<double> MapReader::Number(const char* key, bool required, double min, double max) {
  auto s = String(key, required);
  if (!s) return std::nullopt;
  const std::optional<double> parsed = ParseDecimal(*s);
  const double value = parsed.value_or(0);
  if (!parsed) {
    diags_.Error("wrong-type", src_->Pos(node_[key]),
                 "'" + std::string(key) + "' in " + what_ + " must be a number, not '" + *s + "'");
    return std::nullopt;
  }
  if (value < min || value > max) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " must be between %g and %g, not %g", min, max, value);
    diags_.Error("out-of-range", src_->Pos(node_[key]),
                 "'" + std::string(key) + "' in " + what_ + buf);
    return std::nullopt;
  }
  return value;
}

std::optional<int> MapReader::Int(const char* key, bool required, int min, int max) {
  auto s = String(key, required);
  if (!s) return std::nullopt;
  // Digits with an optional minus sign; more than 18 digits is out of range.
  const size_t sign = !s->empty() && (*s)[0] == '-' ? 1 : 0;
  const bool digits =
      s->size() > sign && s->find_first_not_of("0123456789", sign) == std::string::npos;
  long long value = 0;
  if (digits && s->size() - sign <= 18)
    std::from_chars(s->data(), s->data() + s->size(), value);
  else if (digits)
    value = sign ? LLONG_MIN : LLONG_MAX;
  if (!digits) {
    diags_.Error(
        "wrong-type", src_->Pos(node_[key]),
        "'" + std::string(key) + "' in " + what_ + " must be a whole number, not '" + *s + "'");
    return std::nullopt;
  }
  if (value < min || value > max) {
    diags_.Error("out-of-range", src_->Pos(node_[key]),
                 "'" + std::string(key) + "' in " + what_ + " must be between " +
                     std::to_string(min) + " and " + std::to_string(max) + ", not " + *s);
    return std::nullopt;
  }
  return static_cast<int>(value);
}

std::optional<bool> MapReader::Bool(const char* key, bool required) {
  auto s = String(key, required);
  if (!s) return std::nullopt;
  if (*s == "true" || *s == "yes") return true;
  if (*s == "false" || *s == "no") return false;
  diags_.Error(
      "wrong-type", src_->Pos(node_[key]),
      "'" + std::string(key) + "' in " + what_ + " must be true or false, not '" + *s + "'");
  return std::nullopt;
}

std::optional<std::string> MapReader::Choice(const char* key, bool required,
                                             const std::vector<std::string>& choices) {
  auto s = String(key, required);
  if (!s) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *s) != choices.end()) return s;
  std::string list;
  for (size_t i = 0; i < choices.size(); ++i) list += (i ? ", " : "") + choices[i];
  std::string hint = DidYouMean(*s, choices);
  diags_.Error(
      "bad-value", src_->Pos(node_[key]),
      "'" + std::string(key) + "' in " + what_ + " must be one of " + list + ", not '" + *s + "'",
      hint);
  return std::nullopt;
}

}  // namespace banmian
