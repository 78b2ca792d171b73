#include "base/sha256.h"

#include <gnutls/crypto.h>

#include <stdexcept>

namespace banmian {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[32];
  if (gnutls_hash_fast(GNUTLS_DIG_SHA256, bytes.data(), bytes.size(), digest) != 0)
    throw std::runtime_error("GnuTLS could not compute a SHA-256");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(64);
  for (unsigned char b : digest) {
    hex += kHex[b >> 4];
    hex += kHex[b & 15];
  }
  return hex;
}

}  // namespace banmian
