#include "model/terminal_text.h"

#include "model/utf8.h"

namespace banmian {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendByteEscape(std::string& out, unsigned char c) {
  out += "\\x";
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

void AppendCodePointEscape(std::string& out, char32_t cp) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 15];
}

// Characters that change how a terminal shows what follows, other than C0 controls:
// the C1 controls, the bidirectional marks, embeddings, overrides and isolates, and the
// line and paragraph separators.
bool IsFormatControl(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 ||
         cp == 0x2029;
}

std::string Escape(std::string_view s, bool keep_lines) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      if (c >= 0x20 && c != 0x7F) {
        out += static_cast<char>(c);
      } else if (keep_lines && (c == '\n' || c == '\t')) {
        out += static_cast<char>(c);
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\r') {
        out += "\\r";
      } else {
        AppendByteEscape(out, c);
      }
      continue;
    }
    const size_t start = i;
    const char32_t cp = Utf8Next(s, i);
    if (cp == 0xFFFD && s.substr(start, i - start) != "\xEF\xBF\xBD") {
      AppendByteEscape(out, c);  // not UTF-8: Utf8Next moved on by this one byte
    } else if (IsFormatControl(cp)) {
      AppendCodePointEscape(out, cp);
    } else {
      out.append(s.data() + start, i - start);
    }
  }
  return out;
}

}  // namespace

std::string TerminalText(std::string_view s) {
  return Escape(s, false);
}

std::string TerminalLines(std::string_view s) {
  return Escape(s, true);
}

}  // namespace banmian
