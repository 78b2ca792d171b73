// A hash of what a page shows: watch paints a page's preview again only when it changed.
//
// Every item of every frame counts with all its fields (positions, sizes and colours by
// their exact bits, text, glyph ids), glyph runs by the font file and face they use rather
// than the document's font number (which depends on the other pages), pictures and
// supplied PDF pages by the hash of their bytes, and the page's size and bleed. Frame names
// and the page number do not change the pixels and are left out; the page label is kept
// (the preview is served under it). For one process only (std::hash).
#pragma once

#include <cstdint>

#include "model/frame.h"

namespace banmian {

uint64_t PageHash(const Page& page, const Document& doc);

}  // namespace banmian
