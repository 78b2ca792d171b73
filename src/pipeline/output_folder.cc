#include "pipeline/output_folder.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

#include "base/new_file.h"
#include "base/parallel.h"
#include "base/read_file.h"
#include "base/remove_tree.h"
#include "base/sha256.h"

namespace banmian {

namespace {

constexpr const char* kStageMark = ".banmian-stage-";
constexpr const char* kOldMark = ".banmian-old-";
constexpr const char* kLockMark = ".banmian-lock";

std::string StripSlashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string DirName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::optional<std::string> RealPath(const std::string& path) {
  char buffer[PATH_MAX];
  if (!::realpath(path.c_str(), buffer)) return std::nullopt;
  return std::string(buffer);
}

std::string CurrentFolder() {
  char buffer[PATH_MAX];
  return ::getcwd(buffer, sizeof buffer) ? std::string(buffer) : std::string("/");
}

// `path` made absolute with its links resolved as far as it exists; the components that
// do not exist yet are appended as written (".." taking one off).
std::string Resolve(const std::string& path) {
  const std::string absolute = path.starts_with("/") ? path : CurrentFolder() + "/" + path;
  std::vector<std::string> parts;
  for (size_t start = 0; start <= absolute.size();) {
    size_t end = absolute.find('/', start);
    if (end == std::string::npos) end = absolute.size();
    if (end > start) parts.push_back(absolute.substr(start, end - start));
    start = end + 1;
  }
  // The longest prefix that exists, resolved by realpath.
  size_t existing = parts.size();
  std::string resolved = "/";
  for (; existing > 0; --existing) {
    std::string prefix;
    for (size_t i = 0; i < existing; ++i) prefix += "/" + parts[i];
    if (auto real = RealPath(prefix)) {
      resolved = *real;
      break;
    }
  }
  for (size_t i = existing; i < parts.size(); ++i) {
    if (parts[i] == ".") continue;
    if (parts[i] == "..") {
      resolved = DirName(resolved);
      continue;
    }
    resolved = resolved == "/" ? "/" + parts[i] : resolved + "/" + parts[i];
  }
  return resolved;
}

// True when `folder` is `path` or one of the folders above it.
bool Holds(const std::string& folder, const std::string& path) {
  if (folder == "/") return true;
  return path == folder || path.starts_with(folder + "/");
}

bool MakeDirs(const std::string& path, std::string& error) {
  std::string partial;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      if (!partial.empty() && ::mkdir(partial.c_str(), 0777) != 0 && errno != EEXIST) {
        error = SystemError("cannot create folder", partial, errno);
        return false;
      }
    }
    if (i < path.size()) partial += path[i];
  }
  return true;
}

// What is below `folder`: regular files and folders by relative name; anything else
// (a link, a device, a pipe) in `others`.
struct Listing {
  std::vector<std::string> files, folders, others;
};

bool List(const std::string& folder, const std::string& prefix, Listing& out, std::string& error) {
  DIR* dir = ::opendir(folder.c_str());
  if (!dir) {
    error = SystemError("cannot read folder", folder, errno);
    return false;
  }
  std::vector<std::string> names;
  while (dirent* e = ::readdir(dir))
    if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
      names.push_back(e->d_name);
  ::closedir(dir);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    const std::string path = folder + "/" + name, rel = prefix + name;
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0) {
      error = SystemError("cannot read", path, errno);
      return false;
    }
    if (S_ISREG(st.st_mode)) {
      out.files.push_back(rel);
    } else if (S_ISDIR(st.st_mode)) {
      out.folders.push_back(rel);
      if (!List(path, rel + "/", out, error)) return false;
    } else {
      out.others.push_back(rel);
    }
  }
  return true;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A file an earlier banmian wrote, which kept no manifest: the issue's PDF and previews
// (plain or proof), the contact sheet, the report, press PDFs, and the temporary files
// (`name.tmp-PID`) that killed runs of it left.
bool EarlierBanmianFile(std::string rel, const std::string& issue) {
  if (const size_t tmp = rel.rfind(".tmp-");
      tmp != std::string::npos && AllDigits(std::string_view(rel).substr(tmp + 5)))
    rel.resize(tmp);
  if (rel.starts_with("press/"))
    return rel.find('/', 6) == std::string::npos && rel.ends_with(".pdf") && rel.size() > 10;
  if (rel.find('/') != std::string::npos) return false;
  if (rel == "index.html" || rel == "report.json") return true;
  for (const std::string& stem : {issue, issue + "-proof"}) {
    if (rel == stem + ".pdf") return true;
    if (rel.starts_with(stem + "-p") && rel.ends_with(".png") &&
        AllDigits(std::string_view(rel).substr(stem.size() + 2, rel.size() - stem.size() - 2 - 4)))
      return true;
  }
  return false;
}

