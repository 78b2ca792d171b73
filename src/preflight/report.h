// report.json: the machine-readable account of one run (documented in docs/report.md).
//
// Written by `render` next to the PDF and printed by `check --json`. It lists what
// was written, each page with its slots, every finding with its severity, the
// normalisations applied, the fonts used, and how long each stage took.
#pragma once

#include <string>
#include <vector>

#include "layout/layout_report.h"
#include "model/diagnostic.h"
#include "model/frame.h"
#include "preflight/findings.h"

namespace banmian {

struct StageTiming {
  std::string stage;
  double ms = 0;
};

struct ReportInput {
  std::string issue_dir;
  std::string command;  // render or check
  const Document* document = nullptr;
  const LayoutReport* layout = nullptr;
  const std::vector<Finding>* findings = nullptr;
  const Diagnostics* diagnostics = nullptr;
  std::vector<std::string> outputs;
  std::vector<StageTiming> timings;
  int exit_status = 0;
};

std::string ReportJson(const ReportInput& in);

// A few lines for the terminal: pages, findings by severity, the first findings.
std::string ReportSummary(const ReportInput& in);

// Where a finding is, for people: "page A02 col 3 rows 40–52" (its area on the grid),
// "page A01 at 12.0, 30.5 mm" (an area off the grid: its top left), "page A01" (no
// area); empty for a finding about the whole issue.
std::string FindingPlace(const Finding& f);
// The same without the page: "col 3 rows 40–52", "at 12.0, 30.5 mm" or nothing.
std::string PlaceOnPage(const Finding& f);

}  // namespace banmian
