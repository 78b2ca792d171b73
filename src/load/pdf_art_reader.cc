#include "load/pdf_art_reader.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cstdio>
#include <set>

namespace banmian {

namespace {

using Object = QPDFObjectHandle;

constexpr int kMaxDepth = 32;  // forms inside forms, patterns inside patterns
// The largest CMYK image whose samples are read for their ink: 25 million pixels (a full
// broadsheet page at 300 ppi), 100 MB decoded.
constexpr long long kMaxMeasuredPixels = 25'000'000;

std::optional<PdfBox> BoxOf(Object o) {
  if (!o.isRectangle()) return std::nullopt;
  const Object::Rectangle r = o.getArrayAsRectangle();
  PdfBox b{std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx),
           std::max(r.lly, r.ury)};
  if (b.width() <= 0 || b.height() <= 0) return std::nullopt;
  return b;
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

// What a colour space is, for the checks: the kind of its channels.
enum class Space { kGrey, kRgb, kCmyk, kOther };

class Inspector {
 public:
  explicit Inspector(PdfArtInspection& out) : out_(out) {}

  // Whether an object is met for the first time (direct objects always are).
  bool First(Object o) { return !o.isIndirect() || seen_.insert(o.getObjGen()).second; }

  // A colour space object (a name or an array), `resources` to look names up in.
  Space Classify(Object cs, Object resources, int depth = 0) {
    if (depth > kMaxDepth) return Space::kOther;
    if (cs.isName()) {
      const std::string n = cs.getName();
      if (n == "/DeviceRGB" || n == "/RGB") {
        AddOnce(out_.rgb, "DeviceRGB colour");
        return Space::kRgb;
      }
      if (n == "/DeviceCMYK" || n == "/CMYK") return Space::kCmyk;
      if (n == "/DeviceGray" || n == "/G") return Space::kGrey;
      if (n == "/Pattern") return Space::kOther;
      if (resources.isDictionary()) {
        Object named = resources.getKey("/ColorSpace");
        if (named.isDictionary() && named.hasKey(n))
          return Classify(named.getKey(n), resources, depth + 1);
      }
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
      Object stream = cs.getArrayItem(1);
      const int n = stream.isStream() && stream.getDict().getKey("/N").isInteger()
                        ? stream.getDict().getKey("/N").getIntValueAsInt()
                        : 0;
      if (n == 3) {
        AddOnce(out_.rgb, "ICC-based RGB colour");
        return Space::kRgb;
      }
      return n == 4 ? Space::kCmyk : n == 1 ? Space::kGrey : Space::kOther;
    }
    if (family == "/Indexed" || family == "/I") {
      if (cs.getArrayNItems() > 1) Classify(cs.getArrayItem(1), resources, depth + 1);
      return Space::kOther;
    }
    if (family == "/Pattern") {
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

  // A content stream with its resources: a page, a form, a tiling pattern, a Type 3 glyph.
  void Walk(Object resources, Object content_owner, int depth) {
    if (depth > kMaxDepth) return;
    WalkResources(resources, depth);
    if (content_owner.isStream() || content_owner.isArray()) WalkContent(content_owner, resources);
  }

  void Fonts(Object fonts, int depth) {
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
            Walk(font.getKey("/Resources"), procs.getKey(glyph), depth + 1);
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

 private:
  static bool IsProcess(const std::string& name) {
    return name == "/Cyan" || name == "/Magenta" || name == "/Yellow" || name == "/Black";
  }

  void Ink(double total, const std::string& where) {
    if (total > out_.max_ink + 1e-9) {
      out_.max_ink = total;
      out_.max_ink_where = where;
    }
  }

  void ExtGState(const std::string& name, Object gs, int depth) {
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
      if (g.isStream()) Form(g, depth + 1);
    }
    const std::string bm = NameOf(gs.getKey("/BM"));
    if (!bm.empty() && bm != "/Normal" && bm != "/Compatible")
      AddOnce(out_.transparency, what + " blend mode " + bm.substr(1));
  }

  void Form(Object form, int depth) {
    if (!form.isStream() || !First(form)) return;
    Object dict = form.getDict();
    Object group = dict.getKey("/Group");
    if (group.isDictionary() && NameOf(group.getKey("/S")) == "/Transparency")
      AddOnce(out_.transparency, "transparency group");
    Walk(dict.getKey("/Resources"), form, depth + 1);
  }

  void Image(const std::string& name, Object image, Object resources) {
    if (!image.isStream() || !First(image)) return;
    Object dict = image.getDict();
    if (dict.getKey("/SMask").isStream())
      AddOnce(out_.transparency, "image " + name + " soft mask");
    if (dict.getKey("/SMaskInData").isInteger() && dict.getKey("/SMaskInData").getIntValue() != 0)
      AddOnce(out_.transparency, "image " + name + " soft mask");
    if (dict.getKey("/ImageMask").isBool() && dict.getKey("/ImageMask").getBoolValue()) return;
    const size_t rgb_before = out_.rgb.size();
    const Space space = Classify(dict.getKey("/ColorSpace"), resources);
    if (space == Space::kRgb) {
      out_.rgb.resize(rgb_before);
      AddOnce(out_.rgb, "RGB image " + name);
    }
    if (space != Space::kCmyk || !dict.getKey("/BitsPerComponent").isInteger() ||
        dict.getKey("/BitsPerComponent").getIntValue() != 8)
      return;
    // Samples are measured up to kMaxMeasuredPixels (a larger image is not decoded here).
    Object w = dict.getKey("/Width"), h = dict.getKey("/Height");
    if (!w.isInteger() || !h.isInteger() || w.getIntValue() <= 0 || h.getIntValue() <= 0 ||
        w.getIntValue() * h.getIntValue() > kMaxMeasuredPixels)
      return;
    bool inverted = false;
    Object decode = dict.getKey("/Decode");
    if (decode.isArray() && decode.getArrayNItems() >= 2)
      inverted = NumberOf(decode.getArrayItem(0)) > NumberOf(decode.getArrayItem(1));
    try {
      auto data = image.getStreamData(qpdf_dl_all);
      const unsigned char* p = data->getBuffer();
      int max = 0;
      for (size_t i = 0; i + 3 < data->getSize(); i += 4) {
        int sum = p[i] + p[i + 1] + p[i + 2] + p[i + 3];
        if (inverted) sum = 4 * 255 - sum;
        max = std::max(max, sum);
      }
      Ink(max * 100.0 / 255, "image " + name);
    } catch (const std::exception&) {
      // Samples that do not decode: nothing measured.
    }
  }

  void WalkResources(Object resources, int depth) {
    if (!resources.isDictionary() || !First(resources)) return;
    Object spaces = resources.getKey("/ColorSpace");
    if (spaces.isDictionary())
      for (const std::string& key : spaces.getKeys()) Classify(spaces.getKey(key), resources);
    Object states = resources.getKey("/ExtGState");
    if (states.isDictionary())
      for (const std::string& key : states.getKeys()) ExtGState(key, states.getKey(key), depth);
    Object xobjects = resources.getKey("/XObject");
    if (xobjects.isDictionary())
      for (const std::string& key : xobjects.getKeys()) {
        Object x = xobjects.getKey(key);
        if (!x.isStream()) continue;
        const std::string subtype = NameOf(x.getDict().getKey("/Subtype"));
        if (subtype == "/Image") Image(key, x, resources);
        if (subtype == "/Form") Form(x, depth);
      }
    Object shadings = resources.getKey("/Shading");
    if (shadings.isDictionary())
      for (const std::string& key : shadings.getKeys()) Shading(shadings.getKey(key), resources);
    Object patterns = resources.getKey("/Pattern");
    if (patterns.isDictionary())
      for (const std::string& key : patterns.getKeys()) {
        Object p = patterns.getKey(key);
        if (p.isStream()) {  // tiling: a content stream of its own
          if (First(p)) Walk(p.getDict().getKey("/Resources"), p, depth + 1);
        } else if (p.isDictionary()) {
          Shading(p.getKey("/Shading"), resources);
          ExtGState(key, p.getKey("/ExtGState"), depth);
        }
      }
    Fonts(resources.getKey("/Font"), depth);
  }

  void Shading(Object shading, Object resources) {
    Object dict = shading.isStream() ? shading.getDict() : shading;
    if (dict.isDictionary()) Classify(dict.getKey("/ColorSpace"), resources);
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
          const Space s = in_.Classify(operands_.back(), resources_);
          (op == "cs" ? fill_ : stroke_) = s;
        }
      } else if (op == "sc" || op == "scn" || op == "SC" || op == "SCN") {
        const Space s = op[0] == 's' ? fill_ : stroke_;
        if (s == Space::kCmyk && operands_.size() >= 4)
          in_.Ink(Sum(), op[0] == 's' ? "a fill colour" : "a stroke colour");
      } else if (op == "g" || op == "G") {
        (op == "g" ? fill_ : stroke_) = Space::kGrey;
      } else if (op == "ID") {
        // An inline image: its dictionary's pairs are the operands since BI.
        for (size_t i = 0; i + 1 < operands_.size(); i += 2) {
          const std::string key = NameOf(operands_[i]);
          if (key == "/CS" || key == "/ColorSpace") {
            const size_t before = in_.out_.rgb.size();
            if (in_.Classify(operands_[i + 1], resources_) == Space::kRgb) {
              in_.out_.rgb.resize(before);
              AddOnce(in_.out_.rgb, "RGB inline image");
            }
          }
        }
      }
      if (op == "rg") fill_ = Space::kRgb;
      if (op == "RG") stroke_ = Space::kRgb;
      if (op == "k") fill_ = Space::kCmyk;
      if (op == "K") stroke_ = Space::kCmyk;
      if (op != "BI" && op != "ID") operands_.clear();
    }
    void handleEOF() override {}

