// Which pages a render writes: `render --pages A01,A03-A05`.
//
// The whole issue is always composed (a jump line on A01 names the page its article goes on
// to, so every page must be made) and preflighted; only the files are limited to the pages
// chosen. A list is items separated by commas, each a page or a range FIRST-LAST of pages in
// page order, both ends included. A page is named by its label ("A03", as the layout names it
// and the PDF shows it) or by its number in the issue (1 for the first page); a name that is a
// label is always that label. The pages come out in page order, each once, however the list
// orders or repeats them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace banmian {

// One item of the list: a page (`first` == `last`) or a range of pages.
struct PageRange {
  std::string first, last;
  friend bool operator==(const PageRange&, const PageRange&) = default;
};

// The items of a --pages list, spaces around items and range ends dropped ("A01, A03");
// nothing, with `error` saying what is wrong, when the list is empty, has an empty item
// ("A01,,A03"), or a range without both ends ("A03-", "-A05"). An item with several dashes
// is kept whole: SelectPages reads it by the labels.
std::optional<std::vector<PageRange>> ParsePageList(const std::string& list, std::string& error);

// Why a list names no pages of this issue: code "unknown-page" for a name no page has (the
// hint: the one label close to it, else all of them), "page-range-backwards" for a range
// whose first page comes after its last (A05-A03), "page-range-ambiguous" for an item of
// labels with dashes that splits into two ranges (pages A-1, A-1-A and A: "A-1-A-1-A").
struct PageSelectionError {
  std::string code, message, hint;
};

// The numbers (1-based, ascending, each once) of the pages that `ranges` name among the issue's
// pages, whose labels are `labels` in page order; nothing, with `error`, when a name or range
// is wrong. A label with dashes is that page; an item that is no label but splits at one of
// its dashes into two labels is that range (A-2-1-A-2-3).
std::optional<std::vector<int>> SelectPages(const std::vector<PageRange>& ranges,
                                            const std::vector<std::string>& labels,
                                            PageSelectionError& error);

// The chosen pages for people: "A01, A03–A05" (runs of consecutive pages as ranges).
std::string DescribePages(const std::vector<int>& numbers, const std::vector<std::string>& labels);

}  // namespace banmian
