// Ads and furniture images (issue 15): supplied PDFs placed in ad slots and checked for the
// press, their content copied byte for byte, shown in the previews; images (JPEG, PNG, PDF,
// SVG) in the furniture. The test issue is tests/ads/issue on the paper tests/ads/layouts/
// adpaper (a 189 × 81 pt ad slot), copied to a scratch folder with the ad under test as
// ads/ad.pdf; the ads are tests/ads/pdf (tests/ads/make-ads.sh says how each was made).
#include <cairo.h>
#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/read_file.h"
#include "pipeline/pipeline.h"
#include "test_util.h"

namespace banmian {
namespace {

namespace fs = std::filesystem;

const std::string kAds = std::string(BANMIAN_TEST_DATA) + "/ads";

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// The test issue in `dir` with `pdf` (a file of tests/ads/pdf) as its ad; `press` added to
// the paper (a `press:` block), `page` replacing the template when given, `slot` the issue's
// ad slot mapping.
struct AdIssue {
  test::TempDir tmp;
  std::string issue, layouts;
  AdIssue(const std::string& pdf, const std::string& press = "", const std::string& page = "",
          const std::string& slot = "{ad: ads/ad.pdf}") {
    issue = tmp.path + "/issue", layouts = tmp.path + "/layouts";
    fs::create_directories(issue + "/ads");
    fs::create_directories(issue + "/articles");
    fs::create_directories(layouts + "/adpaper");
    fs::copy_file(kAds + "/issue/articles/a.md", issue + "/articles/a.md");
    // A PDF of tests/ads/pdf as ads/ad.pdf, or another file (images/logo.jpg) as ads/ad.jpg.
    const bool other = pdf.find('/') != std::string::npos;
    fs::copy_file(kAds + (other ? "/" : "/pdf/") + pdf,
                  issue + "/ads/ad" + (other ? fs::path(pdf).extension().string() : ".pdf"));
    for (const char* logo : {"logo.jpg", "logo.png", "logo.pdf", "logo.svg"})
      fs::copy_file(kAds + "/images/" + logo, layouts + "/adpaper/" + logo);
    std::string text = ReadFileBytes(kAds + "/issue/issue.yaml").value_or("");
    text.replace(text.find("{ad: ads/ad.pdf}"), 16, slot);
    Write(issue + "/issue.yaml", text);
    Write(layouts + "/adpaper/paper.yaml",
          ReadFileBytes(kAds + "/layouts/adpaper/paper.yaml").value_or("") + press);
    Write(layouts + "/adpaper/page.yaml",
          page.empty() ? ReadFileBytes(kAds + "/layouts/adpaper/page.yaml").value_or("") : page);
  }
  RunOptions Options() const {
    RunOptions o;
    o.issue_dir = issue;
    o.layouts_dir = layouts;
    o.jobs = 1;
    return o;
  }
};

// "error ad-rgb: message" for each finding whose code starts with "ad-".
std::vector<std::string> AdFindings(const RunResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings)
    if (f.code.rfind("ad-", 0) == 0)
      out.push_back(std::string(f.severity == Severity::kError     ? "error "
                                : f.severity == Severity::kWarning ? "warning "
                                                                   : "info ") +
                    f.code + ": " + f.message);
  return out;
}

TEST_CASE("ads: each kind of fault a press would refuse is found, and clean ads pass") {
  const std::string ad = "ad 'ads/ad.pdf' ";
  struct Case {
    const char* pdf;
    std::vector<std::string> findings;
  } cases[] = {
      // Clean: made by banmian as PDF/X-1a (text in embedded fonts), hand-made shapes, and
      // DeviceN of process colourants only.
      {"clean-x1a.pdf", {}},
      {"shapes.pdf", {}},
      {"devicen-process.pdf", {}},
      {"rgb-operator.pdf",
       {"error ad-rgb: " + ad +
        "has colour that is not CMYK: RGB colour set in the content (rg); the press prints CMYK "
        "only"}},
      {"rgb-image.pdf",
       {"error ad-rgb: " + ad +
        "has colour that is not CMYK: RGB image /Im1; the press prints CMYK only"}},
      {"lab.pdf",
       {"error ad-rgb: " + ad +
        "has colour that is not CMYK: Lab colour; the press prints CMYK only"}},
      {"spot-separation.pdf",
       {"warning ad-spot: " + ad +
        "uses spot colour PANTONE 185 C, which the four-colour press has no plate for"}},
      {"spot-devicen.pdf",
       {"warning ad-spot: " + ad +
        "uses spot colour Gold, which the four-colour press has no plate for"}},
      {"transparency-alpha.pdf",
       {"error ad-transparency: " + ad +
        "has transparency (ExtGState /GS1 ca 0.5), which PDF/X-1a does not allow"}},
      {"transparency-nested.pdf",
       {"error ad-transparency: " + ad +
        "has transparency (transparency group), which PDF/X-1a does not allow"}},
      {"font-not-embedded.pdf", {"error ad-fonts: " + ad + "has font Helvetica not embedded"}},
      {"font-descriptor-only.pdf", {"error ad-fonts: " + ad + "has font SimSun not embedded"}},
      {"transparency-blend.pdf",
       {"error ad-transparency: " + ad +
        "has transparency (ExtGState /GS1 blend mode Multiply), which PDF/X-1a does not allow"}},
      {"transparency-image-mask.pdf",
       {"error ad-transparency: " + ad +
        "has transparency (image /Im1 soft mask), which PDF/X-1a does not allow"}},
      {"rgb-icc.pdf",
       {"error ad-rgb: " + ad +
        "has colour that is not CMYK: ICC-based RGB colour; the press prints CMYK only"}},
      // 1 1 1 0.5 k: 350 %; a pixel of C, M and Y 100 %: 300 %.
      {"ink-operator.pdf",
       {"error ad-ink: " + ad +
        "puts 350 % ink on the paper (a fill colour), over the paper's 240 % limit"}},
      {"ink-image.pdf",
       {"error ad-ink: " + ad +
        "puts 300 % ink on the paper (image /Im1), over the paper's 240 % limit"}},
      // Issue 15: ink in every form the check reads. An inline CMYK pixel of 400 %; an
      // Indexed image using only its 300 % entry (its 400 % entry unused); a 16-bit pixel
      // of 65535 × 3 + 32768 (350 %); 4-bit pixels (15, 15, 15, 0): 300 %; Separation /All
      // at 0.8 (four plates: 320 %); DeviceN C M Y K at 1 1 1 0.5; shadings: axial to
      // 1 1 0.8 0.5 (330 %), stitched from 1 1 1 0 (300 %), sampled with a middle sample of
      // 255 255 255 128 (350 %).
      {"ink-inline.pdf",
       {"error ad-ink: " + ad +
        "puts 400 % ink on the paper (inline image), over the paper's 240 % limit"}},
      {"ink-indexed.pdf",
       {"error ad-ink: " + ad +
        "puts 300 % ink on the paper (image /Im1), over the paper's 240 % limit"}},
      {"ink-16bit.pdf",
       {"error ad-ink: " + ad +
        "puts 350 % ink on the paper (image /Im1), over the paper's 240 % limit"}},
      {"ink-4bit.pdf",
       {"error ad-ink: " + ad +
        "puts 300 % ink on the paper (image /Im1), over the paper's 240 % limit"}},
      {"ink-all.pdf",
       {"error ad-ink: " + ad +
        "puts 320 % ink on the paper (a fill colour), over the paper's 240 % limit"}},
      {"ink-devicen.pdf",
       {"error ad-ink: " + ad +
        "puts 350 % ink on the paper (a fill colour), over the paper's 240 % limit"}},
      {"ink-shading-axial.pdf",
       {"error ad-ink: " + ad +
        "puts 330 % ink on the paper (shading /Sh1), over the paper's 240 % limit"}},
      {"ink-shading-stitched.pdf",
       {"error ad-ink: " + ad +
        "puts 300 % ink on the paper (shading /Sh1), over the paper's 240 % limit"}},
      {"ink-shading-sampled.pdf",
       {"error ad-ink: " + ad +
        "puts 350 % ink on the paper (shading /Sh1), over the paper's 240 % limit"}},
      // What cannot be measured is said, not passed.
      {"ink-shading-calculator.pdf",
       {"warning ad-ink-unmeasured: ad 'ads/ad.pdf': ink not measured: shading /Sh1 (a "
        "PostScript calculator function); look at its ink in a separations preview"}},
      {"ink-jpx.pdf",
       {"warning ad-ink-unmeasured: ad 'ads/ad.pdf': ink not measured: image /Im1 (JPXDecode "
        "filter); look at its ink in a separations preview"}},
      // Forms 40 deep: the innermost's RGB and transparency group are found.
      {"forms-deep.pdf",
       {"error ad-rgb: " + ad +
            "has colour that is not CMYK: RGB colour set in the content (rg); the press prints "
            "CMYK only",
        "error ad-transparency: " + ad +
            "has transparency (transparency group), which PDF/X-1a does not allow"}},
      {"output-condition-other.pdf",
       {"warning ad-output-condition: " + ad +
        "was made for output condition 'FOGRA39', not the paper's 'CGATS TR 002'"}},
      {"output-condition-none.pdf",
       {"warning ad-output-condition: " + ad +
        "names no output condition (it has no PDF/X OutputIntent); the paper prints to 'CGATS TR "
        "002'"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pdf);
    AdIssue issue(c.pdf);
    const RunResult r = ComposeIssue(issue.Options());
    REQUIRE(r.document);
    CHECK(AdFindings(r) == c.findings);
    CHECK(r.exit_status == (c.findings.empty() || c.findings[0].rfind("warning", 0) == 0
                                ? kExitClean
                                : kExitFindings));
    // Every finding is at the ad slot (cols 1–2, grid lines 9–14) and the line naming the ad.
    for (const Finding& f : r.findings) {
      if (f.code.rfind("ad-", 0) != 0) continue;
      CHECK(f.where == "slot:ad");
      CHECK(f.row_first == 9);
      CHECK(f.row_last == 14);
      CHECK(f.pos.line == 10);
    }
  }
}

TEST_CASE("ads: a damaged, encrypted or boxless PDF is an error at the line naming it") {
  struct Case {
    const char* pdf;
    const char* code;
    std::string message;
  } cases[] = {
      {"damaged-content.pdf", "bad-art",
       "ad 'ads/ad.pdf' is damaged: the content of page 1 (object 4 0) cannot be decoded (filter "
       "FlateDecode)"},
      {"damaged-form.pdf", "bad-art",
       "ad 'ads/ad.pdf' is damaged: the content of form /Fm1 (object 5 0) cannot be decoded "
       "(filter FlateDecode)"},
      {"damaged-image.pdf", "bad-art",
       "ad 'ads/ad.pdf' is damaged: image /Im1 (object 5 0) cannot be decoded (filter "
       "FlateDecode)"},
      {"encrypted.pdf", "bad-art",
       "ad 'ads/ad.pdf' is encrypted with a password, so banmian cannot open it to place it"},
      {"zero-box.pdf", "bad-art",
       "ad 'ads/ad.pdf' has a MediaBox of zero size on page 1 (0 × 0 pt)"},
      // No TrimBox, no CropBox: the MediaBox (150 × 60 pt) is the size, and named.
      {"media-only.pdf", "ad-size",
       "ad 'ads/ad.pdf' is 52.9 × 21.2 mm (its MediaBox), but slot 'ad' on page 1 holds 66.7 × "
       "28.6 mm"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pdf);
    AdIssue issue(c.pdf);
    const RunResult r = ComposeIssue(issue.Options());
    CHECK(r.exit_status == kExitBadInput);
    REQUIRE(r.diagnostics.items().size() == 1);
    const Diagnostic& d = r.diagnostics.items()[0];
    CHECK(d.code == c.code);
    CHECK(d.message == c.message);
    CHECK(d.pos.line == 10);
    CHECK(d.pos.col == 16);
  }
}

TEST_CASE("ads: a label that leaves no room, runs past the slot or breaks the line is an error") {
  // The slot is 189 × 81 pt. `label_style` ad_label is 6pt (leading 7.8pt).
  auto page = [](const std::string& label, const std::string& style) {
    return "slots:\n  story:\n    area: {col: 1, cols: 2, row: 1, rows: 8}\n  ad:\n"
           "    area: {col: 1, cols: 2, row: 9, rows: 6}\n    kind: ad\n    label: " +
           label + "\n    label_style: " + style + "\n    scale: fit\n";
  };
  struct Case {
    std::string label, style, press;
    std::vector<std::string> errors;
  } cases[] = {
      // 80pt type (two characters: 160pt, 56.4 mm, narrower than the slot) with a leading of
      // 104pt (1.3 em) over an 81pt slot (28.6 mm).
      {"广告",
       "huge",
       "styles:\n  huge: {family: Noto Sans CJK SC, size: 80pt}\n",
       {"ad-label 7: the label of ad slot 'ad' takes 36.7 mm (the leading of style 'huge'), and "
        "the slot is 28.6 mm tall: it leaves no room for the ad"}},
      // 40 characters of 6pt: 240pt (84.7 mm) in a 189pt (66.7 mm) slot.
      {std::string(40 * 3, ' '), "ad_label", "", {}},
      {"\"广告\\n第二行\"",
       "ad_label",
       "",
       {"control-character 7: slot 'ad': 'label' holds a line feed (U+000A), but a label is "
        "one line of text"}},
  };
  std::string forty;
  for (int i = 0; i < 40; ++i) forty += "广";
  cases[1].label = forty;
  cases[1].errors = {
      "ad-label 7: the label of ad slot 'ad' is 84.7 mm wide in style 'ad_label', "
      "wider than the slot (66.7 mm)"};
  for (const Case& c : cases) {
    CAPTURE(c.label);
    AdIssue issue("clean-x1a.pdf", "", page(c.label, c.style));
    if (!c.press.empty()) {
      // The paper's styles block gains the test's style.
      std::string paper = ReadFileBytes(issue.layouts + "/adpaper/paper.yaml").value_or("");
      const size_t at = paper.find("styles:\n");
      REQUIRE(at != std::string::npos);
      paper.replace(at, 8, c.press);
      Write(issue.layouts + "/adpaper/paper.yaml", paper);
    }
    const RunResult r = ComposeIssue(issue.Options());
    std::vector<std::string> errors;
    for (const Diagnostic& d : r.diagnostics.items())
      errors.push_back(d.code + " " + std::to_string(d.pos.line) + ": " + d.message);
    std::string all;
    for (const std::string& e : errors) all += e + "\n";
    INFO(all);
    CHECK(errors == c.errors);
    CHECK(r.exit_status == kExitBadInput);
  }
}

TEST_CASE("ads: an ad slot on a page added for a stack is filled by its standing ad, else empty") {
  // A stack slot of 6 grid lines that adds pages of its own template, over an ad slot.
  const std::string page =
      "slots:\n  story:\n    area: {col: 1, cols: 2, row: 1, rows: 6}\n    kind: stack\n"
      "    add_pages: page\n  ad:\n    area: {col: 1, cols: 2, row: 9, rows: 6}\n    kind: ad\n";
  AdIssue issue("shapes.pdf", "", page, "{ad: ads/ad.pdf}");
  std::string text = ReadFileBytes(issue.issue + "/issue.yaml").value_or("");
  text.replace(text.find("story: a"), 8, "story: [a]");
  Write(issue.issue + "/issue.yaml", text);
  RunResult r = ComposeIssue(issue.Options());
  REQUIRE(r.document);
  REQUIRE(r.document->pages.size() >= 2);
  std::vector<std::string> empty;
  for (const Finding& f : r.findings)
    if (f.code == "empty-slot")
      empty.push_back((f.severity == Severity::kError ? "error " : "info ") + f.message);
  REQUIRE(!empty.empty());
  CHECK(empty[0] ==
        "error slot 'ad' on page 2 (a page added for a stack) is empty: no ad is given for it; "
        "give the template a standing ad (ad: file) or mark the slot optional");
  CHECK(r.exit_status == kExitFindings);
  // With a standing ad, the added pages carry it.
  fs::copy_file(kAds + "/pdf/shapes.pdf", issue.layouts + "/adpaper/standing.pdf");
  Write(issue.layouts + "/adpaper/page.yaml", page + "    ad: standing.pdf\n");
  r = ComposeIssue(issue.Options());
  REQUIRE(r.document);
  for (const Finding& f : r.findings) CHECK(f.code != "empty-slot");
  int standing = 0;
  for (const Page& p : r.document->pages)
    for (const Frame& f : p.frames)
      for (const Item& item : f.items)
        if (const auto* form = std::get_if<FormItem>(&item))
          standing += form->art->path == "standing.pdf";
  CHECK(standing == static_cast<int>(r.document->pages.size()) - 1);
}

TEST_CASE("ads: press: ads: sets each kind's level") {
  AdIssue issue("rgb-operator.pdf", "press:\n  ads: {rgb: warning, spot: error}\n");
  RunResult r = ComposeIssue(issue.Options());
  REQUIRE(AdFindings(r).size() == 1);
  CHECK(AdFindings(r)[0].rfind("warning ad-rgb: ", 0) == 0);
  CHECK(r.exit_status == kExitClean);
  AdIssue spot("spot-separation.pdf", "press:\n  ads: {rgb: warning, spot: error}\n");
  r = ComposeIssue(spot.Options());
  REQUIRE(AdFindings(r).size() == 1);
  CHECK(AdFindings(r)[0].rfind("error ad-spot: ", 0) == 0);
  AdIssue fonts("font-not-embedded.pdf", "press:\n  ads: {fonts: warning, ink: warning}\n");
  CHECK(ComposeIssue(fonts.Options()).exit_status == kExitClean);
  AdIssue oc("output-condition-other.pdf", "press:\n  ads: {output_condition: error}\n");
  CHECK(ComposeIssue(oc.Options()).exit_status == kExitFindings);
}

TEST_CASE("ads: a wrong size is an error unless scaled, a label takes the slot's top") {
  AdIssue wrong("wrong-size.pdf");
  RunResult r = ComposeIssue(wrong.Options());
  CHECK(r.exit_status == kExitBadInput);
  REQUIRE(r.diagnostics.items().size() == 1);
  const Diagnostic& d = r.diagnostics.items()[0];
  CHECK(d.code == "ad-size");
  CHECK(d.pos.line == 10);
  CHECK(d.pos.col == 16);
  CHECK(d.message ==
        "ad 'ads/ad.pdf' is 52.9 × 21.2 mm (its TrimBox), but slot 'ad' on page 1 holds 66.7 × "
        "28.6 mm");
  // The trim 150 × 60 pt scaled into 189 × 81 pt: by min(1.26, 1.35) = 1.26, 189 × 75.6 pt,
  // 2.7 pt above and below.
  AdIssue fit("wrong-size.pdf", "", "", "{ad: ads/ad.pdf, scale: fit}");
  r = ComposeIssue(fit.Options());
  CHECK(r.exit_status == kExitClean);
  CHECK(AdFindings(r) == std::vector<std::string>{
                             "info ad-scaled: ad 'ads/ad.pdf' was scaled to 126.0 % to fit its box "
                             "(52.9 × 21.2 mm into 66.7 × 28.6 mm), proportions kept, centred"});
  REQUIRE(r.document);
  const FormItem* form = nullptr;
  for (const Frame& f : r.document->pages[0].frames)
    for (const Item& item : f.items)
      if (const auto* x = std::get_if<FormItem>(&item)) form = x;
  REQUIRE(form);
  const double slot_x = 10 * 72 / 25.4, slot_y = 10 * 72 / 25.4 + 8 * 13.5;
  CHECK(form->x == doctest::Approx(slot_x));
  CHECK(form->width == doctest::Approx(189));
  CHECK(form->height == doctest::Approx(75.6));
  CHECK(form->y == doctest::Approx(slot_y + 2.7));
  // A label of 6pt type (leading 7.8pt) over the ad: the clean ad, 189 × 81 pt, scaled into
  // 189 × 73.2 pt: by 73.2 / 81 = 90.4 %, 171 pt wide, centred.
  const std::string labelled =
      "slots:\n  story:\n    area: {col: 1, cols: 2, row: 1, rows: 8}\n  ad:\n"
      "    area: {col: 1, cols: 2, row: 9, rows: 6}\n    kind: ad\n    label: 广告\n"
      "    label_style: ad_label\n    scale: fit\n";
  AdIssue label("clean-x1a.pdf", "", labelled);
  r = ComposeIssue(label.Options());
  CHECK(AdFindings(r) == std::vector<std::string>{
                             "info ad-scaled: ad 'ads/ad.pdf' was scaled to 90.4 % to fit its box "
                             "(66.7 × 28.6 mm into 66.7 × 25.8 mm), proportions kept, centred"});
  REQUIRE(r.document);
  std::string label_text;
  form = nullptr;
  for (const Frame& f : r.document->pages[0].frames)
    for (const Item& item : f.items) {
      if (const auto* x = std::get_if<FormItem>(&item)) form = x;
      if (const auto* run = std::get_if<GlyphRun>(&item); run && f.name == "slot:ad")
        label_text += run->text;
    }
  CHECK(label_text == "广告");
  REQUIRE(form);
  CHECK(form->y == doctest::Approx(slot_y + 7.8));
  CHECK(form->height == doctest::Approx(73.2));
  CHECK(form->width == doctest::Approx(189 * 73.2 / 81));
  CHECK(form->x == doctest::Approx(slot_x + (189 - 189 * 73.2 / 81) / 2));
}

TEST_CASE("ads: an ad slot without an ad is empty, unless the template has a standing ad") {
  // The issue's slot given no ad: the empty-slot error at the slot.
  AdIssue none("shapes.pdf", "", "", "{ad: ads/ad.pdf}");
  Write(none.issue + "/issue.yaml",
        "paper: adpaper\ntitle: 测试报\ndate: 2021-05-10\npages:\n  - template: page\n"
        "    slots:\n      story: a\narticles:\n  a: articles/a.md\n");
  RunResult r = ComposeIssue(none.Options());
  std::vector<std::string> empty;
  for (const Finding& f : r.findings)
    if (f.code == "empty-slot") empty.push_back(f.message);
  CHECK(empty == std::vector<std::string>{"slot 'ad' on page 1 is empty: no ad is given for it"});
  CHECK(r.exit_status == kExitFindings);
  // A standing ad in the template (relative to the paper's folder) fills it.
  fs::copy_file(kAds + "/pdf/shapes.pdf", none.layouts + "/adpaper/standing.pdf");
  Write(none.layouts + "/adpaper/page.yaml",
        ReadFileBytes(kAds + "/layouts/adpaper/page.yaml").value_or("") + "    ad: standing.pdf\n");
  r = ComposeIssue(none.Options());
  CHECK(r.exit_status == kExitClean);
  REQUIRE(r.document);
  std::string placed;
  for (const Frame& f : r.document->pages[0].frames)
    for (const Item& item : f.items)
      if (const auto* form = std::get_if<FormItem>(&item)) placed = f.name + " " + form->art->path;
  CHECK(placed == "slot:ad standing.pdf");
}

TEST_CASE("ads: a JPEG ad is a picture: fitted to its slot, converted for the press, checked") {
  // 200 × 100 pixels into 189 × 81 pt: scaled by min(0.945, 0.81) to 162 × 81 pt, 13.5 pt in
  // from each side; 200 pixels over 162 pt are 88.9 ppi, under the error threshold (100).
  AdIssue issue("images/logo.jpg", "", "", "{ad: ads/ad.jpg}");
  RunOptions options = issue.Options();
  options.out_dir = issue.tmp.path + "/out";
  options.png = false;
  options.press = true;
  options.press_despite_errors = true;
  const RunResult r = RenderIssue(options);
  REQUIRE(r.document);
  const ImageItem* image = nullptr;
  for (const Frame& f : r.document->pages[0].frames)
    for (const Item& item : f.items)
      if (const auto* x = std::get_if<ImageItem>(&item); x && f.name == "slot:ad") image = x;
  REQUIRE(image);
  CHECK(image->width == doctest::Approx(162));
  CHECK(image->height == doctest::Approx(81));
  CHECK(image->x == doctest::Approx(10 * 72 / 25.4 + 13.5));
  REQUIRE(r.press_pictures.size() == 1);
  CHECK(r.press_pictures.begin()->second.colour_space == "RGB");
  std::vector<std::string> low;
  for (const Finding& f : r.findings)
    if (f.code == "low-resolution")
      low.push_back((f.severity == Severity::kError ? "error " : "warning ") + f.message);
  CHECK(low == std::vector<std::string>{"error picture 'ads/ad.jpg' prints at 89 ppi (under 100 "
                                        "ppi, too coarse for the press)"});
  // Like an article's picture: the ad's area (the image as placed) and frame, its ppi; in
  // pictures[], its colour space and its press conversion.
  for (const Finding& f : r.findings) {
    if (f.code != "low-resolution") continue;
    CHECK(f.where == "slot:ad");
    CHECK(f.count == 89);
    CHECK(f.has_area);
    CHECK(f.width == doctest::Approx(162));
    CHECK(f.x == doctest::Approx(10 * 72 / 25.4 + 13.5));
    CHECK(f.row_first == 9);
  }
  REQUIRE(r.layout.pictures.size() == 1);
  CHECK(r.layout.pictures[0].colour_space == "RGB");
  CHECK(r.press_pictures.count(r.layout.pictures[0].image_path) == 1);
  CHECK(AdFindings(r).empty());
}

// The decoded content of page 1 of the PDF `bytes`.
std::string PageContent(QPDF& pdf) {
  QPDFPageObjectHelper page = QPDFPageDocumentHelper(pdf).getAllPages().at(0);
  auto data = page.getObjectHandle().getKey("/Contents").getStreamData(qpdf_dl_generalized);
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

TEST_CASE("ads: the press file carries the ad's content stream byte for byte") {
  for (const char* pdf : {"clean-x1a.pdf", "shapes.pdf", "transparency-nested.pdf"}) {
    CAPTURE(pdf);
    AdIssue issue(pdf);
    RunOptions options = issue.Options();
    options.out_dir = issue.tmp.path + "/out";
    options.png = false;
    options.press = true;
    options.press_despite_errors = true;
    const RunResult r = RenderIssue(options);
    std::string press;
    for (const std::string& f : r.outputs)
      if (f.find("/press/") != std::string::npos) press = f;
    REQUIRE(!press.empty());
    QPDF ad, out;
    ad.processFile((issue.issue + "/ads/ad.pdf").c_str());
    out.processFile(press.c_str());
    const std::string want = PageContent(ad);
    QPDFObjectHandle form = QPDFPageDocumentHelper(out)
                                .getAllPages()
                                .at(0)
                                .getObjectHandle()
                                .getKey("/Resources")
                                .getKey("/XObject")
                                .getKey("/Fm1");
    REQUIRE(form.isStream());
    CHECK(form.getDict().getKey("/Subtype").getName() == "/Form");
    auto raw = form.getRawStreamData();
    CHECK(std::string(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize()) == want);
    CHECK(want.size() > 50);
  }
}

// The RGB of pixel (x, y) of a PNG file.
std::array<int, 3> Pixel(const std::string& png, int x, int y) {
  cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
  std::array<int, 3> rgb{-1, -1, -1};
  if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS && x < cairo_image_surface_get_width(s) &&
      y < cairo_image_surface_get_height(s)) {
    const unsigned char* p =
        cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s) + 4 * x;
    rgb = {p[2], p[1], p[0]};
  }
  cairo_surface_destroy(s);
  return rgb;
}

TEST_CASE("ads: the preview shows the ad where it is placed") {
  AdIssue issue("shapes.pdf");
  RunOptions options = issue.Options();
  options.out_dir = issue.tmp.path + "/out";
  options.png_dpi = 72;  // one pixel a point
  const RunResult r = RenderIssue(options);
  std::string png;
  for (const std::string& f : r.outputs)
    if (f.ends_with("-p01.png")) png = f;
  REQUIRE(!png.empty());
  // The slot's top left is at (28.35, 136.35) pt; the ad's field (C0 M30 Y60: orange) fills
  // it, its black frame from 2.5 to 4.5 pt in. Page margins: white.
  const auto field = Pixel(png, 29, 137);
  CHECK(field[0] > 200);
  CHECK(field[1] > 120);
  CHECK(field[1] < 200);
  CHECK(field[2] < 140);
  const auto frame = Pixel(png, 32, 170);
  CHECK(frame[0] < 90);
  CHECK(frame[1] < 90);
  const auto middle = Pixel(png, 120, 175);
  INFO(field[0], " ", field[1], " ", field[2], " / ", middle[0], " ", middle[1], " ", middle[2]);
  for (int k = 0; k < 3; ++k) CHECK(std::abs(middle[k] - field[k]) <= 2);
  CHECK(Pixel(png, 10, 240) == std::array<int, 3>{255, 255, 255});
}

TEST_CASE("furniture: JPEG, PNG, PDF and SVG images in a region, each fitted to its box") {
  // Four 20 × 10 mm boxes side by side in the top margin; the three pictures are 2:1 and
  // fill theirs, the PDF is 189:81 (20 × 8.57 mm, 0.71 mm from its box's top).
  const std::string page =
      "regions:\n  logos:\n    area: {x: 10mm, y: 0mm, width: 80mm, height: 10mm}\n    items:\n"
      "      - image: {file: logo.jpg, at: [0mm, 0mm], size: [20mm, 10mm]}\n"
      "      - image: {file: logo.png, at: [20mm, 0mm], size: [20mm, 10mm], fit: contain}\n"
      "      - image: {file: logo.pdf, at: [40mm, 0mm], size: [20mm, 10mm]}\n"
      "      - image: {file: logo.svg, at: [60mm, 0mm], size: [20mm, 10mm]}\n"
      "slots:\n  story:\n    area: {col: 1, cols: 2, row: 1, rows: 8}\n  ad:\n"
      "    area: {col: 1, cols: 2, row: 9, rows: 6}\n    kind: ad\n";
  AdIssue issue("clean-x1a.pdf", "", page);
  RunOptions options = issue.Options();
  options.out_dir = issue.tmp.path + "/out";
  options.png_dpi = 72;
  options.press = true;
  options.press_despite_errors = true;
  const RunResult r = RenderIssue(options);
  REQUIRE(r.document);
  const double mm = 72 / 25.4;
  std::vector<std::string> kinds;
  for (const Frame& f : r.document->pages[0].frames) {
    if (f.name != "region:logos") continue;
    for (const Item& item : f.items) {
      if (const auto* image = std::get_if<ImageItem>(&item)) {
        kinds.push_back("image " + fs::path(image->path).filename().string());
        CHECK(image->width == doctest::Approx(20 * mm));
        CHECK(image->height == doctest::Approx(10 * mm).epsilon(0.01));
        CHECK(image->y == doctest::Approx(0).epsilon(0.01));
      } else if (const auto* form = std::get_if<FormItem>(&item)) {
        kinds.push_back("pdf " + form->art->path);
        CHECK(form->x == doctest::Approx(50 * mm));
        CHECK(form->width == doctest::Approx(20 * mm));
        CHECK(form->height == doctest::Approx(20 * mm * 81 / 189));
        CHECK(form->y == doctest::Approx((10 - 20.0 * 81 / 189) / 2 * mm));
      }
    }
  }
  // The SVG is drawn at 600 ppi: 20 mm = 472 pixels.
  CHECK(kinds == std::vector<std::string>{"image logo.jpg", "image logo.png", "pdf logo.pdf",
                                          "image logo.svg#472x236"});
  // Each shows in the preview: the logos' blue (#1f4e9c) at each box's centre left, the PDF's
  // orange field.
  std::string png;
  for (const std::string& f : r.outputs)
    if (f.ends_with("-p01.png")) png = f;
  REQUIRE(!png.empty());
  for (int box : {0, 1, 3}) {
    CAPTURE(box);
    const auto p = Pixel(png, static_cast<int>((12 + 20 * box) * mm), static_cast<int>(3 * mm));
    CHECK(p[2] > 120);
    CHECK(p[0] < 80);
  }
  const auto pdf = Pixel(png, static_cast<int>(51 * mm), static_cast<int>(3 * mm));
  CHECK(pdf[0] > 200);
  CHECK(pdf[2] < 140);
  // No finding about them: resolution is enough, the PDF is clean.
  for (const Finding& f : r.findings) CHECK(f.code != "low-resolution");
  CHECK(AdFindings(r).empty());
}

}  // namespace
}  // namespace banmian
