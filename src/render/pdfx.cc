#include "render/pdfx.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "render/output_profile.h"

namespace banmian {

namespace {

std::string Xmp(const std::string& title_text, const std::string& iso_date,
                const std::string& document_id, const std::string& instance_id) {
  std::string date = iso_date + "T00:00:00Z";
  std::string title;
  for (char c : title_text) {
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
   <xmp:CreatorTool>)" +
         std::string(kCreatorTool) + R"(</xmp:CreatorTool>
   <pdf:Producer>)" +
         std::string(kProducer) + R"(</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>uuid:)" +
         document_id + R"(</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:)" +
         instance_id + R"(</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>)";
}

}  // namespace

std::string PdfDate(const std::string& iso) {
  // 2021-05-10 → D:20210510000000Z
  std::string digits;
  for (char c : iso)
    if (c >= '0' && c <= '9') digits += c;
  while (digits.size() < 14) digits += '0';
  return "D:" + digits.substr(0, 14) + "Z";
}

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

const char* PdfxVersion(const PdfxSettings& settings) {
  return settings.standard == PdfxSettings::Standard::kX4 ? "1.6" : "1.3";
}

bool AddPdfxParts(QPDF& pdf, QPDFObjectHandle& info, const PdfxSettings& settings,
                  const std::string& title, const std::string& date, const std::string& document_id,
                  const std::string& instance_id, std::string& error) {
  const std::optional<std::string> icc_bytes = OutputProfileBytes(settings.profile_path, error);
  if (!icc_bytes) return false;
  const std::string& icc = *icc_bytes;
  QPDFObjectHandle root = pdf.getRoot();
  const bool x4 = settings.standard == PdfxSettings::Standard::kX4;
  QPDFObjectHandle profile = QPDFObjectHandle::newStream(&pdf, icc);
  profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(4));
  QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
  intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
  intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
  intent.replaceKey("/OutputConditionIdentifier",
                    QPDFObjectHandle::newString(settings.output_condition_identifier));
  intent.replaceKey("/OutputCondition",
                    QPDFObjectHandle::newUnicodeString(settings.output_condition));
  intent.replaceKey("/Info", QPDFObjectHandle::newUnicodeString(settings.output_condition));
  intent.replaceKey("/RegistryName", QPDFObjectHandle::newString(settings.registry_name));
  intent.replaceKey("/DestOutputProfile", profile);
  QPDFObjectHandle intents = QPDFObjectHandle::newArray();
  intents.appendItem(pdf.makeIndirectObject(intent));
  root.replaceKey("/OutputIntents", intents);
  if (x4) {
    QPDFObjectHandle xmp =
        QPDFObjectHandle::newStream(&pdf, Xmp(title, date, document_id, instance_id));
    xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", xmp);
  }
  info.replaceKey("/Trapped", QPDFObjectHandle::newName("/False"));
  info.replaceKey("/GTS_PDFXVersion", QPDFObjectHandle::newString(x4 ? "PDF/X-4" : "PDF/X-1:2001"));
  if (!x4) info.replaceKey("/GTS_PDFXConformance", QPDFObjectHandle::newString("PDF/X-1a:2001"));
  return true;
}

}  // namespace banmian
