// Deflating bytes for PDF streams (/FlateDecode): zlib at its default level, which keeps
// text content streams small; what cannot be compressed much (font programs) is stored
// as it is and never comes here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace banmian {

std::string Deflate(std::string_view data);
inline std::string Deflate(const std::vector<unsigned char>& data) {
  return Deflate(std::string_view(reinterpret_cast<const char*>(data.data()), data.size()));
}

}  // namespace banmian
