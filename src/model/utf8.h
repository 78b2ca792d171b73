// UTF-8 helpers: decoding code points and validating input text.
//
// Input files must be valid UTF-8; the loader checks with Utf8Validate and reports
// the first bad byte's line and column. Pure functions, no allocation beyond results.
#pragma once

#include <string>
#include <string_view>

namespace banmian {

// Decodes the code point starting at s[i] and advances i. Invalid bytes give U+FFFD
// and advance one byte.
char32_t Utf8Next(std::string_view s, size_t& i);
void Utf8Append(std::string& out, char32_t cp);
size_t Utf8Length(std::string_view s);
// Byte offset of the first invalid sequence, or npos when s is valid UTF-8.
size_t Utf8FirstInvalid(std::string_view s);

}  // namespace banmian
