#include "watch/page_hash.h"

#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>

namespace banmian {

namespace {

// The fields appended one after another, each string with its length first.
class Bytes {
 public:
  template <typename T>
  Bytes& operator<<(const T& value) {
    static_assert(std::is_arithmetic_v<T>);
    char raw[sizeof(T)];
    std::memcpy(raw, &value, sizeof(T));
    out_.append(raw, sizeof(T));
    return *this;
  }
  Bytes& operator<<(const std::string& s) {
    *this << s.size();
    out_ += s;
    return *this;
  }
  Bytes& operator<<(const Cmyk& c) { return *this << c.c << c.m << c.y << c.k << c.name; }
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

uint64_t HashOf(const std::shared_ptr<const std::string>& bytes,
                std::map<const std::string*, uint64_t>& seen) {
  if (!bytes) return 0;
  auto [it, added] = seen.emplace(bytes.get(), 0);
  if (added) it->second = std::hash<std::string_view>{}(std::string_view(*bytes));
  return it->second;
}

}  // namespace

uint64_t PageHash(const Page& page, const Document& doc) {
  Bytes b;
  std::map<const std::string*, uint64_t> seen;
  b << page.label << page.width << page.height << page.bleed << page.frames.size();
  for (const Frame& frame : page.frames) {
    b << frame.items.size();
    for (const Item& item : frame.items) {
      b << item.index();
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        const bool known = run->font >= 0 && static_cast<size_t>(run->font) < doc.fonts.size();
        b << (known ? doc.fonts[static_cast<size_t>(run->font)].file : std::string("?"))
          << (known ? doc.fonts[static_cast<size_t>(run->font)].index : -1);
        b << run->size << run->colour << run->synthetic_bold << run->glyphs.size();
        for (const PositionedGlyph& g : run->glyphs) b << g.id << g.x << g.y << g.advance;
      } else if (const auto* rect = std::get_if<RectItem>(&item)) {
        b << rect->x << rect->y << rect->width << rect->height << rect->has_fill << rect->has_stroke
          << rect->fill << rect->stroke << rect->stroke_width;
      } else if (const auto* rule = std::get_if<RuleItem>(&item)) {
        b << rule->x1 << rule->y1 << rule->x2 << rule->y2 << rule->weight << rule->colour;
      } else if (const auto* image = std::get_if<ImageItem>(&item)) {
        b << image->path << HashOf(image->bytes, seen) << image->x << image->y << image->width
          << image->height << image->pixel_width << image->pixel_height << image->crop_x
          << image->crop_y << image->crop_width << image->crop_height;
      } else if (const auto* form = std::get_if<FormItem>(&item)) {
        b << form->x << form->y << form->width << form->height << form->clip_x << form->clip_y
          << form->clip_width << form->clip_height;
        if (form->art)
          b << form->art->file << HashOf(form->art->bytes, seen) << form->art->page_index;
      }
    }
  }
  return std::hash<std::string_view>{}(std::string_view(b.str()));
}

}  // namespace banmian