   private:
    double Sum() const {
      double total = 0;
      for (size_t i = operands_.size() - 4; i < operands_.size(); ++i)
        total += NumberOf(operands_[i]);
      return total * 100;
    }
    Inspector& in_;
    Object resources_;
    std::vector<Object> operands_;
    Space fill_ = Space::kGrey, stroke_ = Space::kGrey;
  };

  void WalkContent(Object content, Object resources) {
    Content callbacks(*this, resources);
    try {
      Object::parseContentStream(content, &callbacks);
    } catch (const std::exception&) {
      // What was read before the damage counts.
    }
  }

  PdfArtInspection& out_;
  std::set<QPDFObjGen> seen_;
};

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
    pdf.processMemoryFile(path.c_str(), bytes->data(), bytes->size());
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
    std::optional<PdfBox> media = BoxOf(p.getMediaBox());
    if (!media) {
      error = "has no MediaBox on page " + std::to_string(page);
      return std::nullopt;
    }
    std::optional<PdfBox> crop = BoxOf(p.getCropBox());
    std::optional<PdfBox> trim = BoxOf(dict.getKey("/TrimBox"));
    art.crop = crop ? *crop : *media;
    art.box = trim ? *trim : art.crop;
    art.box_name = trim ? "TrimBox" : crop ? "CropBox" : "MediaBox";
    Object rotate = p.getAttribute("/Rotate", false);
    if (rotate.isInteger()) art.rotate = ((rotate.getIntValueAsInt() % 360) + 360) % 360;

    Inspector inspector(art.inspection);
    Object group = dict.getKey("/Group");
    if (group.isDictionary() && NameOf(group.getKey("/S")) == "/Transparency")
      AddOnce(art.inspection.transparency, "transparency group");
    inspector.Walk(p.getAttribute("/Resources", false), dict.getKey("/Contents"), 0);

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
