// The PDF writer: pages of a Document → the bytes of a PDF file, for the screen PDF,
// the proof PDF and every press file.
//
// Work is split so threads can share it and the bytes never depend on how: the glyphs
// and pictures the pages use are collected; the fonts are subset and the pictures
// encoded (one task each); every page's content stream is written and deflated (one
// task each); then libqpdf assembles the objects in page order and writes the file with
// an ID computed from its content. Screen files get page labels (A01 …) and an outline
// entry per page; press files get DeviceCMYK colours, the trim and bleed boxes and the
// PDF/X parts (pdfx.h) instead.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/frame.h"
#include "render/pdf_page_content.h"
#include "render/pdfx.h"

namespace banmian {

struct PdfSettings {
  PdfColours colours = PdfColours::kScreenRgb;
  double margin = 0;       // media around each page's trim box: bleed and printer's marks
  bool navigation = true;  // page labels and an outline entry per page
  std::string title;       // the document information's title
  // Picture path → the bytes to embed instead of the file's (press: CMYK JPEGs).
  const std::map<std::string, std::string>* picture_bytes = nullptr;
  const PdfxSettings* pdfx = nullptr;  // makes the file PDF/X
  // PDF/X: what names the document across its versions (press: paper, date and page
  // label). Its hash is the document id, the first element of the trailer's /ID and the
  // XMP's DocumentID, the same for a corrected resend; the second /ID element and the
  // XMP's InstanceID come from the content. Empty: the document id is the content's too.
  std::string document_key;
  // Press: 100 % K alone overprints (pdf_page_content.h); the resources get the two
  // ExtGStates it switches between.
  bool overprint_black = false;
  int jobs = 1;
};

// The PDF of `pages` (each a page of `doc`); false with `error` set when a font or a
// picture cannot be embedded.
bool WritePdfBytes(const Document& doc, const std::vector<const Page*>& pages,
                   const PdfSettings& settings, std::string& out, std::string& error);

}  // namespace banmian
