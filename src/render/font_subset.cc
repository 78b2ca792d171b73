#include "render/font_subset.h"

#include <ft2build.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include FT_FREETYPE_H
#include FT_CID_H

#include <algorithm>
#include <cmath>
#include <memory>

namespace banmian {

namespace {

template <typename T, void (*Destroy)(T*)>
struct HbDeleter {
  void operator()(T* p) const {
    if (p) Destroy(p);
  }
};
using Blob = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_t, hb_blob_destroy>>;
using Face = std::unique_ptr<hb_face_t, HbDeleter<hb_face_t, hb_face_destroy>>;
using Input =
    std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;
using Plan = std::unique_ptr<hb_subset_plan_t, HbDeleter<hb_subset_plan_t, hb_subset_plan_destroy>>;

bool HasTable(hb_face_t* face, const char* tag) {
  Blob blob(hb_face_reference_table(face, hb_tag_from_string(tag, -1)));
  return hb_blob_get_length(blob.get()) > 0;
}

std::string TableBytes(hb_face_t* face, const char* tag) {
  Blob blob(hb_face_reference_table(face, hb_tag_from_string(tag, -1)));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  return std::string(data ? data : "", data ? length : 0);
}

int16_t Int16At(const std::string& table, size_t offset) {
  if (table.size() < offset + 2) return 0;
  return static_cast<int16_t>((static_cast<unsigned char>(table[offset]) << 8) |
                              static_cast<unsigned char>(table[offset + 1]));
}

// The CIDs of a CFF program's glyphs, read by FreeType; empty for a name-keyed CFF
// (whose glyphs a PDF finds by glyph id).
bool ReadCids(const std::string& cff, size_t glyph_count, FontProgram& program,
              std::vector<uint32_t>& cid_of_glyph, std::string& error) {
  FT_Library library;
  if (FT_Init_FreeType(&library) != 0) {
    error = "FreeType could not start";
    return false;
  }
  FT_Face face = nullptr;
  bool ok = FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(cff.data()),
                               static_cast<FT_Long>(cff.size()), 0, &face) == 0;
  if (!ok) {
    error = "the font subset could not be read back";
  } else {
    FT_Bool cid_keyed = 0;
    if (FT_Get_CID_Is_Internally_CID_Keyed(face, &cid_keyed) == 0 && cid_keyed) {
      const char *registry = nullptr, *ordering = nullptr;
      FT_Int supplement = 0;
      if (FT_Get_CID_Registry_Ordering_Supplement(face, &registry, &ordering, &supplement) == 0)
        program.registry = registry, program.ordering = ordering, program.supplement = supplement;
      cid_of_glyph.resize(glyph_count);
      for (size_t g = 0; g < glyph_count && ok; ++g) {
        FT_UInt cid = 0;
        ok = FT_Get_CID_From_Glyph_Index(face, static_cast<FT_UInt>(g), &cid) == 0;
        cid_of_glyph[g] = cid;
      }
      if (!ok) error = "the font subset's CIDs could not be read";
    }
    FT_Done_Face(face);
  }
  FT_Done_FreeType(library);
  return ok;
}

}  // namespace

SubsettableFont::SubsettableFont(const FontFace& face) : source_(face) {
  blob_ = hb_blob_create_from_file_or_fail(face.file.c_str());
  if (!blob_) {
    error_ = "font file '" + face.file + "' cannot be read";
    return;
  }
  hb_face_t* opened = hb_face_create(blob_, static_cast<unsigned>(face.index));
  if (hb_face_get_glyph_count(opened) == 0) {
    hb_face_destroy(opened);
    error_ = "font file '" + face.file + "' has no face " + std::to_string(face.index);
    return;
  }
  face_ = opened;
  font_ = hb_font_create(face_);
}

SubsettableFont::~SubsettableFont() {
  if (font_) hb_font_destroy(font_);
  if (face_) hb_face_destroy(face_);
  if (blob_) hb_blob_destroy(blob_);
}

