// The limits a newspaper press sets on what is printed, as preflight checks them
// (preflight/press_checks.h). Defaults follow the GWG newspaper specifications and
// newspaper advertising specifications (built on ISO 12647-3 newsprint): black type in
// 100 % K alone; four-colour (multi-ink) type and reversed type at 10 pt or more,
// single-colour solid type at 6 pt or more; multi-ink lines at 1.5 pt or more; pictures
// an error under 100 ppi and a warning under 150 ppi. A paper sets its plant's own
// limits in its `press: checks:` block (docs/formats.md).
#pragma once

namespace banmian {

struct PressThresholds {
  double multi_ink_text_min = 10;    // pt: type in two inks or more, smaller is a warning
  double reversed_text_min = 10;     // pt: white (paper-coloured) type
  double single_ink_text_min = 6;    // pt: solid type in one ink
  double single_ink_rule_min = 0.5;  // pt: a rule or box outline in one ink
  double multi_ink_rule_min = 1.5;   // pt: … in two inks or more
  double picture_ppi_warning = 150;  // effective ppi at the placed size
  double picture_ppi_error = 100;
};

}  // namespace banmian
