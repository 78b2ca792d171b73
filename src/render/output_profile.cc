#include "render/output_profile.h"

#include <lcms2.h>

#include "base/read_file.h"

namespace banmian {

// Generated at configure time from src/render/newsprint-tr002.icc (CMakeLists.txt).
extern const unsigned char kNewsprintProfile[];
extern const unsigned long kNewsprintProfileSize;

const std::string& BuiltInOutputProfile() {
  static const std::string bytes(reinterpret_cast<const char*>(kNewsprintProfile),
                                 kNewsprintProfileSize);
  return bytes;
}

std::optional<std::string> OutputProfileBytes(const std::string& path, std::string& error) {
  if (path.empty()) return BuiltInOutputProfile();
  std::optional<std::string> bytes = ReadFileBytes(path);
  if (!bytes || bytes->empty()) {
    error = "the output profile '" + path + "' cannot be read";
    return std::nullopt;
  }
  cmsHPROFILE profile = cmsOpenProfileFromMem(bytes->data(), bytes->size());
  if (!profile) {
    error = "the output profile '" + path + "' cannot be read as an ICC profile";
    return std::nullopt;
  }
  const bool cmyk = cmsGetColorSpace(profile) == cmsSigCmykData;
  const bool output = cmsIsIntentSupported(profile, INTENT_PERCEPTUAL, LCMS_USED_AS_OUTPUT);
  cmsCloseProfile(profile);
  if (!cmyk) {
    error = "the output profile '" + path + "' is not a CMYK profile";
    return std::nullopt;
  }
  if (!output) {
    error = "the output profile '" + path +
            "' cannot convert colours to CMYK (it has no "
            "PCS-to-device table)";
    return std::nullopt;
  }
  return bytes;
}

}  // namespace banmian
