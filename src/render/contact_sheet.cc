#include "render/contact_sheet.h"

#include <qpdf/QPDFCryptoProvider.hh>

#include <memory>

#include "render/relative_url.h"

namespace banmian {

namespace {

// The sheet's only style sheet and script. The Content-Security-Policy allows exactly
// these two (by their SHA-256) and images beside the sheet, nothing else: no other
// script, inline handler, javascript: link, frame, font, form or network fetch runs.
constexpr const char* kStyle = R"(
body { font-family: "Noto Sans CJK SC", sans-serif; margin: 1.5em; background: #f3f3f0; color: #222; }
h1 { font-size: 1.3em; }
.pages { display: flex; flex-wrap: wrap; gap: 1.2em; }
figure { margin: 0; background: #fff; padding: .6em; box-shadow: 0 1px 3px #0003; width: 300px; }
figure img { width: 100%; border: 1px solid #ccc; display: block; }
figcaption { font-weight: bold; margin: .4em 0; }
ul { padding-left: 1.1em; margin: .3em 0; font-size: .85em; }
li.error { color: #b00; } li.warning { color: #a60; }
p.clean { color: #070; font-size: .85em; margin: .3em 0; }
table.fit { border-collapse: collapse; font-size: .75em; margin: .6em 0 .2em; width: 100%; }
table.fit caption { text-align: left; font-weight: bold; color: #444; padding-bottom: .2em; }
table.fit th { text-align: left; font-weight: normal; color: #666; border-bottom: 1px solid #bbb; }
table.fit td { vertical-align: top; padding: .2em .4em 0 0; border-top: 1px solid #e4e4e0; }
table.fit td.n { white-space: nowrap; }
table.fit tr.advice td { border-top: none; padding: 0 0 .25em .8em; color: #555; }
tr.over td.n { color: #b00; font-weight: bold; } tr.short td.n { color: #a60; }
tr.exact td.n { color: #070; }
#status { font-size: .8em; color: #666; }
p.counts { font-size: .8em; margin: .2em 0; } p.counts.error { color: #b00; }
p.counts.warning { color: #a60; } p.counts.clean { color: #070; }
table.summary { border-collapse: collapse; font-size: .85em; margin: .5em 0 1em; }
table.summary caption { text-align: left; font-weight: bold; padding-bottom: .3em; }
table.summary th, table.summary td { padding: .15em .8em .15em 0; text-align: left; }
table.summary th { font-weight: normal; color: #666; border-bottom: 1px solid #bbb; }
table.summary td.n { text-align: right; } table.summary tr#total td { border-top: 1px solid #bbb; }
table.summary tr.error td.n:nth-child(2) { color: #b00; font-weight: bold; }
table.summary tr.warning td.n:nth-child(3) { color: #a60; font-weight: bold; }
)";

constexpr const char* kScript = R"(
window.addEventListener("load", function () {
  var thumbs = Array.prototype.slice.call(document.querySelectorAll("img.thumb"));
  var loaded = thumbs.filter(function (img) { return img.complete && img.naturalWidth > 0; }).length;
  document.getElementById("status").textContent = loaded + " / " + thumbs.length + " thumbnails loaded";
  document.body.setAttribute("data-thumbnails", loaded === thumbs.length ? "all-loaded" : "missing");
});
)";

std::string Base64(const std::string& bytes) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
    out += kDigits[(v >> 18) & 63];
    out += kDigits[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(v >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kDigits[v & 63] : '=';
  }
  return out;
}

// A CSP hash source: 'sha256-' and the base64 of the text's SHA-256 (qpdf's crypto).
std::string HashSource(const std::string& text) {
  std::shared_ptr<QPDFCryptoImpl> sha = QPDFCryptoProvider::getImpl();
  sha->SHA2_init(256);
  sha->SHA2_update(reinterpret_cast<const unsigned char*>(text.data()), text.size());
  sha->SHA2_finalize();
  return "'sha256-" + Base64(sha->SHA2_digest()) + "'";
}

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Plural(long n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Errors, warnings and information among `findings`.
struct Counts {
  long errors = 0, warnings = 0, info = 0;
  explicit Counts(const std::vector<Finding>& findings) {
    for (const Finding& f : findings)
      ++(f.severity == Severity::kError     ? errors
         : f.severity == Severity::kWarning ? warnings
                                            : info);
  }
  Counts& operator+=(const Counts& o) {
    errors += o.errors, warnings += o.warnings, info += o.info;
    return *this;
  }
  // "1 error · 2 warnings · 0 info"
  std::string Text() const {
    return Plural(errors, "error") + " · " + Plural(warnings, "warning") + " · " +
           std::to_string(info) + " info";
  }
  std::string Class() const { return errors ? "error" : warnings ? "warning" : "clean"; }
};

// The errors and warnings, each with its code, its place on the page or in an input file
// and its message; information is counted (Counts) and left to report.json. `none` says
// there are none.
std::string FindingList(const std::vector<Finding>& findings, const char* none) {
  std::string out;
  for (const Finding& f : findings) {
    if (f.severity == Severity::kInfo) continue;
    std::string place = PlaceOnPage(f);
    if (place.empty() && f.page == 0 && f.pos.line > 0)
      place = f.pos.file + ":" + std::to_string(f.pos.line) +
              (f.pos.col > 0 ? ":" + std::to_string(f.pos.col) : "");
    out += "<li class=\"" + std::string(SeverityName(f.severity)) + "\"><b>" +
           SeverityName(f.severity) + " " + Escape(f.code) + "</b> " +
           (place.empty() ? "" : "<i>" + Escape(place) + "</i> ") + Escape(f.message) + "</li>\n";
  }
  return out.empty() ? "<p class=\"clean\">" + std::string(none) + "</p>\n"
                     : "<ul>\n" + out + "</ul>\n";
}

// The counts of the issue as a whole, of each page and in all, as a table.
std::string SummaryTable(const std::vector<SheetPage>& pages,
                         const std::vector<Finding>& issue_findings) {
  auto row = [](const std::string& what, const Counts& c, const char* cls = "") {
    return "<tr class=\"" + c.Class() + "\"" + (*cls ? " id=\"" + std::string(cls) + "\"" : "") +
           "><td>" + what + "</td><td class=\"n\">" + std::to_string(c.errors) +
           "</td><td class=\"n\">" + std::to_string(c.warnings) + "</td><td class=\"n\">" +
           std::to_string(c.info) + "</td></tr>\n";
  };
  Counts total(issue_findings);
  std::string rows = row("issue as a whole", total);
  for (const SheetPage& p : pages) {
    const Counts c(p.findings);
    rows += row("第 " + Escape(p.label) + " 版", c);
    total += c;
  }
  return "<table class=\"summary\">\n<caption>findings: " + total.Text() +
         "</caption>\n<tr><th></th><th>errors</th><th>warnings</th><th>info</th></tr>\n" + rows +
         row("all", total, "total") + "</table>\n";
}

// The page's modules: slot, article, how far over or short, and under each module that
// does not fit exactly, across the table, what would make it fit.
std::string FitTable(const std::vector<FitRecord>& fit) {
  if (fit.empty()) return "";
  std::string out =
      "<table class=\"fit\">\n<caption>copyfit</caption>\n"
      "<tr><th>slot</th><th>article</th><th>over / short</th></tr>\n";
  for (const FitRecord& f : fit) {
    std::string state, how;
    if (f.lines_over > 0 || f.characters_over > 0 || f.pictures_over > 0) {
      state = "over";
      how = Plural(f.lines_over, "line") + " over · " + Plural(f.characters_over, "char");
      if (f.pictures_over > 0) how += " · " + Plural(f.pictures_over, "picture");
    } else if (f.lines_short > 0) {
      state = "short";
      how = Plural(f.lines_short, "line") + " short · ≈" + Plural(f.characters_short, "char");
    } else {
      state = "exact";
      how = "exact";
    }
    const std::string advice = FitAdvice(f);
    out += "<tr class=\"" + state + "\"><td>" + Escape(f.slot) + "</td><td>" + Escape(f.article) +
           "</td><td class=\"n\">" + how + "</td></tr>\n";
    if (!advice.empty())
      out += "<tr class=\"advice\"><td colspan=\"3\">" + Escape(advice) + "</td></tr>\n";
  }
  return out + "</table>\n";
}

}  // namespace

std::string ContactSheetPolicy() {
  static const std::string policy = "default-src 'none'; img-src 'self'; style-src " +
                                    HashSource(kStyle) + "; script-src " + HashSource(kScript) +
                                    "; base-uri 'none'; form-action 'none'";
  return policy;
}

std::string ContactSheetHtml(const std::string& title, const std::vector<SheetPage>& pages,
                             const std::vector<Finding>& issue_findings,
                             const std::vector<std::string>& pdfs, const std::string& selection) {
  std::string html = R"(<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content=")" +
                     ContactSheetPolicy() + R"(">
<title>)" + Escape(title) +
                     "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<h1>" +
                     Escape(title) + "</h1>\n";
  html += "<p>";
  for (size_t i = 0; i < pdfs.size(); ++i)
    html += (i ? " · " : "") + std::string("<a href=\"") + Escape(RelativeUrl(pdfs[i])) + "\">" +
            Escape(pdfs[i]) + "</a>";
  html += "</p>\n";
  if (!selection.empty()) html += "<p class=\"selection\">" + Escape(selection) + "</p>\n";
  html += SummaryTable(pages, issue_findings) + "<h2>The issue as a whole</h2>\n" +
          FindingList(issue_findings, "no errors or warnings about the issue as a whole") +
          "<h2>Pages</h2>\n<div class=\"pages\">\n";
  for (const SheetPage& p : pages) {
    const std::string png = Escape(RelativeUrl(p.png));
    const Counts counts(p.findings);
    html += "<figure>\n<a href=\"" + png + "\"><img class=\"thumb\" src=\"" + png +
            "\" alt=\"page " + Escape(p.label) + "\"></a>\n<figcaption>第 " + Escape(p.label) +
            " 版</figcaption>\n<p class=\"counts " + counts.Class() + "\">" + counts.Text();
    if (!p.proof_png.empty())
      html += " · <a href=\"" + Escape(RelativeUrl(p.proof_png)) + "\">proof</a>";
    html += "</p>\n" + FindingList(p.findings, "no errors or warnings on this page") +
            FitTable(p.fit) + "</figure>\n";
  }
  html += "</div>\n<p id=\"status\"></p>\n<script>" + std::string(kScript) +
          "</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace banmian
