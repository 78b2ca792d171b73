// banmian watch's warm renders (watch/watch_session.h): after an edit only the articles whose
// files changed are composed and only the pages whose items changed are painted, and the
// pages are byte for byte those of a cold render of the same files.
#include "watch/watch_session.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "base/read_file.h"
#include "render/painter.h"
#include "render/pdf_writer.h"
#include "test_util.h"
#include "watch/page_picture.h"

namespace banmian {
namespace {

namespace fs = std::filesystem;

// The screen PDF's bytes: every page, every font, every picture of the document.
std::string PdfOf(const Document& doc) {
  std::vector<const Page*> pages;
  for (const Page& p : doc.pages) pages.push_back(&p);
  PdfSettings settings;
  settings.title = doc.title;
  std::string bytes, error;
  REQUIRE_MESSAGE(WritePdfBytes(doc, pages, settings, bytes, error), error);
  return bytes;
}

void Replace(const std::string& file, const std::string& from, const std::string& to) {
  std::string text = ReadFileBytes(file).value();
  const size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, (file + " has no '" + from + "'"));
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

std::string ChangedLabels(const PreviewState& s) {
  std::string out;
  for (const PreviewPage& p : s.pages)
    if (p.changed) out += (out.empty() ? "" : " ") + p.label;
  return out;
}

// A copy of the chunshen sample in a temporary folder (with its paper in a layouts folder
// of its own when `own_paper`, for the tests that edit it) and the options of a watch on it
// with previews at `dpi`.
struct ChunshenCopy {
  test::TempDir tmp;
  std::string issue = tmp.path + "/chunshen";
  std::string layouts = tmp.path + "/layouts";
  RunOptions options;

