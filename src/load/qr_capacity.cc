#include "load/qr_capacity.h"

#include <qrencode.h>

namespace banmian {

bool FitsQrCode(const std::string& data) {
  if (data.size() > kQrCapacityBytes) return false;  // no need to ask
  QRcode* code = QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M);
  if (!code) return false;
  QRcode_free(code);
  return true;
}

}  // namespace banmian
