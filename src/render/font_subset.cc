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
using Font = std::unique_ptr<hb_font_t, HbDeleter<hb_font_t, hb_font_destroy>>;
using Input =
    std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;
using Plan = std::unique_ptr<hb_subset_plan_t, HbDeleter<hb_subset_plan_t, hb_subset_plan_destroy>>;

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

// The CIDs of a CFF subset's glyphs, read by FreeType; empty for a name-keyed CFF (whose
// glyphs a PDF shows by glyph id).
bool ReadCids(const std::string& cff, size_t glyph_count, FontSubset& subset,
              std::vector<uint32_t>& cid_of_new, std::string& error) {
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
      if (FT_Get_CID_Registry_Ordering_Supplement(face, &registry, &ordering, &supplement) == 0) {
        subset.registry = registry, subset.ordering = ordering, subset.supplement = supplement;
      }
      cid_of_new.resize(glyph_count);
      for (size_t g = 0; g < glyph_count && ok; ++g) {
        FT_UInt cid = 0;
        ok = FT_Get_CID_From_Glyph_Index(face, static_cast<FT_UInt>(g), &cid) == 0;
        cid_of_new[g] = cid;
      }
      if (!ok) error = "the font subset's CIDs could not be read";
    }
    FT_Done_Face(face);
  }
  FT_Done_FreeType(library);
  return ok;
}

}  // namespace

std::optional<FontSubset> SubsetFont(const FontFace& face, const std::vector<uint32_t>& glyphs,
                                     std::string& error) {
  Blob blob(hb_blob_create_from_file_or_fail(face.file.c_str()));
  if (!blob) {
    error = "font file '" + face.file + "' cannot be read";
    return std::nullopt;
  }
  Face original(hb_face_create(blob.get(), static_cast<unsigned>(face.index)));
  const double upem = hb_face_get_upem(original.get());
  Font font(hb_font_create(original.get()));
  const bool cff = !TableBytes(original.get(), "CFF ").empty();

  Input input(hb_subset_input_create_or_fail());
  if (!input) {
    error = "out of memory";
    return std::nullopt;
  }
  hb_set_t* keep = hb_subset_input_glyph_set(input.get());
  for (uint32_t g : glyphs) hb_set_add(keep, g);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "VORG", "vhea", "vmtx",
                          "cmap", "DSIG", "kern", "morx", "feat"})
    hb_set_add(drop, hb_tag_from_string(tag, -1));
  Plan plan(hb_subset_plan_create_or_fail(original.get(), input.get()));
  if (!plan) {
    error = "font '" + face.family + "' could not be subset";
    return std::nullopt;
  }
  Face cut(hb_subset_plan_execute_or_fail(plan.get()));
  if (!cut) {
    error = "font '" + face.family + "' could not be subset";
    return std::nullopt;
  }
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());

  FontSubset subset;
  subset.format = cff ? FontSubset::Format::kCff : FontSubset::Format::kTrueType;
  if (cff) {
    subset.program = TableBytes(cut.get(), "CFF ");
  } else {
    Blob whole(hb_face_reference_blob(cut.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(whole.get(), &length);
    subset.program.assign(data ? data : "", data ? length : 0);
  }
  if (subset.program.empty()) {
    error = "font '" + face.family + "' gave an empty subset";
    return std::nullopt;
  }
  std::vector<uint32_t> cid_of_new;
  if (cff &&
      !ReadCids(subset.program, hb_face_get_glyph_count(cut.get()), subset, cid_of_new, error))
    return std::nullopt;

  std::vector<uint32_t> sorted = glyphs;
  sorted.push_back(0);
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  auto thousandths = [&](double units) {
    return static_cast<int>(std::lround(units * 1000 / upem));
  };
  for (uint32_t g : sorted) {
    hb_codepoint_t new_glyph = hb_map_get(old_to_new, g);
    if (new_glyph == HB_MAP_VALUE_INVALID) continue;  // beyond the font's glyphs
    uint32_t code = new_glyph < cid_of_new.size() ? cid_of_new[new_glyph] : new_glyph;
    if (code > 0xFFFF) continue;
    subset.code_of[g] = static_cast<uint16_t>(code);
    subset.widths.emplace_back(static_cast<uint16_t>(code),
                               thousandths(hb_font_get_glyph_h_advance(font.get(), g)));
  }
  std::sort(subset.widths.begin(), subset.widths.end());
  subset.widths.erase(std::unique(subset.widths.begin(), subset.widths.end(),
                                  [](auto& a, auto& b) { return a.first == b.first; }),
                      subset.widths.end());

  char name[128];
  unsigned name_length = sizeof name;
  if (hb_ot_name_get_utf8(original.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID,
                          &name_length, name) > 0)
    subset.postscript_name = name;
  if (subset.postscript_name.empty()) subset.postscript_name = "Font";
  for (char& c : subset.postscript_name)
    if (c <= ' ' || c > '~' || std::string("()<>[]{}/%#").find(c) != std::string::npos) c = '-';

  hb_position_t position = 0;
  if (hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &position))
    subset.ascent = thousandths(position);
  if (hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &position))
    subset.descent = thousandths(position);
  if (hb_ot_metrics_get_position(font.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &position))
    subset.cap_height = thousandths(position);
  const std::string head = TableBytes(original.get(), "head");
  if (head.size() >= 54)
    for (int i = 0; i < 4; ++i) subset.bbox[i] = thousandths(Int16At(head, 36 + 2 * i));
  const std::string post = TableBytes(original.get(), "post");
  if (post.size() >= 8) subset.italic_angle = Int16At(post, 4);
  subset.serif = face.family.find("Sans") == std::string::npos;
  return subset;
}

}  // namespace banmian
