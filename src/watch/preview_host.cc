#include "watch/preview_host.h"

namespace banmian {

bool PreviewHostAllowed(const std::string& host, int port) {
  const std::string suffix = ":" + std::to_string(port);
  if (host == "127.0.0.1" + suffix || host == "localhost" + suffix) return true;
  return port == 80 && (host == "127.0.0.1" || host == "localhost");
}

}  // namespace banmian
