// A file name written into the contact sheet as a link that can only mean that file.
//
// Output names are made from the issue's folder name and its page labels, which may
// hold anything a file name can: "javascript:alert(1)" (a scheme, were it written as it
// is), "#", "?" and "%" (a fragment, a query, an escape), spaces, a newline, bytes that
// are not UTF-8. RelativeUrl percent-encodes every byte but letters, digits, "-._~"
// and the "/" between folders, and starts the result with "./", so it is always a
// relative reference to exactly that path beside the sheet.
#pragma once

#include <string>
#include <string_view>

namespace banmian {

// `path` is relative to the sheet, with "/" between folders (e.g. "press/a.pdf").
std::string RelativeUrl(std::string_view path);

}  // namespace banmian
