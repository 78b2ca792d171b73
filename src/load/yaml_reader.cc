#include "load/yaml_reader.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "load/units.h"
#include "model/utf8.h"

namespace banmian {

SourcePos YamlSource::Pos(const YAML::Mark& m) const {
  if (m.is_null()) return {file, 0, 0};
  // Count characters from the start of the mark's line up to its byte column.
  size_t start = 0;
  for (int l = 0; l < m.line && start != std::string::npos; ++l) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
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
// Reports every key given twice in one mapping, at any depth, at the second one. yaml-cpp
// keeps both pairs (looking a key up finds the first; iterating meets both), so without
// this one reader would take the first value and another the last. Keys are compared as
// text, as the readers look them up. Walked without recursion; a mapping reached again
// through an alias (the same node, at the same mark) is walked once.
bool CheckDuplicateKeys(const YAML::Node& root, const YamlSource& src, Diagnostics& diags) {
  std::vector<Diagnostic> found;
  std::vector<YAML::Node> todo{root};
  std::set<std::tuple<int, int, int>> walked;  // collections by type and mark
  while (!todo.empty()) {
    const YAML::Node node = todo.back();
    todo.pop_back();
    if (!node.IsMap() && !node.IsSequence()) continue;
    const YAML::Mark m = node.Mark();
    if (!walked.insert({static_cast<int>(node.Type()), m.line, m.column}).second) continue;
    if (node.IsSequence()) {
      for (auto it = node.begin(); it != node.end(); ++it) todo.push_back(*it);
      continue;
    }
    std::map<std::string, YAML::Node> first;
    for (auto it = node.begin(); it != node.end(); ++it) {
      // Copies: it-> points into a temporary that dies at the end of the statement.
      const YAML::Node key = it->first, value = it->second;
      todo.push_back(value);
      if (!key.IsScalar()) continue;
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

std::optional<YAML::Node> ParseYaml(const YamlSource& src, Diagnostics& diags) {
  YAML::Node root;
  try {
    root = YAML::Load(src.text);
  } catch (const YAML::Exception& e) {
    SourcePos pos = src.Pos(e.mark);
    diags.Error("yaml-syntax", pos, "YAML syntax error: " + e.msg,
                "check indentation, colons and quotes on this line");
    return std::nullopt;
  }
  if (!CheckDuplicateKeys(root, src, diags)) return std::nullopt;
  return root;
}

namespace {
// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
// neighbours each count one, so "titel" is one step from "title".
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}
}  // namespace

std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = SIZE_MAX;
  for (const std::string& c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best_d) best_d = d, best = c;
  }
  // Close means a third of the letters at most, and never a completely different word.
  size_t limit = std::max<size_t>(1, std::min(word.size(), best.size()) / 3);
  return best_d <= limit && best_d < std::min(word.size(), best.size()) ? best : std::string();
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
  char* end = nullptr;
  double value = std::strtod(s->c_str(), &end);
  if (s->empty() || *end != '\0' || !std::isfinite(value)) {
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
  char* end = nullptr;
  long value = std::strtol(s->c_str(), &end, 10);
  if (s->empty() || *end != '\0') {
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
