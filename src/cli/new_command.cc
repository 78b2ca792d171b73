#include "cli/new_command.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>

#include "cli/diagnostic_text.h"
#include "cli/help_text.h"
#include "cli/paper_folder.h"
#include "load/layout_loader.h"
#include "model/terminal_text.h"
#include "model/utf8.h"
#include "pipeline/pipeline.h"

namespace banmian {

namespace fs = std::filesystem;

namespace {

constexpr int kMostTries = 8;
constexpr const char* kDefaultSample = "shequchenbao";
// The placeholder text, repeated: ideographs alone, so every line holds a column's
// characters whatever the paper's punctuation rules.
constexpr const char* kFiller =
    "这是一篇示例稿件的正文请把它换成你的文字每段之间空一行标题写在文件开头的标题一栏里";

bool ValidName(const std::string& name) {
  if (name.empty() || name.size() > 64 || name[0] == '.' || name[0] == '-') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_' || c == '.'))
      return false;
  return true;
}

// A folder beside `target` to build in, made now; "" when it cannot be made.
std::string StagingBeside(const fs::path& target) {
  fs::path parent = target.parent_path();
  if (parent.empty()) parent = ".";
  std::error_code ec;
  fs::create_directories(parent, ec);
  std::string pattern = (parent / ".banmian-new-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) return "";
  // mkdtemp makes it 0700: give it a new folder's permissions.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  fs::permissions(pattern, static_cast<fs::perms>(0777 & ~mask), ec);
  return pattern;
}

// Moves the staging folder to `target` (new, or an empty folder); false when it cannot.
bool Publish(const std::string& staging, const fs::path& target, std::string& error) {
  std::error_code ec;
  fs::rename(staging, target, ec);
  if (ec) {
    error = ec.message();
    fs::remove_all(staging, ec);
    return false;
  }
  return true;
}

bool WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  return static_cast<bool>(f.flush());
}

// "'layouts/x' exists: nothing written" when `target` exists and is not an empty folder.
std::string TargetProblem(const fs::path& target) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(target, ec))) return "";
  if (fs::is_directory(target, ec) && fs::is_empty(target, ec)) return "";
  return "'" + TerminalText(target.string()) + "' already exists; nothing written";
}

int NewPaper(const Arguments& args, std::ostream& out, std::ostream& err) {
  if (args.operands.size() != 2)
    return err << UsageErrorText("new", "new paper needs one name: banmian new paper NAME"), 2;
  if (args.Has("--paper"))
    return err << UsageErrorText("new", "--paper is for new issue; new paper copies --from"), 2;
  const std::string& name = args.operands[1];
  if (!ValidName(name))
    return err << UsageErrorText("new",
                                 "a paper's name is letters, digits, '-', '_' and '.', "
                                 "not '" +
                                     name + "'"),
           2;
  const std::string* layouts_arg = args.Value("--layouts");
  const std::string layouts = layouts_arg ? *layouts_arg : "layouts";
  const std::string* from_arg = args.Value("--from");
  const std::string from = from_arg ? *from_arg : kDefaultSample;
  const std::string sample = FindPaperFolder(from, layouts);
  if (sample.empty()) {
    err << "banmian: there is no paper '" << TerminalText(from) << "' to copy (in "
        << TerminalText(layouts) << " or banmian's samples in " << SampleLayoutsDir() << ")\n";
    return 2;
  }
  const fs::path target = fs::path(layouts) / name;
  if (std::string problem = TargetProblem(target); !problem.empty())
    return err << "banmian: " << problem << "\n", 2;
  const std::string staging = StagingBeside(target);
  std::error_code ec;
  if (!staging.empty()) fs::copy(sample, staging, fs::copy_options::recursive, ec);
  std::string error = ec ? ec.message() : "";
  if (staging.empty() || ec || !Publish(staging, target, error)) {
    if (!staging.empty()) fs::remove_all(staging, ec);
    err << "banmian: could not write '" << TerminalText(target.string()) << "': " << error
        << "; nothing written\n";
    return 2;
  }
  out << "wrote " << TerminalText(target.string()) << "/ (a copy of " << TerminalText(sample)
      << ")\n"
      << "next: set its name, page size and grid in " << TerminalText(target.string())
      << "/paper.yaml, then: banmian new issue issues/" << name << "-1 --paper " << name
      << (layouts_arg ? " --layouts " + TerminalText(layouts) : "") << "\n";
  return 0;
}

