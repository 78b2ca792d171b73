#include "load/picture_attributes.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "load/yaml_reader.h"

namespace banmian {

namespace {

const std::vector<std::string> kKeys = {"cols", "place", "rows", "ratio", "focus"};

const std::vector<std::pair<std::string, PicturePlace>> kPlaces = {
    {"top-right", PicturePlace::kTopRight},
    {"top-left", PicturePlace::kTopLeft},
    {"bottom-right", PicturePlace::kBottomRight},
    {"bottom-left", PicturePlace::kBottomLeft},
    {"top", PicturePlace::kTop},
    {"bottom", PicturePlace::kBottom},
    {"flow", PicturePlace::kFlow},
};

// An example of each attribute, for hints.
const std::map<std::string, std::string> kExamples = {
    {"cols", "cols=2"},     {"place", "place=top-left"}, {"rows", "rows=12"},
    {"ratio", "ratio=4:3"}, {"focus", "focus=50%,30%"},
};

// Digits only (no sign, no spaces), at most four of them.
std::optional<int> WholeNumber(std::string_view s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Digits with an optional decimal part (12, 2.35); no sign, exponent, inf or nan.
std::optional<double> PlainNumber(std::string_view s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view part = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  auto digits = [](std::string_view d) {
    if (d.empty()) return false;
    for (char c : d)
      if (c < '0' || c > '9') return false;
    return true;
  };
  if (!digits(whole) || (dot != std::string_view::npos && !digits(part))) return std::nullopt;
  return std::strtod(std::string(s).c_str(), nullptr);
}

std::optional<double> Percentage(std::string_view s) {
  if (s.empty() || s.back() != '%') return std::nullopt;
  auto v = PlainNumber(s.substr(0, s.size() - 1));
  if (!v || *v > 100) return std::nullopt;
  return v;
}

std::string PlaceList() {
  std::string list;
  for (size_t i = 0; i < kPlaces.size(); ++i)
    list += (i == 0 ? "" : i + 1 == kPlaces.size() ? " or " : ", ") + kPlaces[i].first;
  return list;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t';
}

}  // namespace

bool ReadPictureAttributes(std::string_view inside, const SourcePos& pos, Block& picture,
                           Diagnostics& diags) {
  const size_t errors = diags.ErrorCount();
  auto error = [&](const std::string& message, const std::string& hint = {}) {
    diags.Error("bad-value", pos, message, hint);
  };
  std::optional<int> cols, rows;  // cols 0: all the module's columns
  std::optional<PicturePlace> place;
  std::optional<double> ratio, focus_x, focus_y;
  std::vector<std::string> seen;
  bool any = false;
  for (size_t i = 0; i < inside.size();) {
    if (IsSpace(inside[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < inside.size() && !IsSpace(inside[end])) ++end;
    const std::string token(inside.substr(i, end - i));
    i = end;
    any = true;
    const size_t eq = token.find('=');
    const std::string key = token.substr(0, eq);
    const std::string value = eq == std::string::npos ? std::string() : token.substr(eq + 1);
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
      error("unknown picture attribute '" + key + "'",
            SuggestOrList(key, kKeys, "picture attributes:"));
      continue;
    }
    if (value.empty()) {
      error("picture attribute '" + key + "' has no value", "write e.g. " + kExamples.at(key));
      continue;
    }
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      error("picture attribute '" + key + "' is given twice", "keep one of them");
      continue;
    }
    seen.push_back(key);
    if (key == "cols") {
      if (value == "all") {
        cols = 0;
      } else if (auto n = WholeNumber(value); !n) {
        error("'cols' takes a number of columns (1 to 20) or all, not '" + value + "'");
      } else if (*n < 1 || *n > 20) {
        error("a picture spans 1 to 20 columns, not " + value,
              "write cols=all for all the module's columns");
      } else {
        cols = *n;
      }
    } else if (key == "place") {
      std::vector<std::string> names;
      for (const auto& [name, p] : kPlaces) {
        names.push_back(name);
        if (name == value) place = p;
      }
      if (!place)
        error("'place' takes " + PlaceList() + ", not '" + value + "'", DidYouMean(value, names));
    } else if (key == "rows") {
      auto n = WholeNumber(value);
      if (!n || *n < 1 || *n > 500)
        error("'rows' takes the picture's height in grid lines, 1 to 500, not '" + value + "'");
      else
        rows = *n;
    } else if (key == "ratio") {
      const size_t colon = value.find(':');
      std::optional<double> w, h;
      if (colon != std::string::npos) {
        w = PlainNumber(std::string_view(value).substr(0, colon));
        h = PlainNumber(std::string_view(value).substr(colon + 1));
      }
      if (!w || !h || *w <= 0 || *h <= 0) {
        error("'ratio' takes width:height, two positive numbers such as 4:3 or 16:9, not '" +
              value + "'");
      } else if (*w / *h < 0.1 || *w / *h > 10) {
        error("a picture's ratio lies between 1:10 and 10:1, not " + value);
      } else {
        ratio = *w / *h;
      }
    } else {  // focus
      const size_t comma = value.find(',');
      std::optional<double> x, y;
      if (comma != std::string::npos) {
        x = Percentage(std::string_view(value).substr(0, comma));
        y = Percentage(std::string_view(value).substr(comma + 1));
      }
      if (!x || !y)
        error(
            "'focus' takes two percentages from the top left, each 0% to 100%, such as "
            "50%,30%, not '" +
            value + "'");
      else
        focus_x = *x / 100, focus_y = *y / 100;
    }
  }
  if (!any) {
    error("the picture's attribute block {} is empty",
          "remove it, or write attributes such as {cols=2 place=top-left}");
    return false;
  }
  if (diags.ErrorCount() > errors) return false;
  if (rows && ratio) {
    error("a picture takes 'rows' or 'ratio', not both",
          "rows=N sets its height in grid lines, ratio=W:H its shape");
    return false;
  }
  if (place == PicturePlace::kFlow && cols && *cols != 1) {
    error("place=flow is for a one-column picture in the text, not one across " +
              (*cols == 0 ? std::string("all the columns") : std::to_string(*cols) + " columns"),
          "give it another place, such as place=top-right, or write cols=1");
    return false;
  }
  const bool across = place == PicturePlace::kTop || place == PicturePlace::kBottom;
  picture.picture_columns = cols.value_or(across ? 0 : 1);
  picture.picture_width_given = cols.has_value() || place.has_value();
  if (place)
    picture.picture_place = *place;
  else if (picture.picture_columns == 0)
    picture.picture_place = PicturePlace::kTop;
  else if (picture.picture_columns >= 2)
    picture.picture_place = PicturePlace::kTopRight;
  else
    picture.picture_place = PicturePlace::kFlow;
  picture.picture_rows = rows.value_or(0);
  picture.picture_ratio = ratio.value_or(0);
  if (focus_x) picture.focus_x = *focus_x, picture.focus_y = *focus_y;
  return true;
}

}  // namespace banmian
