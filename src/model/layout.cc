#include "model/layout.h"

namespace banmian {

const Slot* PageTemplate::FindSlot(const std::string& slot_name) const {
  for (const Slot& s : slots)
    if (s.name == slot_name) return &s;
  return nullptr;
}

const Style* Paper::FindStyle(const std::string& style_name) const {
  auto it = styles.find(style_name);
  return it == styles.end() ? nullptr : &it->second;
}

}  // namespace banmian
