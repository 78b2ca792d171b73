// The folder `banmian check --write-templates DIR` writes: the auto pages' layouts as
// templates (preflight/auto_template.h), one file each. DIR must be new or empty; the files
// are written into a staging folder beside it, `.<DIR>.banmian-templates-XXXXXX`, that is
// then renamed to DIR in one step, so DIR holds either every file or none.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "preflight/auto_template.h"

namespace banmian {

// Why `dir` cannot take the templates (it exists and is not an empty folder), or nothing.
std::optional<std::string> TemplateFolderProblem(const std::string& dir);

// Writes each template as dir/<file_name>. False with `error` set, and dir as it was,
// when it cannot.
bool WriteTemplateFolder(const std::string& dir, const std::vector<WrittenTemplate>& templates,
                         std::string& error);

}  // namespace banmian
