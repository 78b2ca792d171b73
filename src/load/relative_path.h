// Paths relative to a folder, worked out on the text alone (no disk).
//
// An article names its pictures relative to its own Markdown file, as editors' previews
// (VS Code, Typora) find them; banmian checks them against the issue folder
// (load/contained_path.h). These helpers turn one form into the other for the messages
// and for the file names the report gives: "articles/../pictures/a.jpg" is
// "pictures/a.jpg", and from "articles" that picture is "../pictures/a.jpg".
#pragma once

#include <string>

namespace banmian {

// `rel` with "." and empty parts dropped and "x/.." pairs taken out; leading ".." parts
// stay ("../a" stays "../a"). "" for the folder itself.
std::string NormalPath(const std::string& rel);

// The folder part of a relative path ("articles/a.md" -> "articles", "a.md" -> "").
std::string FolderOf(const std::string& rel);

// `a` then `b`, as one relative path ("" + "x" -> "x"); `b` itself when it is absolute
// ("/etc/x") or empty.
std::string JoinRelative(const std::string& a, const std::string& b);

// How `target` is written from inside `folder`, both relative to the same folder and
// normal: ("pictures/a.jpg", "articles") -> "../pictures/a.jpg".
std::string RelativeFrom(const std::string& target, const std::string& folder);

// `file`'s path relative to `folder` when `file` was made as JoinPath(folder, rel);
// otherwise its last part.
std::string PathUnder(const std::string& file, const std::string& folder);

}  // namespace banmian
