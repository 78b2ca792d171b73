// JsonWriter: JSON written straight into a string, byte for byte as nlohmann::json::dump.
//
// report.json of a large issue holds tens of thousands of values. Building an
// nlohmann::ordered_json tree for it and dumping that cost an allocation per node, a linear
// key search per member and a pass to destroy the tree: about 5% of a whole render, on the
// main thread. This writes each value as it comes instead. The text is exactly what
// dump(indent) gives for the same values (tests/unit/json_writer_test.cc compares the two),
// so report.json did not change when it moved here, and readers that diff reports see no
// difference.
//
// The caller keeps the structure well formed: a Key before every value in an object, none
// in an array, and every Begin closed by its End (asserted in debug builds). Strings should
// be UTF-8; bytes that are not are written as U+FFFD (a report is never refused).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace banmian {

class JsonWriter {
 public:
  // As dump(indent): negative writes everything on one line, otherwise each member and
  // element on its own line, indented by that many spaces per level.
  explicit JsonWriter(int indent = -1) : indent_(indent) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t v);
  JsonWriter& Uint(uint64_t v);
  JsonWriter& Double(double v);  // NaN and infinities as null, as nlohmann writes them
  JsonWriter& Bool(bool v);
  JsonWriter& Null();

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();
  void NewLine();
  JsonWriter& Begin(char open, bool object);
  JsonWriter& End(char close, bool object);

  struct Level {
    bool object = false;
    bool empty = true;
  };

  std::string out_;
  std::vector<Level> levels_;
  int indent_;
  bool after_key_ = false;  // for the structure asserts only
};

// s as a JSON string literal, quotes included, appended to out.
void AppendJsonString(std::string& out, std::string_view s);
// The same for s known to be UTF-8; throws std::invalid_argument (with nlohmann's
// wording) at the first byte that is not.
void AppendValidJsonString(std::string& out, std::string_view s);

}  // namespace banmian
