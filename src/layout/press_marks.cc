#include "layout/press_marks.h"

#include <cstdlib>
#include <ctime>

#include "compose/line_breaker.h"
#include "layout/line_items.h"
#include "text/shaper.h"

namespace banmian {

namespace {

std::string OutputTime() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
    t = std::strtoll(epoch, nullptr, 10);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

}  // namespace

void AddPressMarks(Document& doc, const Paper& paper, FontSet& fonts, const std::string& paper_name,
                   const std::string& date) {
  const Cmyk registration{100, 100, 100, 100, "registration"};
  const std::string when = OutputTime();
  Style slug;
  slug.name = "slug";
  slug.family = paper.FindStyle("body")->family;
  slug.size = 6;
  slug.colour = registration;
  for (Page& page : doc.pages) {
    Frame marks;
    marks.name = "marks";
    const double w = page.width, h = page.height, b = page.bleed;
    const double gap = b + 2 * kPointsPerMm, len = 5 * kPointsPerMm, weight = 0.25;
    auto rule = [&](double x1, double y1, double x2, double y2) {
      marks.items.push_back(RuleItem{x1, y1, x2, y2, weight, registration, "crop-mark"});
    };
    for (double x : {0.0, w}) {
      rule(x, -gap, x, -gap - len);        // above the page
      rule(x, h + gap, x, h + gap + len);  // below
    }
    for (double y : {0.0, h}) {
      rule(-gap, y, -gap - len, y);        // left
      rule(w + gap, y, w + gap + len, y);  // right
    }
    std::string text = paper_name + "  " + date + "  第" + page.label + "版  banmian 输出 " + when;
    ShapedText shaped = ShapeOne(fonts, text, slug);
    ParagraphStyle ps;
    ps.justify = false;
    auto lines = BreakLines(shaped, w, ps);
    if (!lines.empty())
      AppendLineRuns(shaped, lines[0], 0, h + gap + len + 3 * kPointsPerMm, marks.items, nullptr);
    page.frames.push_back(std::move(marks));
  }
}

}  // namespace banmian
