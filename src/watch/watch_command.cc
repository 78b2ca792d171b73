#include "watch/watch_command.h"

#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <set>

#include "cli/diagnostic_text.h"
#include "model/terminal_text.h"
#include "watch/file_watcher.h"
#include "watch/preview_server.h"
#include "watch/watch_session.h"

namespace banmian {

namespace {

using Clock = std::chrono::steady_clock;

std::string AbsolutePath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(path, ec);
  return ec ? path : p.lexically_normal().string();
}

int MillisecondsLeft(Clock::time_point until) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

// What one render did, in one line (and its errors below it).
void Say(const PreviewState& state, bool quiet, bool colour, std::ostream& err) {
  if (state.failed) {
    err << "banmian watch: render " << state.render << " stopped on " << state.errors.size()
        << (state.errors.size() == 1 ? " error" : " errors")
        << (state.pages.empty() ? "; no pages yet" : "; the last good pages stay") << "\n";
    for (const PreviewError& e : state.errors)
      err << DiagnosticText({Severity::kError, e.code, {e.file, e.line, e.col}, e.message, e.hint},
                            colour);
    err.flush();
    return;
  }
  if (quiet) return;
  int error_findings = 0;
  for (const PreviewPage& p : state.pages)
    for (const PreviewFinding& f : p.findings) error_findings += f.severity == "error";
  err << "banmian watch: render " << state.render << " in " << static_cast<long>(state.milliseconds)
      << " ms: " << state.composed << (state.composed == 1 ? " article" : " articles")
      << " composed, " << state.reused << " kept; " << state.painted
      << (state.painted == 1 ? " page" : " pages") << " painted";
  std::string changed;
  for (const PreviewPage& p : state.pages)
    if (p.changed) changed += (changed.empty() ? "" : ", ") + p.label;
  if (!changed.empty() && state.painted < static_cast<int>(state.pages.size()))
    err << " (" << TerminalText(changed) << ")";
  if (error_findings) err << "; " << error_findings << " error findings";
  err << " [";
  for (size_t i = 0; i < state.stages.size(); ++i)
    err << (i ? " " : "") << state.stages[i].first << " "
        << static_cast<long>(state.stages[i].second + 0.5);
  err << "]\n";
  for (const PreviewError& e : state.errors)
    err << "banmian watch: " << TerminalText(e.message) << "\n";
  err.flush();
}

}  // namespace

