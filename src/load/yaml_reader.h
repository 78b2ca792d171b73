// Reading YAML documents strictly, with source positions.
//
// ParseYaml turns text into a yaml-cpp node tree or a diagnostic at the syntax
// error's line and column. MapReader reads one mapping: it is constructed with the
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

// Parses `text` (from `file`). line_offset is added to reported lines (front matter).
std::optional<YAML::Node> ParseYaml(const std::string& file, const std::string& text,
                                    int line_offset, Diagnostics& diags);

SourcePos PosOf(const std::string& file, const YAML::Node& node, int line_offset = 0);

// The closest candidate to `word` within a small edit distance, or "".
std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates);
// "did you mean 'x'?" or "" when nothing is close.
std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates);

class MapReader {
 public:
  // `what` names the mapping in messages ("the issue", "style 'body'").
  MapReader(const YAML::Node& node, std::string file, std::string what,
            std::initializer_list<const char*> allowed_keys, Diagnostics& diags,
            int line_offset = 0);

  bool ok() const { return ok_; }  // the node was a mapping
  bool Has(const char* key) const;
  SourcePos Pos() const { return PosOf(file_, node_, line_offset_); }
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

  const std::string& file() const { return file_; }
  int line_offset() const { return line_offset_; }
  Diagnostics& diags() { return diags_; }

 private:
  bool RequireScalar(const char* key, const YAML::Node& v);
  YAML::Node node_;
  std::string file_, what_;
  Diagnostics& diags_;
  int line_offset_;
  bool ok_ = true;
};

// Reads a scalar node as a length; reports at the node.
std::optional<double> ReadLength(const YAML::Node& node, const std::string& file, int line_offset,
                                 const std::string& what, double body_size, Diagnostics& diags);

}  // namespace banmian
