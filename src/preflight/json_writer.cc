#include "preflight/json_writer.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <stdexcept>

// For nlohmann's own double formatting (Grisu2, detail::to_chars), so doubles come out as
// dump writes them. std::to_chars's shortest round-trip form is not the same text: it
// differs for about one double in a thousand, realistic ones included (0.000649 where
// nlohmann writes 0.0006489999999999999, 4340.224999999999 for 4340.2249999999995). Both
// read back as the same double, but report.json would no longer be byte-identical. The
// whole header rather than detail/conversions/to_chars.hpp: not every install ships the
// split headers.
#include <nlohmann/json.hpp>

namespace banmian {

namespace {

[[noreturn]] void ThrowBadUtf8(std::string_view what, unsigned char byte) {
  const char hex[] = "0123456789ABCDEF";
  throw std::invalid_argument(std::string(what) + "0x" + hex[byte >> 4] + hex[byte & 15]);
}

// The length of the UTF-8 sequence starting at s[i] (a byte >= 0x80). Accepts exactly the
// well-formed sequences of Unicode's table 3-7 (no overlong forms, surrogates or code
// points past U+10FFFF), which is what nlohmann accepts, and throws with nlohmann's
// wording where nlohmann would throw.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    ThrowBadUtf8("invalid UTF-8 byte at index " + std::to_string(i) + ": ", lead);
  }
  for (size_t k = 1; k < n; ++k) {
    if (i + k == s.size()) ThrowBadUtf8("incomplete UTF-8 string; last byte: ", byte(s.size() - 1));
    const unsigned char c = byte(i + k);
    if (c < lo || c > hi)
      ThrowBadUtf8("invalid UTF-8 byte at index " + std::to_string(i + k) + ": ", c);
    lo = 0x80;
    hi = 0xBF;
  }
  return n;
}

template <typename T>
void AppendInteger(std::string& out, T v) {
  char buf[24];
  const std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, static_cast<size_t>(r.ptr - buf));
}

// \u00XX for a control character below U+0100, lower case as nlohmann writes it.
void AppendControlEscape(std::string& out, unsigned char cp) {
  const char hex[] = "0123456789abcdef";
  out += "\\u00";
  out += hex[cp >> 4];
  out += hex[cp & 15];
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  const size_t start = out.size();
  try {
    AppendValidJsonString(out, s);
  } catch (const std::invalid_argument&) {
    // Not UTF-8 (a folder name in another encoding): a report must still be written, so
    // the bad bytes become U+FFFD, exactly as nlohmann's replacing handler writes them.
    out.resize(start);
    const std::string replaced =
        nlohmann::json(std::string(s))
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    // nlohmann leaves DEL and the C1 controls raw: escaped here as on the valid path.
    for (size_t i = 0; i < replaced.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(replaced[i]);
      const unsigned char next =
          i + 1 < replaced.size() ? static_cast<unsigned char>(replaced[i + 1]) : 0;
      if (c != 0x7F && !(c == 0xC2 && next >= 0x80 && next < 0xA0)) {
        out += replaced[i];
        continue;
      }
      AppendControlEscape(out, c == 0x7F ? c : next);
      if (c == 0xC2) ++i;
    }
  }
}

void AppendValidJsonString(std::string& out, std::string_view s) {
  out += '"';
  // Bytes that need no escape are copied in runs, not one at a time.
  size_t copied = 0, i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    // C1 controls (U+0080–U+009F, UTF-8 C2 80–C2 9F) are escaped like C0 ones, so the
    // JSON printed by `check --json` cannot drive a terminal.
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0 &&
        static_cast<unsigned char>(s[i + 1]) >= 0x80) {
      out.append(s.data() + copied, i - copied);
      AppendControlEscape(out, static_cast<unsigned char>(s[i + 1]));
      i += 2;
      copied = i;
      continue;
    }
    if (c >= 0x80) {
      i += Utf8SequenceLength(s, i);
      continue;
    }
    if (c >= 0x20 && c != 0x7F && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out.append(s.data() + copied, i - copied);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        AppendControlEscape(out, c);
    }
    copied = ++i;
  }
  out.append(s.data() + copied, s.size() - copied);
  out += '"';
}

void JsonWriter::NewLine() {
  out_ += '\n';
  out_.append(levels_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (levels_.empty()) return;
  Level& level = levels_.back();
  if (level.object) {
    assert(after_key_ && "a value in an object needs a Key first");
    after_key_ = false;
    return;
  }
  if (!level.empty) out_ += ',';
  level.empty = false;
  if (indent_ >= 0) NewLine();
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  assert(!levels_.empty() && levels_.back().object && !after_key_);
  Level& level = levels_.back();
  if (!level.empty) out_ += ',';
  level.empty = false;
  if (indent_ >= 0) NewLine();
  AppendJsonString(out_, key);
  out_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::Begin(char open, bool object) {
  BeforeValue();
  out_ += open;
  levels_.push_back({object, true});
  return *this;
}

JsonWriter& JsonWriter::End(char close, [[maybe_unused]] bool object) {
  assert(!levels_.empty() && levels_.back().object == object && !after_key_);
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  // nlohmann writes an empty container as {} or [] even when indenting.
  if (!empty && indent_ >= 0) NewLine();
  out_ += close;
  return *this;
}

JsonWriter& JsonWriter::BeginObject() {
  return Begin('{', true);
}
JsonWriter& JsonWriter::EndObject() {
  return End('}', true);
}
JsonWriter& JsonWriter::BeginArray() {
  return Begin('[', false);
}
JsonWriter& JsonWriter::EndArray() {
  return End(']', false);
}

JsonWriter& JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendJsonString(out_, s);
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t v) {
  BeforeValue();
  AppendInteger(out_, v);
  return *this;
}

JsonWriter& JsonWriter::Uint(uint64_t v) {
  BeforeValue();
  AppendInteger(out_, v);
  return *this;
}

JsonWriter& JsonWriter::Double(double v) {
  BeforeValue();
  if (!std::isfinite(v)) {
    out_ += "null";
    return *this;
  }
  char buf[64];  // the size of nlohmann's own number buffer
  const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, static_cast<size_t>(end - buf));
  return *this;
}

JsonWriter& JsonWriter::Bool(bool v) {
  BeforeValue();
  out_ += v ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

}  // namespace banmian
