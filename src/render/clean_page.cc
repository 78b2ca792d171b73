#include "render/clean_page.h"

#include <algorithm>

namespace banmian {

bool IsProofMark(std::string_view role) {
  return role == kOversetMarkRole || role.starts_with("proof-");
}

Page CleanPage(const Page& page) {
  Page clean = page;
  for (Frame& frame : clean.frames)
    std::erase_if(frame.items, [](const Item& item) {
      return std::visit([](const auto& i) { return IsProofMark(i.role); }, item);
    });
  return clean;
}

}  // namespace banmian
