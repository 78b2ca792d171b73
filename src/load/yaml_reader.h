// Reading YAML documents strictly, with source positions.
//
// ParseYaml turns text into a yaml-cpp node tree or a diagnostic at the syntax
// error's line and column; a key given twice in one mapping is an error too, in every
// file banmian reads. MapReader reads one mapping: it is constructed with the
// keys that mapping may hold and reports every other key as an error with a
// "did you mean" hint, and its typed getters report missing or ill-typed values at
// the value's position. Nothing here throws out of the loader.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace banmian {

// A YAML text and where it came from. Positions are reported in characters, not bytes
// (yaml-cpp counts bytes), so Chinese text before a mistake does not shift the column.
struct YamlSource {
  std::string file;
  std::string text;
  int line_offset = 0;  // lines of the file before `text` (front matter)

  SourcePos Pos(const YAML::Node& node) const;
  SourcePos Pos(const YAML::Mark& mark) const;
};

// Parses the source's text; a syntax error is reported at its line and column, and a key
// given twice in one mapping (at any depth) at the second key. Either gives no tree.
std::optional<YAML::Node> ParseYaml(const YamlSource& src, Diagnostics& diags);

// The value of `key` in a mapping, or an undefined node (never one that throws when
// asked its type) when `node` is not a mapping or has no such key.
YAML::Node Child(const YAML::Node& node, const char* key);

// The closest candidate to `word` within a small edit distance, or "".
std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates);
// "did you mean 'x'?" or "" when nothing is close.
std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates);
// DidYouMean when a candidate is close, else "<intro> a b c" listing them all ("" if none).
std::string SuggestOrList(const std::string& word, const std::vector<std::string>& candidates,
                          const std::string& intro);

// The keys of a map, in its order.
template <typename Map>
std::vector<std::string> KeysOf(const Map& map) {
  std::vector<std::string> keys;
  for (const auto& entry : map) keys.push_back(entry.first);
  return keys;
}

class MapReader {
 public:
  // `what` names the mapping in messages ("the issue", "style 'body'").
  // REQUIRES: src outlives the reader.
  MapReader(const YAML::Node& node, const YamlSource& src, std::string what,
            std::initializer_list<const char*> allowed_keys, Diagnostics& diags);

  bool ok() const { return ok_; }  // the node was a mapping
  bool Has(const char* key) const;
  SourcePos Pos() const { return src_->Pos(node_); }
  SourcePos KeyPos(const char* key) const;
  YAML::Node Get(const char* key) const;

  std::optional<std::string> String(const char* key, bool required);
  std::optional<double> Length(const char* key, bool required, double body_size = 0);
  std::optional<int> Int(const char* key, bool required, int min, int max);
  std::optional<double> Number(const char* key, bool required, double min, double max);
  std::optional<bool> Bool(const char* key, bool required);
  // One of `choices`; reports the list when the value is something else.
  std::optional<std::string> Choice(const char* key, bool required,
                                    const std::vector<std::string>& choices);

  const YamlSource& src() const { return *src_; }
  // Reports a required key as missing, unless a misspelling of it was already reported.
  void ReportMissing(const char* key);

 private:
  bool RequireScalar(const char* key, const YAML::Node& v);
  YAML::Node node_;
  std::vector<std::string> suggested_;  // keys offered as "did you mean" for a typo
  const YamlSource* src_;
  std::string what_;
  Diagnostics& diags_;
  bool ok_ = true;
};

// Reads a scalar node as a length; reports at the node.
std::optional<double> ReadLength(const YAML::Node& node, const YamlSource& src,
                                 const std::string& what, double body_size, Diagnostics& diags);

}  // namespace banmian