  ChunshenCopy(double dpi, bool own_paper) {
    fs::copy(test::SourcePath("issues/chunshen-2024-06-07"), issue, fs::copy_options::recursive);
    options.issue_dir = issue;
    options.png_dpi = dpi;
    if (own_paper) {
      fs::create_directories(layouts);
      fs::copy(test::SourcePath("layouts/chunshen"), layouts + "/chunshen",
               fs::copy_options::recursive);
      options.layouts_dir = layouts;
    }
  }
};

TEST_CASE(
    "watch: warm renders compose and paint only what an edit changed, as a cold render would") {
  ChunshenCopy copy(20, true);  // small pictures: the pixels are compared, not looked at
  const std::string &issue = copy.issue, &layouts = copy.layouts;
  RunOptions& options = copy.options;
  options.jobs = 2;
  Diagnostics diags;
  std::unique_ptr<WatchSession> session = WatchSession::Create(options, diags);
  REQUIRE(session);

  // The first render composes all 22 articles and paints all 4 pages.
  std::shared_ptr<const PreviewState> first = session->Render();
  REQUIRE_FALSE(first->failed);
  CHECK(first->composed == 22);
  CHECK(first->reused == 0);
  CHECK(first->painted == 4);
  CHECK(ChangedLabels(*first) == "A01 A02 A03 A04");

  // Each edit: the articles composed again, those kept, and the pages painted again.
  struct Edit {
    const char* what;
    std::string file, from, to;
    int composed, reused;
    const char* changed;  // the pages whose items changed
  };
  const std::vector<Edit> edits = {
      // jinbo leads A01 and goes on to A02, whose continuation head repeats the headline.
      {"a headline", issue + "/articles/jinbo.md", "虹桥准备好了", "虹桥准备就绪", 1, 21,
       "A01 A02"},
      // xiaohonghua is only on A02 (slot side): its subhead changes A02 alone.
      {"a subhead", issue + "/articles/xiaohonghua.md", "一线的你们", "一线的同事", 1, 21, "A02"},
      // weiguang is at the foot of A04: one character of its body.
      {"a body", issue + "/articles/weiguang.md", "。", "!", 1, 21, "A04"},
      // A comment in a template: every article's inputs changed (the paper is part of each
      // article's key), so all are composed again, yet no page's items changed.
      {"a template's comment", layouts + "/chunshen/back.yaml", "\n", "\n# watch test\n", 22, 0,
       ""},
      // Nothing changed: all kept, nothing painted.
      {"nothing", "", "", "", 0, 22, ""},
  };
  for (const Edit& edit : edits) {
    CAPTURE(edit.what);
    if (!edit.file.empty()) Replace(edit.file, edit.from, edit.to);
    std::shared_ptr<const PreviewState> warm = session->Render();
    REQUIRE_FALSE(warm->failed);
    CHECK(warm->composed == edit.composed);
    CHECK(warm->reused == edit.reused);
    CHECK(ChangedLabels(*warm) == edit.changed);
    CHECK(warm->painted ==
          static_cast<int>(
              std::string(edit.changed).empty()
                  ? 0
                  : 1 + std::count(edit.changed, edit.changed + std::strlen(edit.changed), ' ')));
    // A cold render of the same files, with a font set of its own.
    RunResult cold = ComposeIssue(options);
    REQUIRE(cold.document);
    const RunResult& kept = session->last_result();
    REQUIRE(kept.document);
    CHECK(PdfOf(*kept.document) == PdfOf(*cold.document));
    CHECK(cold.findings.size() == kept.findings.size());
    Painter painter(*cold.document);
    REQUIRE(warm->pages.size() == cold.document->pages.size());
    for (size_t i = 0; i < warm->pages.size(); ++i) {
      CAPTURE(warm->pages[i].label);
      PagePicture picture = PaintPagePicture(painter, cold.document->pages[i], options.png_dpi);
      REQUIRE(picture.ok);
      REQUIRE(warm->pages[i].png);
      CHECK(*warm->pages[i].png == picture.png);
    }
  }
}

TEST_CASE("watch: an input error keeps the last good pages and names the line") {
  ChunshenCopy copy(10, false);
  const std::string& issue = copy.issue;
  RunOptions& options = copy.options;
  Diagnostics diags;
  std::unique_ptr<WatchSession> session = WatchSession::Create(options, diags);
  REQUIRE(session);
  std::shared_ptr<const PreviewState> good = session->Render();
  REQUIRE_FALSE(good->failed);
  // Line 3 of jinbo.md, the headline, gets a second ': ' (a YAML syntax error there, at
  // the 15th character: "headline: " is 10, 决胜决战 4).
  Replace(issue + "/articles/jinbo.md", "headline: 决胜决战", "headline: 决胜决战: 再战");
  std::shared_ptr<const PreviewState> bad = session->Render();
  CHECK(bad->failed);
  CHECK(bad->render == good->render + 1);
  REQUIRE_FALSE(bad->errors.empty());
  CHECK(bad->errors[0].file == issue + "/articles/jinbo.md");
  CHECK(bad->errors[0].line == 3);
  CHECK(bad->errors[0].col == 15);
  CHECK(bad->errors[0].code == "yaml-syntax");
  CHECK(bad->errors[0].source_line == "headline: 决胜决战: 再战,虹桥准备好了!");
  // The last good pages, the same pictures, none marked changed.
  REQUIRE(bad->pages.size() == good->pages.size());
  for (size_t i = 0; i < bad->pages.size(); ++i) {
    CHECK(bad->pages[i].png == good->pages[i].png);
    CHECK_FALSE(bad->pages[i].changed);
  }
  // Fixed: the pages are back, and nothing changed since the last good render.
  Replace(issue + "/articles/jinbo.md", "headline: 决胜决战: 再战", "headline: 决胜决战");
  std::shared_ptr<const PreviewState> fixed = session->Render();
  CHECK_FALSE(fixed->failed);
  CHECK(fixed->errors.empty());
  CHECK(fixed->painted == 0);
  CHECK(fixed->composed == 0);
}

}  // namespace
}  // namespace banmian

