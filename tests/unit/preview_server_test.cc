// The live preview's server (watch/preview_server.h): what it answers to which address, that
// no address reaches a file, that it answers only by its own host name, that a taken port
// is said plainly, and that its event stream tells of each render.
#include "watch/preview_server.h"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "watch/preview_host.h"

namespace banmian {
namespace {

// A connection to 127.0.0.1:port; reads give up after 20 s (only so a bug cannot hang the
// test: nothing here is timed).
struct Connection {
  int fd = -1;
  explicit Connection(int port) {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  }
  ~Connection() { ::close(fd); }
  void Send(const std::string& text) {
    REQUIRE(::send(fd, text.data(), text.size(), MSG_NOSIGNAL) ==
            static_cast<ssize_t>(text.size()));
  }
  // Reads until `until` has arrived or the peer closes; what arrived.
  std::string ReadUntil(const std::string& until, std::string& got) {
    char buffer[65536];
    while (got.find(until) == std::string::npos) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 20000) <= 0) break;
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      got.append(buffer, static_cast<size_t>(n));
    }
    return got;
  }
};

// One request (the whole raw request line and headers given), the whole answer.
std::string Ask(int port, const std::string& request) {
  Connection c(port);
  c.Send(request);
  std::string got;
  return c.ReadUntil("\x01never", got);  // to the end: the request says Connection: close
}

std::string Get(int port, const std::string& target) {
  return Ask(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                       "\r\nConnection: close\r\n\r\n");
}

std::string StatusLine(const std::string& answer) {
  return answer.substr(0, answer.find("\r\n"));
}

std::shared_ptr<const PreviewState> StateWithTwoPages(int render) {
  auto s = std::make_shared<PreviewState>();
  s->render = render;
  s->title = "春申周报";
  for (int n = 1; n <= 2; ++n) {
    PreviewPage p;
    p.number = n;
    p.label = "A0" + std::to_string(n);
    p.version = render;
    p.png = std::make_shared<const std::string>("\x89PNG page " + std::to_string(n));
    s->pages.push_back(p);
  }
  return s;
}

