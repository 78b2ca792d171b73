// SHA-256 of bytes, as lowercase hex: what an output folder's manifest records of each
// file, in the format `sha256sum -c` checks (GnuTLS computes it; qpdf already needs it).
#pragma once

#include <string>
#include <string_view>

namespace banmian {

std::string Sha256Hex(std::string_view bytes);

}  // namespace banmian
