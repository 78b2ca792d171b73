#include "text/compatibility.h"

#include <algorithm>
#include <iterator>

namespace banmian {

namespace {

constexpr CompatibilityMapping kTable[] = {
#include "text/compatibility_table.inc"
};

constexpr bool Sorted() {
  for (size_t i = 1; i < std::size(kTable); ++i)
    if (kTable[i - 1].from >= kTable[i].from) return false;
  return true;
}
static_assert(Sorted(), "compatibility_table.inc must be sorted by code point, without repeats");

constexpr bool NoneInGap() {  // what the early return in CompatibilityTarget relies on
  for (const CompatibilityMapping& m : kTable)
    if (m.from < 0x2E80 || (m.from >= 0x3000 && m.from < 0xF900)) return false;
  return true;
}
static_assert(NoneInGap(), "a table row in a range CompatibilityTarget does not look in");

}  // namespace

CompatibilityMapping CompatibilityTarget(char32_t c) {
  if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
    return {c, c - 0xFEE0, CompatibilityKind::kFullWidthLatin};
  // Nothing below the radicals, nor between them and the compatibility ideographs (CJK
  // punctuation, kana, the unified ideographs), is in the table: most text is answered here.
  if (c < 0x2E80 || (c >= 0x3000 && c < 0xF900)) return {c, c, CompatibilityKind::kNone};
  const auto* it =
      std::lower_bound(std::begin(kTable), std::end(kTable), c,
                       [](const CompatibilityMapping& m, char32_t v) { return m.from < v; });
  if (it != std::end(kTable) && it->from == c) return *it;
  return {c, c, CompatibilityKind::kNone};
}

const char* CompatibilityKindName(CompatibilityKind kind) {
  switch (kind) {
    case CompatibilityKind::kKangxiRadical:
      return "kangxi-radical";
    case CompatibilityKind::kRadicalSupplement:
      return "radical-supplement";
    case CompatibilityKind::kCompatibilityIdeograph:
      return "compatibility-ideograph";
    case CompatibilityKind::kFullWidthLatin:
      return "full-width-latin";
    case CompatibilityKind::kNone:
      break;
  }
  return "";
}

}  // namespace banmian
