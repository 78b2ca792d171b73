#include "render/painter.h"

#include <poppler.h>

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <fontconfig/fontconfig.h>
#include <jpeglib.h>

#include <csetjmp>
#include <cstring>
#include <mutex>

#include "base/jpeg_error.h"

namespace banmian {

namespace {

// PNG bytes in memory, read by Cairo's PNG reader.
struct PngBytes {
  const std::string* bytes;
  size_t offset;
};

cairo_status_t ReadPngBytes(void* closure, unsigned char* out, unsigned int length) {
  auto* source = static_cast<PngBytes*>(closure);
  if (source->bytes->size() - source->offset < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(out, source->bytes->data() + source->offset, length);
  source->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

// Decodes JPEG bytes into an RGB24 surface.
cairo_surface_t* DecodeJpeg(const std::string& data) {
  jpeg_decompress_struct cinfo;
  JpegErrorJump err;
  cinfo.err = err.Install();
  cairo_surface_t* surface = nullptr;
  std::vector<unsigned char> row;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    if (surface) cairo_surface_destroy(surface);
    return nullptr;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  jpeg_read_header(&cinfo, TRUE);
  bool cmyk = cinfo.num_components == 4;
  cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
  jpeg_start_decompress(&cinfo);
  const int w = cinfo.output_width, h = cinfo.output_height, n = cinfo.output_components;
  surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {  // too large for a surface
    jpeg_destroy_decompress(&cinfo);
    cairo_surface_destroy(surface);
    return nullptr;
  }
  cairo_surface_flush(surface);
  unsigned char* pixels = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  row.resize(static_cast<size_t>(w) * n);
  // Adobe writes CMYK JPEGs inverted.
  const bool inverted = cmyk && cinfo.saw_Adobe_marker;
  while (cinfo.output_scanline < cinfo.output_height) {
    unsigned char* rows[] = {row.data()};
    int y = cinfo.output_scanline;
    jpeg_read_scanlines(&cinfo, rows, 1);
    auto* out = reinterpret_cast<uint32_t*>(pixels + static_cast<size_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      const unsigned char* p = row.data() + static_cast<size_t>(x) * n;
      uint32_t r, g, b;
      if (cmyk) {
        double c = p[0] / 255.0, m = p[1] / 255.0, ye = p[2] / 255.0, k = p[3] / 255.0;
        if (inverted) c = 1 - c, m = 1 - m, ye = 1 - ye, k = 1 - k;
        r = static_cast<uint32_t>(255 * (1 - c) * (1 - k));
        g = static_cast<uint32_t>(255 * (1 - m) * (1 - k));
        b = static_cast<uint32_t>(255 * (1 - ye) * (1 - k));
      } else {
        r = p[0], g = p[1], b = p[2];
      }
      out[x] = (r << 16) | (g << 8) | b;
    }
  }
  cairo_surface_mark_dirty(surface);
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return surface;
}

// The font faces of one thread, shared by every painter on it. cairo shares a face
// opened by file name between all threads under one lock, so painters on different
// threads would take turns; each thread opens the files itself instead, once (a Noto
// CJK face holds megabytes of parsed tables, so not once per painter). cairo may release
// a face after the thread is gone (its font caches hold on to faces), so the FreeType
// library is counted and goes with its last face.
struct FreeType {
  FT_Library library = nullptr;
  std::mutex mutex;  // FT_New_Face and FT_Done_Face on one library must not overlap
  int refs = 1;

  void Release() {
    bool last;
    {
      std::lock_guard<std::mutex> lock(mutex);
      last = --refs == 0;
    }
    if (last) {
      if (library) FT_Done_FreeType(library);
      delete this;
    }
  }
};

struct OpenFace {
  FT_Face face;
  FreeType* freetype;
};
const cairo_user_data_key_t kOpenFaceKey = {};

void CloseFace(void* data) {
  auto* open = static_cast<OpenFace*>(data);
  {
    std::lock_guard<std::mutex> lock(open->freetype->mutex);
    FT_Done_Face(open->face);
  }
  open->freetype->Release();
  delete open;
}

class ThreadFaces {
 public:
  static ThreadFaces& Get() {
    thread_local ThreadFaces faces;
    return faces;
  }
  ThreadFaces() : freetype_(new FreeType) {
    if (FT_Init_FreeType(&freetype_->library) != 0) freetype_->library = nullptr;
  }
  ~ThreadFaces() {
    for (auto& [_, face] : faces_) cairo_font_face_destroy(face);
    freetype_->Release();
  }

  // A new reference to the face of `f`; null when FreeType cannot open it.
  cairo_font_face_t* Face(const FontFace& f) {
    auto key = std::make_pair(f.file, f.index);
    if (auto it = faces_.find(key); it != faces_.end())
      return cairo_font_face_reference(it->second);
    if (!freetype_->library) return nullptr;
    FT_Face face = nullptr;
    {
      std::lock_guard<std::mutex> lock(freetype_->mutex);
      if (FT_New_Face(freetype_->library, f.file.c_str(), f.index, &face) != 0) return nullptr;
      ++freetype_->refs;
    }
    cairo_font_face_t* cairo_face = cairo_ft_font_face_create_for_ft_face(face, 0);
    auto* open = new OpenFace{face, freetype_};
    if (cairo_font_face_set_user_data(cairo_face, &kOpenFaceKey, open, CloseFace) !=
        CAIRO_STATUS_SUCCESS) {
      cairo_font_face_destroy(cairo_face);
      CloseFace(open);
      return nullptr;
    }
    faces_[key] = cairo_face;
    return cairo_font_face_reference(cairo_face);
  }

 private:
  FreeType* freetype_;
  std::map<std::pair<std::string, int>, cairo_font_face_t*> faces_;
};

}  // namespace

Painter::Painter(const Document& doc) : doc_(doc), faces_(doc.fonts.size(), nullptr) {}

namespace {
void SetColour(cairo_t* cr, const Cmyk& colour) {
  Rgb rgb = ScreenRgb(colour);
  cairo_set_source_rgb(cr, rgb.r, rgb.g, rgb.b);
}
}  // namespace

Painter::~Painter() {
  for (cairo_font_face_t* f : faces_)
    if (f) cairo_font_face_destroy(f);
  for (auto& [_, s] : images_)
    if (s) cairo_surface_destroy(s);
  for (auto& [_, d] : documents_)
    if (d) g_object_unref(d);
}

PopplerDocument* Painter::PdfDocument(const PdfArt& art) {
  const std::string key = art.file;
  if (auto it = documents_.find(key); it != documents_.end()) return it->second;
  PopplerDocument* document = nullptr;
  if (art.bytes) {
    // The bytes stay alive with the document (it keeps its own reference to them).
    GBytes* bytes = g_bytes_new(art.bytes->data(), art.bytes->size());
    GError* error = nullptr;
    document = poppler_document_new_from_bytes(bytes, nullptr, &error);
    g_bytes_unref(bytes);
    if (error) g_error_free(error);
  }
  if (!document) errors_.push_back("PDF '" + art.path + "' could not be opened for the preview");
  documents_[key] = document;
  return document;
}

// As the PDF draws it: the page's box scaled onto the item's rectangle, clipped to the clip
// rectangle. poppler draws a page with its CropBox's top left at the origin, y down.
void Painter::PaintForm(cairo_t* cr, const FormItem& form) {
  if (!form.art) return;
  const PdfArt& art = *form.art;
  PopplerDocument* document = PdfDocument(art);
  if (!document) return;
  PopplerPage* page = poppler_document_get_page(document, art.page_index);
  if (!page) return;
  const PdfBox& box = art.box;
  if (box.width() > 0 && box.height() > 0) {
    cairo_save(cr);
    cairo_rectangle(cr, form.clip_x, form.clip_y, form.clip_width, form.clip_height);
    cairo_clip(cr);
    cairo_translate(cr, form.x, form.y);
    cairo_scale(cr, form.width / box.width(), form.height / box.height());
    cairo_translate(cr, -(box.x0 - art.crop.x0), -(art.crop.y1 - box.y1));
    poppler_page_render(page, cr);
    cairo_restore(cr);
  }
  g_object_unref(page);
}

cairo_font_face_t* Painter::Face(int font) {
  if (font < 0 || static_cast<size_t>(font) >= faces_.size()) return nullptr;
  if (!faces_[font]) faces_[font] = ThreadFaces::Get().Face(doc_.fonts[font]);
  if (!faces_[font]) {
    const FontFace& f = doc_.fonts[font];
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(f.file.c_str()));
    FcPatternAddInteger(pattern, FC_INDEX, f.index);
    faces_[font] = cairo_ft_font_face_create_for_pattern(pattern);
    FcPatternDestroy(pattern);
  }
  return faces_[font];
}

cairo_surface_t* Painter::Image(const ImageItem& image) {
  const std::string& path = image.path;
  if (auto it = images_.find(path); it != images_.end()) return it->second;
  cairo_surface_t* surface = nullptr;
  // The bytes the loader checked: the file is not read again.
  static const std::string kNone;
  const std::string& data = image.bytes ? *image.bytes : kNone;
  if (data.size() >= 3 && static_cast<unsigned char>(data[0]) == 0xFF &&
      static_cast<unsigned char>(data[1]) == 0xD8) {
    surface = DecodeJpeg(data);
  } else if (!data.empty()) {
    PngBytes source{&data, 0};
    surface = cairo_image_surface_create_from_png_stream(ReadPngBytes, &source);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
      cairo_surface_destroy(surface);
      surface = nullptr;
    }
  }
  if (!surface) errors_.push_back("picture '" + path + "' could not be decoded");
  images_[path] = surface;
  return surface;
}

void Painter::PaintPage(cairo_t* cr, const Page& page) {
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options(cr, options);
  cairo_font_options_destroy(options);

  std::vector<cairo_glyph_t> glyphs;
  std::vector<cairo_text_cluster_t> clusters;
  for (const Frame& frame : page.frames) {
    for (const Item& item : frame.items) {
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        cairo_font_face_t* face = Face(run->font);
        if (!face || run->glyphs.empty()) continue;
        cairo_set_font_face(cr, face);
        cairo_set_font_size(cr, run->size);
        SetColour(cr, run->colour);
        glyphs.clear();
        clusters.clear();
        for (const PositionedGlyph& g : run->glyphs) glyphs.push_back({g.id, g.x, g.y});
        for (const TextCluster& c : run->clusters) clusters.push_back({c.bytes, c.glyphs});
        if (run->synthetic_bold) {
          // Emboldened as in the PDF: the outline filled and stroked in the run's colour.
          cairo_save(cr);
          cairo_glyph_path(cr, glyphs.data(), static_cast<int>(glyphs.size()));
          cairo_set_line_width(cr, run->size * kSyntheticBoldStroke);
          cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
          cairo_fill_preserve(cr);
          cairo_stroke(cr);
          cairo_restore(cr);
          continue;
        }
        cairo_show_text_glyphs(cr, run->text.data(), static_cast<int>(run->text.size()),
                               glyphs.data(), static_cast<int>(glyphs.size()), clusters.data(),
                               static_cast<int>(clusters.size()), cairo_text_cluster_flags_t(0));
      } else if (const auto* rect = std::get_if<RectItem>(&item)) {
        cairo_rectangle(cr, rect->x, rect->y, rect->width, rect->height);
        if (rect->has_fill) {
          SetColour(cr, rect->fill);
          rect->has_stroke ? cairo_fill_preserve(cr) : cairo_fill(cr);
        }
        if (rect->has_stroke) {
          SetColour(cr, rect->stroke);
          cairo_set_line_width(cr, rect->stroke_width);
          cairo_stroke(cr);
        }
        cairo_new_path(cr);
      } else if (const auto* rule = std::get_if<RuleItem>(&item)) {
        SetColour(cr, rule->colour);
        cairo_set_line_width(cr, rule->weight);
        cairo_move_to(cr, rule->x1, rule->y1);
        cairo_line_to(cr, rule->x2, rule->y2);
        cairo_stroke(cr);
      } else if (const auto* image = std::get_if<ImageItem>(&item)) {
        // As the PDF draws it: a cropped picture enlarged so its crop rectangle fills the
        // item's rectangle, clipped to it; a crop without area shows nothing.
        if (!(image->crop_width > 0 && image->crop_height > 0)) continue;
        cairo_surface_t* surface = Image(*image);
        if (!surface) continue;
        int pw = cairo_image_surface_get_width(surface),
            ph = cairo_image_surface_get_height(surface);
        cairo_save(cr);
        double width = image->width, height = image->height;
        double left = image->x, top = image->y;
        if (image->cropped()) {
          cairo_rectangle(cr, image->x, image->y, image->width, image->height);
          cairo_clip(cr);
          width = image->width / image->crop_width, height = image->height / image->crop_height;
          left = image->x - image->crop_x * width, top = image->y - image->crop_y * height;
        }
        cairo_translate(cr, left, top);
        cairo_scale(cr, width / pw, height / ph);
        cairo_set_source_surface(cr, surface, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
        cairo_paint(cr);
        cairo_restore(cr);
      } else if (const auto* form = std::get_if<FormItem>(&item)) {
        PaintForm(cr, *form);
      }
    }
  }
}

}  // namespace banmian