// The first thing in `out` (listed in `listing`) that banmian did not write, if any.
std::optional<std::string> ForeignEntry(const std::string& out, const Listing& listing,
                                        const std::string& issue) {
  if (!listing.others.empty()) return listing.others.front();
  std::optional<std::vector<std::string>> names;
  if (std::find(listing.files.begin(), listing.files.end(), kManifestName) != listing.files.end()) {
    auto text = ReadFileBytes(out + "/" + kManifestName);
    if (text) names = ManifestNames(*text);
    if (!names) return std::string(kManifestName);  // not banmian's manifest
  }
  if (!names) {
    for (const std::string& f : listing.files)
      if (!EarlierBanmianFile(f, issue)) return f;
    for (const std::string& d : listing.folders)
      if (d != "press") return d;
    return std::nullopt;
  }
  const std::set<std::string> listed(names->begin(), names->end());
  for (const std::string& f : listing.files)
    if (f != kManifestName && !listed.contains(f)) return f;
  for (const std::string& d : listing.folders) {
    auto after = listed.lower_bound(d + "/");
    if (after == listed.end() || !after->starts_with(d + "/")) return d;
  }
  return std::nullopt;
}

// A fresh folder `prefix`XXXXXX, made exclusively (mode 0700).
std::optional<std::string> MakeUniqueFolder(const std::string& prefix, std::string& error) {
  std::string name = prefix + "XXXXXX";
  if (!::mkdtemp(name.data())) {
    error = SystemError("cannot create folder", name, errno);
    return std::nullopt;
  }
  return name;
}

unsigned CurrentUmask() {
  const mode_t mask = ::umask(022);
  ::umask(mask);
  return mask;
}

}  // namespace

std::optional<std::vector<std::string>> ManifestNames(const std::string& text) {
  std::vector<std::string> names;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    if (line.size() < 67 || line.substr(64, 2) != "  ") return std::nullopt;
    for (char c : line.substr(0, 64))
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
    names.emplace_back(line.substr(66));
  }
  return names;
}

std::optional<std::string> ManifestOf(const std::string& folder, int jobs, std::string& error) {
  Listing listing;
  if (!List(folder, "", listing, error)) return std::nullopt;
  if (!listing.others.empty()) {
    error = "'" + folder + "/" + listing.others.front() + "' is not a file or a folder";
    return std::nullopt;
  }
  std::erase(listing.files, std::string(kManifestName));
  std::vector<std::string> hashes(listing.files.size());
  ParallelFor(listing.files.size(), jobs, [&](size_t i, int) {
    if (auto bytes = ReadFileBytes(folder + "/" + listing.files[i])) hashes[i] = Sha256Hex(*bytes);
  });
  std::string text = "# The files banmian wrote into this folder; check them with: sha256sum -c " +
                     std::string(kManifestName) + "\n";
  for (size_t i = 0; i < listing.files.size(); ++i) {
    if (hashes[i].empty()) {
      error = "cannot read '" + folder + "/" + listing.files[i] + "'";
      return std::nullopt;
    }
    text += hashes[i] + "  " + listing.files[i] + "\n";
  }
  return text;
}

