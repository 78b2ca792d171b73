#include "load/yaml_reader.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include "load/units.h"

namespace banmian {

std::optional<YAML::Node> ParseYaml(const std::string& file, const std::string& text,
                                    int line_offset, Diagnostics& diags) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    SourcePos pos{file, e.mark.line + 1 + line_offset, e.mark.column + 1};
    if (e.mark.is_null()) pos = {file, 0, 0};
    diags.Error("yaml-syntax", pos, "YAML syntax error: " + e.msg,
                "check indentation, colons and quotes on this line");
    return std::nullopt;
  }
}

SourcePos PosOf(const std::string& file, const YAML::Node& node, int line_offset) {
  if (!node.IsDefined()) return {file, 0, 0};
  YAML::Mark m = node.Mark();
  if (m.is_null()) return {file, 0, 0};
  return {file, m.line + 1 + line_offset, m.column + 1};
}

namespace {
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = SIZE_MAX;
  for (const std::string& c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best_d) best_d = d, best = c;
  }
  size_t limit = std::max<size_t>(1, std::min(word.size(), best.size()) / 3);
  return best_d <= limit ? best : std::string();
}

std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string m = ClosestMatch(word, candidates);
  return m.empty() ? std::string() : "did you mean '" + m + "'?";
}

MapReader::MapReader(const YAML::Node& node, std::string file, std::string what,
                     std::initializer_list<const char*> allowed_keys, Diagnostics& diags,
                     int line_offset)
    : node_(node), file_(std::move(file)), what_(std::move(what)), diags_(diags),
      line_offset_(line_offset) {
  if (!node_.IsMap()) {
    ok_ = false;
    diags_.Error("wrong-type", Pos(), what_ + " must be a mapping of keys to values");
    node_ = YAML::Node(YAML::NodeType::Map);
    return;
  }
  std::vector<std::string> allowed(allowed_keys.begin(), allowed_keys.end());
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    const YAML::Node& key = it->first;
    std::string k = key.IsScalar() ? key.Scalar() : std::string("?");
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
      std::string hint = DidYouMean(k, allowed);
      if (hint.empty()) {
        hint = "allowed keys: ";
        for (size_t i = 0; i < allowed.size(); ++i) hint += (i ? ", " : "") + allowed[i];
      }
      diags_.Error("unknown-key", PosOf(file_, key, line_offset_),
                   "unknown key '" + k + "' in " + what_, hint);
    }
  }
}

bool MapReader::Has(const char* key) const { return node_[key].IsDefined() && !node_[key].IsNull(); }

YAML::Node MapReader::Get(const char* key) const { return node_[key]; }

SourcePos MapReader::KeyPos(const char* key) const {
  for (auto it = node_.begin(); it != node_.end(); ++it)
    if (it->first.IsScalar() && it->first.Scalar() == key) return PosOf(file_, it->first, line_offset_);
  return Pos();
}

bool MapReader::RequireScalar(const char* key, const YAML::Node& v) {
  if (v.IsScalar()) return true;
  diags_.Error("wrong-type", PosOf(file_, v, line_offset_),
               "'" + std::string(key) + "' in " + what_ + " must be a single value, not a " +
                   (v.IsMap() ? "mapping" : v.IsSequence() ? "list" : "null"));
  return false;
}

std::optional<std::string> MapReader::String(const char* key, bool required) {
  YAML::Node v = node_[key];
  if (!v.IsDefined() || v.IsNull()) {
    if (required && ok_)
      diags_.Error("missing-key", Pos(), what_ + " needs '" + std::string(key) + "'");
    return std::nullopt;
  }
  if (!RequireScalar(key, v)) return std::nullopt;
  return v.Scalar();
}

std::optional<double> MapReader::Length(const char* key, bool required, double body_size) {
  YAML::Node v = node_[key];
  if (!v.IsDefined() || v.IsNull()) {
    if (required && ok_)
      diags_.Error("missing-key", Pos(), what_ + " needs '" + std::string(key) + "'");
    return std::nullopt;
  }
  return ReadLength(v, file_, line_offset_, "'" + std::string(key) + "' in " + what_, body_size,
                    diags_);
}

std::optional<double> ReadLength(const YAML::Node& v, const std::string& file, int line_offset,
                                 const std::string& what, double body_size, Diagnostics& diags) {
  if (!v.IsScalar()) {
    diags.Error("wrong-type", PosOf(file, v, line_offset), what + " must be a length such as 12mm");
    return std::nullopt;
  }
  LengthResult r = ParseLength(v.Scalar(), body_size);
  if (!r.points) diags.Error("bad-length", PosOf(file, v, line_offset), what + ": " + r.error);
  return r.points;
}

std::optional<double> MapReader::Number(const char* key, bool required, double min, double max) {
  auto s = String(key, required);
  if (!s) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(s->c_str(), &end);
  if (s->empty() || *end != '\0' || !std::isfinite(value)) {
    diags_.Error("wrong-type", PosOf(file_, node_[key], line_offset_),
                 "'" + std::string(key) + "' in " + what_ + " must be a number, not '" + *s + "'");
    return std::nullopt;
  }
  if (value < min || value > max) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " must be between %g and %g, not %g", min, max, value);
    diags_.Error("out-of-range", PosOf(file_, node_[key], line_offset_),
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
    diags_.Error("wrong-type", PosOf(file_, node_[key], line_offset_),
                 "'" + std::string(key) + "' in " + what_ + " must be a whole number, not '" + *s +
                     "'");
    return std::nullopt;
  }
  if (value < min || value > max) {
    diags_.Error("out-of-range", PosOf(file_, node_[key], line_offset_),
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
  diags_.Error("wrong-type", PosOf(file_, node_[key], line_offset_),
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
  diags_.Error("bad-value", PosOf(file_, node_[key], line_offset_),
               "'" + std::string(key) + "' in " + what_ + " must be one of " + list + ", not '" +
                   *s + "'",
               hint);
  return std::nullopt;
}

}  // namespace banmian
