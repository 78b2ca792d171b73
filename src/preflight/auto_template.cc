#include "preflight/auto_template.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <set>

#include "layout/auto_measure.h"

namespace banmian {

namespace {

// A label as part of a file name: letters, digits, - and _ kept, anything else _.
std::string FileSafe(const std::string& text) {
  std::string out;
  for (unsigned char c : text)
    out += (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
                   c == '_'
               ? static_cast<char>(c)
               : '_';
  return out;
}

const PageSpec* SpecOf(const Issue& issue, const AutoPageRecord& r) {
  for (const PageSpec& spec : issue.pages)
    if (!spec.stories.empty() && spec.stories_pos.line == r.pos.line &&
        spec.stories_pos.col == r.pos.col && spec.stories_pos.file == r.pos.file)
      return &spec;
  return nullptr;
}

std::string Emit(const YAML::Node& node) {
  YAML::Emitter e;
  e.SetIndent(2);
  e << node;
  return e.c_str();
}

}  // namespace

std::optional<std::vector<WrittenTemplate>> AutoTemplates(const Issue& issue,
                                                          const LayoutReport& layout,
                                                          std::string& error) {
  std::vector<WrittenTemplate> out;
  std::set<std::string> names;
  for (const AutoPageRecord& r : layout.auto_pages) {
    if (r.layouts.empty()) continue;
    const PageSpec* spec = SpecOf(issue, r);
    if (!spec) continue;
    const auto found = issue.paper.templates.find(spec->template_name);
    if (found == issue.paper.templates.end() || !found->second.body) continue;
    const PageTemplate& tmpl = found->second;
    YAML::Node doc;
    try {
      doc = YAML::LoadFile(tmpl.file);
    } catch (const YAML::Exception& e) {
      error = "cannot read the template '" + tmpl.file + "' again: " + e.what();
      return std::nullopt;
    }
    if (!doc.IsMap()) {
      error = "the template '" + tmpl.file + "' is no longer a mapping";
      return std::nullopt;
    }
    doc.remove("body");
    YAML::Node slots = doc["slots"];
    if (!slots.IsMap()) slots = YAML::Node(YAML::NodeType::Map);
    YAML::Node assign(YAML::NodeType::Map);
    assign.SetStyle(YAML::EmitterStyle::Flow);
    for (const AutoModule& m : r.layouts.front().modules) {
      const AutoStory& story = r.stories[m.story];
      const Slot slot = AutoSlot(StorySlotName(tmpl, story.id), m, story.shapes[m.shape],
                                 *tmpl.body, issue.paper.auto_layout, issue.paper);
      YAML::Node area(YAML::NodeType::Map);
      area.SetStyle(YAML::EmitterStyle::Flow);
      area["col"] = slot.geometry.col + 1;
      area["cols"] = slot.geometry.cols;
      area["row"] = slot.geometry.row + 1;
      area["rows"] = slot.geometry.rows;
      YAML::Node s(YAML::NodeType::Map);
      s["area"] = area;
      s["headline_style"] = slot.headline_style;
      if (slot.picture_columns > 0) {
        s["picture_cols"] = slot.picture_columns;
        s["picture_above_headline"] = slot.picture_above_headline;
      }
      if (slot.picture_trim > 0) s["picture_trim"] = slot.picture_trim;
      if (slot.boxed) s["boxed"] = true;
      if (slot.vertical_headline) s["vertical_headline"] = true;
      slots[slot.name] = s;
      if (story.continuation) {
        YAML::Node c(YAML::NodeType::Map);
        c.SetStyle(YAML::EmitterStyle::Flow);
        c["continues"] = story.id;
        assign[slot.name] = c;
      } else {
        assign[slot.name] = story.id;
      }
    }
    doc["slots"] = slots;
    WrittenTemplate w;
    w.page = r.page;
    w.label = r.label;
    w.name = tmpl.name + "-" + FileSafe(r.label);
    if (!names.insert(w.name).second) {
      w.name += "-p" + std::to_string(r.page);
      names.insert(w.name);
    }
    w.file_name = w.name + ".yaml";
    w.yaml =
        "# Page " + r.label + " as automatic layout set it (template " + tmpl.name + ", cost " +
        [&] {
          char buf[32];
          std::snprintf(buf, sizeof buf, "%g", r.layouts.front().cost);
          return std::string(buf);
        }() +
        "), written by banmian check --write-templates to adjust by hand.\n" + Emit(doc) + "\n";
    w.issue_lines = "template: " + w.name + "\nslots: " + Emit(assign) + "\n";
    if (!spec->slots.empty())
      w.issue_lines += "# with the page's own slots (" + std::to_string(spec->slots.size()) +
                       ") in the same mapping\n";
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace banmian
