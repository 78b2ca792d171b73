// Diagnostics: the one error type that travels through every stage.
//
// A Diagnostic carries a severity, a stable code (e.g. "unknown-key"), the source
// position it is about, a message and an optional hint. Stages never print and never
// throw for bad input: they append to a Diagnostics list, and the command line prints
// the whole list at the edge. Plain values, safe to copy between threads.
#pragma once

#include <string>
#include <vector>

namespace banmian {

// Where in an input file something came from. line and col are 1-based; 0 means
// "the file as a whole".
struct SourcePos {
  std::string file;
  int line = 0;
  int col = 0;
};

enum class Severity { kError, kWarning, kInfo };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;
  SourcePos pos;
  std::string message;
  std::string hint;
};

// "file:line:col: error[code]: message" plus an indented "hint:" line when there is one,
// for the terminal: control characters in every field are escaped (model/terminal_text.h).
std::string FormatDiagnostic(const Diagnostic& d);
const char* SeverityName(Severity s);

// An ordered collection of diagnostics, in the order they were found.
class Diagnostics {
 public:
  void Error(std::string code, SourcePos pos, std::string message, std::string hint = {});
  void Warning(std::string code, SourcePos pos, std::string message, std::string hint = {});
  void Add(Diagnostic d) { items_.push_back(std::move(d)); }
  void Append(const Diagnostics& other);

  bool HasErrors() const;
  size_t ErrorCount() const;
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace banmian
