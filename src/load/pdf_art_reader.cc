#include "load/pdf_art_reader.h"

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace banmian {

namespace {

using Object = QPDFObjectHandle;

// Colour spaces named through names (a /ColorSpace entry naming another) or nested (an
// Indexed over a Separation over …) deeper than this are not followed: the walk says so.
constexpr int kMaxSpaceDepth = 32;
// Content streams (the page, forms, patterns, glyphs, soft masks) walked at most, at any
// depth: past it the ad is reported as not checked completely.
constexpr int kMaxContentStreams = 100'000;
// The largest image whose samples are read for their ink: 25 million pixels (a full
// broadsheet page at 300 ppi). Larger ones are decoded (to know they decode) but not measured.
constexpr long long kMaxMeasuredPixels = 25'000'000;
// Decoded bytes read of one stream at most (a flate bomb stops here): 1 GB.
constexpr long long kMaxDecodedBytes = 1LL << 30;
// Points a shading's function is sampled at across its domain (plus its ends and, for a
// stitching function, both sides of each bound).
constexpr int kShadingSamples = 256;

std::optional<PdfBox> BoxOf(Object o) {
  if (!o.isRectangle()) return std::nullopt;
  const Object::Rectangle r = o.getArrayAsRectangle();
  return PdfBox{std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx),
                std::max(r.lly, r.ury)};
}

bool HasSize(const std::optional<PdfBox>& b) {
  return b && b->width() > 0 && b->height() > 0;
}

void AddOnce(std::vector<std::string>& list, const std::string& what) {
  if (std::find(list.begin(), list.end(), what) == list.end()) list.push_back(what);
}

std::string NameOf(Object o) {
  return o.isName() ? o.getName() : "";
}

double NumberOf(Object o) {
  return o.isNumber() ? o.getNumericValue() : 0;
}

std::vector<double> Numbers(Object a) {
  std::vector<double> out;
  for (int i = 0; a.isArray() && i < a.getArrayNItems(); ++i)
    out.push_back(NumberOf(a.getArrayItem(i)));
  return out;
}

std::string ObjectName(Object o) {
  return o.isIndirect()
             ? "object " + std::to_string(o.getObjectID()) + " " + std::to_string(o.getGeneration())
             : "a direct object";
}

// What a colour space is, for the checks: the kind of its channels.
enum class Space { kGrey, kRgb, kCmyk, kOther };

// How a colour in some space turns into ink on the four plates, for the ink check: each
// component's value (0–1) times its weight, summed (DeviceCMYK: 1 each; a Separation
// /All: 4, one for each plate; a spot colourant: 1, its own plate), or, for an Indexed
// space, the ink of each palette entry. `measurable` false with `why` when it cannot be
// known; false with `why` empty when the space carries no ink worth measuring (RGB, Lab,
// grey: RGB and Lab have their own finding, grey is at most 100 %).
struct InkModel {
  bool measurable = false;
  std::string why;
  std::vector<double> weights;  // per component
  std::vector<double> palette;  // Indexed: ink (percent) per entry
  int components = 0;
  double Ink(const std::vector<double>& c) const {
    if (!palette.empty()) {
      if (c.empty()) return 0;
      const long i = std::lround(std::clamp(c[0], 0.0, static_cast<double>(palette.size() - 1)));
      return palette[static_cast<size_t>(i)];
    }
    double total = 0;
    for (size_t i = 0; i < weights.size() && i < c.size(); ++i)
      total += weights[i] * std::clamp(c[i], 0.0, 1.0);
    return total * 100;
  }
};

// A PDF function (types 0, 2 and 3) evaluated at one input; false with `why` for what is
// not evaluated here (a PostScript calculator function, type 4).
bool Evaluate(Object f, const std::vector<double>& in, std::vector<double>& out, std::string& why,
              int depth = 0) {
  if (depth > kMaxSpaceDepth) {
    why = "functions nested too deep";
    return false;
  }
  Object dict = f.isStream() ? f.getDict() : f;
  if (!dict.isDictionary()) {
    why = "a function that is not a dictionary";
    return false;
  }
  const std::vector<double> domain = Numbers(dict.getKey("/Domain"));
  const std::vector<double> range = Numbers(dict.getKey("/Range"));
  auto clip_in = [&](size_t i, double x) {
    return 2 * i + 1 < domain.size() ? std::clamp(x, domain[2 * i], domain[2 * i + 1]) : x;
  };
  auto clip_out = [&]() {
    for (size_t i = 0; i < out.size() && 2 * i + 1 < range.size(); ++i)
      out[i] = std::clamp(out[i], range[2 * i], range[2 * i + 1]);
  };
  const int type = dict.getKey("/FunctionType").isInteger()
                       ? dict.getKey("/FunctionType").getIntValueAsInt()
                       : -1;
  const double x = in.empty() ? 0 : clip_in(0, in[0]);
  if (type == 2) {
    std::vector<double> c0 = Numbers(dict.getKey("/C0")), c1 = Numbers(dict.getKey("/C1"));
    if (c0.empty()) c0 = {0};
    if (c1.empty()) c1 = {1};
    const double n = NumberOf(dict.getKey("/N"));
    const double t = std::pow(x, n);
    out.assign(std::min(c0.size(), c1.size()), 0);
    for (size_t i = 0; i < out.size(); ++i) out[i] = c0[i] + t * (c1[i] - c0[i]);
    clip_out();
    return true;
  }
  if (type == 3) {
    Object functions = dict.getKey("/Functions");
    const std::vector<double> bounds = Numbers(dict.getKey("/Bounds"));
    const std::vector<double> encode = Numbers(dict.getKey("/Encode"));
    const int k = functions.isArray() ? functions.getArrayNItems() : 0;
    if (k == 0 || domain.size() < 2) {
      why = "a stitching function without functions";
      return false;
    }
    size_t i = 0;
    while (i < bounds.size() && static_cast<int>(i) + 1 < k && x >= bounds[i]) ++i;
    const double lo = i == 0 ? domain[0] : bounds[i - 1];
    const double hi = i < bounds.size() ? bounds[i] : domain[1];
    double t = x;
    if (2 * i + 1 < encode.size())
      t = hi > lo ? encode[2 * i] + (x - lo) * (encode[2 * i + 1] - encode[2 * i]) / (hi - lo)
                  : encode[2 * i];
    if (!Evaluate(functions.getArrayItem(static_cast<int>(i)), {t}, out, why, depth + 1))
      return false;
    clip_out();
    return true;
  }
  if (type == 0) {
    if (!f.isStream()) {
      why = "a sampled function without samples";
      return false;
    }
    const std::vector<double> size = Numbers(dict.getKey("/Size"));
    const int bps = dict.getKey("/BitsPerSample").isInteger()
                        ? dict.getKey("/BitsPerSample").getIntValueAsInt()
                        : 0;
    const size_t n = range.size() / 2;
    if (size.empty() || size[0] < 1 || n == 0 ||
        (bps != 1 && bps != 2 && bps != 4 && bps != 8 && bps != 16 && bps != 32)) {
      why = "a sampled function this reader does not take";
      return false;
    }
    std::vector<double> encode = Numbers(dict.getKey("/Encode"));
    std::vector<double> decode = Numbers(dict.getKey("/Decode"));
    if (encode.size() < 2) encode = {0, size[0] - 1};
    if (decode.size() < 2 * n) decode = range;
    std::string data;
    try {
      auto buf = f.getStreamData(qpdf_dl_generalized);
      data.assign(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
    } catch (const std::exception&) {
      why = "a sampled function whose samples do not decode";
      return false;
    }
    // The first input only (an axial or radial shading's functions have one). Linear
    // interpolation between the two samples either side.
    const double lo = domain.size() >= 2 ? domain[0] : 0, hi = domain.size() >= 2 ? domain[1] : 1;
    double e = hi > lo ? encode[0] + (x - lo) * (encode[1] - encode[0]) / (hi - lo) : encode[0];
    e = std::clamp(e, 0.0, size[0] - 1);
    const long i0 = static_cast<long>(std::floor(e));
    const long i1 = std::min<long>(i0 + 1, static_cast<long>(size[0]) - 1);
    const double frac = e - static_cast<double>(i0);
    const double max_sample = std::pow(2.0, bps) - 1;
    auto sample = [&](long index, size_t j) -> double {
      const unsigned long long bit = (static_cast<unsigned long long>(index) * n + j) * bps;
      if ((bit + bps + 7) / 8 > data.size()) return 0;
      unsigned long long v = 0;
      for (int b = 0; b < bps; ++b) {
        const unsigned long long at = bit + static_cast<unsigned long long>(b);
        v = (v << 1) | ((static_cast<unsigned char>(data[at / 8]) >> (7 - at % 8)) & 1);
      }
      return static_cast<double>(v);
    };
    out.assign(n, 0);
    for (size_t j = 0; j < n; ++j) {
      const double s = sample(i0, j) + frac * (sample(i1, j) - sample(i0, j));
      out[j] = decode[2 * j] + s * (decode[2 * j + 1] - decode[2 * j]) / max_sample;
    }
    clip_out();
    return true;
  }
  why = type == 4 ? "a PostScript calculator function" : "a function of an unknown type";
  return false;
}

// Reads an image's samples as they decode, a row at a time, for the highest ink of a pixel.
// Counts the bytes; past kMaxDecodedBytes it stops measuring and throws, having set `flood`.
class InkSink : public Pipeline {
 public:
  InkSink(const InkModel* model, int components, int bpc, long long width, long long height,
          const std::vector<double>& decode)
      : Pipeline("ink", nullptr),
        model_(model),
        components_(components),
        bpc_(bpc),
        width_(width),
        rows_left_(height),
        decode_(decode) {
    row_bytes_ = static_cast<size_t>((width * components * bpc + 7) / 8);
  }
  void write(unsigned char const* data, size_t len) override {
    bytes_ += static_cast<long long>(len);
    if (bytes_ > kMaxDecodedBytes) {
      flood = true;
      throw std::runtime_error("decoded data too large");
    }
    if (!model_ || row_bytes_ == 0) return;
    for (size_t i = 0; i < len && rows_left_ > 0; ++i) {
      row_.push_back(data[i]);
      if (row_.size() == row_bytes_) {
        Row();
        row_.clear();
        --rows_left_;
      }
    }
  }
  void finish() override {}

  bool flood = false;
  double max_ink = 0;

 private:
  void Row() {
    const double top = std::pow(2.0, bpc_) - 1;
    std::vector<double> c(static_cast<size_t>(components_));
    size_t bit = 0;
    for (long long x = 0; x < width_; ++x) {
      for (int k = 0; k < components_; ++k) {
        unsigned v = 0;
        if (bpc_ == 8) {
          v = row_[bit / 8];
        } else if (bpc_ == 16) {
          v = static_cast<unsigned>(row_[bit / 8] << 8 | row_[bit / 8 + 1]);
        } else {
          v = (row_[bit / 8] >> (8 - bpc_ - bit % 8)) & ((1u << bpc_) - 1);
        }
        bit += static_cast<size_t>(bpc_);
        const double d0 = 2 * static_cast<size_t>(k) + 1 < decode_.size()
                              ? decode_[2 * static_cast<size_t>(k)]
                              : 0;
        const double d1 = 2 * static_cast<size_t>(k) + 1 < decode_.size()
                              ? decode_[2 * static_cast<size_t>(k) + 1]
                              : (model_->palette.empty() ? 1 : top);
        c[static_cast<size_t>(k)] = d0 + v * (d1 - d0) / top;
      }
      max_ink = std::max(max_ink, model_->Ink(c));
    }
  }
  const InkModel* model_;
  int components_, bpc_;
  long long width_, rows_left_;
  std::vector<double> decode_;
  size_t row_bytes_ = 0;
  std::vector<unsigned char> row_;
  long long bytes_ = 0;
};

class Inspector {
 public:
  Inspector(QPDF& pdf, PdfArtInspection& out) : pdf_(pdf), out_(out) {}

  // What made the file unplaceable (a stream that does not decode), "" when nothing.
  std::string damage;

  // Whether an object is met for the first time (direct objects always are).
  bool First(Object o) { return !o.isIndirect() || seen_.insert(o.getObjGen()).second; }

  // A colour space object (a name or an array), `resources` to look names up in.
  Space Classify(Object cs, Object resources, int depth = 0) {
    if (depth > kMaxSpaceDepth) {
      Incomplete("a colour space named or nested more than 32 levels deep");
      return Space::kOther;
    }
    if (cs.isName()) {
      const std::string n = cs.getName();
      if (n == "/DeviceRGB" || n == "/RGB") {
        AddOnce(out_.rgb, "DeviceRGB colour");
        return Space::kRgb;
      }
      if (n == "/DeviceCMYK" || n == "/CMYK") return Space::kCmyk;
      if (n == "/DeviceGray" || n == "/G") return Space::kGrey;
      if (n == "/Pattern") return Space::kOther;
      Object named = Named(n, resources);
      if (!named.isNull()) return Classify(named, resources, depth + 1);
      return Space::kOther;
    }
    if (!cs.isArray() || cs.getArrayNItems() < 1) return Space::kOther;
    const std::string family = NameOf(cs.getArrayItem(0));
    if (family == "/CalRGB") {
      AddOnce(out_.rgb, "CalRGB colour");
      return Space::kRgb;
    }
    if (family == "/Lab") {
      AddOnce(out_.rgb, "Lab colour");
      return Space::kOther;
    }
    if (family == "/CalGray") return Space::kGrey;
    if (family == "/ICCBased") {
      const int n = IccChannels(cs);
      if (n == 3) {
        AddOnce(out_.rgb, "ICC-based RGB colour");
        return Space::kRgb;
      }
      return n == 4 ? Space::kCmyk : n == 1 ? Space::kGrey : Space::kOther;
    }
    if (family == "/Indexed" || family == "/I" || family == "/Pattern") {
      if (cs.getArrayNItems() > 1) Classify(cs.getArrayItem(1), resources, depth + 1);
      return Space::kOther;
    }
    if (family == "/Separation") {
      const std::string name = NameOf(cs.getArrayItem(1));
      if (name != "/All" && name != "/None" && !IsProcess(name))
        AddOnce(out_.spot, name.empty() ? "?" : name.substr(1));
      return Space::kOther;
    }
    if (family == "/DeviceN") {
      Object names = cs.getArrayItem(1);
      for (int i = 0; names.isArray() && i < names.getArrayNItems(); ++i) {
        const std::string name = NameOf(names.getArrayItem(i));
        if (name != "/None" && !IsProcess(name))
          AddOnce(out_.spot, name.empty() ? "?" : name.substr(1));
      }
      return Space::kOther;
    }
    return Space::kOther;
  }

  // How colours of `cs` make ink (InkModel).
  InkModel Model(Object cs, Object resources, int depth = 0) {
    InkModel m;
    if (depth > kMaxSpaceDepth) {
      m.why = "a colour space nested too deep";
      return m;
    }
    if (cs.isName()) {
      const std::string n = cs.getName();
      if (n == "/DeviceCMYK" || n == "/CMYK") {
        m.measurable = true, m.components = 4, m.weights = {1, 1, 1, 1};
        return m;
      }
      if (n == "/DeviceGray" || n == "/G") return m.components = 1, m;
      if (n == "/DeviceRGB" || n == "/RGB") return m.components = 3, m;
      Object named = Named(n, resources);
      if (!named.isNull()) return Model(named, resources, depth + 1);
      return m;
    }
    if (!cs.isArray() || cs.getArrayNItems() < 1) return m;
    const std::string family = NameOf(cs.getArrayItem(0));
    if (family == "/ICCBased") {
      m.components = IccChannels(cs);
      if (m.components == 4) m.measurable = true, m.weights = {1, 1, 1, 1};
      return m;
    }
    if (family == "/Separation") {
      const std::string name = NameOf(cs.getArrayItem(1));
      m.measurable = true, m.components = 1;
      // All: every plate at the tint; None: no plate; a colourant: its own plate.
      m.weights = {name == "/All" ? 4.0 : name == "/None" ? 0.0 : 1.0};
      return m;
    }
    if (family == "/DeviceN") {
      Object names = cs.getArrayItem(1);
      m.measurable = true;
      for (int i = 0; names.isArray() && i < names.getArrayNItems(); ++i)
        m.weights.push_back(NameOf(names.getArrayItem(i)) == "/None" ? 0.0 : 1.0);
      m.components = static_cast<int>(m.weights.size());
      return m;
    }
    if (family == "/Indexed" || family == "/I") {
      m.components = 1;
      if (cs.getArrayNItems() < 4) return m;
      const InkModel base = Model(cs.getArrayItem(1), resources, depth + 1);
      if (!base.measurable) {
        m.why = base.why;
        return m;
      }
      const int hival = cs.getArrayItem(2).isInteger() ? cs.getArrayItem(2).getIntValueAsInt() : -1;
      Object lookup = cs.getArrayItem(3);
      std::string table;
      if (lookup.isString()) {
        table = lookup.getStringValue();
      } else if (lookup.isStream()) {
        try {
          auto buf = lookup.getStreamData(qpdf_dl_generalized);
          table.assign(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
        } catch (const std::exception&) {
          damage = "the palette of an Indexed colour space (" + ObjectName(lookup) +
                   ") cannot be decoded";
          return m;
        }
      }
      const size_t n = static_cast<size_t>(base.components);
      if (hival < 0 || hival > 255 || n == 0) return m;
      m.measurable = true;
      for (int i = 0; i <= hival; ++i) {
        std::vector<double> c(n, 0);
        for (size_t j = 0; j < n; ++j) {
          const size_t at = static_cast<size_t>(i) * n + j;
          c[j] = at < table.size() ? static_cast<unsigned char>(table[at]) / 255.0 : 0;
        }
        m.palette.push_back(base.Ink(c));
      }
      return m;
    }
    return m;
  }

  // A content stream with its resources (a page, a form, a tiling pattern, a Type 3 glyph,
  // a soft mask), queued: Run() walks them one after another, at any depth.
  void Walk(Object resources, Object content, const std::string& what) {
    if (++streams_ > kMaxContentStreams) {
      Incomplete("it has more than " + std::to_string(kMaxContentStreams) +
                 " content streams (forms, patterns, glyphs)");
      return;
    }
    todo_.push_back({resources, content, what});
  }

  void Run() {
    while (!todo_.empty() && damage.empty()) {
      Task t = todo_.back();
      todo_.pop_back();
      WalkResources(t.resources);
      if (t.content.isStream() || t.content.isArray()) WalkContent(t.content, t.resources, t.what);
    }
  }

 private:
  struct Task {
    Object resources, content;
    std::string what;
  };

  static bool IsProcess(const std::string& name) {
    return name == "/Cyan" || name == "/Magenta" || name == "/Yellow" || name == "/Black";
  }

  static int IccChannels(Object cs) {
    Object stream = cs.getArrayNItems() > 1 ? cs.getArrayItem(1) : Object::newNull();
    return stream.isStream() && stream.getDict().getKey("/N").isInteger()
               ? stream.getDict().getKey("/N").getIntValueAsInt()
               : 0;
  }

  static Object Named(const std::string& name, Object resources) {
    if (!resources.isDictionary()) return Object::newNull();
    Object named = resources.getKey("/ColorSpace");
    if (named.isDictionary() && named.hasKey(name)) return named.getKey(name);
    return Object::newNull();
  }

  void Incomplete(const std::string& why) {
    if (out_.incomplete.empty()) out_.incomplete = why;
  }

  void Ink(double total, const std::string& where) {
    if (total > out_.max_ink + 1e-9) {
      out_.max_ink = total;
      out_.max_ink_where = where;
    }
  }

  void Fonts(Object fonts) {
    if (!fonts.isDictionary()) return;
    for (const std::string& key : fonts.getKeys()) {
      Object font = fonts.getKey(key);
      if (!font.isDictionary() || !First(font)) continue;
      const std::string subtype = NameOf(font.getKey("/Subtype"));
      if (subtype == "/Type3") {
        // A Type 3 font's glyphs are content streams: walked for their colours.
        Object procs = font.getKey("/CharProcs");
        if (procs.isDictionary())
          for (const std::string& glyph : procs.getKeys())
            if (First(procs.getKey(glyph)))
              Walk(font.getKey("/Resources"), procs.getKey(glyph),
                   "glyph " + glyph + " of font " + key);
        continue;
      }
      Object described = font;
      if (subtype == "/Type0") {
        Object descendants = font.getKey("/DescendantFonts");
        if (descendants.isArray() && descendants.getArrayNItems() > 0)
          described = descendants.getArrayItem(0);
      }
      Object descriptor =
          described.isDictionary() ? described.getKey("/FontDescriptor") : Object::newNull();
      const bool embedded = descriptor.isDictionary() &&
                            (descriptor.hasKey("/FontFile") || descriptor.hasKey("/FontFile2") ||
                             descriptor.hasKey("/FontFile3"));
      if (!embedded) {
        std::string name = NameOf(font.getKey("/BaseFont"));
        AddOnce(out_.unembedded_fonts, name.empty() ? key.substr(1) : name.substr(1));
      }
    }
  }

  void ExtGState(const std::string& name, Object gs) {
    if (!gs.isDictionary()) return;
    const std::string what = "ExtGState " + name;
    for (const char* key : {"/CA", "/ca"})
      if (gs.getKey(key).isNumber() && gs.getKey(key).getNumericValue() < 1) {
        char buf[32];
        std::snprintf(buf, sizeof buf, " %g", gs.getKey(key).getNumericValue());
        AddOnce(out_.transparency, what + " " + std::string(key + 1) + buf);
      }
    Object smask = gs.getKey("/SMask");
    if (smask.isDictionary()) {
      AddOnce(out_.transparency, what + " soft mask");
      Object g = smask.getKey("/G");
      if (g.isStream()) Form(g, "the soft mask of " + what);
    }
    const std::string bm = NameOf(gs.getKey("/BM"));
    if (!bm.empty() && bm != "/Normal" && bm != "/Compatible")
      AddOnce(out_.transparency, what + " blend mode " + bm.substr(1));
  }

  void Form(Object form, const std::string& what) {
    if (!form.isStream() || !First(form)) return;
    Object dict = form.getDict();
    Object group = dict.getKey("/Group");
    if (group.isDictionary() && NameOf(group.getKey("/S")) == "/Transparency")
      AddOnce(out_.transparency, "transparency group");
    Walk(dict.getKey("/Resources"), form, what);
  }

  static std::string Filters(Object dict) {
    Object f = dict.getKey("/Filter");
    if (f.isName()) return f.getName().substr(1);
    std::string out;
    for (int i = 0; f.isArray() && i < f.getArrayNItems(); ++i)
      out +=
          (out.empty() ? "" : ", ") +
          NameOf(f.getArrayItem(i)).substr(std::min<size_t>(1, NameOf(f.getArrayItem(i)).size()));
    return out;
  }

  // An image (an XObject, or an inline image made a stream): decoded, which must succeed
  // where its filters are ones qpdf decodes; its pixels measured for ink when its colour
  // space carries ink.
  void Image(const std::string& name, Object image, Object resources) {
    if (!image.isStream() || !First(image)) return;
    Object dict = image.getDict();
    Object smask = dict.getKey("/SMask");
    if (smask.isStream()) {
      AddOnce(out_.transparency, name + " soft mask");
      Decode(smask, nullptr, name + " soft mask");
    }
    if (dict.getKey("/SMaskInData").isInteger() && dict.getKey("/SMaskInData").getIntValue() != 0)
      AddOnce(out_.transparency, name + " soft mask");
    if (dict.getKey("/ImageMask").isBool() && dict.getKey("/ImageMask").getBoolValue()) {
      Decode(image, nullptr, name);
      return;
    }
    const size_t rgb_before = out_.rgb.size();
    const Space space = Classify(dict.getKey("/ColorSpace"), resources);
    if (space == Space::kRgb) {
      out_.rgb.resize(rgb_before);
      AddOnce(out_.rgb, "RGB " + name);
    }
    const InkModel model = Model(dict.getKey("/ColorSpace"), resources);
    if (!damage.empty()) return;
    const std::string filters = Filters(dict);
    const bool dct = filters.find("DCT") != std::string::npos;
    const int bpc = dct ? 8
                    : dict.getKey("/BitsPerComponent").isInteger()
                        ? dict.getKey("/BitsPerComponent").getIntValueAsInt()
                        : 0;
    Object w = dict.getKey("/Width"), h = dict.getKey("/Height");
    const long long width = w.isInteger() ? w.getIntValue() : 0;
    const long long height = h.isInteger() ? h.getIntValue() : 0;
    std::string why = model.why;
    bool measure = model.measurable;
    if (measure && (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16)) {
      measure = false, why = "BitsPerComponent " + std::to_string(bpc);
    } else if (measure && (width <= 0 || height <= 0)) {
      measure = false, why = "no width or height";
    } else if (measure && width * height > kMaxMeasuredPixels) {
      measure = false, why = std::to_string(width) + " × " + std::to_string(height) +
                             " pixels, more than are measured";
    }
    std::vector<double> decode = Numbers(dict.getKey("/Decode"));
    InkSink sink(measure ? &model : nullptr, std::max(model.components, 1), bpc, width, height,
                 decode);
    const int decoded = Decode(image, &sink, name);
    if (decoded < 0) return;  // damaged: said in `damage`
    if (measure && decoded == 0) measure = false, why = filters + " filter";
    if (measure)
      Ink(sink.max_ink, name);
    else if (!why.empty())
      AddOnce(out_.ink_unmeasured, name + " (" + why + ")");
  }

  // Decodes a stream through `sink` (nothing kept when null): 1 decoded, 0 not decoded (a
  // filter qpdf does not decode: JPX, JBIG2, CCITT), -1 damaged (`damage` set).
  int Decode(Object stream, Pipeline* sink, const std::string& what) {
    InkSink discard(nullptr, 1, 8, 0, 0, {});
    Pipeline* p = sink ? sink : &discard;
    bool filtered = false;
    bool ok = false;
    try {
      ok = stream.pipeStreamData(p, &filtered, 0, qpdf_dl_all, true, false);
    } catch (const std::exception&) {
      ok = false;
    }
    InkSink* ink = static_cast<InkSink*>(p);
    if (ink->flood) {
      AddOnce(out_.ink_unmeasured, what + " (more than 1 GB decoded)");
      return 0;
    }
    if (!ok) {
      damage =
          what + " (" + ObjectName(stream) + ") cannot be decoded" +
          (Filters(stream.getDict()).empty() ? "" : " (filter " + Filters(stream.getDict()) + ")");
      return -1;
    }
    return filtered || Filters(stream.getDict()).empty() ? 1 : 0;
  }

  void WalkResources(Object resources) {
    if (!resources.isDictionary() || !First(resources)) return;
    Object spaces = resources.getKey("/ColorSpace");
    if (spaces.isDictionary())
      for (const std::string& key : spaces.getKeys()) Classify(spaces.getKey(key), resources);
    Object states = resources.getKey("/ExtGState");
    if (states.isDictionary())
      for (const std::string& key : states.getKeys()) ExtGState(key, states.getKey(key));
    Object xobjects = resources.getKey("/XObject");
    if (xobjects.isDictionary())
      for (const std::string& key : xobjects.getKeys()) {
        Object x = xobjects.getKey(key);
        if (!x.isStream()) continue;
        const std::string subtype = NameOf(x.getDict().getKey("/Subtype"));
        if (subtype == "/Image") Image("image " + key, x, resources);
        if (subtype == "/Form") Form(x, "form " + key);
        if (!damage.empty()) return;
      }
    Object shadings = resources.getKey("/Shading");
    if (shadings.isDictionary())
      for (const std::string& key : shadings.getKeys())
        Shading("shading " + key, shadings.getKey(key), resources);
    Object patterns = resources.getKey("/Pattern");
    if (patterns.isDictionary())
      for (const std::string& key : patterns.getKeys()) {
        Object p = patterns.getKey(key);
        if (p.isStream()) {  // tiling: a content stream of its own
          if (First(p)) Walk(p.getDict().getKey("/Resources"), p, "pattern " + key);
        } else if (p.isDictionary()) {
          Shading("the shading of pattern " + key, p.getKey("/Shading"), resources);
          ExtGState(key, p.getKey("/ExtGState"));
        }
      }
    Fonts(resources.getKey("/Font"));
  }

  // A shading: its colour space classified; in a space that carries ink, its function
  // sampled across its domain (axial and radial shadings, types 2 and 3) for the highest
  // ink. Function-based (type 1) and mesh shadings (types 4–7) are said not to be measured.
  void Shading(const std::string& name, Object shading, Object resources) {
    Object dict = shading.isStream() ? shading.getDict() : shading;
    if (!dict.isDictionary() || (shading.isIndirect() && !First(shading))) return;
    Object cs = dict.getKey("/ColorSpace");
    Classify(cs, resources);
    const InkModel model = Model(cs, resources);
    if (!model.measurable) {
      if (!model.why.empty()) AddOnce(out_.ink_unmeasured, name + " (" + model.why + ")");
      return;
    }
    const int type = dict.getKey("/ShadingType").isInteger()
                         ? dict.getKey("/ShadingType").getIntValueAsInt()
                         : 0;
    if (shading.isStream()) Decode(shading, nullptr, name);
    if (!damage.empty()) return;
    Object function = dict.getKey("/Function");
    if (type < 2 || type > 3 || function.isNull()) {
      AddOnce(out_.ink_unmeasured,
              name + (type == 1 ? " (a function-based shading, type 1)"
                                : " (a mesh shading, type " + std::to_string(type) + ")"));
      return;
    }
    // The points to sample: evenly across the domain, and each stitching bound.
    std::vector<double> domain = Numbers(dict.getKey("/Domain"));
    if (domain.size() < 2) domain = {0, 1};
    std::vector<double> xs;
    for (int i = 0; i <= kShadingSamples; ++i)
      xs.push_back(domain[0] + (domain[1] - domain[0]) * i / kShadingSamples);
    Object first =
        function.isArray() && function.getArrayNItems() > 0 ? function.getArrayItem(0) : function;
    Object first_dict = first.isStream() ? first.getDict() : first;
    if (first_dict.isDictionary())
      for (double b : Numbers(first_dict.getKey("/Bounds"))) {
        xs.push_back(b - 1e-9);
        xs.push_back(b);
      }
    double max = 0;
    std::string why;
    for (double x : xs) {
      std::vector<double> c;
      const std::vector<double> in{x};
      if (function.isArray()) {
        for (int i = 0; i < function.getArrayNItems(); ++i) {
          std::vector<double> one;
          if (!Evaluate(function.getArrayItem(i), in, one, why)) break;
          c.push_back(one.empty() ? 0 : one[0]);
        }
        if (!why.empty()) break;
      } else if (!Evaluate(function, in, c, why)) {
        break;
      }
      max = std::max(max, model.Ink(c));
    }
    if (!why.empty()) {
      AddOnce(out_.ink_unmeasured, name + " (" + why + ")");
      return;
    }
    Ink(max, name);
  }

  // The operators that set colours: ink of CMYK colours, RGB set directly, inline images.
  class Content : public Object::ParserCallbacks {
   public:
    Content(Inspector& in, Object resources) : in_(in), resources_(resources) {}
    void handleObject(Object obj) override {
      if (!obj.isOperator()) {
        operands_.push_back(obj);
        return;
      }
      const std::string op = obj.getOperatorValue();
      if (op == "rg" || op == "RG") {
        AddOnce(in_.out_.rgb, "RGB colour set in the content (" + op + ")");
      } else if (op == "k" || op == "K") {
        if (operands_.size() == 4) in_.Ink(Sum(), op == "k" ? "a fill colour" : "a stroke colour");
      } else if (op == "cs" || op == "CS") {
        if (!operands_.empty()) {
          in_.Classify(operands_.back(), resources_);
          (op == "cs" ? fill_ : stroke_) = in_.Model(operands_.back(), resources_);
        }
      } else if (op == "sc" || op == "scn" || op == "SC" || op == "SCN") {
        const InkModel& m = op[0] == 's' ? fill_ : stroke_;
        std::vector<double> c;
        for (Object o : operands_)
          if (o.isNumber()) c.push_back(o.getNumericValue());
        if (m.measurable && static_cast<int>(c.size()) >= m.components)
          in_.Ink(m.Ink(c), op[0] == 's' ? "a fill colour" : "a stroke colour");
      } else if (op == "g" || op == "G") {
        (op == "g" ? fill_ : stroke_) = InkModel{};
      } else if (op == "EI") {
        InlineImage();
      }
      if (op == "rg") fill_ = InkModel{};
      if (op == "RG") stroke_ = InkModel{};
      if (op == "k") fill_ = Cmyk();
      if (op == "K") stroke_ = Cmyk();
      if (op != "BI" && op != "ID") operands_.clear();
    }
    void handleEOF() override {}

   private:
    static InkModel Cmyk() {
      InkModel m;
      m.measurable = true, m.components = 4, m.weights = {1, 1, 1, 1};
      return m;
    }

    // An inline image (its dictionary's pairs and its data are the operands since BI): made
    // a stream with its keys and filters spelt out, and checked as an image.
    void InlineImage() {
      if (operands_.empty() || !operands_.back().isInlineImage()) return;
      static const std::pair<const char*, const char*> kKeys[] = {
          {"/W", "/Width"},       {"/H", "/Height"},
          {"/CS", "/ColorSpace"}, {"/BPC", "/BitsPerComponent"},
          {"/F", "/Filter"},      {"/DP", "/DecodeParms"},
          {"/D", "/Decode"},      {"/IM", "/ImageMask"},
          {"/I", "/Interpolate"}};
      static const std::pair<const char*, const char*> kFilters[] = {
          {"/AHx", "/ASCIIHexDecode"}, {"/A85", "/ASCII85Decode"},  {"/LZW", "/LZWDecode"},
          {"/Fl", "/FlateDecode"},     {"/RL", "/RunLengthDecode"}, {"/CCF", "/CCITTFaxDecode"},
          {"/DCT", "/DCTDecode"}};
      auto filter = [&](Object f) {
        for (const auto& [abbr, full] : kFilters)
          if (NameOf(f) == abbr) return Object::newName(full);
        return f;
      };
      Object dict = Object::newDictionary();
      for (size_t i = 0; i + 2 < operands_.size(); i += 2) {
        std::string key = NameOf(operands_[i]);
        for (const auto& [abbr, full] : kKeys)
          if (key == abbr) key = full;
        if (key.empty()) continue;
        Object value = operands_[i + 1];
        if (key == "/Filter") {
          if (value.isArray()) {
            Object list = Object::newArray();
            for (int j = 0; j < value.getArrayNItems(); ++j)
              list.appendItem(filter(value.getArrayItem(j)));
            value = list;
          } else {
            value = filter(value);
          }
        }
        dict.replaceKey(key, value);
      }
      Object stream = Object::newStream(&in_.pdf_, operands_.back().getInlineImageValue());
      for (const std::string& key : dict.getKeys())
        stream.getDict().replaceKey(key, dict.getKey(key));
      in_.Image("inline image", stream, resources_);
    }

    double Sum() const {
      double total = 0;
      for (size_t i = operands_.size() - 4; i < operands_.size(); ++i)
        total += NumberOf(operands_[i]);
      return total * 100;
    }
    Inspector& in_;
    Object resources_;
    std::vector<Object> operands_;
    InkModel fill_, stroke_;
  };

  void WalkContent(Object content, Object resources, const std::string& what) {
    // Every content stream decodes, or the ad cannot be placed: the writer copies it.
    std::vector<Object> streams;
    if (content.isStream()) streams.push_back(content);
    for (int i = 0; content.isArray() && i < content.getArrayNItems(); ++i)
      streams.push_back(content.getArrayItem(i));
    for (Object s : streams) {
      if (!s.isStream()) continue;
      if (Decode(s, nullptr, "the content of " + what) != 1 && damage.empty())
        damage = "the content of " + what + " (" + ObjectName(s) + ") has a filter (" +
                 Filters(s.getDict()) + ") a content stream cannot have";
      if (!damage.empty()) return;
    }
    Content callbacks(*this, resources);
    try {
      Object::parseContentStream(content, &callbacks);
    } catch (const std::exception& e) {
      if (damage.empty()) damage = "the content of " + what + " cannot be read: " + e.what();
    }
  }

  QPDF& pdf_;
  PdfArtInspection& out_;
  std::set<QPDFObjGen> seen_;
  std::vector<Task> todo_;
  int streams_ = 0;
};

std::string Pt(const PdfBox& b) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g × %g pt", b.width(), b.height());
  return buf;
}

}  // namespace

bool LooksLikePdf(const std::string& bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string::npos;
}

std::optional<PdfArt> ReadPdfArt(const std::string& path, std::shared_ptr<const std::string> bytes,
                                 int page, std::string& error) {
  if (!bytes || !LooksLikePdf(*bytes)) {
    error = "is not a PDF file (it does not start with %PDF-)";
    return std::nullopt;
  }
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.setAttemptRecovery(true);
    try {
      pdf.processMemoryFile(path.c_str(), bytes->data(), bytes->size());
    } catch (const QPDFExc& e) {
      if (e.getErrorCode() == qpdf_e_password) {
        error = "is encrypted with a password, so banmian cannot open it to place it";
        return std::nullopt;
      }
      throw;
    }
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    if (pages.empty()) {
      error = "has no pages";
      return std::nullopt;
    }
    if (page < 1 || static_cast<size_t>(page) > pages.size()) {
      error = "has " + std::to_string(pages.size()) + (pages.size() == 1 ? " page" : " pages") +
              ", not a page " + std::to_string(page);
      return std::nullopt;
    }
    PdfArt art;
    art.path = path;
    art.bytes = bytes;
    art.page_index = page - 1;
    art.page_count = static_cast<int>(pages.size());
    QPDFPageObjectHelper& p = pages[static_cast<size_t>(page - 1)];
    Object dict = p.getObjectHandle();
    const std::string on = " on page " + std::to_string(page);
    Object media_box = p.getAttribute("/MediaBox", false);
    std::optional<PdfBox> media = BoxOf(media_box);
    if (media_box.isNull()) {
      error = "has no MediaBox" + on;
      return std::nullopt;
    }
    if (!media) {
      error = "has a MediaBox" + on + " that is not a rectangle";
      return std::nullopt;
    }
    if (!HasSize(media)) {
      error = "has a MediaBox of zero size" + on + " (" + Pt(*media) + ")";
      return std::nullopt;
    }
    // A CropBox or TrimBox only where the page (or a parent) has one with a size.
    std::optional<PdfBox> crop = BoxOf(p.getAttribute("/CropBox", false));
    std::optional<PdfBox> trim = BoxOf(dict.getKey("/TrimBox"));
    if (!HasSize(crop)) crop.reset();
    if (!HasSize(trim)) trim.reset();
    art.crop = crop ? *crop : *media;
    art.box = trim ? *trim : art.crop;
    art.box_name = trim ? "TrimBox" : crop ? "CropBox" : "MediaBox";
    Object rotate = p.getAttribute("/Rotate", false);
    if (rotate.isInteger()) art.rotate = ((rotate.getIntValueAsInt() % 360) + 360) % 360;

    Inspector inspector(pdf, art.inspection);
    Object group = dict.getKey("/Group");
    if (group.isDictionary() && NameOf(group.getKey("/S")) == "/Transparency")
      AddOnce(art.inspection.transparency, "transparency group");
    inspector.Walk(p.getAttribute("/Resources", false), dict.getKey("/Contents"),
                   "page " + std::to_string(page));
    inspector.Run();
    if (!inspector.damage.empty()) {
      error = "is damaged: " + inspector.damage;
      return std::nullopt;
    }

    Object intents = pdf.getRoot().getKey("/OutputIntents");
    for (int i = 0; intents.isArray() && i < intents.getArrayNItems(); ++i) {
      Object intent = intents.getArrayItem(i);
      if (!intent.isDictionary() || NameOf(intent.getKey("/S")) != "/GTS_PDFX") continue;
      art.inspection.has_output_intent = true;
      Object id = intent.getKey("/OutputConditionIdentifier");
      if (id.isString()) art.inspection.output_condition_identifier = id.getUTF8Value();
    }
    return art;
  } catch (const std::exception& e) {
    error = "is not a readable PDF (damaged or cut short)";
    return std::nullopt;
  }
}

}  // namespace banmian
