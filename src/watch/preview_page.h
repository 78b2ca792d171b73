// The live preview page that `banmian watch` serves at `/`: one self-contained HTML file
// with its style and script, no outside resources.
//
// The page draws itself from /state.json (watch/preview_state.h) and listens to /events: on
// each `rendered` event it fetches the state again and updates what changed in place, so the
// scroll position stays. Every page is shown as its picture with its findings beside it (an
// auto page with its layouts under the picture: each one's cost, modules and cost terms); a
// page whose picture changed in the latest render is marked (class `changed`, "changed"
// badge) and its new picture is loaded before it replaces the old one. A render that stopped
// on input errors shows each error with its file:line:col, the source line and a caret
// under the column, and dims the last good pages under it (body class `failed`). Text from
// the issue is set as text (textContent), never as markup. The body's data-render and
// data-failed attributes, and each page's data-version and data-shown (the version whose
// picture is on screen), say what it shows (the browser test reads them).
#pragma once

#include <string>

namespace banmian {

std::string PreviewPageHtml();

}  // namespace banmian
