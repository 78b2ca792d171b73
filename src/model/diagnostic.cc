#include "model/diagnostic.h"

#include <algorithm>

#include "model/terminal_text.h"

namespace banmian {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

std::string FormatDiagnostic(const Diagnostic& d) {
  // Each field may hold input (a folder name, a key): its controls are escaped.
  std::string out = TerminalText(d.pos.file);
  if (d.pos.line > 0) {
    out += ":" + std::to_string(d.pos.line);
    if (d.pos.col > 0) out += ":" + std::to_string(d.pos.col);
  }
  if (!out.empty()) out += ": ";
  out += SeverityName(d.severity);
  out += "[" + TerminalText(d.code) + "]: " + TerminalText(d.message);
  if (!d.hint.empty()) out += "\n  hint: " + TerminalText(d.hint);
  return out;
}

void Diagnostics::Error(std::string code, SourcePos pos, std::string message, std::string hint) {
  items_.push_back(
      {Severity::kError, std::move(code), std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::Warning(std::string code, SourcePos pos, std::string message, std::string hint) {
  items_.push_back(
      {Severity::kWarning, std::move(code), std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::HasErrors() const {
  return ErrorCount() > 0;
}

size_t Diagnostics::ErrorCount() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

}  // namespace banmian
