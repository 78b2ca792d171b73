// The live preview's HTTP server: the preview page, its state, the pages' pictures and a
// stream of server-sent events, on 127.0.0.1 only, through cpp-httplib (Debian's
// libcpp-httplib-dev: no HTTP parsing of banmian's own).
//
// It serves only what the watch session made, from memory, by exact address: `/` (the page,
// watch/preview_page.h), `/state.json` (watch/preview_state.h), `/page/<n>.png` (page n's
// latest picture; a query such as ?v=3 is ignored, so the page can ask for a fresh one) and
// `/events` (text/event-stream: an `event: rendered` with the render's number whenever a
// render finishes, and once on connecting). Nothing maps an address to a file, so no
// address (`..`, `%2e%2e`, `//etc/passwd`, `/index.html`) reaches one: every other address
// is 404. Only GET and HEAD are answered (405), and only requests whose Host is this
// server's address (watch/preview_host.h; 403 otherwise), so a web page elsewhere cannot
// read the preview through a name it points at 127.0.0.1. An event stream holds one of the
// server's threads while it is open: at most 32 are open at once (beyond, /events answers
// 503 with a `retry:` line and Retry-After), and there are threads to spare beyond those,
// so the page, its state and its pictures are always answered. Every answer is whole:
// Range is ignored (Accept-Ranges: none).
#pragma once

#include <memory>
#include <string>

#include "watch/preview_state.h"

namespace banmian {

class PreviewServer {
 public:
  // Listens on 127.0.0.1:`port` (0: a free port the system picks). Nothing when it cannot,
  // with `error` saying why ("port 5178 on 127.0.0.1 is in use …").
  static std::unique_ptr<PreviewServer> Start(int port, std::string& error);
  // Stops (as Stop does).
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  int port() const { return port_; }
  // "http://127.0.0.1:<port>/"
  std::string address() const;
  // Serves `state` from now on and tells every event stream a render finished.
  void Publish(std::shared_ptr<const PreviewState> state);
  // Ends the event streams, stops listening and waits for the server's threads.
  void Stop();

 private:
  struct Impl;
  explicit PreviewServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

}  // namespace banmian
