// libpng's errors as a jump back to the caller, with the error's text.
//
// libpng's own handlers print to standard error; banmian reports problems itself, where
// the user can see which file they are about. Create the read or write struct with a
// std::string* as its error pointer and these two handlers: a fatal error stores its
// message there (the first one) and longjmps to the caller's setjmp(png_jmpbuf(png));
// warnings (a known-incorrect sRGB profile, say) are dropped.
#pragma once

#include <png.h>

#include <string>

namespace banmian {

inline void PngErrorJump(png_structp png, png_const_charp message) {
  auto* text = static_cast<std::string*>(png_get_error_ptr(png));
  if (text->empty()) *text = message;
  png_longjmp(png, 1);
}

inline void PngIgnoreWarning(png_structp, png_const_charp) {}

}  // namespace banmian
