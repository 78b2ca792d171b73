#include "render/glyph_text.h"

#include <algorithm>

#include "model/utf8.h"
#include "render/pdf_page_content.h"

namespace banmian {

namespace {

// Codes are two bytes; Pango's invisible glyph (PANGO_GLYPH_EMPTY, for a zero-width space
// or a soft hyphen) is 0x0FFFFFFF and is never drawn.
constexpr uint32_t kLastCode = 0xFFFF;

bool OneCharacter(std::string_view chars) {
  if (chars.empty()) return false;
  size_t i = 0;
  Utf8Next(chars, i);
  return i == chars.size();
}

void AppendUtf16(std::string& out, std::string_view chars) {
  for (size_t i = 0; i < chars.size();) {
    char32_t cp = Utf8Next(chars, i);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      AppendHex(out, 0xD800 + (cp >> 10), 4);
      AppendHex(out, 0xDC00 + (cp & 0x3FF), 4);
    } else {
      AppendHex(out, cp, 4);
    }
  }
}

}  // namespace

void GlyphTexts::Use(uint32_t glyph, std::string_view chars) {
  if (glyph > kLastCode) return;
  if (glyph >= used_.size()) {
    const size_t size = std::max<size_t>({glyph + 1, 2 * used_.size(), 4096});
    used_.resize(size);
    text_.resize(size);
    single_.resize(size);
  }
  used_[glyph] = 1;
  if (glyph == 0) return;  // .notdef: U+FFFD, whatever it stood for
  // One character drawn as one glyph is what the glyph is; anything else (a cluster's
  // first glyph) only while nothing better is known.
  const bool single = OneCharacter(chars);
  if (single_[glyph] || (!single && !text_[glyph].empty()) || chars.empty()) return;
  text_[glyph] = chars;
  single_[glyph] = single;
}

void GlyphTexts::Add(const GlyphRun& run) {
  std::string_view text = run.text;
  size_t byte = 0, glyph = 0;
  for (const TextCluster& c : run.clusters) {
    std::string_view chars =
        byte + c.bytes <= text.size() ? text.substr(byte, c.bytes) : std::string_view();
    for (int i = 0; i < c.glyphs && glyph < run.glyphs.size(); ++i, ++glyph)
      Use(run.glyphs[glyph].id, i == 0 ? chars : std::string_view());
    byte += c.bytes;
  }
  for (; glyph < run.glyphs.size(); ++glyph) Use(run.glyphs[glyph].id, {});
}

std::vector<uint32_t> GlyphTexts::Glyphs() const {
  std::vector<uint32_t> glyphs;
  for (uint32_t g = 0; g < used_.size(); ++g)
    if (used_[g]) glyphs.push_back(g);
  return glyphs;
}

std::string_view GlyphTexts::TextOf(uint32_t glyph) const {
  if (glyph == 0) return "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
  return glyph < text_.size() ? text_[glyph] : std::string_view();
}

std::string GlyphTexts::ToUnicodeCMap() const {
  std::vector<std::pair<uint32_t, std::string>> entries;
  for (uint32_t glyph = 0; glyph < used_.size() && glyph <= kLastCode; ++glyph) {
    if (!used_[glyph] || TextOf(glyph).empty()) continue;
    std::string utf16;
    AppendUtf16(utf16, TextOf(glyph));
    entries.emplace_back(glyph, std::move(utf16));
  }
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n";
  for (size_t start = 0; start < entries.size(); start += 100) {
    const size_t end = std::min(entries.size(), start + 100);
    cmap += std::to_string(end - start) + " beginbfchar\n";
    for (size_t i = start; i < end; ++i) {
      cmap += '<';
      AppendHex(cmap, entries[i].first, 4);
      cmap += "> <" + entries[i].second + ">\n";
    }
    cmap += "endbfchar\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return cmap;
}

bool ClusterCopiesOut(const GlyphRun& run, const TextCluster& cluster, size_t byte, size_t glyph,
                      const GlyphTexts& map) {
  if (cluster.glyphs != 1 || glyph >= run.glyphs.size() || byte + cluster.bytes > run.text.size())
    return false;
  const uint32_t id = run.glyphs[glyph].id;
  return id <= kLastCode &&
         map.TextOf(id) == std::string_view(run.text).substr(byte, cluster.bytes);
}

std::string PdfUtf16Hex(std::string_view text) {
  std::string out = "<feff";
  AppendUtf16(out, text);
  return out + ">";
}

}  // namespace banmian
