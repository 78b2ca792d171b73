#include "base/deflate.h"

#include <zlib.h>

namespace banmian {

std::string Deflate(std::string_view data) {
  uLongf size = compressBound(data.size());
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size,
            reinterpret_cast<const Bytef*>(data.data()), data.size(), Z_DEFAULT_COMPRESSION);
  out.resize(size);
  return out;
}

}  // namespace banmian
