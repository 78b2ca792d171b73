#include "render/pdf_writer.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "base/deflate.h"
#include "base/parallel.h"
#include "base/sha256.h"
#include "model/utf8.h"
#include "render/font_subset.h"
#include "render/glyph_text.h"
#include "render/pdf_picture.h"

namespace banmian {

namespace {

using Object = QPDFObjectHandle;

// The encoding CMap of a CFF font whose CIDs are not its glyph ids: code → CID.
std::string EncodingCMap(const FontProgram& program, const std::string& name) {
  const std::string system_info = "<< /Registry (" + program.registry + ") /Ordering (" +
                                  program.ordering + ") /Supplement " +
                                  std::to_string(program.supplement) + " >>";
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo " +
      system_info + " def\n/CMapName /" + name +
      " def\n/CMapType 1 def\n"
      "1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n";
  const auto& pairs = program.code_to_glyph;
  for (size_t start = 0; start < pairs.size(); start += 100) {
    const size_t end = std::min(pairs.size(), start + 100);
    cmap += std::to_string(end - start) + " begincidchar\n";
    for (size_t i = start; i < end; ++i) {
      cmap += '<';
      AppendHex(cmap, pairs[i].first, 4);
      cmap += "> " + std::to_string(pairs[i].second) + "\n";
    }
    cmap += "endcidchar\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return cmap;
}

// The CIDToGIDMap of a TrueType subset: two bytes per code, the subset's glyph id.
std::string CidToGidMap(const FontProgram& program) {
  std::string map;
  if (program.code_to_glyph.empty()) return map;
  map.assign(2 * (program.code_to_glyph.back().first + 1), '\0');
  for (auto [code, glyph] : program.code_to_glyph) {
    map[2 * code] = static_cast<char>(glyph >> 8);
    map[2 * code + 1] = static_cast<char>(glyph & 0xFF);
  }
  return map;
}

// The /W array for `glyphs` (ascending): runs of consecutive codes with their widths;
// 1000 (/DW) left out.
std::string WidthArray(const FontMetrics& metrics, const std::vector<uint32_t>& glyphs) {
  std::string w = "[";
  int64_t last = -2;
  for (uint32_t glyph : glyphs) {
    const int width = metrics.WidthOf(glyph);
    if (width == 1000 || glyph > 0xFFFF) continue;
    if (glyph != last + 1) {
      if (last >= 0) w += "] ";
      w += std::to_string(glyph) + " [";
    } else {
      w += ' ';
    }
    w += std::to_string(width);
    last = glyph;
  }
  if (last >= 0) w += ']';
  return w + "]";
}

// The /W array of a CFF font whose codes reach their glyphs through an encoding CMap:
// there /W is keyed by CID, not by code.
std::string WidthArrayByCid(const FontMetrics& metrics, const FontProgram& program) {
  std::vector<std::pair<uint16_t, int>> by_cid;
  for (auto [code, cid] : program.code_to_glyph) by_cid.emplace_back(cid, metrics.WidthOf(code));
  std::sort(by_cid.begin(), by_cid.end());
  std::string w = "[";
  for (auto [cid, width] : by_cid)
    if (width != 1000) w += std::to_string(cid) + " [" + std::to_string(width) + "] ";
  if (w.back() == ' ') w.pop_back();
  return w + "]";
}

// Six capital letters naming this subset, the same for the same glyphs.
std::string SubsetTag(const std::vector<uint32_t>& glyphs, int font) {
  uint64_t h = 1469598103934665603ULL ^ static_cast<uint64_t>(font);
  for (uint32_t glyph : glyphs) h = (h ^ glyph) * 1099511628211ULL;
  std::string tag;
  for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
  return tag;
}

// A font's parts: measured before the pages are written (they need its advances), its
// glyphs gathered and subset alongside them.
struct EmbeddedFont {
  std::unique_ptr<SubsettableFont> face;
  FontMetrics metrics;
  std::vector<uint32_t> glyphs;  // ascending
  std::optional<FontProgram> program;
  std::string to_unicode;  // deflated
  std::string widths, tag;
  std::string error;
};

struct EmbeddedPicture {
  std::string path;
  std::shared_ptr<const std::string> bytes;  // as loaded (ImageItem::bytes)
  std::optional<PdfPicture> picture;
  std::string error;
};

Object Stream(QPDF& pdf, std::string data, const char* filter) {
  Object stream = Object::newStream(&pdf);
  stream.replaceStreamData(std::move(data), filter ? Object::newName(filter) : Object::newNull(),
                           Object::newNull());
  return stream;
}

Object Number(double value) {
  std::string s;
  AppendNumber(s, value);
  return Object::parse(s);
}

Object Rectangle(double x0, double y0, double x1, double y1) {
  Object box = Object::newArray();
  for (double v : {x0, y0, x1, y1}) box.appendItem(Number(v));
  return box;
}

Object FontObject(QPDF& pdf, const EmbeddedFont& font) {
  const FontMetrics& m = font.metrics;
  const FontProgram& p = *font.program;
  const bool cff = p.format == FontProgram::Format::kCff;
  const std::string& tag = font.tag;
  const std::string name = "/" + tag + "+" + m.postscript_name;
  Object program = Stream(pdf, p.program, nullptr);
  if (cff)
    program.getDict().replaceKey("/Subtype", Object::newName("/CIDFontType0C"));
  else
    program.getDict().replaceKey("/Length1",
                                 Object::newInteger(static_cast<long long>(p.program.size())));

  Object descriptor = Object::newDictionary();
  descriptor.replaceKey("/Type", Object::newName("/FontDescriptor"));
  descriptor.replaceKey("/FontName", Object::newName(name));
  descriptor.replaceKey("/Flags", Object::newInteger(4 | (m.serif ? 2 : 0)));
  descriptor.replaceKey("/FontBBox", Rectangle(m.bbox[0], m.bbox[1], m.bbox[2], m.bbox[3]));
  descriptor.replaceKey("/ItalicAngle", Object::newInteger(m.italic_angle));
  descriptor.replaceKey("/Ascent", Object::newInteger(m.ascent));
  descriptor.replaceKey("/Descent", Object::newInteger(m.descent));
  descriptor.replaceKey("/CapHeight", Object::newInteger(m.cap_height));
  descriptor.replaceKey("/StemV", Object::newInteger(80));
  descriptor.replaceKey(cff ? "/FontFile3" : "/FontFile2", program);

  Object system_info = Object::newDictionary();
  system_info.replaceKey("/Registry", Object::newString(cff ? p.registry : "Adobe"));
  system_info.replaceKey("/Ordering", Object::newString(cff ? p.ordering : "Identity"));
  system_info.replaceKey("/Supplement", Object::newInteger(cff ? p.supplement : 0));

  Object cid_font = Object::newDictionary();
  cid_font.replaceKey("/Type", Object::newName("/Font"));
  cid_font.replaceKey("/Subtype", Object::newName(cff ? "/CIDFontType0" : "/CIDFontType2"));
  cid_font.replaceKey("/BaseFont", Object::newName(name));
  cid_font.replaceKey("/CIDSystemInfo", system_info);
  cid_font.replaceKey("/FontDescriptor", pdf.makeIndirectObject(descriptor));
  cid_font.replaceKey("/DW", Object::newInteger(1000));
  cid_font.replaceKey("/W", Object::parse(font.widths));
  if (!cff)
    cid_font.replaceKey("/CIDToGIDMap", p.identity
                                            ? Object::newName("/Identity")
                                            : Stream(pdf, Deflate(CidToGidMap(p)), "/FlateDecode"));

  Object type0 = Object::newDictionary();
  type0.replaceKey("/Type", Object::newName("/Font"));
  type0.replaceKey("/Subtype", Object::newName("/Type0"));
  type0.replaceKey("/BaseFont", Object::newName(name));
  if (!cff || p.identity) {
    type0.replaceKey("/Encoding", Object::newName("/Identity-H"));
  } else {
    const std::string cmap_name = "Banmian-" + tag + "-H";
    Object encoding = Stream(pdf, Deflate(EncodingCMap(p, cmap_name)), "/FlateDecode");
    Object e = encoding.getDict();
    e.replaceKey("/Type", Object::newName("/CMap"));
    e.replaceKey("/CMapName", Object::newName("/" + cmap_name));
    e.replaceKey("/CIDSystemInfo", system_info);
    e.replaceKey("/WMode", Object::newInteger(0));
    type0.replaceKey("/Encoding", encoding);
  }
  Object descendants = Object::newArray();
  descendants.appendItem(pdf.makeIndirectObject(cid_font));
  type0.replaceKey("/DescendantFonts", descendants);
  type0.replaceKey("/ToUnicode", Stream(pdf, font.to_unicode, "/FlateDecode"));
  return pdf.makeIndirectObject(type0);
}

Object PictureObject(QPDF& pdf, const PdfPicture& p) {
  Object image = Stream(pdf, p.data, p.filter.c_str());
  Object dict = image.getDict();
  dict.replaceKey("/Type", Object::newName("/XObject"));
  dict.replaceKey("/Subtype", Object::newName("/Image"));
  dict.replaceKey("/Width", Object::newInteger(p.width));
  dict.replaceKey("/Height", Object::newInteger(p.height));
  dict.replaceKey("/ColorSpace", Object::newName(p.colour_space));
  dict.replaceKey("/BitsPerComponent", Object::newInteger(8));
  if (p.inverted_cmyk) dict.replaceKey("/Decode", Object::parse("[1 0 1 0 1 0 1 0]"));
  if (!p.alpha.empty()) {
    Object mask = Stream(pdf, p.alpha, "/FlateDecode");
    Object m = mask.getDict();
    m.replaceKey("/Type", Object::newName("/XObject"));
    m.replaceKey("/Subtype", Object::newName("/Image"));
    m.replaceKey("/Width", Object::newInteger(p.width));
    m.replaceKey("/Height", Object::newInteger(p.height));
    m.replaceKey("/ColorSpace", Object::newName("/DeviceGray"));
    m.replaceKey("/BitsPerComponent", Object::newInteger(8));
    dict.replaceKey("/SMask", mask);
  }
  return image;
}

// A page label: "A01" → prefix "A0", decimal numbers from 1 (what a viewer shows).
Object PageLabel(const std::string& label) {
  size_t digits = label.size();
  while (digits > 0 && label[digits - 1] >= '0' && label[digits - 1] <= '9') --digits;
  Object l = Object::newDictionary();
  size_t first = digits;  // leading zeros belong to the prefix
  while (first + 1 < label.size() && label[first] == '0') ++first;
  // A page number starts at 1 (/St): a label ending in 0 alone is all prefix.
  if (digits < label.size() && label.size() - digits < 9 && label.substr(first) != "0") {
    l.replaceKey("/S", Object::newName("/D"));
    l.replaceKey("/St", Object::newInteger(std::stoll(label.substr(first))));
    if (first > 0) l.replaceKey("/P", Object::newUnicodeString(label.substr(0, first)));
  } else {
    l.replaceKey("/P", Object::newUnicodeString(label));
  }
  return l;
}

}  // namespace

bool WritePdfBytes(const Document& doc, const std::vector<const Page*>& pages,
                   const PdfSettings& settings, std::string& out, std::string& error) {
  // The fonts and pictures the pages use (their glyphs are gathered by each font's task).
  std::vector<uint8_t> font_used(doc.fonts.size(), 0);
  std::vector<EmbeddedPicture> pictures;
  std::map<std::string, int> picture_number;
  std::vector<std::shared_ptr<const PdfArt>> forms;  // supplied PDF pages, as form XObjects
  std::map<std::string, int> form_number;
  for (const Page* page : pages)
    for (const Frame& frame : page->frames)
      for (const Item& item : frame.items) {
        if (const auto* run = std::get_if<GlyphRun>(&item)) {
          if (run->font >= 0 && static_cast<size_t>(run->font) < font_used.size() &&
              !run->glyphs.empty())
            font_used[run->font] = 1;
        } else if (const auto* image = std::get_if<ImageItem>(&item)) {
          if (picture_number.emplace(image->path, static_cast<int>(pictures.size()) + 1).second)
            pictures.push_back({image->path, image->bytes, std::nullopt, {}});
        } else if (const auto* form = std::get_if<FormItem>(&item)) {
          if (form->art &&
              form_number.emplace(form->art->key(), static_cast<int>(forms.size()) + 1).second)
            forms.push_back(form->art);
        }
      }

  // Fonts are opened and measured first: pages need their advances.
  std::vector<EmbeddedFont> fonts(doc.fonts.size());
  std::vector<int> used_fonts;
  std::vector<const FontMetrics*> metrics(doc.fonts.size(), nullptr);
  for (size_t f = 0; f < doc.fonts.size(); ++f) {
    if (!font_used[f]) continue;
    EmbeddedFont& font = fonts[f];
    font.face = std::make_unique<SubsettableFont>(doc.fonts[f]);
    if (!font.face->ok()) {
      error = "font '" + doc.fonts[f].family + "' (" + doc.fonts[f].file +
              ") could not be embedded: " + font.face->error();
      return false;
    }
    font.metrics = font.face->Measure();
    metrics[f] = &font.metrics;
    used_fonts.push_back(static_cast<int>(f));
  }

  // The text each font's glyphs stand for, one task per font: pages need it to know where
  // the ToUnicode map cannot say what a line reads (glyph_text.h).
  std::vector<GlyphTexts> texts(doc.fonts.size());
  ParallelFor(used_fonts.size(), settings.jobs, [&](size_t task, int) {
    const int f = used_fonts[task];
    for (const Page* page : pages)
      for (const Frame& frame : page->frames)
        for (const Item& item : frame.items)
          if (const auto* run = std::get_if<GlyphRun>(&item); run && run->font == f)
            texts[f].Add(*run);
  });
  std::vector<const GlyphTexts*> text_maps(doc.fonts.size(), nullptr);
  for (int f : used_fonts) text_maps[f] = &texts[f];

  // Font subsets, pictures and pages, one task each, all at once; fonts first, as the
  // longest tasks.
  std::vector<std::string> contents(pages.size());
  const size_t first_picture = used_fonts.size(), first_page = first_picture + pictures.size();
  ParallelFor(first_page + pages.size(), settings.jobs, [&](size_t task, int) {
    if (task < first_picture) {
      const int f = used_fonts[task];
      EmbeddedFont& font = fonts[f];
      font.glyphs = texts[f].Glyphs();
      font.tag = SubsetTag(font.glyphs, f);
      font.program = font.face->Subset(font.glyphs, font.error);
      if (font.program)
        font.widths = font.program->format == FontProgram::Format::kCff && !font.program->identity
                          ? WidthArrayByCid(font.metrics, *font.program)
                          : WidthArray(font.metrics, font.glyphs);
      font.to_unicode = Deflate(texts[f].ToUnicodeCMap());
    } else if (task < first_page) {
      EmbeddedPicture& picture = pictures[task - first_picture];
      // The bytes the loader checked (or their press conversion); the file is not read again.
      const std::string* bytes = picture.bytes.get();
      if (settings.picture_bytes) {
        auto it = settings.picture_bytes->find(picture.path);
        if (it != settings.picture_bytes->end()) bytes = &it->second;
      }
      if (bytes)
        picture.picture = EncodePdfPicture(*bytes, picture.error);
      else
        picture.error = "was not loaded";
    } else {
      const Page& page = *pages[task - first_page];
      PageContentSettings content;
      content.colours = settings.colours;
      content.margin = settings.margin;
      content.media_height = page.height + 2 * settings.margin;
      content.fonts = &metrics;
      content.texts = &text_maps;
      content.pictures = &picture_number;
      content.forms = &form_number;
      content.overprint_black = settings.overprint_black;
      contents[task - first_page] = Deflate(PageContent(page, content));
    }
  });
  for (int f : used_fonts)
    if (!fonts[f].program) {
      error = "font '" + doc.fonts[f].family + "' (" + doc.fonts[f].file +
              ") could not be embedded: " + fonts[f].error;
      return false;
    }
  for (const EmbeddedPicture& p : pictures) {
    if (!p.picture) {
      error = "picture '" + p.path + "' could not be decoded: it " + p.error;
      return false;
    }
    if (settings.colours == PdfColours::kDeclaredCmyk &&
        (p.picture->colour_space == "/DeviceRGB" || !p.picture->alpha.empty())) {
      error = "picture '" + p.path + "' is not in CMYK and cannot go to press";
      return false;
    }
  }

  // PDF/X ids: this version's from the content, the document's from its key.
  std::string instance_id, document_id, document_id_bytes;
  if (settings.pdfx) {
    std::string seed = settings.title;
    for (const std::string& content : contents) seed += content;
    instance_id = StableUuid(seed);
    document_id = instance_id;
    if (!settings.document_key.empty()) {
      const std::string hex = Sha256Hex(settings.document_key).substr(0, 32);
      document_id = hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
                    hex.substr(16, 4) + "-" + hex.substr(20, 12);
      for (size_t i = 0; i < hex.size(); i += 2)
        document_id_bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    }
  }

  // The file, in page order. The supplied PDFs are opened for their pages' form XObjects,
  // copied into the file (content stream byte for byte, resources with them); libqpdf
  // reads their streams when the file is written, so they stay open until then.
  std::vector<std::unique_ptr<QPDF>> sources;
  try {
    QPDF pdf;
    pdf.emptyPDF();
    Object resources = Object::newDictionary();
    Object font_resources = Object::newDictionary();
    for (int f : used_fonts)
      font_resources.replaceKey("/F" + std::to_string(f), FontObject(pdf, fonts[f]));
    resources.replaceKey("/Font", font_resources);
    if (!pictures.empty()) {
      Object xobjects = Object::newDictionary();
      for (size_t i = 0; i < pictures.size(); ++i)
        xobjects.replaceKey("/Im" + std::to_string(i + 1),
                            PictureObject(pdf, *pictures[i].picture));
      resources.replaceKey("/XObject", xobjects);
    }
    for (size_t i = 0; i < forms.size(); ++i) {
      const PdfArt& art = *forms[i];
      auto source = std::make_unique<QPDF>();
      source->setSuppressWarnings(true);
      source->processMemoryFile(art.path.c_str(), art.bytes->data(), art.bytes->size());
      std::vector<QPDFPageObjectHelper> source_pages =
          QPDFPageDocumentHelper(*source).getAllPages();
      if (art.page_index < 0 || static_cast<size_t>(art.page_index) >= source_pages.size()) {
        error = "'" + art.path + "' has no page " + std::to_string(art.page_index + 1);
        return false;
      }
      Object form = source_pages[static_cast<size_t>(art.page_index)].getFormXObjectForPage(false);
      if (!resources.hasKey("/XObject")) resources.replaceKey("/XObject", Object::newDictionary());
      resources.getKey("/XObject")
          .replaceKey("/Fm" + std::to_string(i + 1), pdf.copyForeignObject(form));
      sources.push_back(std::move(source));
    }
    if (settings.overprint_black && settings.colours == PdfColours::kDeclaredCmyk) {
      Object states = Object::newDictionary();
      states.replaceKey(kOverprintState, Object::parse(kOverprintDict));
      states.replaceKey(kKnockoutState, Object::parse(kKnockoutDict));
      resources.replaceKey("/ExtGState", states);
    }
    resources = pdf.makeIndirectObject(resources);

    std::vector<Object> page_objects;
    for (size_t i = 0; i < pages.size(); ++i) {
      const Page& page = *pages[i];
      const double m = settings.margin;
      Object p = Object::newDictionary();
      p.replaceKey("/Type", Object::newName("/Page"));
      p.replaceKey("/MediaBox", Rectangle(0, 0, page.width + 2 * m, page.height + 2 * m));
      p.replaceKey("/Resources", resources);
      p.replaceKey("/Contents", Stream(pdf, std::move(contents[i]), "/FlateDecode"));
      if (settings.pdfx) {  // the finished page, and the bleed around it
        const double b = settings.pdfx->bleed;
        p.replaceKey("/BleedBox", Rectangle(m - b, m - b, m + page.width + b, m + page.height + b));
        p.replaceKey("/TrimBox", Rectangle(m, m, m + page.width, m + page.height));
      }
      p = pdf.makeIndirectObject(p);
      pdf.addPage(p, false);
      page_objects.push_back(p);
    }

    Object root = pdf.getRoot();
    if (settings.navigation && !pages.empty()) {
      Object numbers = Object::newArray();
      for (size_t i = 0; i < pages.size(); ++i) {
        numbers.appendItem(Object::newInteger(static_cast<long long>(i)));
        numbers.appendItem(PageLabel(pages[i]->label));
      }
      Object labels = Object::newDictionary();
      labels.replaceKey("/Nums", numbers);
      root.replaceKey("/PageLabels", labels);

      Object outlines = pdf.makeIndirectObject(Object::newDictionary());
      std::vector<Object> entries;
      for (size_t i = 0; i < pages.size(); ++i) {
        Object entry = Object::newDictionary();
        entry.replaceKey("/Title", Object::newUnicodeString("第 " + pages[i]->label + " 版"));
        entry.replaceKey("/Parent", outlines);
        Object destination = Object::newArray();
        destination.appendItem(page_objects[i]);
        destination.appendItem(Object::newName("/Fit"));
        entry.replaceKey("/Dest", destination);
        entries.push_back(pdf.makeIndirectObject(entry));
      }
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) entries[i].replaceKey("/Prev", entries[i - 1]);
        if (i + 1 < entries.size()) entries[i].replaceKey("/Next", entries[i + 1]);
      }
      outlines.replaceKey("/Type", Object::newName("/Outlines"));
      outlines.replaceKey("/First", entries.front());
      outlines.replaceKey("/Last", entries.back());
      outlines.replaceKey("/Count", Object::newInteger(static_cast<long long>(entries.size())));
      root.replaceKey("/Outlines", outlines);
      root.replaceKey("/PageMode", Object::newName("/UseOutlines"));
    }

