// Whether a text fits in a QR code, checked when the issue is loaded.
//
// The furniture draws QR codes with libqrencode (8-bit data, error correction level M,
// the smallest version that holds the text); a text longer than the largest version holds
// (2331 bytes at level M) gives no code at all. FitsQrCode asks libqrencode the same way,
// so a text that would be left off the page is an error at its line instead.
#pragma once

#include <string>

namespace banmian {

// The most bytes a QR code holds at the level the furniture uses.
inline constexpr size_t kQrCapacityBytes = 2331;

bool FitsQrCode(const std::string& data);

}  // namespace banmian
