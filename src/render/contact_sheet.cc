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

std::string FindingList(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    if (f.severity == Severity::kInfo) continue;
    const std::string place = PlaceOnPage(f);
    out += "<li class=\"" + std::string(SeverityName(f.severity)) + "\"><b>" +
           SeverityName(f.severity) + " " + Escape(f.code) + "</b> " +
           (place.empty() ? "" : "<i>" + Escape(place) + "</i> ") + Escape(f.message) + "</li>\n";
  }
  return out.empty() ? "<p class=\"clean\">no findings</p>\n" : "<ul>\n" + out + "</ul>\n";
}

std::string Plural(long n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
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
  html +=
      "<h2>Issue</h2>\n" + FindingList(issue_findings) + "<h2>Pages</h2>\n<div class=\"pages\">\n";
  for (const SheetPage& p : pages) {
    const std::string png = Escape(RelativeUrl(p.png));
    html += "<figure>\n<a href=\"" + png + "\"><img class=\"thumb\" src=\"" + png +
            "\" alt=\"page " + Escape(p.label) + "\"></a>\n<figcaption>第 " + Escape(p.label) +
            " 版</figcaption>\n" + FindingList(p.findings) + FitTable(p.fit) + "</figure>\n";
  }
  html += "</div>\n<p id=\"status\"></p>\n<script>" + std::string(kScript) +
          "</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace banmian