namespace banmian {
namespace {

// The session reads only the files the issue uses: a link to a device and a large file
// nobody names are never read (a read of /dev/zero would never end).
TEST_CASE("watch: only the files the render reads are input") {
  ChunshenCopy copy(10, false);
  const std::string& issue = copy.issue;
  RunOptions& options = copy.options;
  fs::create_symlink("/dev/zero", issue + "/notes.txt");
  fs::create_symlink("/dev/zero", issue + "/articles/zero.md");
  std::ofstream(issue + "/unused.bin") << std::string(1 << 20, 'x');
  Diagnostics diags;
  std::unique_ptr<WatchSession> session = WatchSession::Create(options, diags);
  REQUIRE(session);
  std::shared_ptr<const PreviewState> state = session->Render();
  REQUIRE_FALSE(state->failed);
  const std::string real = fs::canonical(issue).string();
  const auto& files = session->inputs().files;
  CHECK(files.count(real + "/issue.yaml"));
  CHECK(files.count(real + "/articles/jinbo.md"));
  CHECK(files.count(real + "/pictures/luntan-standin.jpg"));
  CHECK_FALSE(files.count(real + "/unused.bin"));
  CHECK_FALSE(files.count("/dev/zero"));
  for (const auto& [file, hash] : files) {
    CAPTURE(file);
    const bool in_issue = file.starts_with(real + "/");
    const bool in_paper = file.find("/layouts/chunshen/") != std::string::npos;
    CHECK((in_issue || in_paper));
  }
  // The folders are watched all the same, so a new file there is seen.
  const auto& folders = session->folders();
  CHECK(std::find(folders.begin(), folders.end(), real + "/articles") != folders.end());
  CHECK_FALSE(session->InputsChanged());
  CHECK_FALSE(session->FoldersChanged());
  std::ofstream(issue + "/unused.bin") << "changed";
  CHECK_FALSE(session->InputsChanged());
  fs::create_directories(issue + "/more");
  CHECK(session->FoldersChanged());
  Replace(issue + "/articles/jinbo.md", "虹桥准备好了", "虹桥准备就绪");
  CHECK(session->InputsChanged());
}

// A save that lands while a render reads: the render is tried again, and what the first
// try composed is kept (its key names the bytes it read), so a one-article edit composes
// that article only, not the whole issue.
TEST_CASE("watch: a file saved during a render costs only its own article") {
  ChunshenCopy copy(10, false);
  const std::string& issue = copy.issue;
  RunOptions& options = copy.options;
  Diagnostics diags;
  std::unique_ptr<WatchSession> session = WatchSession::Create(options, diags);
  REQUIRE(session);
  REQUIRE_FALSE(session->Render()->failed);
  // A burst of saves of one article, the last landing while the render composes.
  const std::string file = issue + "/articles/jinbo.md";
  Replace(file, "虹桥准备好了", "虹桥准备好了1");
  int saves = 0;
  session->set_after_compose([&] {
    if (saves < 2)
      Replace(file, "准备好了" + std::to_string(saves + 1), "准备好了" + std::to_string(saves + 2));
    ++saves;
  });
  std::shared_ptr<const PreviewState> state = session->Render();
  REQUIRE_FALSE(state->failed);
  CHECK(saves == 3);            // three tries: two saves landed during the render
  CHECK(state->composed == 3);  // jinbo, once per try
  CHECK(state->reused == 21);   // the others, kept throughout
  session->set_after_compose(nullptr);
  // As a cold render of the files as they ended.
  RunResult cold = ComposeIssue(options);
  REQUIRE(cold.document);
  CHECK(PdfOf(*session->last_result().document) == PdfOf(*cold.document));
  std::shared_ptr<const PreviewState> again = session->Render();
  CHECK(again->composed == 0);
  CHECK(again->reused == 22);
}

// A page too large for a preview at the session's dpi: a failed render saying so, with
// the way out, as render refuses it; the last good pages stay.
TEST_CASE("watch: a page too large for a preview is a failed render") {
  ChunshenCopy copy(170, true);
  const std::string& layouts = copy.layouts;
  RunOptions& options = copy.options;
  Diagnostics diags;
  std::unique_ptr<WatchSession> session = WatchSession::Create(options, diags);
  REQUIRE(session);
  std::shared_ptr<const PreviewState> good = session->Render();
  REQUIRE_FALSE(good->failed);
  // 5 m tall: 33465 pixels at 170 dpi, more than 32767.
  Replace(layouts + "/chunshen/paper.yaml", "height: 500mm", "height: 5000mm");
  std::shared_ptr<const PreviewState> large = session->Render();
  CHECK(large->failed);
  CHECK(large->painted == 0);
  REQUIRE(large->errors.size() == 1);
  CHECK(large->errors[0].code == "dpi-too-high");
  CHECK(large->errors[0].message.starts_with("at --dpi 170 the preview of page A01"));
  CHECK(large->errors[0].hint == "use --dpi 166 or lower");
  CHECK(large->errors[0].file == layouts + "/chunshen/paper.yaml");
  CHECK(large->pages.size() == good->pages.size());  // the last good ones
  // 1400 mm does not fit at 600 dpi: refused from the first render.
  Replace(layouts + "/chunshen/paper.yaml", "height: 5000mm", "height: 1400mm");
  options.png_dpi = 600;
  std::unique_ptr<WatchSession> fine = WatchSession::Create(options, diags);
  REQUIRE(fine);
  std::shared_ptr<const PreviewState> refused = fine->Render();
  CHECK(refused->failed);
  REQUIRE(refused->errors.size() == 1);
  CHECK(refused->errors[0].hint == "use --dpi 594 or lower");
}

}  // namespace
}  // namespace banmian
