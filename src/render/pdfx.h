// PDF/X: what makes a press page's PDF a PDF/X file, added to the document the PDF
// writer is assembling with libqpdf.
//
// The writer gives the page its TrimBox and BleedBox and writes the declared CMYK, so
// black stays on the K plate alone and nothing is left in RGB; here the document gets
// an OutputIntent with the printing condition's ICC profile, the PDF/X version
// keys and Trapped in its information dictionary, and for PDF/X-4 the XMP metadata,
// all dated from the issue so reruns give the same bytes.
#pragma once

#include <string>

class QPDF;
class QPDFObjectHandle;

namespace banmian {

struct PdfxSettings {
  enum class Standard { kX1a2001, kX4 };
  Standard standard = Standard::kX1a2001;
  std::string
      profile_path;  // the output intent's ICC profile (CMYK); "": the built-in newsprint one
  std::string output_condition;                        // e.g. "Newsprint (plant profile)"
  std::string output_condition_identifier = "Custom";  // a registered name, or "Custom"
  std::string registry_name = "http://www.color.org";
  double bleed = 0;  // around the trim box, in points
};

// The PDF version a standard asks for ("1.3" for X-1a, "1.6" for X-4).
const char* PdfxVersion(const PdfxSettings& settings);

// Adds the output intent, the PDF/X keys of `info` and the XMP metadata, whose
// `title`, `date` (ISO), `document_id` (xmpMM:DocumentID: the same for every version of
// the page) and `instance_id` (xmpMM:InstanceID: this version's) it repeats. False with
// `error` if the profile cannot be read.
bool AddPdfxParts(QPDF& pdf, QPDFObjectHandle& info, const PdfxSettings& settings,
                  const std::string& title, const std::string& date, const std::string& document_id,
                  const std::string& instance_id, std::string& error);

// What the document information and the XMP metadata name as the creating tool and the
// producer: the same in both, as PDF/X asks.
inline constexpr const char* kCreatorTool = "banmian " BANMIAN_VERSION;
inline constexpr const char* kProducer = "banmian " BANMIAN_VERSION " (qpdf)";

// PDF's date form of an ISO date: 2021-05-10 → D:20210510000000Z.
std::string PdfDate(const std::string& iso);

// A stable UUID-shaped identifier of `data`.
std::string StableUuid(const std::string& data);

}  // namespace banmian