    Object info = Object::newDictionary();
    info.replaceKey("/Title", Object::newUnicodeString(settings.title));
    info.replaceKey("/Creator", Object::newString(kCreatorTool));
    info.replaceKey("/Producer", Object::newString(kProducer));
    info.replaceKey("/CreationDate", Object::newString(PdfDate(doc.date)));
    info.replaceKey("/ModDate", Object::newString(PdfDate(doc.date)));
    if (settings.pdfx && !AddPdfxParts(pdf, info, *settings.pdfx, settings.title, doc.date,
                                       document_id, instance_id, error))
      return false;
    pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(info));
    // A file that has an /ID keeps its first element when qpdf writes it; the second is
    // then qpdf's deterministic digest of the written content.
    if (!document_id_bytes.empty()) {
      Object id = Object::newArray();
      id.appendItem(Object::newString(document_id_bytes));
      id.appendItem(Object::newString(document_id_bytes));
      pdf.getTrailer().replaceKey("/ID", id);
    }

    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.setCompressStreams(false);
    writer.setDecodeLevel(qpdf_dl_none);
    writer.forcePDFVersion(settings.pdfx ? PdfxVersion(*settings.pdfx) : "1.5");
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    out.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    return true;
  } catch (const std::exception& e) {
    error = std::string("the PDF could not be written: ") + e.what();
    return false;
  }
}

}  // namespace banmian
