#include "cli/fonts_command.h"

#include <fontconfig/fontconfig.h>

#include <map>
#include <ostream>
#include <set>

#include "cli/diagnostic_text.h"
#include "cli/help_text.h"
#include "cli/paper_folder.h"
#include "load/layout_loader.h"
#include "load/text_file.h"
#include "model/terminal_text.h"
#include "text/font_set.h"

namespace banmian {

namespace {

struct Face {
  std::string style, file;
  int index = 0;
  bool operator<(const Face& o) const {
    return std::tie(file, index, style) < std::tie(o.file, o.index, o.style);
  }
};

std::string Text(FcPattern* p, const char* object) {
  FcChar8* s = nullptr;
  return FcPatternGetString(p, object, 0, &s) == FcResultMatch ? reinterpret_cast<char*>(s) : "";
}

// family → faces, from the configuration `conf`; false when it cannot be loaded.
bool ListFamilies(const std::string& conf, std::map<std::string, std::set<Face>>& families) {
  FcConfig* config = FcConfigCreate();
  if (!FcConfigParseAndLoad(config, reinterpret_cast<const FcChar8*>(conf.c_str()), FcTrue) ||
      !FcConfigBuildFonts(config)) {
    FcConfigDestroy(config);
    return false;
  }
  FcPattern* pattern = FcPatternCreate();
  FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, FC_STYLE, FC_FILE, FC_INDEX, nullptr);
  FcFontSet* set = FcFontList(config, pattern, objects);
  for (int i = 0; set && i < set->nfont; ++i) {
    FcPattern* p = set->fonts[i];
    int index = 0;
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    families[Text(p, FC_FAMILY)].insert({Text(p, FC_STYLE), Text(p, FC_FILE), index});
  }
  if (set) FcFontSetDestroy(set);
  FcObjectSetDestroy(objects);
  FcPatternDestroy(pattern);
  FcConfigDestroy(config);
  return true;
}

}  // namespace

int RunFontsCommand(const Arguments& args, std::ostream& out, std::ostream& err) {
  if (!args.operands.empty()) {
    err << UsageErrorText("fonts", "fonts takes no folder ('" + args.operands[0] + "')");
    return 2;
  }
  const std::string* fonts = args.Value("--fonts");
  const std::string conf = JoinPath(fonts ? *fonts : DefaultFontsDir(), "fonts.conf");
  if (!FileExists(conf)) {
    err << "banmian: the font configuration '" << TerminalText(conf) << "' does not exist\n";
    return 2;
  }
  std::map<std::string, std::set<Face>> families;
  if (!ListFamilies(conf, families)) {
    err << "banmian: the font configuration '" << TerminalText(conf) << "' could not be loaded\n";
    return 2;
  }
  // The paper's styles by family: "body", "headline (bold)".
  std::map<std::string, std::vector<std::string>> styles;
  std::string paper_name;
  if (const std::string* name = args.Value("--paper")) {
    const std::string* layouts = args.Value("--layouts");
    const std::string dir = FindPaperFolder(*name, layouts ? *layouts : "");
    if (dir.empty()) {
      err << "banmian: there is no paper '" << TerminalText(*name) << "' (in "
          << TerminalText(layouts ? *layouts : "layouts") << " or banmian's samples)\n";
      return 2;
    }
    Diagnostics diags;
    std::optional<Paper> paper = LoadPaper(dir, *name, {}, diags);
    for (const Diagnostic& d : diags.items()) err << DiagnosticText(d, false);
    if (!paper) return 2;
    paper_name = *name;
    for (const auto& [style_name, style] : paper->styles)
      styles[style.family].push_back(style_name + (style.bold ? " (bold)" : ""));
  }
  out << "fonts.conf: " << TerminalText(conf) << "\n";
  for (const auto& [family, faces] : families) {
    out << TerminalText(family) << "\n";
    for (const Face& f : faces)
      out << "  " << TerminalText(f.style) << ": " << TerminalText(f.file)
          << (f.index ? " (face " + std::to_string(f.index) + ")" : "") << "\n";
    if (auto it = styles.find(family); it != styles.end()) {
      out << "  used by " << TerminalText(paper_name) << ":";
      for (const std::string& s : it->second) out << " " << TerminalText(s);
      out << "\n";
    }
  }
  int status = 0;
  for (const auto& [family, names] : styles)
    if (!families.contains(family)) {
      err << "banmian: paper '" << TerminalText(paper_name) << "' names the family '"
          << TerminalText(family) << "', which the font configuration lacks (styles:";
      for (const std::string& s : names) err << " " << TerminalText(s);
      err << ")\n";
      status = 1;
    }
  return status;
}

}  // namespace banmian
