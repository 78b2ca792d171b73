// Reading a picture's attribute block: the `{cols=2 place=top-left ratio=4:3}` after
// `![caption](file "credit")` in an article.
//
// The block holds space-separated `key=value` attributes in any order, each at most
// once: `cols` (1..20 or all), `place` (top-right, top-left, bottom-right, bottom-left,
// top, bottom or flow), `rows` (the picture's height in grid lines, 1..500) or `ratio`
// (W:H), and `focus` (X%,Y%, the point kept when the picture is cropped). What they
// leave out takes the defaults docs/formats.md gives. Every problem is reported at the
// block's position; nothing is set unless the whole block is good.
#pragma once

#include <string_view>

#include "model/article.h"
#include "model/diagnostic.h"

namespace banmian {

// Sets `picture`'s columns, place, rows, ratio and focus from the text between the
// braces (`inside`, without them). Returns false, leaving `picture` as it was, when the
// block has an error; every error is reported at `pos`.
bool ReadPictureAttributes(std::string_view inside, const SourcePos& pos, Block& picture,
                           Diagnostics& diags);

}  // namespace banmian
