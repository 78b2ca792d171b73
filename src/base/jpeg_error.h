// libjpeg's fatal errors as a jump back to the caller, with the error's text.
//
// libjpeg's default handler prints and calls exit(). Install() makes a fatal error
// format its message into `message` and longjmp to `jump`, which the decoder sets with
// setjmp in its own frame before any libjpeg call, so damaged input becomes an error
// message instead of the end of the process.
#pragma once

#include <csetjmp>
#include <cstdio>  // jpeglib.h needs FILE and size_t declared first

#include <jpeglib.h>

namespace banmian {

struct JpegErrorJump {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX] = {};

  // For `cinfo.err`.
  jpeg_error_mgr* Install() {
    jpeg_std_error(&mgr);
    mgr.error_exit = Exit;
    // Warnings are not printed: what matters is reported by banmian, with its position.
    mgr.output_message = [](j_common_ptr) {};
    return &mgr;
  }

  static void Exit(j_common_ptr cinfo) {
    auto* self = reinterpret_cast<JpegErrorJump*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, self->message);
    std::longjmp(self->jump, 1);
  }
};

}  // namespace banmian
