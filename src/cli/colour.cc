#include "cli/colour.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace banmian {

namespace {

const char* Escape(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "\x1b[1;31m";
    case Severity::kWarning:
      return "\x1b[1;33m";
    case Severity::kInfo:
      return "\x1b[1;36m";
  }
  return "";
}

constexpr const char* kReset = "\x1b[0m";

}  // namespace

std::optional<ColourMode> ParseColourMode(std::string_view word) {
  if (word == "auto") return ColourMode::kAuto;
  if (word == "always") return ColourMode::kAlways;
  if (word == "never") return ColourMode::kNever;
  return std::nullopt;
}

bool UseColour(ColourMode mode, bool stderr_is_terminal, const char* no_color) {
  if (mode != ColourMode::kAuto) return mode == ColourMode::kAlways;
  return stderr_is_terminal && (no_color == nullptr || *no_color == '\0');
}

bool UseColour(ColourMode mode) {
  return UseColour(mode, ::isatty(STDERR_FILENO) == 1, std::getenv("NO_COLOR"));
}

std::string Coloured(std::string_view text, Severity severity, bool on) {
  if (!on) return std::string(text);
  return Escape(severity) + std::string(text) + kReset;
}

std::string ColourSeverityWord(std::string_view line, bool on) {
  if (!on) return std::string(line);
  const size_t at = std::min(line.find_first_not_of(' '), line.size());
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    const std::string_view word = SeverityName(s);
    if (line.substr(at).starts_with(word) && line.substr(at + word.size()).starts_with("["))
      return std::string(line.substr(0, at)) + Coloured(word, s, true) +
             std::string(line.substr(at + word.size()));
  }
  return std::string(line);
}

}  // namespace banmian
