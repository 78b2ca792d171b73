#include "cli/diagnostic_text.h"

#include "cli/colour.h"
#include "cli/source_excerpt.h"

namespace banmian {

std::string DiagnosticText(const Diagnostic& d, bool colour) {
  std::string text = FormatDiagnostic(d);
  const size_t hint = text.find("\n  hint: ");
  std::string first = text.substr(0, hint);
  if (colour) {
    // The severity word follows the position ("file:line:col: "), or opens the line.
    Diagnostic bare = d;
    bare.hint.clear();
    bare.message.clear();
    bare.code.clear();
    const std::string plain = FormatDiagnostic(bare);  // "file:line:col: error[]: "
    const size_t at = plain.rfind(SeverityName(d.severity));
    first = first.substr(0, at) + Coloured(SeverityName(d.severity), d.severity, true) +
            first.substr(at + std::string(SeverityName(d.severity)).size());
  }
  std::string out = first + "\n" + SourceExcerpt(d.pos, d.severity, colour);
  if (hint != std::string::npos) out += text.substr(hint + 1) + "\n";
  return out;
}

}  // namespace banmian
