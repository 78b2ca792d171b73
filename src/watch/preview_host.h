// Whether a request's Host names the preview server itself: 127.0.0.1:<port> or
// localhost:<port>, and, on port 80 only, 127.0.0.1 and localhost without a port (a
// browser leaves the default port out). Any other name is refused, so a web page
// elsewhere cannot read the preview through a name it points at 127.0.0.1 (DNS
// rebinding). The server binds 127.0.0.1 only, so [::1] is never its address.
#pragma once

#include <string>

namespace banmian {

bool PreviewHostAllowed(const std::string& host, int port);

}  // namespace banmian