// The template with the fewest slots, all of them modules or stacks.
const PageTemplate* SimplestTemplate(const Paper& paper) {
  const PageTemplate* best = nullptr;
  for (const auto& [name, t] : paper.templates) {
    bool plain = !t.slots.empty();
    for (const Slot& s : t.slots)
      plain = plain && (s.kind == SlotKind::kModule || s.kind == SlotKind::kStack);
    if (plain && (!best || t.slots.size() < best->slots.size())) best = &t;
  }
  return best;
}

// Whether render, given no --layouts, finds paper `id` of an issue in `issue_dir` at
// `paper_dir`: the first layouts/<id> walking up from the issue folder, else the samples'.
bool RenderFinds(const fs::path& issue_dir, const std::string& id, const std::string& paper_dir) {
  std::error_code ec;
  const fs::path want = fs::weakly_canonical(paper_dir, ec);
  for (fs::path dir = fs::weakly_canonical(fs::absolute(issue_dir, ec), ec);;
       dir = dir.parent_path()) {
    if (fs::is_directory(dir / "layouts" / id, ec))
      return fs::weakly_canonical(dir / "layouts" / id, ec) == want;
    if (dir == dir.parent_path()) break;
  }
  return fs::weakly_canonical(fs::path(SampleLayoutsDir()) / id, ec) == want;
}

struct Draft {
  std::string paper, template_name;
  std::vector<std::string> slots;
  std::map<std::string, long> characters;  // article → body characters
  std::vector<std::string> fields;
};

std::string IssueYaml(const Draft& d) {
  std::string y = "# A new issue of " + d.paper +
                  ": one page; put your articles in articles/ and name them below.\n"
                  "paper: " +
                  d.paper +
                  "\n"
                  "title: 新报\n"
                  "edition: 创刊号\n"
                  "number: 第1期\n"
                  "date: 2026-01-05\n";
  if (!d.fields.empty()) {
    y += "fields:\n";
    for (const std::string& f : d.fields) y += "  " + f + ": \"" + f + "\"\n";
  }
  y += "pages:\n  - template: " + d.template_name +
       "\n    label: A01\n    section: 要闻\n    slots:\n";
  for (size_t i = 0; i < d.slots.size(); ++i)
    y += "      " + d.slots[i] + ": a" + std::to_string(i + 1) + "\n";
  y += "articles:\n";
  for (size_t i = 0; i < d.slots.size(); ++i)
    y += "  a" + std::to_string(i + 1) + ": articles/a" + std::to_string(i + 1) + ".md\n";
  return y;
}

std::string ArticleText(size_t number, long characters) {
  const std::string filler = kFiller;
  std::string body;
  size_t i = 0;
  for (long n = 0; n + 1 < characters; ++n) {
    if (i >= filler.size()) i = 0;
    const size_t start = i;
    Utf8Next(filler, i);
    body += filler.substr(start, i - start);
  }
  return "---\nheadline: 第" + std::to_string(number) + "篇稿件的标题\n---\n\n" + body + "。\n";
}

bool WriteDraft(const std::string& dir, const Draft& d) {
  bool ok = WriteFile(fs::path(dir) / "issue.yaml", IssueYaml(d));
  for (size_t i = 0; i < d.slots.size(); ++i) {
    const std::string id = "a" + std::to_string(i + 1);
    ok = ok && WriteFile(fs::path(dir) / "articles" / (id + ".md"),
                         ArticleText(i + 1, d.characters.at(id)));
  }
  return ok;
}

// One try: composes the draft; adjusts it (fields, text lengths) and returns false when
// it needs another, true when it composed without error findings.
bool Settle(const std::string& dir, const std::string& layouts, Draft& d, RunResult& result) {
  RunOptions options;
  options.issue_dir = dir;
  options.layouts_dir = layouts;
  options.jobs = 1;
  result = ComposeIssue(options);
  bool changed = false;
  for (const Diagnostic& e : result.diagnostics.items()) {
    const size_t open = e.message.find("prints {"), close = e.message.find('}', open);
    if (e.code != "unknown-placeholder" || open == std::string::npos || close == std::string::npos)
      continue;
    const std::string field = e.message.substr(open + 8, close - open - 8);
    if (std::find(d.fields.begin(), d.fields.end(), field) == d.fields.end())
      d.fields.push_back(field), changed = true;
  }
  if (result.exit_status == kExitBadInput) return false;
  for (const FitRecord& f : result.fit) {
    auto it = d.characters.find(f.article);
    if (it == d.characters.end() || f.exact()) continue;
    it->second += f.characters_short - f.characters_over;
    if (it->second < 2) it->second = 2;
    changed = true;
  }
  return !changed && result.exit_status == kExitClean;
}

