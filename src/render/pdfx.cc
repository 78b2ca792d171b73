#include "render/pdfx.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/QUtil.hh>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <vector>

namespace banmian {

namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

// Replaces proxy `r g b rg` / `RG` by the declared `c m y k k` / `K`, and drops `/aN gs`
// for the graphics states that only set full opacity.
class ProxyFilter : public QPDFObjectHandle::TokenFilter {
 public:
  ProxyFilter(const ColourProxies& proxies, std::set<std::string> droppable, std::string& error)
      : proxies_(proxies), droppable_(std::move(droppable)), error_(error) {}

  void handleToken(QPDFTokenizer::Token const& token) override {
    switch (token.getType()) {
      case QPDFTokenizer::tt_word:
        Operator(token);
        break;
      case QPDFTokenizer::tt_space:
      case QPDFTokenizer::tt_comment:
        if (pending_.empty()) {
          writeToken(token);
        } else {
          pending_.push_back(token);
        }
        break;
      default:
        pending_.push_back(token);
    }
  }

  void handleEOF() override { Flush(); }

 private:
  void Flush() {
    for (auto& t : pending_) writeToken(t);
    pending_.clear();
  }

  void Operator(QPDFTokenizer::Token const& op) {
    const std::string& word = op.getValue();
    std::vector<double> numbers;
    std::vector<std::string> names;
    for (auto& t : pending_) {
      if (t.getType() == QPDFTokenizer::tt_integer || t.getType() == QPDFTokenizer::tt_real)
        numbers.push_back(std::strtod(t.getValue().c_str(), nullptr));
      if (t.getType() == QPDFTokenizer::tt_name) names.push_back(t.getValue());
    }
    if ((word == "rg" || word == "RG") && numbers.size() == 3) {
      auto cmyk = proxies_.Lookup(numbers[0], numbers[1], numbers[2]);
      if (!cmyk) {
        error_ = "an RGB colour (" + Num(numbers[0]) + " " + Num(numbers[1]) + " " +
                 Num(numbers[2]) + ") that is not a declared colour reached the press page";
        Flush();
        writeToken(op);
        return;
      }
      pending_.clear();
      write(Num(cmyk->c / 100) + " " + Num(cmyk->m / 100) + " " + Num(cmyk->y / 100) + " " +
            Num(cmyk->k / 100) + (word == "rg" ? " k" : " K"));
      return;
    }
    if (word == "gs" && names.size() == 1 && droppable_.count(names[0])) {
      pending_.clear();
      return;
    }
    if (word == "sc" || word == "scn" || word == "SC" || word == "SCN" || word == "cs" ||
        word == "CS") {
      error_ = "a colour space operator (" + word + ") reached the press page";
    }
    Flush();
    writeToken(op);
  }

  const ColourProxies& proxies_;
  std::set<std::string> droppable_;
  std::string& error_;
  std::vector<QPDFTokenizer::Token> pending_;
};

// Graphics states that only set full opacity (what Cairo writes for every fill).
std::set<std::string> OpaqueStates(QPDFObjectHandle resources) {
  std::set<std::string> names;
  if (!resources.isDictionary() || !resources.hasKey("/ExtGState")) return names;
  QPDFObjectHandle states = resources.getKey("/ExtGState");
  for (const std::string& key : states.getKeys()) {
    QPDFObjectHandle gs = states.getKey(key);
    bool opaque = gs.isDictionary();
    for (const std::string& k : gs.isDictionary() ? gs.getKeys() : std::set<std::string>{}) {
      QPDFObjectHandle v = gs.getKey(k);
      if (k == "/Type") continue;
      if ((k != "/CA" && k != "/ca") || !v.isNumber() || v.getNumericValue() != 1) opaque = false;
    }
    if (opaque) names.insert(key);
  }
  return names;
}

// Page geometry to a thousandth of a point.
std::string Coord(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

QPDFObjectHandle Box(double x0, double y0, double x1, double y1) {
  return QPDFObjectHandle::parse("[" + Coord(x0) + " " + Coord(y0) + " " + Coord(x1) + " " +
                                 Coord(y1) + "]");
}

std::string PdfDate(const std::string& iso) {
  // 2021-05-10 → D:20210510000000Z
  std::string digits;
  for (char c : iso)
    if (c >= '0' && c <= '9') digits += c;
  while (digits.size() < 14) digits += '0';
  return "D:" + digits.substr(0, 14) + "Z";
}

std::string Xmp(const PdfxSettings& s, const std::string& id) {
  std::string date = s.date + "T00:00:00Z";
  std::string title;
  for (char c : s.title) {
    if (c == '<')
      title += "&lt;";
    else if (c == '&')
      title += "&amp;";
    else
      title += c;
  }
  return R"(<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">)" +
         title + R"(</rdf:li></rdf:Alt></dc:title>
   <dc:format>application/pdf</dc:format>
   <xmp:CreateDate>)" +
         date + R"(</xmp:CreateDate>
   <xmp:ModifyDate>)" +
         date + R"(</xmp:ModifyDate>
   <xmp:MetadataDate>)" +
         date + R"(</xmp:MetadataDate>
   <xmp:CreatorTool>banmian</xmp:CreatorTool>
   <pdf:Producer>banmian</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>uuid:)" +
         id + R"(</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:)" +
         id + R"(</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>)";
}

