#include "pipeline/page_selection.h"

#include <algorithm>

#include "load/yaml_reader.h"

namespace banmian {

namespace {

// A name's page number: its label's page, else a plain whole number within the issue; 0 when
// it names no page.
int PageOf(const std::string& name, const std::vector<std::string>& labels) {
  for (size_t i = 0; i < labels.size(); ++i)
    if (labels[i] == name) return static_cast<int>(i) + 1;
  if (name.empty() || name.size() > 6 ||
      !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return 0;
  const int number = std::stoi(name);
  return number >= 1 && number <= static_cast<int>(labels.size()) ? number : 0;
}

// "did you mean 'A01'?" when one label alone is close to `name`; else all the pages, runs
// as ranges ("the pages are A01–A04").
std::string Hint(const std::string& name, const std::vector<std::string>& labels) {
  const std::string closest = ClosestMatch(name, labels);
  std::vector<std::string> others;
  for (const std::string& label : labels)
    if (label != closest) others.push_back(label);
  if (!closest.empty() && ClosestMatch(name, others).empty()) return DidYouMean(name, labels);
  std::vector<int> all;
  for (size_t n = 1; n <= labels.size(); ++n) all.push_back(static_cast<int>(n));
  return "the issue's pages are " + DescribePages(all, labels);
}

}  // namespace

namespace {
// `s` without the spaces and tabs around it (a list typed as "A01, A03").
std::string Trimmed(const std::string& s) {
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}
}  // namespace

std::optional<std::vector<PageRange>> ParsePageList(const std::string& list, std::string& error) {
  if (list.empty()) {
    error = "--pages needs pages, e.g. A01,A03-A05";
    return std::nullopt;
  }
  std::vector<PageRange> ranges;
  size_t start = 0;
  for (;;) {
    const size_t comma = list.find(',', start);
    const std::string item =
        Trimmed(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (item.empty()) {
      error = "--pages has an empty item in '" + list + "'";
      return std::nullopt;
    }
    const size_t dash = item.find('-');
    if (dash == std::string::npos || item.find('-', dash + 1) != std::string::npos) {
      // One page, or several dashes: labels with dashes in them (A-2-1 or A-2-1-A-2-3),
      // split where the labels say (SelectPages).
      ranges.push_back({item, item});
    } else {
      PageRange range{Trimmed(item.substr(0, dash)), Trimmed(item.substr(dash + 1))};
      if (range.first.empty() || range.last.empty()) {
        error = "--pages: '" + item + "' is not a range of two pages, e.g. A03-A05";
        return std::nullopt;
      }
      ranges.push_back(std::move(range));
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return ranges;
}

std::optional<std::vector<int>> SelectPages(const std::vector<PageRange>& ranges,
                                            const std::vector<std::string>& labels,
                                            PageSelectionError& error) {
  std::vector<bool> chosen(labels.size() + 1, false);
  for (PageRange range : ranges) {
    // An item with several dashes that is no page's label: the one split of it into two
    // labels (A-2-1-A-2-3); none or more than one is an error.
    if (range.first == range.last && PageOf(range.first, labels) == 0 &&
        std::count(range.first.begin(), range.first.end(), '-') > 1) {
      const std::string item = range.first;
      std::vector<PageRange> splits;
      for (size_t dash = item.find('-'); dash != std::string::npos;
           dash = item.find('-', dash + 1)) {
        PageRange split{Trimmed(item.substr(0, dash)), Trimmed(item.substr(dash + 1))};
        if (PageOf(split.first, labels) > 0 && PageOf(split.last, labels) > 0)
          splits.push_back(split);
      }
      if (splits.size() > 1) {
        error = {"page-range-ambiguous",
                 "'" + item + "' can be read as " + splits[0].first + " to " + splits[0].last +
                     " or as " + splits[1].first + " to " + splits[1].last,
                 "name the pages by number, e.g. 3-5"};
        return std::nullopt;
      }
      if (splits.size() == 1) range = splits[0];
    }
    // A label with a dash in it ("A03-1") is that page, not a range.
    const std::string whole =
        range.first == range.last ? range.first : range.first + "-" + range.last;
    if (range.first != range.last && PageOf(whole, labels) > 0) {
      chosen[PageOf(whole, labels)] = true;
      continue;
    }
    int ends[2] = {0, 0};
    const std::string* names[2] = {&range.first, &range.last};
    for (int e = 0; e < 2; ++e) {
      ends[e] = PageOf(*names[e], labels);
      if (ends[e] == 0) {
        error = {"unknown-page", "the issue has no page '" + *names[e] + "'",
                 Hint(*names[e], labels)};
        return std::nullopt;
      }
    }
    if (ends[0] > ends[1]) {
      error.code = "page-range-backwards";
      error.message = "the range " + whole + " runs backwards";
      if (range.first != std::to_string(ends[0]) || range.last != std::to_string(ends[1]))
        error.message += " (" + range.first + " is page " + std::to_string(ends[0]) + ", " +
                         range.last + " page " + std::to_string(ends[1]) + ")";
      error.hint = "write " + range.last + "-" + range.first;
      return std::nullopt;
    }
    for (int n = ends[0]; n <= ends[1]; ++n) chosen[n] = true;
  }
  std::vector<int> numbers;
  for (size_t n = 1; n < chosen.size(); ++n)
    if (chosen[n]) numbers.push_back(static_cast<int>(n));
  return numbers;
}

std::string DescribePages(const std::vector<int>& numbers, const std::vector<std::string>& labels) {
  std::string text;
  for (size_t i = 0; i < numbers.size();) {
    size_t j = i;
    while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
    auto label = [&](size_t k) { return labels[static_cast<size_t>(numbers[k]) - 1]; };
    text += (text.empty() ? "" : ", ") + label(i);
    if (j > i) text += (j == i + 1 ? ", " : "–") + label(j);
    i = j + 1;
  }
  return text;
}

}  // namespace banmian
