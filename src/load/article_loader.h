// Loading an article file: YAML front matter and a light-Markdown body.
//
// ParseArticle works on text (tests never touch the disk): it splits the front
// matter off, reads its keys strictly, parses the body with cmark-gfm (CommonMark and
// GitHub's pipe tables, with a caption paragraph 表：… and {cols=N} after a table) and
// turns it into Blocks. Markdown the newspaper has no place for (lists, links, code, HTML,
// # and ## headings, and what would print as literal characters or drop: rows of pipes
// that are no table, ~~strikes~~, footnotes, reference definitions) is an error at its
// line rather than
// being dropped or printed. A picture's {…} attributes give its columns, place, size
// and focal point. Picture files are named relative to the Markdown file (the issue
// folder's rule of old is still followed, with a warning), kept inside the issue folder,
// and their headers checked.
#pragma once

#include <optional>
#include <string>

#include "model/article.h"
#include "model/diagnostic.h"

namespace banmian {

std::optional<Article> ParseArticle(const std::string& id, const std::string& file,
                                    const std::string& text, const std::string& issue_dir,
                                    Diagnostics& diags);

std::optional<Article> LoadArticle(const std::string& id, const std::string& file,
                                   const SourcePos& referenced_from, const std::string& issue_dir,
                                   Diagnostics& diags);

}  // namespace banmian
