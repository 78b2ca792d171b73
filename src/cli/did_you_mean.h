// Did-you-mean for the command line: the known word nearest a mistyped one.
//
// Nearness is the optimal-string-alignment form of the Damerau–Levenshtein distance
// (insertions, deletions, substitutions and swaps of two neighbouring characters, each
// costing 1). A word is suggested when it is at most 2 edits away (1 for a typed word of
// 3 characters or fewer) and fewer edits than the word has letters besides its dashes
// (so that "-x" does not suggest "-o"); of equally near words, the
// first in the list is taken, so suggestions do not depend on anything but the list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace banmian {

// The edit distance between two byte strings.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate nearest `typed`, or "" when none is near enough.
std::string DidYouMean(std::string_view typed, const std::vector<std::string>& candidates);

}  // namespace banmian
