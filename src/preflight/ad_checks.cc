#include "preflight/ad_checks.h"

#include <cstdio>
#include <set>

namespace banmian {

namespace {

std::string List(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

std::string Mm(double w, double h) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f × %.1f mm", w * 25.4 / 72, h * 25.4 / 72);
  return buf;
}

}  // namespace

std::vector<Finding> CheckAds(const std::vector<AdRecord>& ads, const PressSettings& press) {
  std::vector<Finding> out;
  const AdCheckLevels& levels = press.ads;
  for (const AdRecord& ad : ads) {
    const std::string named = ad.what + " '" + ad.path + "'";
    auto add = [&](const char* code, Severity severity, const std::string& message) {
      Finding f;
      f.severity = severity;
      f.code = code;
      f.page = ad.page;
      f.where = ad.where;
      f.message = message;
      f.pos = ad.pos;
      f.has_area = true;
      f.x = ad.x, f.y = ad.y, f.width = ad.width, f.height = ad.height;
      out.push_back(f);
    };
    if (ad.scaled) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f %%", ad.scale * 100);
      add("ad-scaled", Severity::kInfo,
          named + " was scaled to " + buf + " to fit its box (" +
              Mm(ad.natural_width, ad.natural_height) + " into " + Mm(ad.box_width, ad.box_height) +
              "), proportions kept, centred");
    }
    if (!ad.pdf) continue;
    const PdfArtInspection& in = ad.pdf->inspection;
    const std::string page =
        ad.pdf->page_count > 1 ? " (page " + std::to_string(ad.pdf->page_index + 1) + ")" : "";
    if (!in.rgb.empty())
      add("ad-rgb", levels.rgb,
          named + page + " has colour that is not CMYK: " + List(in.rgb) +
              "; the press prints CMYK only");
    if (!in.spot.empty())
      add("ad-spot", levels.spot,
          named + page + " uses spot colour" + (in.spot.size() > 1 ? "s " : " ") + List(in.spot) +
              ", which the four-colour press has no plate for");
    if (!in.transparency.empty())
      add("ad-transparency", levels.transparency,
          named + page + " has transparency (" + List(in.transparency) +
              "), which PDF/X-1a does not allow");
    if (!in.unembedded_fonts.empty())
      add("ad-fonts", levels.fonts,
          named + page + " has font" + (in.unembedded_fonts.size() > 1 ? "s " : " ") +
              List(in.unembedded_fonts) + " not embedded");
    if (in.max_ink > press.ink_limit + 0.5) {
      char buf[160];
      std::snprintf(buf, sizeof buf,
                    " puts %.0f %% ink on the paper (%s), over the paper's %.0f %% limit",
                    in.max_ink, in.max_ink_where.c_str(), press.ink_limit);
      add("ad-ink", levels.ink, named + page + buf);
    }
    if (!in.ink_unmeasured.empty())
      add("ad-ink-unmeasured", Severity::kWarning,
          named + page + ": ink not measured: " + List(in.ink_unmeasured) +
              "; look at its ink in a separations preview");
    if (!in.incomplete.empty())
      add("ad-unchecked", Severity::kError,
          named + page + " could not be checked completely: " + in.incomplete +
              "; what lies beyond was not looked at");
    if (!in.has_output_intent)
      add("ad-output-condition", levels.output_condition,
          named +
              " names no output condition (it has no PDF/X OutputIntent); the paper "
              "prints to '" +
              press.output_condition_identifier + "'");
    else if (in.output_condition_identifier != press.output_condition_identifier)
      add("ad-output-condition", levels.output_condition,
          named + " was made for output condition '" + in.output_condition_identifier +
              "', not the paper's '" + press.output_condition_identifier + "'");
  }
  return out;
}

}  // namespace banmian
