// Loading an issue folder: issue.yaml, the paper's layout it names, and its articles.
//
// LoadIssue is the load + validate stages for the command line: it finds the layout
// folder, parses everything strictly, checks the issue against its templates (slots
// exist, each article placed exactly once, files present, a slot's changed geometry
// within the grid and naming the template's slots) and returns an Issue only when no
// error was found. All errors are collected. Page labels are unique; a page without
// one is labelled with its number.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "model/diagnostic.h"
#include "model/issue.h"

namespace banmian {

struct LoadOptions {
  std::string layouts_dir;  // empty: search upwards from the issue folder, then DataDir()/layouts
  int jobs = 1;             // articles read and parsed this many at a time
  // Run on each article as soon as it is loaded, on the thread that loaded it.
  std::function<void(Article&)> prepare_article;
};

std::optional<Issue> LoadIssue(const std::string& issue_dir, const LoadOptions& options,
                               Diagnostics& diags);

// Parses issue.yaml's text (no disk access); papers and articles are not loaded.
std::optional<Issue> ParseIssueFile(const std::string& file, const std::string& text,
                                    Diagnostics& diags);

// Checks an issue's pages against its paper's templates and its article list.
void ValidateIssue(const Issue& issue, Diagnostics& diags);

// "2021-05-10" -> {2021, 5, 10}; empty when not a real date.
struct Date {
  int year = 0, month = 0, day = 0;
};
std::optional<Date> ParseDate(const std::string& text);
int Weekday(const Date& d);  // 0 = Sunday

}  // namespace banmian
