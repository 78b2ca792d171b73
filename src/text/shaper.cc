#include "text/shaper.h"

#include <hb.h>
#include <pango/pango.h>

#include <map>

#include "model/utf8.h"
#include "text/cluster_joins.h"
#include "text/script.h"

namespace banmian {

namespace {

// The glyph a variation sequence (the atom's base character and `selector`) asks for,
// from the base's font: the atom shows it when the font has it (its cmap format 14), and
// is marked `no_variant` when a selector that asks for a glyph finds none. The advance
// stays the base's (a variant of an ideograph is as wide).
void ApplyVariant(PangoFont* font, const std::string& text, Atom& atom, ShapedGlyph& glyph,
                  char32_t selector) {
  size_t i = atom.byte_begin;
  const char32_t base = Utf8Next(text, i);
  hb_font_t* hb = pango_font_get_hb_font(font);
  hb_codepoint_t variant = 0;
  if (hb && hb_font_get_variation_glyph(hb, base, selector, &variant))
    glyph.id = variant;
  else if (AsksForGlyphVariant(selector))
    atom.no_variant = true;
}

}  // namespace

ShapedText Shape(FontSet& fonts, const std::vector<StyledRun>& runs) {
  ShapedText out;
  std::vector<uint32_t> run_start;
  std::vector<float> run_letter_spacing;
  std::vector<bool> run_bold;
  PangoAttrList* attrs = pango_attr_list_new();
  for (const StyledRun& r : runs) {
    if (r.text.empty()) continue;
    uint32_t start = static_cast<uint32_t>(out.text.size());
    out.text += r.text;
    run_start.push_back(start);
    run_letter_spacing.push_back(static_cast<float>(r.style->letter_spacing));
    run_bold.push_back(r.style->bold);
    out.runs.push_back({r.style->name, static_cast<float>(r.style->size), r.style->colour});
    PangoFontDescription* desc = fonts.Describe(*r.style);
    PangoAttribute* a = pango_attr_font_desc_new(desc);
    pango_font_description_free(desc);
    a->start_index = start;
    a->end_index = static_cast<guint>(out.text.size());
    pango_attr_list_insert(attrs, a);
    if (!r.features.empty()) {
      PangoAttribute* f = pango_attr_font_features_new(r.features.c_str());
      f->start_index = start;
      f->end_index = static_cast<guint>(out.text.size());
      pango_attr_list_insert(attrs, f);
    }
  }
  // The CJK fonts compose —— into one two-em glyph (ccmp). One glyph for two characters
  // copies out badly and hides the pair from the composer, so dashes are shaped one by
  // one: each U+2014 gets the font's full-width dash, and two of them meet seamlessly.
  for (size_t i = 0; i < out.text.size();) {
    size_t start = i;
    if (Utf8Next(out.text, i) != 0x2014) continue;
    size_t end = i;
    for (size_t j = i; j < out.text.size() && Utf8Next(out.text, j) == 0x2014;) end = i = j;
    PangoAttribute* a = pango_attr_font_features_new("ccmp 0");
    a->start_index = static_cast<guint>(start);
    a->end_index = static_cast<guint>(end);
    pango_attr_list_insert(attrs, a);
  }
  auto run_of = [&](uint32_t byte) {
    size_t r = 0;
    while (r + 1 < run_start.size() && run_start[r + 1] <= byte) ++r;
    return r;
  };

  const char* text = out.text.c_str();
  int length = static_cast<int>(out.text.size());
  GList* items = pango_itemize(fonts.context(), text, 0, length, attrs, nullptr);
  PangoGlyphString* glyphs = pango_glyph_string_new();
  std::map<PangoFont*, bool> bold_face;  // whether a font is a bold face
  PangoFont* previous_font = nullptr;    // the font of the last atom made
  bool join_next = false;                // the last atom ends with a zero-width joiner
  for (GList* l = items; l; l = l->next) {
    auto* item = static_cast<PangoItem*>(l->data);
    pango_shape_with_flags(text + item->offset, item->length, text, length, &item->analysis, glyphs,
                           PANGO_SHAPE_NONE);
    int font = item->analysis.font ? fonts.FontId(item->analysis.font) : 0;
    size_t run = run_of(item->offset);
    float letter_spacing = run_letter_spacing.empty() ? 0 : run_letter_spacing[run];
    // A bold style set in a font without a bold face (a rare character from the
    // fallback chain) is emboldened by the writers.
    bool synthetic_bold = false;
    if (item->analysis.font && run < run_bold.size() && run_bold[run]) {
      auto [it, fresh] = bold_face.try_emplace(item->analysis.font, false);
      if (fresh) {
        PangoFontDescription* d = pango_font_describe(item->analysis.font);
        it->second = pango_font_description_get_weight(d) >= PANGO_WEIGHT_SEMIBOLD;
        pango_font_description_free(d);
      }
      synthetic_bold = !it->second;
    }
    for (int g = 0; g < glyphs->num_glyphs;) {
      // One cluster: the glyphs sharing a log_cluster value.
      int cluster = glyphs->log_clusters[g];
      int g_end = g + 1;
      while (g_end < glyphs->num_glyphs && glyphs->log_clusters[g_end] == cluster) ++g_end;
      uint32_t byte_begin = item->offset + cluster;
      uint32_t byte_end = g_end < glyphs->num_glyphs ? item->offset + glyphs->log_clusters[g_end]
                                                     : item->offset + item->length;
      size_t pos = byte_begin;
      const char32_t first = Utf8Next(out.text, pos);
      char32_t last = first;
      for (size_t p = pos; p < byte_end;) last = Utf8Next(out.text, p);
      // A selector, joiner or modifier (or whatever follows a joiner) joins the atom
      // before it, when that atom ends where this cluster starts, in the same style run.
      Atom* joined = nullptr;
      if (!out.atoms.empty() && (join_next || JoinsPrevious(first)) &&
          out.atoms.back().byte_end == byte_begin &&
          static_cast<size_t>(out.atoms.back().run) == run)
        joined = &out.atoms.back();
      join_next = JoinsNext(last);
      Atom fresh_atom;
      Atom& atom = joined ? *joined : fresh_atom;
      if (!joined) {
        atom.ch = first;
        atom.byte_begin = byte_begin;
        atom.glyph_begin = static_cast<uint32_t>(out.glyphs.size());
        atom.font = static_cast<int16_t>(font);
        atom.run = static_cast<int16_t>(run);
        atom.synthetic_bold = synthetic_bold;
      }
      atom.byte_end = byte_end;
      for (int k = g; k < g_end; ++k) {
        const PangoGlyphInfo& info = glyphs->glyphs[k];
        // A joined character's invisible glyph (PANGO_GLYPH_EMPTY) is dropped: its text
        // stays with the base's glyph.
        if (joined && (info.glyph == PANGO_GLYPH_EMPTY || info.glyph == PANGO_GLYPH_INVALID_INPUT))
          continue;
        ShapedGlyph sg;
        if (info.glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
          atom.missing = true;
          sg.id = 0;
        } else {
          sg.id = info.glyph;
        }
        sg.advance = static_cast<float>(info.geometry.width) / PANGO_SCALE;
        sg.x_offset = static_cast<float>(info.geometry.x_offset) / PANGO_SCALE;
        sg.y_offset = static_cast<float>(info.geometry.y_offset) / PANGO_SCALE;
        atom.advance += sg.advance;
        out.glyphs.push_back(sg);
      }
      if (joined) {
        atom.glyph_end = static_cast<uint32_t>(out.glyphs.size());
        // A variation selector after a base of one glyph: the base's font gives the glyph
        // it asks for (Pango may have shaped the selector apart, in another font).
        if (IsVariationSelector(first) && atom.glyph_end == atom.glyph_begin + 1 && !atom.missing &&
            previous_font)
          ApplyVariant(previous_font, out.text, atom, out.glyphs[atom.glyph_begin], first);
        g = g_end;
        continue;
      }
      atom.advance += letter_spacing;
      atom.em = out.runs[run].size;
      if (g_end == g + 1 && item->analysis.font && IsCjkPunctuation(atom.ch)) {
        FontSet::Blanks blanks = fonts.PunctuationBlanks(item->analysis.font, atom.ch);
        atom.blank_left = blanks.left * atom.advance;
        atom.blank_right = blanks.right * atom.advance;
        atom.half_glyph = fonts.HalfWidthGlyph(item->analysis.font, atom.ch);
      }
      atom.glyph_end = static_cast<uint32_t>(out.glyphs.size());
      out.atoms.push_back(atom);
      previous_font = item->analysis.font;
      g = g_end;
    }
  }
  pango_glyph_string_free(glyphs);
  g_list_free_full(items, reinterpret_cast<GDestroyNotify>(pango_item_free));
  pango_attr_list_unref(attrs);
  return out;
}

ShapedText ShapeOne(FontSet& fonts, const std::string& text, const Style& style) {
  return Shape(fonts, {{text, &style}});
}

}  // namespace banmian
