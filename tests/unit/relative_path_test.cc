#include "load/relative_path.h"

#include <doctest/doctest.h>

using namespace banmian;

TEST_CASE("relative path: normal form drops '.', empty parts and 'x/..' pairs") {
  CHECK(NormalPath("articles/../pictures/a.jpg") == "pictures/a.jpg");
  CHECK(NormalPath("./pictures//a.jpg") == "pictures/a.jpg");
  CHECK(NormalPath("../a.jpg") == "../a.jpg");
  CHECK(NormalPath("a/../../b") == "../b");
  CHECK(NormalPath("a/..") == "");
}

TEST_CASE("relative path: a picture of the issue folder as written from an article's folder") {
  CHECK(RelativeFrom("pictures/a.jpg", "articles") == "../pictures/a.jpg");
  CHECK(RelativeFrom("pictures/a.jpg", "") == "pictures/a.jpg");
  CHECK(RelativeFrom("articles/img/a.jpg", "articles") == "img/a.jpg");
  CHECK(RelativeFrom("pictures/a.jpg", "news/2024") == "../../pictures/a.jpg");
  CHECK(RelativeFrom("./pictures/a.jpg", "articles/") == "../pictures/a.jpg");
}

TEST_CASE("relative path: folder, joining, and a file's path under its folder") {
  CHECK(FolderOf("articles/a.md") == "articles");
  CHECK(FolderOf("a.md") == "");
  CHECK(JoinRelative("articles", "../pictures/a.jpg") == "articles/../pictures/a.jpg");
  CHECK(JoinRelative("", "a.jpg") == "a.jpg");
  CHECK(JoinRelative("articles", "/etc/hostname") == "/etc/hostname");  // refused as absolute
  CHECK(JoinRelative("articles", "") == "");
  CHECK(PathUnder("issues/x/articles/a.md", "issues/x") == "articles/a.md");
  CHECK(PathUnder("issues/x/articles/a.md", "issues/x/") == "articles/a.md");
  CHECK(PathUnder("articles/a.md", "") == "articles/a.md");
  CHECK(PathUnder("elsewhere/a.md", "issues/x") == "a.md");
}
