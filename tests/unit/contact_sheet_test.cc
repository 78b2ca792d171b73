#include "render/contact_sheet.h"

#include <doctest/doctest.h>

#include <string>

using namespace banmian;

namespace {

// Every value of `attribute`="…" in the page, in order.
std::vector<std::string> Attributes(const std::string& html, const std::string& attribute) {
  std::vector<std::string> values;
  const std::string open = " " + attribute + "=\"";
  for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    size_t start = at + open.size();
    values.push_back(html.substr(start, html.find('"', start) - start));
  }
  return values;
}

std::string Sheet(const std::string& stem, const std::string& label, const std::string& title) {
  SheetPage page{label, stem + "-p01.png", {}, {}};
  return ContactSheetHtml(title, {page}, {},
                          {stem + ".pdf", "press/paper-2021-05-10-" + label + ".pdf"});
}

}  // namespace

TEST_CASE("contact sheet: a folder named javascript:alert(1) gives relative, encoded links") {
  const std::string html = Sheet("javascript:alert(1)", "A01", "t");
  CHECK(Attributes(html, "href") ==
        std::vector<std::string>{"./javascript%3Aalert%281%29.pdf",
                                 "./press/paper-2021-05-10-A01.pdf",
                                 "./javascript%3Aalert%281%29-p01.png"});
  CHECK(Attributes(html, "src") == std::vector<std::string>{"./javascript%3Aalert%281%29-p01.png"});
  CHECK(html.find("href=\"javascript:") == std::string::npos);
}

TEST_CASE("contact sheet: #, ?, %, a newline, quotes and bytes that are not UTF-8 are encoded") {
  const std::string html = Sheet("a#b?c%d\ne\"f\xB1", "<A01>", "t");
  CHECK(Attributes(html, "src") == std::vector<std::string>{"./a%23b%3Fc%25d%0Ae%22f%B1-p01.png"});
  CHECK(Attributes(html, "href")[1] == "./press/paper-2021-05-10-%3CA01%3E.pdf");
  CHECK(html.find("alt=\"page &lt;A01&gt;\"") != std::string::npos);
  CHECK(html.find("<figcaption>第 &lt;A01&gt; 版</figcaption>") != std::string::npos);
}

TEST_CASE("contact sheet: every href and src is relative: no scheme, no absolute path") {
  for (const char* stem : {"javascript:alert(1)", "/etc/passwd", "http://x", "data:,x", "..:x"}) {
    const std::string html = Sheet(stem, "A01", "t");
    for (const char* attribute : {"href", "src"})
      for (const std::string& url : Attributes(html, attribute)) {
        CAPTURE(url);
        CHECK(url.rfind("./", 0) == 0);
        CHECK(url.find(':') == std::string::npos);
      }
  }
}

TEST_CASE("contact sheet: the page carries a policy allowing only its own style and script") {
  const std::string policy = ContactSheetPolicy();
  CHECK(policy.rfind("default-src 'none'; img-src 'self'; style-src 'sha256-", 0) == 0);
  CHECK(policy.find("; script-src 'sha256-") != std::string::npos);
  CHECK(policy.find("unsafe") == std::string::npos);
  CHECK(policy.find("; base-uri 'none'; form-action 'none'") != std::string::npos);
  const std::string html = Sheet("x", "A01", "<script>alert(1)</script>");
  CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">") <
        html.find("<title>"));
  CHECK(html.find("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>") != std::string::npos);
  // One <script> element: the sheet's own.
  CHECK(html.find("<script>") == html.rfind("<script>"));
}

namespace {
Finding Found(Severity severity, const std::string& code, int page) {
  Finding f;
  f.severity = severity;
  f.code = code;
  f.page = page;
  f.message = code + " here";
  return f;
}
}  // namespace

TEST_CASE("contact sheet: a summary counts errors, warnings and information, per page and in all") {
  SheetPage a01{"A01", "x-p01.png", {Found(Severity::kWarning, "thin-rule", 1)}, {}};
  SheetPage a02{"A02", "x-p02.png", {}, {}};
  SheetPage a03{"A03",
                "x-p03.png",
                {Found(Severity::kError, "overset", 3), Found(Severity::kInfo, "added-page", 3),
                 Found(Severity::kWarning, "loose-line", 3)},
                {},
                "x-proof-p03.png"};
  Finding input = Found(Severity::kWarning, "picture-path", 0);
  input.pos = {"x/articles/a.md", 7, 1};
  const std::string html = ContactSheetHtml("t", {a01, a02, a03}, {input}, {"x.pdf"});
  CHECK(html.find("<caption>findings: 1 error · 3 warnings · 1 info</caption>") !=
        std::string::npos);
  CHECK(html.find("<tr class=\"warning\"><td>issue as a whole</td><td class=\"n\">0</td><td "
                  "class=\"n\">1</td><td class=\"n\">0</td></tr>") != std::string::npos);
  CHECK(html.find("<tr class=\"warning\"><td>第 A01 版</td><td class=\"n\">0</td><td "
                  "class=\"n\">1</td><td class=\"n\">0</td></tr>") != std::string::npos);
  CHECK(html.find("<tr class=\"clean\"><td>第 A02 版</td><td class=\"n\">0</td><td "
                  "class=\"n\">0</td><td class=\"n\">0</td></tr>") != std::string::npos);
  CHECK(html.find("<tr class=\"error\"><td>第 A03 版</td><td class=\"n\">1</td><td "
                  "class=\"n\">1</td><td class=\"n\">1</td></tr>") != std::string::npos);
  CHECK(html.find("<tr class=\"error\" id=\"total\"><td>all</td><td class=\"n\">1</td><td "
                  "class=\"n\">3</td><td class=\"n\">1</td></tr>") != std::string::npos);
  // Under each thumbnail, its counts; a page with warnings never reads "no findings".
  CHECK(html.find("<p class=\"counts warning\">0 errors · 1 warning · 0 info</p>") !=
        std::string::npos);
  CHECK(html.find("<p class=\"counts clean\">0 errors · 0 warnings · 0 info</p>\n<p "
                  "class=\"clean\">no errors or warnings on this page</p>") != std::string::npos);
  CHECK(html.find("no findings") == std::string::npos);
  // The input's warning, with its place in its file; a page's proof preview linked.
  CHECK(html.find("<li class=\"warning\"><b>warning picture-path</b> <i>x/articles/a.md:7:1</i> "
                  "picture-path here</li>") != std::string::npos);
  CHECK(html.find("<p class=\"counts error\">1 error · 1 warning · 1 info · <a "
                  "href=\"./x-proof-p03.png\">proof</a></p>") != std::string::npos);
}

TEST_CASE("contact sheet: with nothing found, the issue as a whole says what it is clean of") {
  const std::string html = ContactSheetHtml("t", {{"A01", "x-p01.png", {}, {}}}, {}, {"x.pdf"});
  CHECK(html.find("<caption>findings: 0 errors · 0 warnings · 0 info</caption>") !=
        std::string::npos);
  CHECK(html.find("<h2>The issue as a whole</h2>\n<p class=\"clean\">no errors or warnings about "
                  "the issue as a whole</p>") != std::string::npos);
}
