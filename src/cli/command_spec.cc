#include "cli/command_spec.h"

namespace banmian {

namespace {

const OptionSpec kOut{"--out", "-o", "DIR",
                      "the output folder (default: out/<issue folder name>); banmian's own:\n"
                      "new, or holding only files banmian wrote",
                      "a folder"};
const OptionSpec kDpi{"--dpi", "", "N", "PNG preview resolution, 10 to 1200 (default 100)",
                      "a number from 10 to 1200"};
const OptionSpec kNoPng{"--no-png", "", "", "skip the PNG previews"};
const OptionSpec kPages{"--pages", "", "LIST",
                        "write only these pages: labels or page numbers and ranges in page\n"
                        "order, e.g. A01,A03-A05 or 1,3-5; the whole issue is still composed\n"
                        "and checked, and report.json keeps every page's findings",
                        "pages, e.g. A01,A03-A05"};
const OptionSpec kProof{"--proof", "", "",
                        "overlay the column grid, the baseline grid, slot outlines with their\n"
                        "names and overset text in red (writes <issue>-proof.pdf and PNGs)"};
const OptionSpec kPress{"--press", "", "",
                        "also write press PDFs, one per page: PDF/X-1a:2001 (or --pdfx 4),\n"
                        "exact CMYK, black on K only; not written while error findings stand"};
const OptionSpec kPdfx{"--pdfx", "", "1a|4", "the PDF/X standard of the press PDFs (default 1a)",
                       "1a or 4"};
const OptionSpec kMarks{"--marks", "", "",
                        "crop marks and a slug line outside the bleed of the press PDFs"};
const OptionSpec kDespite{"--press-despite-errors", "", "",
                          "write the press PDFs even with error findings (report.json says so)"};
const OptionSpec kJobs{"--jobs", "-j", "N",
                       "use N threads (default: the number of cores); the files are the same\n"
                       "for any N",
                       "a whole number from 1 to 256"};
const OptionSpec kJson{"--json", "", "", "print report.json to standard output"};
const OptionSpec kWriteTemplates{
    "--write-templates", "", "DIR",
    "write each auto page's chosen layout as a template, DIR/<template>-<label>.yaml\n"
    "(DIR new or empty), and print the issue.yaml lines that use it",
    "a folder"};
const OptionSpec kPort{"--port", "", "N",
                       "the preview's port on 127.0.0.1 (default 5178; 0: any free one)",
                       "a whole number from 0 to 65535"};
const OptionSpec kFonts{"--fonts", "", "DIR",
                        "folder holding fonts.conf (default: $BANMIAN_FONTS, else banmian's\n"
                        "own fonts/)",
                        "a folder"};
const OptionSpec kLayouts{"--layouts", "", "DIR",
                          "folder holding <paper>/paper.yaml (default: the first layouts/\n"
                          "found walking up from the issue folder)",
                          "a folder"};
const OptionSpec kQuiet{"--quiet", "-q", "",
                        "print only errors: no warnings, no summary of a clean run, no\n"
                        "\"wrote\" lines"};
const OptionSpec kColor{"--color", "", "WHEN",
                        "colour the severity words and carets: auto (default: when standard\n"
                        "error is a terminal and NO_COLOR is not set), always or never",
                        "auto, always or never"};
const OptionSpec kFailOnWarnings{"--fail-on-warnings", "", "",
                                 "exit with status 1 when there is any warning finding"};
const OptionSpec kHelp{"--help", "-h", "", "print this help"};
const OptionSpec kPaper{"--paper", "", "NAME", "the paper (a folder of the layouts folder)",
                        "a paper's name"};
const OptionSpec kFrom{"--from", "", "SAMPLE",
                       "the paper to copy (default shequchenbao): a folder of the layouts\n"
                       "folder or of banmian's own layouts/, or a paper folder's path",
                       "a paper's name or folder"};
const OptionSpec kFontsPaper{
    "--paper", "", "NAME", "also say which styles of this paper use each family", "a paper's name"};

std::vector<CommandSpec> MakeCommands() {
  return {
      {"render",
       "ISSUE_DIR",
       "lay out an issue: PDF, PNG previews, contact sheet, report.json",
       "Writes OUT/<issue>.pdf, a PNG preview per page (OUT/<issue>-p01.png …), a contact\n"
       "sheet OUT/index.html and OUT/report.json; with --press, also one PDF/X file per page\n"
       "for the printing plant: OUT/press/<paper>-<date>-<page>.pdf, unless there are error\n"
       "findings. Each render replaces the whole of OUT at once (all the new files or, on\n"
       "any failure, all the previous ones); renders into the same OUT take turns.",
       {&kOut, &kDpi, &kNoPng, &kPages, &kProof, &kPress, &kPdfx, &kMarks, &kDespite, &kJobs,
        &kFonts, &kLayouts, &kQuiet, &kColor, &kFailOnWarnings, &kHelp},
       {"banmian render issues/hongqiao-2021-05-front",
        "banmian render issues/feature-demo -o /tmp/demo --pages B01,B03 --dpi 150",
        "banmian render issues/feature-demo --press --marks --proof"}},
      {"check",
       "ISSUE_DIR",
       "load, validate and compose an issue; report its findings",
       "Prints every page's grid (grid lines, columns, each slot's resolved area) to standard\n"
       "output, then the findings with their page and place and the copyfit of every module\n"
       "that does not fit exactly to standard error. Writes nothing, but with\n"
       "--write-templates: the auto pages' layouts as ordinary templates to adjust by hand.",
       {&kJson, &kWriteTemplates, &kJobs, &kFonts, &kLayouts, &kQuiet, &kColor, &kFailOnWarnings,
        &kHelp},
       {"banmian check issues/hongqiao-2021-05-front",
        "banmian check issues/feature-demo --json > report.json",
        "banmian check issues/feature-demo -q --fail-on-warnings",
        "banmian check issues/my-auto-issue --write-templates /tmp/templates"}},
      {"dump",
       "ISSUE_DIR",
       "print the composed pages as stable text (for layout tests)",
       "Prints the composed pages as a stable text dump, then every module's column ends.\n"
       "Writes nothing.",
       {&kJobs, &kFonts, &kLayouts, &kQuiet, &kColor, &kHelp},
       {"banmian dump issues/hongqiao-2021-05-front",
        "banmian dump issues/feature-demo > feature-demo.txt"}},
      {"watch",
       "ISSUE_DIR",
       "render an issue and serve a live preview that follows edits",
       "Renders the issue and serves a live preview on http://127.0.0.1:5178/ (only on this\n"
       "machine); renders again on every change to the issue's files, its paper's templates\n"
       "or its pictures, and the page refreshes itself. Writes nothing to disk. Ctrl-C stops.",
       {&kPort, &kDpi, &kJobs, &kFonts, &kLayouts, &kQuiet, &kColor, &kHelp},
       {"banmian watch issues/chunshen-2024-06-07",
        "banmian watch issues/feature-demo --port 0 --dpi 150"}},
      {"fonts",
       "",
       "list the configured font families and their files",
       "Lists every family of the font configuration (fonts.conf) with its styles and\n"
       "files, in name order. With --paper, also the styles of that paper that use each\n"
       "family; exits 1 naming any family the paper asks for that the configuration lacks.",
       {&kFonts, &kFontsPaper, &kLayouts, &kHelp},
       {"banmian fonts", "banmian fonts --paper shequchenbao",
        "banmian fonts --fonts /opt/fonts --paper mypaper --layouts ~/papers"}},
      {"new",
       "paper NAME | issue DIR",
       "make a new paper from a sample, or a new issue",
       "new paper NAME copies a sample paper's layout folder to LAYOUTS/NAME (LAYOUTS:\n"
       "--layouts, default ./layouts). new issue DIR writes DIR/issue.yaml and one article\n"
       "that renders, for the paper --paper (found as render finds it). Nothing is\n"
       "overwritten: when a file to be written exists, nothing is written.",
       {&kFrom, &kPaper, &kLayouts, &kHelp},
       {"banmian new paper mypaper --from shequchenbao",
        "banmian new issue issues/mypaper-2026-01-05 --paper mypaper",
        "banmian render issues/mypaper-2026-01-05"}},
      {"help",
       "[COMMAND]",
       "print the help of banmian or of a command",
       "The same as banmian --help, or banmian COMMAND --help.",
       {},
       {"banmian help", "banmian help render"}},
  };
}

}  // namespace

const std::vector<CommandSpec>& Commands() {
  static const std::vector<CommandSpec> commands = MakeCommands();
  return commands;
}

const CommandSpec* FindCommand(std::string_view name) {
  for (const CommandSpec& c : Commands())
    if (c.name == name) return &c;
  return nullptr;
}

const OptionSpec* FindOption(const CommandSpec& command, std::string_view word) {
  for (const OptionSpec* o : command.options)
    if (o->long_name == word || (!o->short_name.empty() && o->short_name == word)) return o;
  return nullptr;
}

std::string_view CommandWithOption(std::string_view word) {
  for (const CommandSpec& c : Commands())
    if (FindOption(c, word)) return c.name;
  return {};
}

}  // namespace banmian
