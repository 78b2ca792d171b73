#include "load/source_positions.h"

#include <algorithm>

#include "model/utf8.h"

namespace banmian {

namespace {

// How far ahead of the last character found the next one is looked for, in bytes: past
// markup, an escape's backslash, a line break and the next line's indentation or "> ",
// and the longest HTML entity (&CounterClockwiseContourIntegral;, 33 bytes).
constexpr size_t kLookAhead = 48;

bool IsUtf8Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// A position in the source: its byte, and the file line and column there.
struct Cursor {
  size_t byte;
  int line, col;

  void Step(std::string_view source) {  // past one byte
    const bool newline = source[byte] == '\n';
    ++byte;
    if (newline) {
      ++line, col = 1;
    } else if (byte >= source.size() || !IsUtf8Continuation(source[byte])) {
      ++col;  // on the next character
    }
  }
};

// An HTML entity (&name; or &#…;) at `at`: its length, 0 when there is none.
size_t EntityAt(std::string_view source, size_t at) {
  if (at >= source.size() || source[at] != '&') return 0;
  for (size_t i = at + 1; i < source.size() && i < at + kLookAhead; ++i) {
    const char c = source[i];
    if (c == ';') return i > at + 1 ? i + 1 - at : 0;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#'))
      return 0;
  }
  return 0;
}

// A backslash escape at `at` that stands for `ch` rather than holding it: its length
// (\n and the like 2, \xXX 4, \uXXXX 6, \UXXXXXXXX 10), 0 when there is none.
size_t EscapeAt(std::string_view source, size_t at, std::string_view ch) {
  if (at + 1 >= source.size() || source[at] != '\\' || ch == "\\") return 0;
  if (source.compare(at + 1, ch.size(), ch) == 0) return 0;  // \" : the " is found itself
  const char kind = source[at + 1];
  const size_t length = kind == 'u' ? 6 : kind == 'U' ? 10 : kind == 'x' ? 4 : 2;
  return std::min(length, source.size() - at);
}

}  // namespace

void AlignText(std::string_view text, std::string_view source, size_t from, int line, int col,
               TextSource& out) {
  Cursor at{std::min(from, source.size()), line, col};
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    Utf8Next(text, i);
    const std::string_view ch = text.substr(start, i - start);
    // An escape that wrote the character (YAML's \n, \u201C): the character at its
    // backslash. Where the escaped character itself follows (\" in either format), it is
    // found below, at its own column.
    if (const size_t escape = EscapeAt(source, at.byte, ch)) {
      out.Add(at.line, at.col);
      for (size_t k = 0; k < escape; ++k) at.Step(source);
      continue;
    }
    if (ch != "&")
      if (const size_t entity = EntityAt(source, at.byte)) {
        out.Add(at.line, at.col);
        for (size_t k = 0; k < entity; ++k) at.Step(source);
        continue;
      }
    Cursor scan = at;
    bool found = false;
    while (scan.byte < source.size() && scan.byte < at.byte + kLookAhead) {
      if (source.compare(scan.byte, ch.size(), ch) == 0) {
        found = true;
        break;
      }
      scan.Step(source);
    }
    if (!found) {
      out.Add(at.line, at.col);
      continue;
    }
    out.Add(scan.line, scan.col);
    for (size_t k = 0; k < ch.size(); ++k) scan.Step(source);
    at = scan;
  }
}

}  // namespace banmian
