// report.json: the machine-readable account of one run (documented in docs/report.md).
//
// Written by `render` next to the PDF and printed by `check --json`. It lists what
// was written, each page with its slots, every finding with its severity, the copyfit
// of every module (lines and characters over or short, and what would make it fit), the
// normalisations applied, the fonts used, and how long each stage took.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "layout/layout_report.h"
#include "model/diagnostic.h"
#include "model/frame.h"
#include "preflight/auto_page_summary.h"
#include "preflight/copyfit.h"
#include "preflight/findings.h"
#include "render/press.h"

namespace banmian {

// report.json's `schema_version`: raised whenever a key is removed or changes its meaning
// or type (docs/report.md lists the versions); adding a key keeps it.
inline constexpr int kReportSchemaVersion = 1;

struct StageTiming {
  std::string stage;
  double ms = 0;
};

// What became of the press files of `render --press` (report.json's `press`).
struct PressRecord {
  bool requested = false;       // --press was given
  bool written = false;         // the press files were written
  bool despite_errors = false;  // written although error findings stand (--press-despite-errors)
  int error_findings = 0;       // the findings of severity error that stand
};

struct ReportInput {
  std::string issue_dir;
  std::string command;  // render or check
  const Document* document = nullptr;
  const LayoutReport* layout = nullptr;
  const std::vector<Finding>* findings = nullptr;
  const std::vector<FitRecord>* fit = nullptr;  // null or empty: report.json's `fit` is []
  // The paper's headline ladder, naming the styles of `auto_pages`' modules (null: the
  // default ladder, `headline` alone).
  const AutoLayoutRules* auto_rules = nullptr;
  const Diagnostics* diagnostics = nullptr;
  std::vector<std::string> outputs;
  // render: the labels of the pages whose files were written (all of them, or those of
  // --pages); nothing for check (report.json's `pages_written` is then null).
  std::optional<std::vector<std::string>> pages_written;
  // What the press conversion found of each picture (picture path → report), when press
  // files were asked for; null otherwise (each picture's `press` is then null).
  const std::map<std::string, PressPictureReport>* press_pictures = nullptr;
  PressRecord press;
  std::vector<StageTiming> timings;
  int exit_status = 0;
};

std::string ReportJson(const ReportInput& in);

// report.json's `auto_pages` entry for one auto page, as written there (JsonWriter(2)
// layout at depth 0).
std::string AutoPageJson(const AutoPageSummary& page);

// A few lines for the terminal: pages, findings by severity, the first findings.
std::string ReportSummary(const ReportInput& in);

// The copyfit for the terminal (`check`): one line per module that is not an exact fit
// (or whose headline would take one line at a smaller size), its advice joined:
// "  fit A01 lead (jinbo): 3 lines short: add about 42 characters, …".
std::string FitSummary(const ReportInput& in);
// One record's advice as one phrase: the "or …" alternatives after a comma, the rest
// (a headline's size) after a semicolon.
std::string FitAdvice(const FitRecord& f);

// Where a finding is, for people: "page A02 col 3 rows 40–52" (its area on the grid),
// "page A01 at 12.0, 30.5 mm" (an area off the grid: its top left), "page A01" (no
// area); empty for a finding about the whole issue.
std::string FindingPlace(const Finding& f);
// The same without the page: "col 3 rows 40–52", "at 12.0, 30.5 mm" or nothing.
std::string PlaceOnPage(const Finding& f);

}  // namespace banmian
