// Font subsetting for the PDF writer (render/font_subset.h): a CFF face (Noto Serif CJK
// SC) and a TrueType face (AR PL UKai) measured and cut down to a few glyphs, checked
// for where each code (glyph id) leads in the subset, their widths, the program's size,
// and read back with FreeType to see that the subset holds the original outlines.
#include <doctest/doctest.h>
#include <ft2build.h>
#include <hb.h>
#include FT_FREETYPE_H
#include FT_CID_H

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "render/font_subset.h"

using namespace banmian;

namespace {

const char* const kNotoSerifCjk = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
const int kNotoSerifCjkScIndex = 2;
const char* const kUkai = "/usr/share/fonts/truetype/arphic/ukai.ttc";

long FileSize(const char* path) {
  FILE* f = std::fopen(path, "rb");
  if (!f) return -1;
  std::fseek(f, 0, SEEK_END);
  long size = std::ftell(f);
  std::fclose(f);
  return size;
}

// The shaper's glyph ids of `chars` in a face, by HarfBuzz's cmap lookup.
std::vector<uint32_t> NominalGlyphs(const FontFace& face, const std::vector<char32_t>& chars) {
  hb_blob_t* blob = hb_blob_create_from_file(face.file.c_str());
  hb_face_t* hb_face = hb_face_create(blob, static_cast<unsigned>(face.index));
  hb_font_t* font = hb_font_create(hb_face);
  std::vector<uint32_t> glyphs;
  for (char32_t c : chars) {
    hb_codepoint_t g = 0;
    if (hb_font_get_nominal_glyph(font, c, &g)) glyphs.push_back(g);
  }
  hb_font_destroy(font);
  hb_face_destroy(hb_face);
  hb_blob_destroy(blob);
  return glyphs;
}

// A glyph's outline as FreeType loads it (unscaled, unhinted): its point and contour
// counts and its advance in font units; all -1 when it does not load.
struct Outline {
  int points = -1, contours = -1;
  long advance = -1;
  bool operator==(const Outline& o) const {
    return points == o.points && contours == o.contours && advance == o.advance;
  }
};

Outline LoadOutline(FT_Face face, FT_UInt glyph) {
  Outline o;
  if (FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0) return o;
  o.points = face->glyph->outline.n_points;
  o.contours = face->glyph->outline.n_contours;
  o.advance = face->glyph->metrics.horiAdvance;
  return o;
}

// A FreeType library and one face, freed together.
struct FtFace {
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  FtFace(const std::string& file, int index) {
    FT_Init_FreeType(&library);
    if (FT_New_Face(library, file.c_str(), index, &face) != 0) face = nullptr;
  }
  explicit FtFace(const std::string& memory) {
    FT_Init_FreeType(&library);
    if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(memory.data()),
                           static_cast<FT_Long>(memory.size()), 0, &face) != 0)
      face = nullptr;
  }
  ~FtFace() {
    if (face) FT_Done_Face(face);
    FT_Done_FreeType(library);
  }
};

// The subset target of `glyph` (CID or new glyph id), or -1 when it has none.
int TargetOf(const FontProgram& program, uint32_t glyph) {
  for (auto& [code, target] : program.code_to_glyph)
    if (code == glyph) return target;
  return -1;
}

FontFace NotoSerifSc() {
  return {kNotoSerifCjk, kNotoSerifCjkScIndex, "Noto Serif CJK SC", "Regular", ""};
}
FontFace Ukai() {
  return {kUkai, 0, "AR PL UKai CN", "Book", ""};
}

// The subset of `font` holding `glyphs`; the test stops if the font does not open or
// does not subset.
FontProgram SubsetOf(const SubsettableFont& font, const std::vector<uint32_t>& glyphs) {
  REQUIRE_MESSAGE(font.ok(), font.error());
  std::string error;
  std::optional<FontProgram> program = font.Subset(glyphs, error);
  REQUIRE_MESSAGE(program, error);
  return *program;
}

}  // namespace