FontMetrics SubsettableFont::Measure() const {
  FontMetrics m;
  if (!face_) return m;
  const double upem = hb_face_get_upem(face_);
  auto thousandths = [&](double units) {
    return static_cast<int>(std::lround(units * 1000 / upem));
  };
  const unsigned count = hb_face_get_glyph_count(face_);
  std::vector<hb_codepoint_t> glyphs(count);
  for (unsigned g = 0; g < count; ++g) glyphs[g] = g;
  std::vector<hb_position_t> advances(count);
  hb_font_get_glyph_h_advances(font_, count, glyphs.data(), sizeof(hb_codepoint_t), advances.data(),
                               sizeof(hb_position_t));
  m.advances.resize(count);
  for (unsigned g = 0; g < count; ++g) m.advances[g] = thousandths(advances[g]);

  char name[128];
  unsigned name_length = sizeof name;
  if (hb_ot_name_get_utf8(face_, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &name_length,
                          name) > 0)
    m.postscript_name = name;
  if (m.postscript_name.empty()) m.postscript_name = "Font";
  for (char& c : m.postscript_name)
    if (c <= ' ' || c > '~' || std::string("()<>[]{}/%#").find(c) != std::string::npos) c = '-';

  hb_position_t position = 0;
  if (hb_ot_metrics_get_position(font_, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &position))
    m.ascent = thousandths(position);
  if (hb_ot_metrics_get_position(font_, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &position))
    m.descent = thousandths(position);
  if (hb_ot_metrics_get_position(font_, HB_OT_METRICS_TAG_CAP_HEIGHT, &position))
    m.cap_height = thousandths(position);
  const std::string head = TableBytes(face_, "head");
  if (head.size() >= 54)
    for (int i = 0; i < 4; ++i) m.bbox[i] = thousandths(Int16At(head, 36 + 2 * i));
  const std::string post = TableBytes(face_, "post");
  if (post.size() >= 8) m.italic_angle = Int16At(post, 4);
  m.serif = source_.family.find("Sans") == std::string::npos;
  return m;
}

std::optional<FontProgram> SubsettableFont::Subset(const std::vector<uint32_t>& glyphs,
                                                   std::string& error) const {
  if (!face_) {
    error = error_;
    return std::nullopt;
  }
  const bool cff = HasTable(face_, "CFF ");
  Input input(hb_subset_input_create_or_fail());
  if (!input) {
    error = "out of memory";
    return std::nullopt;
  }
  hb_set_t* keep = hb_subset_input_glyph_set(input.get());
  for (uint32_t g : glyphs) hb_set_add(keep, g);
  // Glyphs with their subroutines expanded: faster to make than subset subroutines, and
  // smaller for Noto CJK, whose subroutines are shared across thousands of glyphs.
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_DESUBROUTINIZE);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "VORG", "vhea", "vmtx",
                          "cmap", "DSIG", "kern", "morx", "feat"})
    hb_set_add(drop, hb_tag_from_string(tag, -1));
  Plan plan(hb_subset_plan_create_or_fail(face_, input.get()));
  Face cut(plan ? hb_subset_plan_execute_or_fail(plan.get()) : nullptr);
  if (!cut) {
    error = "HarfBuzz could not subset it";
    return std::nullopt;
  }
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());

  FontProgram program;
  program.format = cff ? FontProgram::Format::kCff : FontProgram::Format::kTrueType;
  if (cff) {
    program.program = TableBytes(cut.get(), "CFF ");
  } else {
    Blob whole(hb_face_reference_blob(cut.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(whole.get(), &length);
    program.program.assign(data ? data : "", data ? length : 0);
  }
  if (program.program.empty()) {
    error = "the subset came out empty";
    return std::nullopt;
  }
  std::vector<uint32_t> cid_of_glyph;
  if (cff &&
      !ReadCids(program.program, hb_face_get_glyph_count(cut.get()), program, cid_of_glyph, error))
    return std::nullopt;

  std::vector<uint32_t> sorted = glyphs;
  sorted.push_back(0);
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  program.identity = true;
  for (uint32_t g : sorted) {
    hb_codepoint_t new_glyph = hb_map_get(old_to_new, g);
    if (g > 0xFFFF || new_glyph == HB_MAP_VALUE_INVALID) continue;  // beyond the font's glyphs
    uint32_t target = new_glyph < cid_of_glyph.size() ? cid_of_glyph[new_glyph] : new_glyph;
    if (target > 0xFFFF) continue;
    program.code_to_glyph.emplace_back(static_cast<uint16_t>(g), static_cast<uint16_t>(target));
    program.identity = program.identity && target == g;
  }
  return program;
}

}  // namespace banmian
