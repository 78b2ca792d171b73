#include "watch/preview_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

#include "watch/preview_host.h"
#include "watch/preview_page.h"

namespace banmian {

namespace {

constexpr int kMaxEventStreams = 32;
constexpr int kServerThreads = kMaxEventStreams + 16;
constexpr int kStreamRetryMs = 5000;

// Page n's address, "/page/<n>.png", n a plain whole number; 0 when `path` is not one.
int PageOfPath(const std::string& path) {
  const std::string head = "/page/", tail = ".png";
  if (path.size() <= head.size() + tail.size() || path.compare(0, head.size(), head) != 0 ||
      path.compare(path.size() - tail.size(), tail.size(), tail) != 0)
    return 0;
  const std::string digits = path.substr(head.size(), path.size() - head.size() - tail.size());
  if (digits.size() > 4 || digits[0] == '0') return 0;
  int n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

struct PreviewServer::Impl {
  httplib::Server server;
  std::thread thread;
  std::mutex mutex;
  std::condition_variable published;
  std::shared_ptr<const PreviewState> state;  // guarded by mutex
  bool stopping = false;                      // guarded by mutex
  int streams = 0;                            // event streams open; guarded by mutex
  int port = 0;

  std::shared_ptr<const PreviewState> Current() {
    std::lock_guard<std::mutex> lock(mutex);
    return state;
  }

  bool HostAllowed(const httplib::Request& req) const {
    return PreviewHostAllowed(req.get_header_value("Host"), port);
  }

  // The event stream: one event per finished render, a comment every 10 s to keep it open.
  // At most kMaxEventStreams at once (each holds a thread): beyond them, 503 with a
  // `retry:` line and Retry-After, and the page tries again later.
  void Events(httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (streams >= kMaxEventStreams) {
        res.status = 503;
        res.set_header("Retry-After", std::to_string(kStreamRetryMs / 1000));
        res.set_content("retry: " + std::to_string(kStreamRetryMs) +
                            "\n: too many event streams are open; try again later\n\n",
                        "text/event-stream");
        return;
      }
      ++streams;
    }
    res.set_chunked_content_provider(
        "text/event-stream",
        [this, sent = -1](size_t, httplib::DataSink& sink) mutable {
          std::unique_lock<std::mutex> lock(mutex);
          const auto now_render = [&] { return state ? state->render : 0; };
          if (sent == now_render() && !stopping)
            published.wait_for(lock, std::chrono::seconds(10),
                               [&] { return stopping || now_render() != sent; });
          if (stopping) return false;
          std::string event;
          if (now_render() != sent) {
            sent = now_render();
            event = "event: rendered\ndata: {\"render\":" + std::to_string(sent) +
                    ",\"failed\":" + (state && state->failed ? "true" : "false") + "}\n\n";
          } else {
            event = ": still watching\n\n";
          }
          lock.unlock();
          return sink.write(event.data(), event.size());
        },
        [this](bool) {
          std::lock_guard<std::mutex> lock(mutex);
          --streams;
        });
  }

  httplib::Server::HandlerResponse Route(const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    // Every answer is whole (200), whatever Range asks: httplib parsed the ranges into the
    // request before routing, and serves them unless they are cleared here (the request is
    // httplib's own, not const; only the handler's view of it is).
    const_cast<httplib::Request&>(req).ranges.clear();
    res.set_header("Accept-Ranges", "none");
    if (!HostAllowed(req)) {
      res.status = 403;
      res.set_content("forbidden: ask for this server by 127.0.0.1 or localhost\n", "text/plain");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD") {
      res.status = 405;
      res.set_header("Allow", "GET, HEAD");
      res.set_content("method not allowed\n", "text/plain");
      return httplib::Server::HandlerResponse::Handled;
    }
    const std::string& path = req.path;
    if (path == "/") {
      res.set_header("Cache-Control", "no-store");
      res.set_content(PreviewPageHtml(), "text/html; charset=utf-8");
    } else if (path == "/state.json") {
      std::shared_ptr<const PreviewState> now = Current();
      res.set_header("Cache-Control", "no-store");
      res.set_content(StateJson(now ? *now : PreviewState{}), "application/json");
    } else if (path == "/events") {
      Events(res);
    } else if (int n = PageOfPath(path); n > 0) {
      std::shared_ptr<const PreviewState> now = Current();
      const PreviewPage* page = nullptr;
      if (now)
        for (const PreviewPage& p : now->pages)
          if (p.number == n && p.png) page = &p;
      if (!page) {
        res.status = 404;
        res.set_content("no such page\n", "text/plain");
      } else {
        res.set_header("Cache-Control", "no-cache");
        // The picture is shared: the response keeps it alive however long it takes.
        std::shared_ptr<const std::string> png = page->png;
        res.set_content_provider(png->size(), "image/png",
                                 [png](size_t offset, size_t length, httplib::DataSink& sink) {
                                   return sink.write(png->data() + offset, length);
                                 });
      }
    } else {
      res.status = 404;
      res.set_content("not found\n", "text/plain");
    }
    return httplib::Server::HandlerResponse::Handled;
  }
};

PreviewServer::PreviewServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
  port_ = impl_->port;
}

PreviewServer::~PreviewServer() {
  Stop();
}

std::unique_ptr<PreviewServer> PreviewServer::Start(int port, std::string& error) {
  auto impl = std::make_unique<Impl>();
  Impl* self = impl.get();
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, with which a second
  // server would share the port instead of being told it is taken.
  self->server.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Event streams hold a thread each while they are open: at most kMaxEventStreams of
  // them, so the other threads are always there for the page, its state and pictures.
  self->server.new_task_queue = [] { return new httplib::ThreadPool(kServerThreads); };
  self->server.set_keep_alive_timeout(2);
  self->server.set_payload_max_length(64 * 1024);
  self->server.set_pre_routing_handler([self](const httplib::Request& req, httplib::Response& res) {
    return self->Route(req, res);
  });
  errno = 0;
  if (port == 0) {
    self->port = self->server.bind_to_any_port("127.0.0.1");
    if (self->port <= 0) {
      error = std::string("no free port on 127.0.0.1 to listen on: ") + std::strerror(errno);
      return nullptr;
    }
  } else {
    if (!self->server.bind_to_port("127.0.0.1", port)) {
      const int why = errno;
      error = "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " +
              (why == EADDRINUSE ? std::string("the port is in use (another banmian watch?)")
                                 : std::string(why ? std::strerror(why) : "bind failed"));
      return nullptr;
    }
    self->port = port;
  }
  self->thread = std::thread([self] { self->server.listen_after_bind(); });
  // Until the server runs, stop() would not reach it (it would then wait for connections
  // for ever): Start returns only once it runs.
  while (!self->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return std::unique_ptr<PreviewServer>(new PreviewServer(std::move(impl)));
}

std::string PreviewServer::address() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/";
}

void PreviewServer::Publish(std::shared_ptr<const PreviewState> state) {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->state = std::move(state);
  }
  impl_->published.notify_all();
}

void PreviewServer::Stop() {
  if (!impl_ || !impl_->thread.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->published.notify_all();
  impl_->server.stop();
  impl_->thread.join();
}

}  // namespace banmian