TEST_CASE("font subset: Noto Serif CJK SC is measured from its tables") {
  SubsettableFont font(NotoSerifSc());
  REQUIRE_MESSAGE(font.ok(), font.error());
  std::vector<uint32_t> glyphs = NominalGlyphs(NotoSerifSc(), {U'中', U'国', U'A'});
  REQUIRE(glyphs.size() == 3);
  FontMetrics m = font.Measure();
  CHECK(m.postscript_name == "NotoSerifCJKsc-Regular");
  CHECK(m.serif);
  // Every glyph's width, by glyph id; an ideograph is a full em, a Latin capital
  // narrower.
  CHECK(m.advances.size() == 65535);
  CHECK(m.WidthOf(glyphs[0]) == 1000);
  CHECK(m.WidthOf(glyphs[1]) == 1000);
  CHECK(m.WidthOf(glyphs[2]) > 400);
  CHECK(m.WidthOf(glyphs[2]) < 900);
  CHECK(m.WidthOf(70000) == 1000);  // beyond the face: the default
  // Descriptor metrics in thousandths of an em.
  CHECK(m.ascent > 700);
  CHECK(m.ascent <= 1200);
  CHECK(m.descent < 0);
  CHECK(m.descent > -400);
  CHECK(m.bbox[0] < m.bbox[2]);
  CHECK(m.bbox[1] < 0);
  CHECK(m.bbox[3] > 800);
  CHECK(m.italic_angle == 0);
}

TEST_CASE("font subset: Noto Serif CJK SC becomes a CID-keyed CFF shown by CID = glyph id") {
  FontFace face = NotoSerifSc();
  std::vector<uint32_t> glyphs = NominalGlyphs(face, {U'中', U'国'});
  REQUIRE(glyphs.size() == 2);
  REQUIRE(glyphs[0] != glyphs[1]);
  REQUIRE(glyphs[0] > 0);

  SubsettableFont font(face);
  FontProgram program = SubsetOf(font, glyphs);
  CHECK(program.format == FontProgram::Format::kCff);
  CHECK(program.registry == "Adobe");
  CHECK(program.ordering == "Identity");
  CHECK(program.supplement == 0);

  // Every requested glyph and .notdef has a code, and in Noto CJK the CID is the glyph id.
  CHECK(program.code_to_glyph.size() == 3);
  CHECK(std::is_sorted(program.code_to_glyph.begin(), program.code_to_glyph.end()));
  CHECK(TargetOf(program, 0) == 0);
  for (uint32_t g : glyphs) {
    CAPTURE(g);
    CHECK(TargetOf(program, g) == static_cast<int>(g));
  }
  CHECK(program.identity);

  // A bare CFF program (major version 1), under a kilobyte or so out of megabytes.
  REQUIRE(program.program.size() > 4);
  CHECK(program.program[0] == 1);
  CHECK(program.program[1] == 0);
  const long original = FileSize(kNotoSerifCjk);
  REQUIRE(original > 1000000);
  CHECK(program.program.size() < 5000);
  CHECK(static_cast<long>(program.program.size()) * 100 < original);
}

TEST_CASE("font subset: the CFF program reads back in FreeType with the original outlines") {
  FontFace face = NotoSerifSc();
  std::vector<uint32_t> glyphs = NominalGlyphs(face, {U'中', U'国'});
  REQUIRE(glyphs.size() == 2);
  SubsettableFont font(face);
  FontProgram program = SubsetOf(font, glyphs);
  FontMetrics metrics = font.Measure();

  // FreeType indexes a bare CID-keyed CFF by CID: its "glyph count" is the highest CID
  // + 1, while the program itself holds three charstrings (.notdef, 中, 国).
  FtFace cut(program.program);
  REQUIRE(cut.face);
  FT_Bool cid_keyed = 0;
  REQUIRE(FT_Get_CID_Is_Internally_CID_Keyed(cut.face, &cid_keyed) == 0);
  CHECK(cid_keyed);
  CHECK(cut.face->num_glyphs == *std::max_element(glyphs.begin(), glyphs.end()) + 1);
  std::set<uint32_t> cids;
  FT_UInt cid = 0;
  for (FT_UInt g = 0; FT_Get_CID_From_Glyph_Index(cut.face, g, &cid) == 0; ++g) cids.insert(cid);
  CHECK(cids == std::set<uint32_t>{0, glyphs[0], glyphs[1]});

  // Each glyph, loaded by its CID, has the original glyph's outline and advance.
  FtFace whole(face.file, face.index);
  REQUIRE(whole.face);
  for (uint32_t g : glyphs) {
    CAPTURE(g);
    Outline in_subset = LoadOutline(cut.face, TargetOf(program, g));
    CHECK(in_subset.points > 10);
    CHECK(in_subset == LoadOutline(whole.face, g));  // CID == glyph id in Noto CJK
    CHECK(in_subset.advance * 1000 / cut.face->units_per_EM == metrics.WidthOf(g));
  }
  CHECK(LoadOutline(cut.face, 1).points == -1);  // a CID the subset does not hold
}

