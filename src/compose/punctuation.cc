#include "compose/punctuation.h"

#include <string_view>

namespace banmian {

PunctKind ClassifyPunct(char32_t c) {
  // Most characters of a page are ideographs or Latin: answer those without a search.
  if ((c < U'‘' && c != U'·') || (c >= 0x3400 && c <= 0x9FFF)) return PunctKind::kNone;
  constexpr std::u32string_view kOpening = U"“‘（《【「『〔〖〈［｛";
  constexpr std::u32string_view kClosing = U"”’）》】」』〕〗〉］｝";
  if (kOpening.find(c) != std::u32string_view::npos) return PunctKind::kOpening;
  if (kClosing.find(c) != std::u32string_view::npos) return PunctKind::kClosing;
  switch (c) {
    case U'、':
    case U'，':
      return PunctKind::kPause;
    case U'：':
    case U'；':
      return PunctKind::kColon;
    case U'。':
    case U'？':
    case U'！':
    case U'．':
      return PunctKind::kStop;
    case U'·':
    case U'・':
    case U'‧':
    case U'／':
      return PunctKind::kFixedHalf;
  }
  return PunctKind::kNone;
}

int ShrinkPriority(PunctKind kind) {
  switch (kind) {
    case PunctKind::kOpening:
    case PunctKind::kClosing:
      return 0;
    case PunctKind::kPause:
    case PunctKind::kColon:
      return 1;
    case PunctKind::kStop:
      return 2;
    default:
      return -1;
  }
}

bool MayHang(char32_t c) {
  return c == U'、' || c == U'，' || c == U'。' || c == U'．';
}

}  // namespace banmian
