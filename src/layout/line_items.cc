#include "layout/line_items.h"

#include "model/utf8.h"
#include "text/cluster_joins.h"

namespace banmian {

std::string LineText(const ShapedText& text, const ComposedLine& line) {
  if (line.begin >= line.end) return {};
  uint32_t from = text.atoms[line.begin].byte_begin, to = text.atoms[line.end - 1].byte_end;
  return text.text.substr(from, to - from);
}

void AppendLineRuns(const ShapedText& text, const ComposedLine& line, double x, double y,
                    std::vector<Item>& out, std::vector<MissingGlyphRecord>* missing) {
  GlyphRun* run = nullptr;
  int run_font = -1, run_style = -1;
  for (uint32_t k = line.begin; k < line.end; ++k) {
    const Atom& atom = text.atoms[k];
    if (!run || atom.font != run_font || atom.run != run_style ||
        atom.synthetic_bold != run->synthetic_bold) {
      const RunStyle& style = text.runs[atom.run];
      GlyphRun r;
      r.font = atom.font;
      r.size = style.size;
      r.colour = style.colour;
      r.role = style.role;
      r.synthetic_bold = atom.synthetic_bold;
      out.push_back(std::move(r));
      run = &std::get<GlyphRun>(out.back());
      run_font = atom.font;
      run_style = atom.run;
    }
    double gx = x + line.x[k - line.begin];
    // A mark set half width at the line's end is drawn with the font's half-width form
    // when it has one, so the PDF gives it the width it takes.
    const bool half = k + 1 == line.end && line.half_end && atom.half_glyph &&
                      atom.glyph_end == atom.glyph_begin + 1 && !line.hanging;
    for (uint32_t g = atom.glyph_begin; g < atom.glyph_end; ++g) {
      const ShapedGlyph& sg = text.glyphs[g];
      if (half) {
        run->glyphs.push_back({atom.half_glyph, gx + sg.x_offset, y + sg.y_offset, sg.advance / 2});
      } else {
        run->glyphs.push_back({sg.id, gx + sg.x_offset, y + sg.y_offset, sg.advance});
      }
      gx += sg.advance;
    }
    run->text.append(text.text, atom.byte_begin, atom.byte_end - atom.byte_begin);
    run->clusters.push_back({static_cast<int>(atom.byte_end - atom.byte_begin),
                             static_cast<int>(atom.glyph_end - atom.glyph_begin)});
    if (missing && (atom.missing || atom.synthetic_bold || atom.no_variant)) {
      MissingGlyphRecord m;
      m.ch = atom.ch;
      m.cluster = text.text.substr(atom.byte_begin, atom.byte_end - atom.byte_begin);
      m.context = LineText(text, line);
      if (atom.missing) {
        // Each visible character of the cluster, once (a sequence joined by ZWJ, or an
        // emoji with its skin tone, may lack several); selectors, joiners and tags are
        // invisible and never missing.
        std::u32string reported;
        for (size_t i = atom.byte_begin; i < atom.byte_end;) {
          const char32_t c = Utf8Next(text.text, i);
          if (IsVariationSelector(c) || c == 0x200D || (c >= 0xE0020 && c <= 0xE007F) ||
              reported.find(c) != std::u32string::npos)
            continue;
          reported += c;
          m.ch = c;
          missing->push_back(m);
        }
      }
      m.ch = atom.ch;
      if (atom.synthetic_bold) {
        m.kind = MissingGlyphRecord::Kind::kSyntheticBold;
        missing->push_back(m);
      }
      if (atom.no_variant) {
        m.kind = MissingGlyphRecord::Kind::kNoVariant;
        missing->push_back(m);
      }
    }
  }
}

void AppendVerticalLine(const ShapedText& vertical, const ComposedLine& line, double centre_x,
                        double top, std::vector<Item>& out,
                        std::vector<MissingGlyphRecord>* missing) {
  // Each atom is a line of one, whose glyphs' offsets hang them from the centre line and the
  // top of the atom's box (vertical_text.h).
  for (uint32_t k = line.begin; k < line.end; ++k) {
    ComposedLine one;
    one.begin = k;
    one.end = k + 1;
    one.x.push_back(0);
    AppendLineRuns(vertical, one, centre_x, top + line.x[k - line.begin], out, missing);
  }
}

}  // namespace banmian
