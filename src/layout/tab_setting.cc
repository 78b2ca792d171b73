#include "layout/tab_setting.h"

#include <algorithm>
#include <cmath>

namespace banmian {

TabbedLine SetTabs(const std::vector<double>& widths, const std::vector<TabStop>& stops,
                   const std::vector<double>& leader_advance) {
  TabbedLine line;
  if (widths.empty()) return line;
  line.x.push_back(0);
  double end = widths[0];
  for (size_t i = 1; i < widths.size() && i - 1 < stops.size(); ++i) {
    const TabStop& stop = stops[i - 1];
    double want = stop.position;
    if (stop.align == TabStop::Align::kRight) want -= widths[i];
    if (stop.align == TabStop::Align::kCenter) want -= widths[i] / 2;
    const double x = std::max(want, end);
    line.overrun.push_back(std::max(0.0, end - want));
    const double advance = i - 1 < leader_advance.size() ? leader_advance[i - 1] : 0;
    if (!stop.leader.empty() && advance > 0) {
      // Whole marks on the advance's multiples, half a mark clear of the text each side.
      const double first = std::ceil((end + advance / 2) / advance - 1e-9) * advance;
      const int count = static_cast<int>(std::floor((x - advance / 2 - first) / advance + 1e-9));
      if (count > 0) line.leaders.push_back({first, count, i - 1});
    }
    line.x.push_back(x);
    end = x + widths[i];
  }
  line.width = end;
  return line;
}

}  // namespace banmian