int RunWatch(const WatchOptions& options, std::ostream& out, std::ostream& err) {
  // SIGINT and SIGTERM are read from a descriptor by this thread; every thread started
  // from here on (the server's, the painters') inherits them blocked.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigset_t old_mask;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);
  struct Restore {
    sigset_t mask;
    int fd;
    ~Restore() {
      if (fd >= 0) ::close(fd);
      pthread_sigmask(SIG_SETMASK, &mask, nullptr);
    }
  } restore{old_mask, ::signalfd(-1, &stop_signals, SFD_CLOEXEC | SFD_NONBLOCK)};
  // A browser that goes away mid-answer is not a reason to stop.
  ::signal(SIGPIPE, SIG_IGN);
  if (restore.fd < 0) {
    err << "banmian watch: cannot wait for signals: " << std::strerror(errno) << "\n";
    return kExitBadInput;
  }

  // A layouts folder that is not there cannot be fixed by editing the issue.
  if (!options.run.layouts_dir.empty() && !std::filesystem::is_directory(options.run.layouts_dir)) {
    err << "banmian watch: the layouts folder '" << TerminalText(options.run.layouts_dir)
        << "' does not exist\n";
    return kExitBadInput;
  }
  std::string error;
  std::unique_ptr<FileWatcher> watcher = FileWatcher::Create(error);
  if (!watcher) {
    err << "banmian watch: " << error << "\n";
    return kExitBadInput;
  }
  Diagnostics diags;
  std::unique_ptr<WatchSession> session = WatchSession::Create(options.run, diags);
  if (!session) {
    for (const Diagnostic& d : diags.items()) err << DiagnosticText(d, options.colour);
    err << "banmian watch: the fonts could not be loaded\n";
    return kExitBadInput;
  }
  std::unique_ptr<PreviewServer> server = PreviewServer::Start(options.port, error);
  if (!server) {
    err << "banmian watch: " << error << "\n"
        << "  use --port N for another port, or --port 0 for any free one\n";
    return kExitBadInput;
  }

  // After a render, what it read is watched; a folder that is gone (the issue folder
  // deleted, to be copied back) is awaited. Whether folders appeared or inputs changed
  // while the watches were being set: then the render is out of date already.
  auto watch = [&] {
    std::vector<std::string> awaited;
    for (const std::string& root : session->roots())
      if (RealPath(root).empty()) awaited.push_back(AbsolutePath(root));
    std::set<std::string> inputs;
    for (const auto& [file, hash] : session->inputs().files) inputs.insert(file);
    std::string problem;
    if (!watcher->Watch(session->folders(), inputs, awaited, problem))
      err << "banmian watch: " << problem << "\n";
    return session->FoldersChanged() || session->InputsChanged();
  };
  auto render = [&] {
    std::shared_ptr<const PreviewState> state = session->Render();
    server->Publish(state);
    Say(*state, options.quiet, options.colour, err);
    return state;
  };
  {
    std::shared_ptr<const PreviewState> first = session->Render();
    // A folder that is not an issue (no issue.yaml, or one that cannot be read) is refused
    // as render refuses it, and so is a --dpi too high for its pages; an input error in an
    // issue is for the editor to fix.
    bool refused = first->failed && !session->ReadIssueFile();
    // A --dpi too high for the pages: the option is wrong, not the issue.
    for (const PreviewError& e : first->errors) refused = refused || e.code == "dpi-too-high";
    if (refused) {
      for (const Diagnostic& d : session->last_result().diagnostics.items())
        err << DiagnosticText(d, options.colour);
      err << "banmian watch: '" << TerminalText(options.run.issue_dir) << "': nothing to preview\n";
      server->Stop();
      return kExitBadInput;
    }
    server->Publish(first);
    Say(*first, options.quiet, options.colour, err);
  }
  while (watch()) render();
  out << "banmian watch: serving " << server->address() << " (Ctrl-C to stop)" << std::endl;

  pollfd fds[2] = {{watcher->fd(), POLLIN, 0}, {restore.fd, POLLIN, 0}};
  // The signal is read, so it is no longer pending when the mask is put back.
  auto take_signal = [&] {
    signalfd_siginfo info;
    return ::read(restore.fd, &info, sizeof info) == static_cast<ssize_t>(sizeof info);
  };
  for (;;) {
    if (::poll(fds, 2, -1) < 0 && errno != EINTR) break;
    if (fds[1].revents && take_signal()) break;
    if (!(fds[0].revents & POLLIN) || !watcher->Drain()) continue;
    // A change: wait for the folders to be quiet, so a burst is rendered once.
    const Clock::time_point most = Clock::now() + std::chrono::milliseconds(kMostWaitMs);
    bool stop = false;
    for (;;) {
      const int wait = std::min(kQuietMs, MillisecondsLeft(most));
      if (wait == 0) break;
      fds[0].revents = fds[1].revents = 0;
      const int ready = ::poll(fds, 2, wait);
      if (ready < 0 && errno != EINTR) break;
      if (fds[1].revents && take_signal()) {
        stop = true;
        break;
      }
      if (ready == 0) break;  // quiet
      watcher->Drain();
    }
    if (stop) break;
    // Changes made while it rendered are rendered once more (a change of an input, a new
    // file or folder: the file watcher tells which events are changes).
    do {
      render();
    } while (watch() || watcher->Drain());
  }
  out << "banmian watch: stopped" << std::endl;
  server->Stop();
  return kExitClean;
}

}  // namespace banmian
