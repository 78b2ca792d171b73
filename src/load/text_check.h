// Characters banmian does not set, found in input text before anything is composed.
//
// Every text an editor writes is printed, and some characters cannot be: control
// characters (C0 but tab and line feed, DEL, C1: Pango stops on a NUL, the others print
// as nothing or as boxes); U+FFFD, which stands for a character already lost in a
// conversion (cmark also writes it for a NUL byte or a &#0; in Markdown); and right-to-left
// text (Hebrew, Arabic and every other script HarfBuzz writes right to left, and the
// marks and controls that turn text right to left), which banmian's composer, a
// left-to-right one for Chinese, would set in the wrong order. Such text is an input
// error at its line and column, the same for `check` and `render`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace banmian {

enum class UnsetKind { kControl, kReplacement, kRightToLeft };

struct UnsetCharacter {
  size_t offset = 0;  // byte offset in the text
  char32_t ch = 0;
  UnsetKind kind = UnsetKind::kControl;
};

// What a text may hold besides printable characters.
enum class TextKind {
  kFile,  // a whole file's bytes: tab, line feed and carriage return (line ends) are fine
  kText,  // a text that is printed: tab and line feed are fine; right-to-left text is not
};

// The first character of `text` that banmian does not set, or nothing. `text` is valid
// UTF-8 (the loader checks that first). A file is only checked for control characters and
// U+FFFD is not looked for: YAML comments and Markdown may hold anything printable.
std::optional<UnsetCharacter> FindUnsetCharacter(std::string_view text, TextKind kind);

// "a control character (U+0000, NUL)", "right-to-left text (U+05DD)", …
std::string DescribeUnset(const UnsetCharacter& c);
// What to do about it.
std::string UnsetHint(const UnsetCharacter& c);

}  // namespace banmian