// A stable UUID-shaped identifier from the document's content.
std::string StableUuid(const std::string& data) {
  uint64_t h1 = 1469598103934665603ULL, h2 = 1099511628211ULL;
  for (unsigned char c : data)
    h1 = (h1 ^ c) * 1099511628211ULL, h2 = (h2 + c) * 6364136223846793005ULL + 1;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(h1 >> 32),
                static_cast<unsigned>((h1 >> 16) & 0xFFFF), static_cast<unsigned>(h1 & 0xFFFF),
                static_cast<unsigned>(h2 >> 48),
                static_cast<unsigned long long>(h2 & 0xFFFFFFFFFFFFULL));
  return buf;
}

}  // namespace

bool MakePdfX(const std::string& cairo_pdf, const ColourProxies& proxies,
              const PdfxSettings& settings, std::string& out, std::string& error) {
  try {
    std::ifstream icc_in(settings.profile_path, std::ios::binary);
    std::ostringstream icc_ss;
    icc_ss << icc_in.rdbuf();
    std::string icc = icc_ss.str();
    if (icc.empty()) {
      error = "the output profile '" + settings.profile_path + "' cannot be read";
      return false;
    }
    QPDF pdf;
    pdf.processMemoryFile("press", cairo_pdf.data(), cairo_pdf.size());
    std::string filter_error;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
      QPDFObjectHandle resources = page.getAttribute("/Resources", false);
      auto filter = std::make_shared<ProxyFilter>(proxies, OpaqueStates(resources), filter_error);
      page.addContentTokenFilter(filter);
      // Form XObjects (Cairo's groups) hold content too; images must be CMYK.
      if (resources.isDictionary() && resources.hasKey("/XObject")) {
        QPDFObjectHandle xobjects = resources.getKey("/XObject");
        for (const std::string& key : xobjects.getKeys()) {
          QPDFObjectHandle x = xobjects.getKey(key);
          QPDFObjectHandle dict = x.getDict();
          if (dict.getKey("/Subtype").isNameAndEquals("/Form")) {
            x.addTokenFilter(std::make_shared<ProxyFilter>(
                proxies, OpaqueStates(dict.getKey("/Resources")), filter_error));
          } else if (dict.getKey("/Subtype").isNameAndEquals("/Image")) {
            QPDFObjectHandle cs = dict.getKey("/ColorSpace");
            if (!cs.isNameAndEquals("/DeviceCMYK") && !cs.isNameAndEquals("/DeviceGray")) {
              error = "a picture in " +
                      (cs.isName() ? cs.getName() : std::string("a non-CMYK space")) +
                      " reached the press page";
              return false;
            }
            if (dict.hasKey("/SMask")) {
              error = "a picture with transparency reached the press page";
              return false;
            }
            // A CMYK JPEG with an Adobe marker (from Photoshop) is stored inverted.
            if (cs.isNameAndEquals("/DeviceCMYK") &&
                dict.getKey("/Filter").isNameAndEquals("/DCTDecode") && !dict.hasKey("/Decode")) {
              auto raw = x.getRawStreamData();
              std::string head(reinterpret_cast<const char*>(raw->getBuffer()),
                               std::min<size_t>(raw->getSize(), 4096));
              if (head.find("\xFF\xEE") != std::string::npos &&
                  head.find("Adobe") != std::string::npos)
                dict.replaceKey("/Decode", QPDFObjectHandle::parse("[1 0 1 0 1 0 1 0]"));
            }
          }
        }
      }
      QPDFObjectHandle obj = page.getObjectHandle();
      const double b = settings.bleed;
      obj.replaceKey("/MediaBox", Box(0, 0, settings.media_w, settings.media_h));
      obj.replaceKey("/BleedBox", Box(settings.trim_x - b, settings.trim_y - b,
                                      settings.trim_x + settings.trim_w + b,
                                      settings.trim_y + settings.trim_h + b));
      obj.replaceKey("/TrimBox",
                     Box(settings.trim_x, settings.trim_y, settings.trim_x + settings.trim_w,
                         settings.trim_y + settings.trim_h));
      obj.removeKey("/Annots");
      obj.removeKey("/CropBox");
    }
    // Filtering runs as the file is written; a first pass into memory finds errors.
    {
      QPDFWriter probe(pdf);
      probe.setOutputMemory();
      probe.write();
    }
    if (!filter_error.empty()) {
      error = filter_error;
      return false;
    }
    QPDFObjectHandle root = pdf.getRoot();
    const bool x4 = settings.standard == PdfxSettings::Standard::kX4;
    QPDFObjectHandle profile = QPDFObjectHandle::newStream(&pdf, icc);
    profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(4));
    QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
    intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
    intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
    intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString("Custom"));
    intent.replaceKey("/OutputCondition",
                      QPDFObjectHandle::newUnicodeString(settings.output_condition));
    intent.replaceKey("/Info", QPDFObjectHandle::newUnicodeString(settings.output_condition));
    intent.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
    intent.replaceKey("/DestOutputProfile", profile);
    QPDFObjectHandle intents = QPDFObjectHandle::newArray();
    intents.appendItem(pdf.makeIndirectObject(intent));
    root.replaceKey("/OutputIntents", intents);
    if (x4) {
      QPDFObjectHandle xmp =
          QPDFObjectHandle::newStream(&pdf, Xmp(settings, StableUuid(cairo_pdf)));
      xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
      xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
      root.replaceKey("/Metadata", xmp);
    }
    QPDFObjectHandle info = QPDFObjectHandle::newDictionary();
    info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(settings.title));
    info.replaceKey("/Creator", QPDFObjectHandle::newString("banmian"));
    info.replaceKey("/Producer", QPDFObjectHandle::newString("banmian (cairo, qpdf)"));
    info.replaceKey("/CreationDate", QPDFObjectHandle::newString(PdfDate(settings.date)));
    info.replaceKey("/ModDate", QPDFObjectHandle::newString(PdfDate(settings.date)));
    info.replaceKey("/Trapped", QPDFObjectHandle::newName("/False"));
    info.replaceKey("/GTS_PDFXVersion",
                    QPDFObjectHandle::newString(x4 ? "PDF/X-4" : "PDF/X-1:2001"));
    if (!x4) info.replaceKey("/GTS_PDFXConformance", QPDFObjectHandle::newString("PDF/X-1a:2001"));
    pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(info));

    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setObjectStreamMode(qpdf_o_disable);
    writer.setStreamDataMode(qpdf_s_compress);
    writer.setCompressStreams(true);
    writer.forcePDFVersion(x4 ? "1.6" : "1.3");
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    out.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    return true;
  } catch (const std::exception& e) {
    error = std::string("the press PDF could not be written: ") + e.what();
    return false;
  }
}

}  // namespace banmian
