// Reading a supplied PDF's page: its boxes and what the press checks need (model/pdf_art.h).
//
// The file is opened with libqpdf from the bytes read once. The chosen page's TrimBox (else
// its CropBox, else its MediaBox, whichever the page really has) is the size the ad has; its
// content and resources are walked from a queue, each object once, at any depth (form
// XObjects inside forms, tiling and shading patterns, shadings, images, ExtGStates and their
// soft masks, Type 3 glyphs; not annotations) for RGB and Lab colour, spot colourants,
// transparency, fonts that are not embedded and the highest total ink (and what ink could
// not be measured), and the document's PDF/X OutputIntent is read. Every stream the page
// uses is decoded: one that does not decode makes the file damaged (an error, as an
// encrypted file, a zero-size MediaBox). Only values come out: nothing later opens the file
// to learn about it again.
#pragma once

#include <optional>
#include <string>

#include "model/pdf_art.h"

namespace banmian {

// `page` counts from 1. Nothing, with `error` set ("is not a PDF", "has 2 pages, not 3", …),
// for bytes that are not a readable PDF or a page it does not have. Never throws.
std::optional<PdfArt> ReadPdfArt(const std::string& path, std::shared_ptr<const std::string> bytes,
                                 int page, std::string& error);

// Whether the bytes start like a PDF file ("%PDF-" in the first 1024 bytes).
bool LooksLikePdf(const std::string& bytes);

}  // namespace banmian
