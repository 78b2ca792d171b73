// The paragraph composer on real text (compose/line_breaker.h): every body paragraph of the
// sample issues' articles, normalised as a render does, set at every column width from 8
// to 24 characters with the paragraph indent. Every line but a paragraph's last ends flush
// with its column, and no line is stretched more than a quarter em between characters (the
// loose-line warning's limit). Setting line by line (banmian before issue 13) left 82 such
// lines in this set and 173 over 0.17 em; the bound below is what the composer gives.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "compose/line_breaker.h"
#include "layout/line_items.h"
#include "test_util.h"
#include "text/normalize.h"
#include "text/shaper.h"

using namespace banmian;

namespace {

// The body paragraphs of an article file: after the front matter, neither headings (#),
// pictures (!), pull quotes (>), table rows (|) nor table captions (表：).
std::vector<std::string> BodyParagraphs(const std::filesystem::path& file) {
  std::vector<std::string> out;
  std::ifstream in(file);
  std::string line;
  int fences = 0;
  while (std::getline(in, line)) {
    if (line == "---") {
      ++fences;
      continue;
    }
    if (fences < 2 || line.empty() || line[0] == '#' || line[0] == '!' || line[0] == '>' ||
        line[0] == '|' || line.starts_with("表："))
      continue;
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("compose: the sample articles at every width from 8 to 24 characters") {
  std::vector<std::filesystem::path> files;
  for (const auto& issue :
       std::filesystem::directory_iterator(std::string(BANMIAN_SOURCE_DIR) + "/issues")) {
    // The auto-layout samples (issues/*-auto) set copies of the hand samples' articles:
    // each article is measured once, from its hand sample.
    if (issue.path().filename().string().ends_with("-auto")) continue;
    for (const auto& f : std::filesystem::directory_iterator(issue.path() / "articles"))
      if (f.path().extension() == ".md") files.push_back(f.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 40);
  const Style body = test::TextStyle("body");
  ParagraphStyle ps;
  ps.first_indent = 20;
  int paragraphs = 0, justified = 0, over_017 = 0;
  double most = 0;
  for (const auto& file : files) {
    for (const std::string& raw : BodyParagraphs(file)) {
      std::vector<Normalization> changes;
      const ShapedText text = ShapeOne(test::ProjectFonts(), NormalizeText(raw, changes), body);
      if (text.atoms.empty()) continue;
      ++paragraphs;
      for (int chars = 8; chars <= 24; ++chars) {
        const double width = 10.0 * chars;
        for (const ComposedLine& l : BreakLines(text, width, ps)) {
          if (l.last || l.overfull) continue;
          CAPTURE(file.filename().string());
          CAPTURE(chars);
          CAPTURE(LineText(text, l));
          CHECK(std::abs(l.right - width) < 0.01);      // flush
          const double stretch = l.gap_stretch / 10.0;  // em
          CHECK(stretch <= 0.25 + 1e-6);
          ++justified;
          over_017 += stretch > 0.17;
          most = std::max(most, stretch);
        }
      }
    }
  }
  MESSAGE(paragraphs << " paragraphs, " << justified << " justified lines, " << over_017
                     << " over 0.17 em, the most " << most << " em");
  CHECK(paragraphs >= 250);
  CHECK(over_017 <= 47);
}