TEST_CASE("font subset: AR PL UKai becomes a TrueType program with new glyph ids") {
  FontFace face = Ukai();
  std::vector<uint32_t> glyphs = NominalGlyphs(face, {U'中', U'国', U'版'});
  REQUIRE(glyphs.size() == 3);
  SubsettableFont font(face);
  FontProgram program = SubsetOf(font, glyphs);
  CHECK(program.format == FontProgram::Format::kTrueType);

  // .notdef stays 0; the used glyphs are numbered 1..n in their original order.
  REQUIRE(program.code_to_glyph.size() == 4);
  CHECK(std::is_sorted(program.code_to_glyph.begin(), program.code_to_glyph.end()));
  CHECK(TargetOf(program, 0) == 0);
  std::vector<uint32_t> sorted = glyphs;
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < sorted.size(); ++i) {
    CAPTURE(sorted[i]);
    CHECK(TargetOf(program, sorted[i]) == static_cast<int>(i + 1));
  }
  CHECK_FALSE(program.identity);

  FontMetrics metrics = font.Measure();
  CHECK_FALSE(metrics.postscript_name.empty());
  CHECK(metrics.postscript_name.find(' ') == std::string::npos);
  CHECK(metrics.serif);
  for (uint32_t g : glyphs) CHECK(metrics.WidthOf(g) == 1000);

  // A whole TrueType file (sfnt version 1.0), small.
  REQUIRE(program.program.size() > 12);
  CHECK(program.program.substr(0, 4) == std::string("\0\1\0\0", 4));
  const long original = FileSize(kUkai);
  REQUIRE(original > 1000000);
  CHECK(program.program.size() < 10000);
  CHECK(static_cast<long>(program.program.size()) * 100 < original);

  // FreeType reads it back: .notdef plus the three glyphs, each the original outline.
  FtFace cut(program.program);
  REQUIRE(cut.face);
  CHECK(cut.face->num_glyphs == 4);
  CHECK(FT_IS_SFNT(cut.face));
  FtFace whole(face.file, face.index);
  REQUIRE(whole.face);
  for (uint32_t g : glyphs) {
    CAPTURE(g);
    Outline in_subset = LoadOutline(cut.face, TargetOf(program, g));
    CHECK(in_subset.points > 10);
    CHECK(in_subset == LoadOutline(whole.face, g));
  }
}

TEST_CASE("font subset: glyph ids beyond the font are left out, not an error") {
  FontFace face = Ukai();
  std::vector<uint32_t> glyphs = NominalGlyphs(face, {U'中'});
  REQUIRE(glyphs.size() == 1);
  glyphs.push_back(60000);  // beyond AR PL UKai's glyphs, still a two-byte code
  glyphs.push_back(6000000);
  SubsettableFont font(face);
  FontProgram program = SubsetOf(font, glyphs);
  CHECK(program.code_to_glyph.size() == 2);
  CHECK(TargetOf(program, 60000) == -1);
  CHECK(TargetOf(program, glyphs[0]) == 1);
  FtFace cut(program.program);
  REQUIRE(cut.face);
  CHECK(cut.face->num_glyphs == 2);
}

TEST_CASE("font subset: nothing asked for keeps .notdef alone") {
  SubsettableFont font(NotoSerifSc());
  FontProgram program = SubsetOf(font, {});
  REQUIRE(program.code_to_glyph.size() == 1);
  CHECK(program.code_to_glyph[0] == std::pair<uint16_t, uint16_t>(0, 0));
  CHECK(program.program.size() < 1000);
}

TEST_CASE("font subset: a missing font file gives nothing and an error naming it") {
  FontFace face{"/nonexistent/banmian/NoSuchFont.otf", 0, "No Such Font", "Regular", ""};
  SubsettableFont font(face);
  CHECK_FALSE(font.ok());
  CHECK(font.error().find("/nonexistent/banmian/NoSuchFont.otf") != std::string::npos);
  std::string error;
  CHECK_FALSE(font.Subset({1, 2, 3}, error));
  CHECK(error.find("/nonexistent/banmian/NoSuchFont.otf") != std::string::npos);
}

TEST_CASE("font subset: a face index the collection does not have is an error") {
  FontFace face = Ukai();
  face.index = 7;
  SubsettableFont font(face);
  CHECK_FALSE(font.ok());
  CHECK(font.error() == std::string("font file '") + kUkai + "' has no face 7");
}