TEST_CASE("preview server: only its own addresses, and nothing beside them") {
  std::string error;
  std::unique_ptr<PreviewServer> server = PreviewServer::Start(0, error);
  REQUIRE_MESSAGE(server, error);
  const int port = server->port();
  CHECK(port > 0);
  CHECK(server->address() == "http://127.0.0.1:" + std::to_string(port) + "/");
  server->Publish(StateWithTwoPages(3));

  struct Case {
    std::string target, status, body;  // body: a piece the answer holds
  };
  const std::vector<Case> cases = {
      {"/", "HTTP/1.1 200 OK", "<title>banmian watch</title>"},
      {"/", "HTTP/1.1 200 OK", "new EventSource(\"/events\")"},
      {"/index.html", "HTTP/1.1 404 Not Found", "not found"},  // exact addresses only
      {"/state.json", "HTTP/1.1 200 OK", "\"render\":3"},
      {"/page/1.png", "HTTP/1.1 200 OK", "PNG page 1"},
      {"/page/2.png?v=3", "HTTP/1.1 200 OK", "PNG page 2"},
      // No such page, or not the way pages are named.
      {"/page/3.png", "HTTP/1.1 404 Not Found", "no such page"},
      {"/page/0.png", "HTTP/1.1 404 Not Found", "not found"},
      {"/page/01.png", "HTTP/1.1 404 Not Found", "not found"},
      {"/page/1.PNG", "HTTP/1.1 404 Not Found", "not found"},
      {"/page/-1.png", "HTTP/1.1 404 Not Found", "not found"},
      {"/page/99999.png", "HTTP/1.1 404 Not Found", "not found"},
      // Ways out to the file system: none leads anywhere.
      {"/../../../../etc/passwd", "HTTP/1.1 404 Not Found", "not found"},
      {"/%2e%2e/%2e%2e/etc/passwd", "HTTP/1.1 404 Not Found", "not found"},
      {"/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "HTTP/1.1 404 Not Found", "not found"},
      {"/page/..%2f..%2f..%2fetc%2fpasswd", "HTTP/1.1 404 Not Found", "not found"},
      {"/page/1.png/../../etc/passwd", "HTTP/1.1 404 Not Found", "not found"},
      {"//etc/passwd", "HTTP/1.1 404 Not Found", "not found"},
      {"/etc/passwd", "HTTP/1.1 404 Not Found", "not found"},
      {"/report.json", "HTTP/1.1 404 Not Found", "not found"},
      {"/index.html%00.png", "HTTP/1.1 404 Not Found", "not found"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.target);
    const std::string answer = Get(port, c.target);
    CHECK(StatusLine(answer) == c.status);
    CHECK(answer.find(c.body) != std::string::npos);
    CHECK(answer.find("root:") == std::string::npos);
  }
  // The picture goes out as a PNG, with its exact length.
  const std::string png = Get(port, "/page/2.png");
  CHECK(png.find("Content-Type: image/png") != std::string::npos);
  CHECK(png.find("Content-Length: 11") != std::string::npos);  // "\x89PNG page 2"

  // Only GET and HEAD.
  const std::string host = "Host: 127.0.0.1:" + std::to_string(port) + "\r\n";
  for (const char* method : {"POST", "PUT", "DELETE"}) {
    CAPTURE(method);
    CHECK(StatusLine(Ask(port, std::string(method) + " / HTTP/1.1\r\n" + host +
                                   "Content-Length: 0\r\nConnection: close\r\n\r\n")) ==
          "HTTP/1.1 405 Method Not Allowed");
  }
  // Only by its own name: another host name pointed at 127.0.0.1 is refused.
  for (const std::string& other : {std::string("evil.example"), std::string("127.0.0.1"),
                                   "127.0.0.1:" + std::to_string(port + 1), std::string("")}) {
    CAPTURE(other);
    CHECK(StatusLine(Ask(port, "GET /state.json HTTP/1.1\r\nHost: " + other +
                                   "\r\nConnection: close\r\n\r\n")) == "HTTP/1.1 403 Forbidden");
  }
  CHECK(StatusLine(Ask(port, "GET / HTTP/1.1\r\nHost: localhost:" + std::to_string(port) +
                                 "\r\nConnection: close\r\n\r\n")) == "HTTP/1.1 200 OK");

  // A second server on the same port is told the port is taken.
  std::string taken;
  CHECK_FALSE(PreviewServer::Start(port, taken));
  CHECK(taken == "cannot listen on 127.0.0.1:" + std::to_string(port) +
                     ": the port is in use (another banmian watch?)");
  server->Stop();
  // Stopped: the port is free again.
  std::string again;
  std::unique_ptr<PreviewServer> next = PreviewServer::Start(port, again);
  CHECK_MESSAGE(next, again);
}

TEST_CASE("preview server: the event stream tells of every render") {
  std::string error;
  std::unique_ptr<PreviewServer> server = PreviewServer::Start(0, error);
  REQUIRE_MESSAGE(server, error);
  server->Publish(StateWithTwoPages(1));
  Connection c(server->port());
  c.Send("GET /events HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server->port()) + "\r\n\r\n");
  std::string got;
  // On connecting: the render there is now.
  c.ReadUntil("\"render\":1", got);
  CHECK(got.find("Content-Type: text/event-stream") != std::string::npos);
  CHECK(got.find("event: rendered\ndata: {\"render\":1,\"failed\":false}") != std::string::npos);
  // Each render published after it.
  for (int render = 2; render <= 4; ++render) {
    auto s = std::make_shared<PreviewState>(*StateWithTwoPages(render));
    s->failed = render == 3;
    server->Publish(s);
    const std::string want = "data: {\"render\":" + std::to_string(render) +
                             ",\"failed\":" + (render == 3 ? "true" : "false") + "}";
    c.ReadUntil(want, got);
    CHECK(got.find(want) != std::string::npos);
  }
  // Stopping ends the open stream rather than waiting for it.
  server->Stop();
  std::string rest;
  c.ReadUntil("\x01never", rest);
  CHECK(rest.find("render\":5") == std::string::npos);
}

TEST_CASE("preview server: the Host it answers to") {
  struct Case {
    const char* host;
    int port;
    bool allowed;
  };
  for (const Case& c : std::vector<Case>{
           {"127.0.0.1:5178", 5178, true},
           {"localhost:5178", 5178, true},
           {"127.0.0.1", 5178, false},  // the port left out means port 80
           {"localhost", 5178, false},
           {"127.0.0.1:5179", 5178, false},
           {"evil.example:5178", 5178, false},
           {"", 5178, false},
           {"127.0.0.1", 80, true},  // a browser leaves out port 80
           {"localhost", 80, true},
           {"127.0.0.1:80", 80, true},
           {"localhost:80", 80, true},
           {"evil.example", 80, false},
           {"[::1]", 80, false},  // never bound
           {"127.0.0.1:", 80, false},
           {"", 80, false},
       }) {
    CAPTURE(c.host);
    CAPTURE(c.port);
    CHECK(PreviewHostAllowed(c.host, c.port) == c.allowed);
  }
}

TEST_CASE("preview server: open event streams never starve the other addresses") {
  std::string error;
  std::unique_ptr<PreviewServer> server = PreviewServer::Start(0, error);
  REQUIRE_MESSAGE(server, error);
  server->Publish(StateWithTwoPages(1));
  const int port = server->port();
  const std::string request =
      "GET /events HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n\r\n";
  // More streams than the server keeps open: each opened once the one before is answered.
  std::vector<std::unique_ptr<Connection>> streams;
  int open = 0, refused = 0;
  for (int i = 0; i < 40; ++i) {
    streams.push_back(std::make_unique<Connection>(port));
    streams.back()->Send(request);
    std::string got;
    streams.back()->ReadUntil("\n\n", got);
    if (got.find("event: rendered") == std::string::npos) streams.back()->ReadUntil("\n\n\n", got);
    if (StatusLine(got) == "HTTP/1.1 200 OK") ++open;
    if (StatusLine(got) == "HTTP/1.1 503 Service Unavailable") {
      ++refused;
      CHECK(got.find("Retry-After: 5") != std::string::npos);
      CHECK(got.find("retry: 5000") != std::string::npos);
    }
  }
  CHECK(open == 32);
  CHECK(refused == 8);
  // The page, its state and its pictures are answered all the same, several at once.
  for (int i = 0; i < 12; ++i) {
    CHECK(StatusLine(Get(port, "/state.json")) == "HTTP/1.1 200 OK");
    CHECK(StatusLine(Get(port, "/page/1.png")) == "HTTP/1.1 200 OK");
    CHECK(StatusLine(Get(port, "/")) == "HTTP/1.1 200 OK");
  }
  // Streams closed: their places are free again (a closed stream is noticed at its next
  // keep-alive comment; the loop only stops a hang).
  streams.clear();
  bool again = false;
  for (int tries = 0; tries < 300 && !again; ++tries) {
    Connection c(port);
    c.Send(request);
    std::string got;
    c.ReadUntil("\n\n", got);
    again = StatusLine(got) == "HTTP/1.1 200 OK";
    if (!again) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  CHECK(again);
  server->Stop();
}

TEST_CASE("preview server: every answer is whole, whatever Range asks") {
  std::string error;
  std::unique_ptr<PreviewServer> server = PreviewServer::Start(0, error);
  REQUIRE_MESSAGE(server, error);
  server->Publish(StateWithTwoPages(1));
  const int port = server->port();
  for (const std::string range :
       {"bytes=99999999-999999999", "bytes=0-3,2-5", "bytes=2-4", "bytes=-3", "bytes=0-"}) {
    CAPTURE(range);
    const std::string answer =
        Ask(port, "GET /page/1.png HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                      "\r\nRange: " + range + "\r\nConnection: close\r\n\r\n");
    CHECK(StatusLine(answer) == "HTTP/1.1 200 OK");
    CHECK(answer.find("Accept-Ranges: none") != std::string::npos);
    CHECK(answer.find("Content-Length: 11") != std::string::npos);
    CHECK(answer.substr(answer.size() - 11) == "\x89PNG page 1");
  }
  // A Range that is not one at all is refused by httplib before it reaches the server's
  // addresses: 416, no body.
  const std::string bad =
      Ask(port, "GET /page/1.png HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                    "\r\nRange: bytes=x\r\nConnection: close\r\n\r\n");
  CHECK(StatusLine(bad) == "HTTP/1.1 416 Range Not Satisfiable");
  CHECK(bad.find("PNG page") == std::string::npos);
}

}  // namespace
}  // namespace banmian