int NewIssue(const Arguments& args, std::ostream& out, std::ostream& err) {
  if (args.operands.size() != 2)
    return err << UsageErrorText("new",
                                 "new issue needs one folder: banmian new issue DIR "
                                 "--paper NAME"),
           2;
  if (args.Has("--from"))
    return err << UsageErrorText("new", "--from is for new paper; new issue takes --paper"), 2;
  const std::string* paper_name = args.Value("--paper");
  if (!paper_name) return err << UsageErrorText("new", "new issue needs --paper NAME"), 2;
  const std::string* layouts_arg = args.Value("--layouts");
  const std::string paper_dir = FindPaperFolder(*paper_name, layouts_arg ? *layouts_arg : "");
  if (paper_dir.empty()) {
    err << "banmian: there is no paper '" << TerminalText(*paper_name) << "' (in "
        << TerminalText(layouts_arg ? *layouts_arg : "layouts") << " or banmian's samples)\n"
        << "  hint: make one with: banmian new paper " << TerminalText(*paper_name) << "\n";
    return 2;
  }
  const fs::path target = args.operands[1];
  if (std::string problem = TargetProblem(target); !problem.empty())
    return err << "banmian: " << problem << "\n", 2;
  Diagnostics diags;
  const std::string paper_id = fs::path(paper_dir).filename().string();
  std::optional<Paper> paper = LoadPaper(paper_dir, paper_id, {}, diags);
  if (!paper) {
    for (const Diagnostic& d : diags.items()) err << DiagnosticText(d, false);
    return 2;
  }
  const PageTemplate* page = SimplestTemplate(*paper);
  if (!page) {
    err << "banmian: paper '" << TerminalText(paper_id)
        << "' has no template of article slots alone to start from\n";
    return 2;
  }
  Draft draft{paper_id, page->name, {}, {}, {}};
  for (const Slot& s : page->slots) {
    draft.slots.push_back(s.name);
    const long lines = static_cast<long>(s.area.cols) * s.area.rows;
    draft.characters["a" + std::to_string(draft.slots.size())] =
        std::max(2L, lines * paper->grid.characters * 3 / 4);
  }
  const std::string staging = StagingBeside(target);
  std::error_code ec;
  if (staging.empty() || !fs::create_directories(fs::path(staging) / "articles", ec)) {
    err << "banmian: could not write '" << TerminalText(target.string()) << "'; nothing written\n";
    return 2;
  }
  const std::string layouts = fs::path(paper_dir).parent_path().string();
  RunResult result;
  bool settled = false, written = true;
  for (int i = 0; i < kMostTries && !settled && written; ++i) {
    written = WriteDraft(staging, draft);
    settled = written && Settle(staging, layouts, draft, result);
  }
  if (!written) {
    fs::remove_all(staging, ec);
    err << "banmian: could not write '" << TerminalText(target.string()) << "'; nothing written\n";
    return 2;
  }
  if (!settled) {
    // What it could not settle: said, and nothing written.
    for (const Diagnostic& d : result.diagnostics.items()) err << DiagnosticText(d, false);
    fs::remove_all(staging, ec);
    err << "banmian: could not make an issue of '" << TerminalText(paper_id)
        << "' that renders cleanly; nothing written\n";
    return 2;
  }
  std::string error;
  if (!Publish(staging, target, error)) {
    err << "banmian: could not write '" << TerminalText(target.string()) << "': " << error
        << "; nothing written\n";
    return 2;
  }
  // render finds the paper walking up from the issue folder, else in the samples: when
  // that is not where it was found, the next command names the layouts folder.
  std::string layouts_hint;
  if (!RenderFinds(target, paper_id, paper_dir)) layouts_hint = " --layouts " + layouts;
  out << "wrote " << TerminalText((target / "issue.yaml").string()) << " (template "
      << TerminalText(page->name) << ") and " << draft.slots.size()
      << (draft.slots.size() == 1 ? " article" : " articles") << " in "
      << TerminalText((target / "articles").string()) << "/\n"
      << "next: banmian render " << TerminalText(target.string()) << TerminalText(layouts_hint)
      << "\n";
  return 0;
}

}  // namespace

int RunNewCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
  const std::string what = args.operands.empty() ? "" : args.operands[0];
  if (what == "paper") return NewPaper(args, out, err);
  if (what == "issue") return NewIssue(args, out, err);
  err << UsageErrorText("new", what.empty() ? "new needs what to make: paper or issue"
                                            : "new makes a paper or an issue, not '" + what + "'");
  return 2;
}

}  // namespace banmian
