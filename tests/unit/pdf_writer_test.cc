// The PDF writer (render/pdf_writer.h) on a real composed page, the 2021-05 front
// page: the bytes are opened with qpdf and checked object by object — pages and their
// boxes, page labels, the outline, the embedded fonts and pictures, the content — for
// the screen PDF and for a press PDF/X in DeviceCMYK; and the bytes must not depend on
// the number of threads. (Built as C++17 under clang, like press_test.cc: qpdf headers.)
#include <doctest/doctest.h>
#include <hb.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/read_file.h"
#include "pipeline/pipeline.h"
#include "render/cmyk_picture.h"
#include "render/pdf_writer.h"

using namespace banmian;

namespace {

const char* const kCmykProfile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";

// The composed front page, made once for every test here.
const Document& FrontPage() {
  static const std::unique_ptr<Document> doc = [] {
    RunOptions options;
    options.issue_dir = std::string(BANMIAN_SOURCE_DIR) + "/issues/hongqiao-2021-05-front";
    options.jobs = 1;
    RunResult result = ComposeIssue(options);
    if (!result.document) throw std::runtime_error("hongqiao-2021-05-front did not compose");
    return std::make_unique<Document>(std::move(*result.document));
  }();
  return *doc;
}

std::vector<const Page*> AllPages(const Document& doc) {
  std::vector<const Page*> pages;
  for (const Page& page : doc.pages) pages.push_back(&page);
  return pages;
}

std::string Write(const Document& doc, const PdfSettings& settings) {
  std::string bytes, error;
  const bool ok = WritePdfBytes(doc, AllPages(doc), settings, bytes, error);
  INFO(error);
  REQUIRE(ok);
  REQUIRE(bytes.size() > 1000);
  return bytes;
}

// The file's bytes opened with qpdf.
struct OpenedPdf {
  std::string bytes;
  QPDF pdf;
  explicit OpenedPdf(std::string b) : bytes(std::move(b)) {
    pdf.processMemoryFile("banmian.pdf", bytes.data(), bytes.size());
  }
};

std::vector<double> Numbers(QPDFObjectHandle array) {
  std::vector<double> out;
  REQUIRE(array.isArray());
  for (int i = 0; i < array.getArrayNItems(); ++i) {
    REQUIRE(array.getArrayItem(i).isNumber());
    out.push_back(array.getArrayItem(i).getNumericValue());
  }
  return out;
}

void CheckBox(QPDFObjectHandle box, double x0, double y0, double x1, double y1) {
  std::vector<double> v = Numbers(box);
  REQUIRE(v.size() == 4);
  CHECK(v[0] == doctest::Approx(x0).epsilon(1e-6));
  CHECK(v[1] == doctest::Approx(y0).epsilon(1e-6));
  CHECK(v[2] == doctest::Approx(x1).epsilon(1e-6));
  CHECK(v[3] == doctest::Approx(y1).epsilon(1e-6));
}

// The content stream of `page`, decoded.
std::string Content(QPDFObjectHandle page) {
  QPDFObjectHandle contents = page.getKey("/Contents");
  REQUIRE(contents.isStream());
  auto data = contents.getStreamData(qpdf_dl_generalized);
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

std::string StreamText(QPDFObjectHandle stream) {
  REQUIRE(stream.isStream());
  auto data = stream.getStreamData(qpdf_dl_generalized);
  return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

// The operators of a content stream (words that are neither numbers, names, strings
// nor brackets), counted.
std::map<std::string, int> Operators(const std::string& content) {
  std::map<std::string, int> ops;
  std::istringstream in(content);
  std::string word;
  while (in >> word) {
    const char c = word[0];
    if (c == '/' || c == '[' || c == ']' || c == '<' || c == '(' || c == '-' || c == '.' ||
        (c >= '0' && c <= '9'))
      continue;
    ++ops[word];
  }
  return ops;
}

// The document fonts the page's glyph runs use.
std::set<int> FontsOnPage(const Page& page) {
  std::set<int> fonts;
  for (const Frame& frame : page.frames)
    for (const Item& item : frame.items)
      if (const auto* run = std::get_if<GlyphRun>(&item))
        if (!run->glyphs.empty()) fonts.insert(run->font);
  return fonts;
}

// The picture paths on the page.
std::set<std::string> PicturesOnPage(const Page& page) {
  std::set<std::string> paths;
  for (const Frame& frame : page.frames)
    for (const Item& item : frame.items)
      if (const auto* image = std::get_if<ImageItem>(&item)) paths.insert(image->path);
  return paths;
}

}  // namespace

TEST_CASE("pdf writer: the screen PDF has the page, its label and its outline entry") {
  const Document& doc = FrontPage();
  REQUIRE(doc.pages.size() == 1);
  const Page& page = doc.pages[0];
  REQUIRE(page.label == "A01");
  PdfSettings settings;
  settings.title = doc.title;
  OpenedPdf file(Write(doc, settings));
  CHECK(file.bytes.compare(0, 8, "%PDF-1.5") == 0);
  CHECK(file.pdf.getPDFVersion() == "1.5");

  std::vector<QPDFObjectHandle> pages = file.pdf.getAllPages();
  REQUIRE(pages.size() == 1);
  CheckBox(pages[0].getKey("/MediaBox"), 0, 0, page.width, page.height);
  CHECK(page.width == doctest::Approx(793.70).epsilon(1e-4));
  CHECK(page.height == doctest::Approx(1133.86).epsilon(1e-4));
  CHECK_FALSE(pages[0].hasKey("/TrimBox"));
  CHECK_FALSE(pages[0].hasKey("/BleedBox"));

  // Page label A01: the prefix "A0" and decimal numbers from 1.
  QPDFObjectHandle root = file.pdf.getRoot();
  QPDFObjectHandle nums = root.getKey("/PageLabels").getKey("/Nums");
  REQUIRE(nums.isArray());
  REQUIRE(nums.getArrayNItems() == 2);
  CHECK(nums.getArrayItem(0).getIntValue() == 0);
  QPDFObjectHandle label = nums.getArrayItem(1);
  CHECK(label.getKey("/S").getName() == "/D");
  CHECK(label.getKey("/P").getUTF8Value() == "A0");
  CHECK(label.getKey("/St").getIntValue() == 1);

  // One outline entry, "第 A01 版", showing the page.
  QPDFObjectHandle outlines = root.getKey("/Outlines");
  REQUIRE(outlines.isDictionary());
  CHECK(outlines.getKey("/Count").getIntValue() == 1);
  QPDFObjectHandle entry = outlines.getKey("/First");
  REQUIRE(entry.isDictionary());
  CHECK(entry.getObjGen() == outlines.getKey("/Last").getObjGen());
  CHECK(entry.getKey("/Title").getUTF8Value() == "第 A01 版");
  CHECK_FALSE(entry.hasKey("/Next"));
  QPDFObjectHandle destination = entry.getKey("/Dest");
  REQUIRE(destination.isArray());
  CHECK(destination.getArrayItem(0).getObjGen() == pages[0].getObjGen());
  CHECK(root.getKey("/PageMode").getName() == "/UseOutlines");

  // The document information: title and the issue's date.
  QPDFObjectHandle info = file.pdf.getTrailer().getKey("/Info");
  CHECK(info.getKey("/Title").getUTF8Value() == doc.title);
  CHECK(info.getKey("/CreationDate").getUTF8Value() == "D:20210510000000Z");
  CHECK_FALSE(root.hasKey("/OutputIntents"));
}

TEST_CASE("pdf writer: every font is a Type0 Identity-H font with its program and ToUnicode") {
  const Document& doc = FrontPage();
  PdfSettings settings;
  OpenedPdf file(Write(doc, settings));
  std::vector<QPDFObjectHandle> pages = file.pdf.getAllPages();
  REQUIRE(pages.size() == 1);
  QPDFObjectHandle fonts = pages[0].getKey("/Resources").getKey("/Font");
  REQUIRE(fonts.isDictionary());

  // One resource /F<n> per document font the page shows text in.
  std::set<std::string> expected;
  for (int f : FontsOnPage(doc.pages[0])) expected.insert("/F" + std::to_string(f));
  REQUIRE(expected.size() >= 3);
  CHECK(fonts.getKeys() == expected);

  std::string all_to_unicode;
  int cff = 0, truetype = 0;
  for (const std::string& key : fonts.getKeys()) {
    CAPTURE(key);
    QPDFObjectHandle font = fonts.getKey(key);
    CHECK(font.getKey("/Type").getName() == "/Font");
    CHECK(font.getKey("/Subtype").getName() == "/Type0");
    REQUIRE(font.getKey("/Encoding").isName());
    CHECK(font.getKey("/Encoding").getName() == "/Identity-H");
    const std::string base = font.getKey("/BaseFont").getName();
    CHECK(base.size() > 8);
    CHECK(base[7] == '+');  // a six-letter subset tag
    QPDFObjectHandle to_unicode = font.getKey("/ToUnicode");
    REQUIRE(to_unicode.isStream());
    const std::string cmap = StreamText(to_unicode);
    CHECK(cmap.find("beginbfchar") != std::string::npos);
    all_to_unicode += cmap;

    QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
    REQUIRE(descendants.isArray());
    REQUIRE(descendants.getArrayNItems() == 1);
    QPDFObjectHandle cid_font = descendants.getArrayItem(0);
    CHECK(cid_font.getKey("/BaseFont").getName() == base);
    CHECK(cid_font.getKey("/W").isArray());
    QPDFObjectHandle descriptor = cid_font.getKey("/FontDescriptor");
    REQUIRE(descriptor.isDictionary());
    CHECK(descriptor.getKey("/FontName").getName() == base);
    const bool has_cff = descriptor.hasKey("/FontFile3");
    const bool has_truetype = descriptor.hasKey("/FontFile2");
    CHECK(has_cff != has_truetype);
    QPDFObjectHandle program = descriptor.getKey(has_cff ? "/FontFile3" : "/FontFile2");
    REQUIRE(program.isStream());
    const std::string bytes = StreamText(program);
    CHECK(bytes.size() > 100);
    CHECK(bytes.size() < 2000000);  // a subset, not the multi-megabyte face
    if (has_cff) {
      ++cff;
      CHECK(program.getDict().getKey("/Subtype").getName() == "/CIDFontType0C");
      CHECK(cid_font.getKey("/Subtype").getName() == "/CIDFontType0");
      CHECK(bytes[0] == 1);  // CFF major version
    } else {
      ++truetype;
      CHECK(cid_font.getKey("/Subtype").getName() == "/CIDFontType2");
      CHECK(program.getDict().getKey("/Length1").getIntValue() ==
            static_cast<long long>(bytes.size()));
      CHECK(cid_font.hasKey("/CIDToGIDMap"));
    }
  }
  // Noto CJK faces are CFF, AR PL UKai is TrueType; all are on this page.
  CHECK(cff >= 2);
  CHECK(truetype == 1);
  // The masthead's 社区晨报 copies out as text.
  for (const char* utf16 : {"<793e>", "<533a>", "<6668>", "<62a5>"}) {
    CAPTURE(utf16);
    CHECK(all_to_unicode.find(utf16) != std::string::npos);
  }
}

TEST_CASE("pdf writer: the page's content draws text, rules and its picture") {
  const Document& doc = FrontPage();
  const std::set<std::string> pictures = PicturesOnPage(doc.pages[0]);
  REQUIRE(pictures.size() == 1);
  PdfSettings settings;
  OpenedPdf file(Write(doc, settings));
  QPDFObjectHandle page = file.pdf.getAllPages().at(0);
  const std::string content = Content(page);
  std::map<std::string, int> ops = Operators(content);
  CHECK(ops["BT"] > 20);
  CHECK(ops["BT"] == ops["ET"]);
  CHECK(ops["TJ"] >= ops["BT"]);
  CHECK(ops["rg"] > 0);
  CHECK(ops["re"] > 0);
  CHECK(ops["S"] > 0);
  CHECK(ops["Do"] == 1);
  CHECK(ops["k"] == 0);
  CHECK(ops["K"] == 0);
  CHECK(content.find("/Im1 Do") != std::string::npos);

  QPDFObjectHandle image = page.getKey("/Resources").getKey("/XObject").getKey("/Im1");
  REQUIRE(image.isStream());
  QPDFObjectHandle dict = image.getDict();
  CHECK(dict.getKey("/Subtype").getName() == "/Image");
  CHECK(dict.getKey("/Width").getIntValue() == 800);
  CHECK(dict.getKey("/Height").getIntValue() == 600);
  CHECK(dict.getKey("/ColorSpace").getName() == "/DeviceRGB");
  CHECK(dict.getKey("/Filter").getName() == "/DCTDecode");
  auto raw = image.getRawStreamData();
  std::ifstream in(*pictures.begin(), std::ios::binary);
  const std::string jpeg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(std::string(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize()) == jpeg);
}

TEST_CASE("pdf writer: the bytes are the same on one thread or three") {
  const Document& doc = FrontPage();
  PdfSettings settings;
  settings.title = doc.title;
  settings.jobs = 1;
  const std::string one = Write(doc, settings);
  settings.jobs = 3;
  const std::string three = Write(doc, settings);
  const std::string again = Write(doc, settings);
  CHECK(one.size() == three.size());
  CHECK(one == three);
  CHECK(three == again);
}

TEST_CASE("pdf writer: a press PDF/X is DeviceCMYK with trim, bleed and an output intent") {
  const Document& doc = FrontPage();
  const Page& page = doc.pages[0];
  // The press's pictures: CMYK JPEGs in place of the RGB files.
  std::map<std::string, std::string> cmyk_pictures;
  for (const std::string& path : PicturesOnPage(page)) {
    std::string error;
    auto converted = ConvertToCmykJpeg(ReadFileBytes(path).value_or(""),
                                       ReadFileBytes(kCmykProfile).value_or(""), 240, error);
    INFO(error);
    REQUIRE(converted);
    cmyk_pictures[path] = converted->jpeg;
  }
  PdfxSettings pdfx;
  pdfx.profile_path = kCmykProfile;
  pdfx.output_condition = "Newsprint (test)";
  pdfx.bleed = 8.5;
  PdfSettings settings;
  settings.colours = PdfColours::kDeclaredCmyk;
  settings.margin = 8.5;
  settings.navigation = false;
  settings.title = doc.title + " 第A01版";
  settings.picture_bytes = &cmyk_pictures;
  settings.pdfx = &pdfx;
  OpenedPdf file(Write(doc, settings));
  CHECK(file.bytes.compare(0, 8, "%PDF-1.3") == 0);
  CHECK(file.pdf.getPDFVersion() == "1.3");

  QPDFObjectHandle p = file.pdf.getAllPages().at(0);
  const double w = page.width, h = page.height;
  CheckBox(p.getKey("/MediaBox"), 0, 0, w + 17, h + 17);
  CheckBox(p.getKey("/TrimBox"), 8.5, 8.5, w + 8.5, h + 8.5);
  CheckBox(p.getKey("/BleedBox"), 0, 0, w + 17, h + 17);

  QPDFObjectHandle root = file.pdf.getRoot();
  QPDFObjectHandle intents = root.getKey("/OutputIntents");
  REQUIRE(intents.isArray());
  REQUIRE(intents.getArrayNItems() == 1);
  QPDFObjectHandle intent = intents.getArrayItem(0);
  CHECK(intent.getKey("/S").getName() == "/GTS_PDFX");
  CHECK(intent.getKey("/OutputCondition").getUTF8Value() == "Newsprint (test)");
  QPDFObjectHandle profile = intent.getKey("/DestOutputProfile");
  REQUIRE(profile.isStream());
  CHECK(profile.getDict().getKey("/N").getIntValue() == 4);
  CHECK(StreamText(profile).size() == 187484);  // the whole ICC profile
  QPDFObjectHandle info = file.pdf.getTrailer().getKey("/Info");
  CHECK(info.getKey("/GTS_PDFXVersion").getUTF8Value() == "PDF/X-1:2001");
  CHECK(info.getKey("/Trapped").getName() == "/False");
  // No navigation in a press file.
  CHECK_FALSE(root.hasKey("/PageLabels"));
  CHECK_FALSE(root.hasKey("/Outlines"));

  // Colours only as CMYK; black text is 100% K alone.
  const std::string content = Content(p);
  std::map<std::string, int> ops = Operators(content);
  CHECK(ops["rg"] == 0);
  CHECK(ops["RG"] == 0);
  CHECK(ops["k"] > 0);
  CHECK(content.find("0 0 0 1 k\n") != std::string::npos);
  CHECK(ops["BT"] > 20);

  QPDFObjectHandle image = p.getKey("/Resources").getKey("/XObject").getKey("/Im1");
  REQUIRE(image.isStream());
  CHECK(image.getDict().getKey("/ColorSpace").getName() == "/DeviceCMYK");
  // The press's CMYK JPEGs are plain (no Adobe marker): no /Decode to invert them.
  CHECK_FALSE(image.getDict().hasKey("/Decode"));
  auto raw = image.getRawStreamData();
  CHECK(std::string(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize()) ==
        cmyk_pictures.begin()->second);
}

TEST_CASE("pdf writer: a press file refuses an RGB picture, naming it") {
  const Document& doc = FrontPage();
  const std::set<std::string> pictures = PicturesOnPage(doc.pages[0]);
  REQUIRE(pictures.size() == 1);
  PdfSettings settings;
  settings.colours = PdfColours::kDeclaredCmyk;
  std::string bytes, error;
  CHECK_FALSE(WritePdfBytes(doc, AllPages(doc), settings, bytes, error));
  CHECK(error == "picture '" + *pictures.begin() + "' is not in CMYK and cannot go to press");
}

TEST_CASE("pdf writer: a font file that cannot be read is an error naming the font") {
  Document doc = FrontPage();
  const int font = *FontsOnPage(doc.pages[0]).begin();
  doc.fonts[font].file = "/nonexistent/banmian/Missing.otf";
  PdfSettings settings;
  std::string bytes, error;
  CHECK_FALSE(WritePdfBytes(doc, AllPages(doc), settings, bytes, error));
  CHECK(error.find("font '" + doc.fonts[font].family + "'") != std::string::npos);
  CHECK(error.find("/nonexistent/banmian/Missing.otf") != std::string::npos);
}

namespace {

// A one-page document of one run in `face`, showing `glyphs` side by side at 20 pt.
Document OneRun(const FontFace& face, const std::vector<uint32_t>& glyphs, const std::string& text,
                const std::string& label = "1") {
  Document doc;
  doc.title = "test";
  doc.date = "2021-05-10";
  doc.fonts.push_back(face);
  Page page;
  page.label = label;
  page.width = 200, page.height = 100;
  Frame frame;
  GlyphRun run;
  run.font = 0;
  run.size = 20;
  run.text = text;
  double x = 10;
  for (uint32_t g : glyphs) {
    run.glyphs.push_back({g, x, 50, 15});
    x += 15;
  }
  frame.items.push_back(run);
  page.frames.push_back(frame);
  doc.pages.push_back(page);
  return doc;
}

}  // namespace

TEST_CASE("pdf writer: Pango's invisible glyph is left out") {
  // PANGO_GLYPH_EMPTY (a zero-width space, a soft hyphen) is 0x0FFFFFFF: it is not a
  // two-byte code, so it is neither drawn nor embedded. (The 4.5 GB of glyph tables it
  // once cost is checked in cli_test.sh, under an address-space limit.)
  Document doc = FrontPage();
  auto& run = std::get<GlyphRun>(doc.pages[0].frames[0].items.at([&] {
    auto& items = doc.pages[0].frames[0].items;
    for (size_t i = 0; i < items.size(); ++i)
      if (std::holds_alternative<GlyphRun>(items[i])) return i;
    FAIL("no glyph run in the first frame");
    return size_t{0};
  }()));
  run.glyphs.push_back({0x0FFFFFFF, run.glyphs.back().x, run.glyphs.back().y, 0});
  PdfSettings settings;
  settings.title = "t";
  const std::string with_empty = Write(doc, settings);
  const std::string without = Write(FrontPage(), settings);
  // The same fonts: only the one content stream differs, by a few bytes.
  CHECK(with_empty.size() < without.size() + 200);
  OpenedPdf pdf(with_empty);
  CHECK(pdf.pdf.getAllPages().size() == 1);
}

TEST_CASE("pdf writer: a name-keyed CFF font's widths are keyed by CID, as its encoding maps") {
  // C059 (URW, with Ghostscript) is a name-keyed CFF: its subset renumbers the glyphs, so
  // codes (glyph ids) reach them through an embedded CMap, and /W must follow it.
  FontFace face{"/usr/share/fonts/opentype/urw-base35/C059-Roman.otf", 0, "C059", "Roman", ""};
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(face.file.c_str());
  REQUIRE(blob);
  hb_face_t* hb_face = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(hb_face);
  const double upem = hb_face_get_upem(hb_face);
  std::vector<uint32_t> glyphs;
  std::map<uint32_t, int> width_of_code;
  for (char32_t c : {U'W', U'i', U'W', U'm'}) {
    hb_codepoint_t g = 0;
    REQUIRE(hb_font_get_nominal_glyph(font, c, &g));
    glyphs.push_back(g);
    width_of_code[g] =
        static_cast<int>(std::lround(hb_font_get_glyph_h_advance(font, g) * 1000 / upem));
  }
  hb_font_destroy(font);
  hb_face_destroy(hb_face);
  hb_blob_destroy(blob);

  PdfSettings settings;
  settings.title = "t";
  OpenedPdf pdf(Write(OneRun(face, glyphs, "WiWm"), settings));
  QPDFObjectHandle page = pdf.pdf.getAllPages()[0];
  QPDFObjectHandle type0 = page.getKey("/Resources").getKey("/Font").getKey("/F0");
  QPDFObjectHandle encoding = type0.getKey("/Encoding");
  REQUIRE(encoding.isStream());
  // code → CID from the CMap's cidchar lines: "<hhhh> cid".
  std::string cmap;
  {
    auto data = encoding.getStreamData();
    cmap.assign(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  }
  std::map<uint32_t, uint32_t> cid_of_code;
  std::istringstream lines(cmap);
  for (std::string line; std::getline(lines, line);)
    if (line.size() > 7 && line[0] == '<' && line[5] == '>' && std::isdigit(line[7]))
      cid_of_code[std::stoul(line.substr(1, 4), nullptr, 16)] = std::stoul(line.substr(7));
  // /W: runs "c [w1 w2 …]" by CID.
  std::map<uint32_t, int> width_of_cid;
  QPDFObjectHandle w = type0.getKey("/DescendantFonts").getArrayItem(0).getKey("/W");
  REQUIRE(w.isArray());
  for (int i = 0; i + 1 < w.getArrayNItems(); i += 2) {
    const int first = w.getArrayItem(i).getIntValueAsInt();
    QPDFObjectHandle widths = w.getArrayItem(i + 1);
    for (int k = 0; k < widths.getArrayNItems(); ++k)
      width_of_cid[first + k] = widths.getArrayItem(k).getIntValueAsInt();
  }
  for (auto [code, width] : width_of_code) {
    CAPTURE(code);
    REQUIRE(cid_of_code.count(code));
    const uint32_t cid = cid_of_code[code];
    CHECK(cid != code);  // renumbered: the case the encoding exists for
    CHECK(width != 1000);
    REQUIRE(width_of_cid.count(cid));
    CHECK(width_of_cid[cid] == width);
  }
}

TEST_CASE("pdf writer: a page label without a number from 1 on is all prefix") {
  FontFace face{"/usr/share/fonts/opentype/urw-base35/C059-Roman.otf", 0, "C059", "Roman", ""};
  PdfSettings settings;
  settings.title = "t";
  for (const std::string label : {"0", "A00", "B0"}) {
    CAPTURE(label);
    OpenedPdf pdf(Write(OneRun(face, {36}, "A", label), settings));
    QPDFObjectHandle nums = pdf.pdf.getRoot().getKey("/PageLabels").getKey("/Nums");
    REQUIRE(nums.getArrayNItems() == 2);
    QPDFObjectHandle l = nums.getArrayItem(1);
    CHECK_FALSE(l.hasKey("/St"));
    CHECK_FALSE(l.hasKey("/S"));
    CHECK(l.getKey("/P").getUTF8Value() == label);
  }
  OpenedPdf pdf(Write(OneRun(face, {36}, "A", "A10"), settings));
  QPDFObjectHandle l = pdf.pdf.getRoot().getKey("/PageLabels").getKey("/Nums").getArrayItem(1);
  CHECK(l.getKey("/St").getIntValueAsInt() == 10);
  CHECK(l.getKey("/P").getUTF8Value() == "A");
}