std::unique_ptr<OutputFolder> OutputFolder::Open(const OutputRequest& request,
                                                 std::optional<OutputError>& error) {
  const std::string shown = StripSlashes(request.out);
  auto fail = [&](std::string code, std::string message, std::string hint = "") {
    error = OutputError{std::move(code), std::move(message), std::move(hint)};
    return nullptr;
  };
  if (shown.empty()) return fail("write-failed", "no output folder given");
  std::unique_ptr<OutputFolder> folder(new OutputFolder());
  folder->out_ = Resolve(shown);
  const std::string& out = folder->out_;
  const std::string own_folder_hint =
      "banmian replaces the whole output folder on each render: give it a folder of its own, "
      "such as out/" +
      request.issue_name;
  if (out == "/")
    return fail("output-is-input", "the output folder '" + shown + "' is the root folder",
                own_folder_hint);
  const std::string cwd = CurrentFolder();
  if (Holds(out, cwd))
    return fail("output-is-input",
                "the output folder '" + shown + "' is " +
                    (out == cwd ? "the current folder" : "a folder above the current folder"),
                own_folder_hint);
  for (const std::string& input : request.inputs) {
    auto real = RealPath(input);
    if (real && Holds(out, *real))
      return fail("output-is-input",
                  "the output folder '" + shown + "' " + (out == *real ? "is" : "holds") +
                      " the input folder '" + input + "'",
                  own_folder_hint);
  }
  folder->parent_ = DirName(out);
  folder->base_ = BaseName(out);
  std::string message;
  if (!MakeDirs(folder->parent_, message)) return fail("write-failed", message);

  // The lock: renders into the same OUT take turns.
  const std::string lock = folder->parent_ + "/." + folder->base_ + kLockMark;
  folder->lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (folder->lock_fd_ < 0)
    return fail("write-failed", SystemError("cannot open the lock file", lock, errno));
  if (::flock(folder->lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) return fail("write-failed", SystemError("cannot lock", lock, errno));
    if (request.on_wait)
      request.on_wait("waiting for another banmian to finish writing '" + shown + "'");
    int status;
    while ((status = ::flock(folder->lock_fd_, LOCK_EX)) != 0 && errno == EINTR) {
    }
    if (status != 0) return fail("write-failed", SystemError("cannot lock", lock, errno));
  }

  // What killed runs left beside OUT: staging folders, and the previous set of a swap
  // that was not finished (put back as OUT if OUT is missing).
  struct stat st;
  bool out_exists = ::lstat(out.c_str(), &st) == 0;
  if (DIR* dir = ::opendir(folder->parent_.c_str())) {
    std::vector<std::string> stale;
    const std::string stage_prefix = "." + folder->base_ + kStageMark,
                      old_prefix = "." + folder->base_ + kOldMark;
    while (dirent* e = ::readdir(dir)) {
      const std::string name = e->d_name;
      if ((name.starts_with(stage_prefix) && name.size() == stage_prefix.size() + 6) ||
          (name.starts_with(old_prefix) && name.size() == old_prefix.size() + 6))
        stale.push_back(name);
    }
    ::closedir(dir);
    std::sort(stale.begin(), stale.end());
    for (const std::string& name : stale) {
      const std::string path = folder->parent_ + "/" + name;
      if (!out_exists && name.starts_with(old_prefix) && ::rename(path.c_str(), out.c_str()) == 0) {
        out_exists = ::lstat(out.c_str(), &st) == 0;
        continue;
      }
      if (!RemoveTree(path, message)) return fail("write-failed", message);
    }
  }

  // OUT: new, or a folder holding only banmian's files.
  folder->out_existed_ = out_exists;
  if (out_exists) {
    if (!S_ISDIR(st.st_mode))
      return fail("write-failed", "the output folder '" + shown + "' is not a folder");
    Listing listing;
    if (!List(out, "", listing, message)) return fail("write-failed", message);
    auto foreign = ForeignEntry(out, listing, request.issue_name);
    if (foreign)
      return fail("output-not-banmian",
                  "'" + shown + "/" + *foreign + "' was not written by banmian",
                  "banmian replaces the whole output folder on each render: move it out of '" +
                      shown + "', or render into another folder");
    folder->out_mode_ = st.st_mode & 07777;
  } else {
    folder->out_mode_ = 0777 & ~CurrentUmask();
  }
  auto staging = MakeUniqueFolder(folder->parent_ + "/." + folder->base_ + kStageMark, message);
  if (!staging) return fail("write-failed", message);
  folder->staging_ = *staging;
  return folder;
}

OutputFolder::~OutputFolder() {
  std::string ignored;
  if (!committed_ && !staging_.empty()) RemoveTree(staging_, ignored);
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

bool OutputFolder::Commit(int jobs, std::string& error) {
  auto manifest = ManifestOf(staging_, jobs, error);
  if (!manifest || !WriteNewFile(staging_ + "/" + kManifestName, *manifest, error)) return false;
  if (::chmod(staging_.c_str(), out_mode_) != 0) {
    error = SystemError("cannot set the permissions of", staging_, errno);
    return false;
  }
  if (out_existed_) {
    // One atomic exchange: OUT is the new set, the staging name holds the previous one.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) == 0) {
      committed_ = true;
      std::string ignored;  // a previous set left behind is removed by the next run
      RemoveTree(staging_, ignored);
      return true;
    }
    if (errno != EINVAL && errno != ENOSYS) {
      error = SystemError("cannot put the new files in place as", out_, errno);
      return false;
    }
    // A file system without exchange: two renames. Should the run stop between them, the
    // next run finds OUT missing and puts the previous set back.
    auto old = MakeUniqueFolder(parent_ + "/." + base_ + kOldMark, error);
    if (!old) return false;
    if (::rename(out_.c_str(), old->c_str()) != 0) {
      error = SystemError("cannot move the previous files aside from", out_, errno);
      ::rmdir(old->c_str());
      return false;
    }
    if (::rename(staging_.c_str(), out_.c_str()) != 0) {
      error = SystemError("cannot put the new files in place as", out_, errno);
      ::rename(old->c_str(), out_.c_str());
      return false;
    }
    committed_ = true;
    std::string ignored;
    RemoveTree(*old, ignored);
    return true;
  }
  if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_NOREPLACE) != 0 &&
      (errno != EINVAL || ::rename(staging_.c_str(), out_.c_str()) != 0)) {
    error = SystemError("cannot put the new files in place as", out_, errno);
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace banmian
