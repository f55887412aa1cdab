#include "tests/e2e/remote_cache_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <stdexcept>

#include "core/sha256.hpp"

namespace sls::e2e {
namespace {

// Reads one request: "METHOD PATH", its body (by Content-Length); false on a broken one.
bool read_request(int fd, std::string& method, std::string& path, std::string& body) {
  std::string data;
  char chunk[65536];
  std::size_t head_end;
  while ((head_end = data.find("\r\n\r\n")) == std::string::npos) {
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    data.append(chunk, static_cast<std::size_t>(n));
  }
  std::string head = data.substr(0, head_end);
  std::size_t first_space = head.find(' '), second_space = head.find(' ', first_space + 1);
  if (first_space == std::string::npos || second_space == std::string::npos) return false;
  method = head.substr(0, first_space);
  path = head.substr(first_space + 1, second_space - first_space - 1);
  std::size_t length = 0;
  for (std::size_t at = head.find("\r\n"); at != std::string::npos; at = head.find("\r\n", at + 2)) {
    std::string line = head.substr(at + 2, head.find("\r\n", at + 2) - at - 2);
    for (char& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (line.rfind("content-length:", 0) == 0) length = std::stoul(line.substr(15));
    if (line.rfind("expect: 100-continue", 0) == 0) ::send(fd, "HTTP/1.1 100 Continue\r\n\r\n", 25, MSG_NOSIGNAL);
  }
  body = data.substr(head_end + 4);
  while (body.size() < length) {
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    body.append(chunk, static_cast<std::size_t>(n));
  }
  return true;
}

void reply(int fd, int status, const std::string& body) {
  std::string text = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: " + std::to_string(body.size()) +
                     "\r\nConnection: close\r\n\r\n" + body;
  for (std::size_t sent = 0; sent < text.size();) {
    ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

}  // namespace

RemoteCacheServer::RemoteCacheServer() {
  m_listen_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // loopback only
  socklen_t length = sizeof address;
  if (m_listen_fd < 0 || ::bind(m_listen_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(m_listen_fd, 64) != 0 || ::getsockname(m_listen_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
    throw std::runtime_error("the test remote cache cannot listen on 127.0.0.1");
  m_port = ntohs(address.sin_port);
  m_thread = std::thread([this] { serve(); });
}

RemoteCacheServer::~RemoteCacheServer() {
  ::shutdown(m_listen_fd, SHUT_RDWR);  // wakes accept()
  m_thread.join();
  ::close(m_listen_fd);
}

void RemoteCacheServer::serve() {
  for (;;) {
    int fd = ::accept(m_listen_fd, nullptr, nullptr);
    if (fd < 0) return;
    std::string method, path, body;
    if (read_request(fd, method, path, body)) {
      std::string text;
      int status = 0;
      {
        std::lock_guard lock(m_mutex);
        m_log.push_back(method + " " + path);
        text = answer(method, path, body);
        status = text.empty() && method == "GET" ? 404 : (text == "\x01" ? 400 : 200);
      }
      reply(fd, status, status == 200 ? text : "");
    }
    ::close(fd);
  }
}

// The reply body; empty for a miss, "\x01" for a refused upload. Called under the mutex.
std::string RemoteCacheServer::answer(const std::string& method, const std::string& path, const std::string& body) {
  if (method == "GET") {
    auto found = m_blobs.find(path);
    return found == m_blobs.end() ? "" : found->second;
  }
  if (path.rfind("/cas/", 0) == 0 && sha256_hex(body) != path.substr(5)) return "\x01";
  m_blobs[path] = body;
  return "";
}

std::vector<std::string> RemoteCacheServer::requests() const {
  std::lock_guard lock(m_mutex);
  return m_log;
}

std::size_t RemoteCacheServer::count(const std::string& method, const std::string& prefix) const {
  std::size_t n = 0;
  for (const std::string& request : requests()) n += request.rfind(method + " " + prefix, 0) == 0;
  return n;
}

void RemoteCacheServer::damage_contents() {
  std::lock_guard lock(m_mutex);
  for (auto& [path, bytes] : m_blobs) {
    if (path.rfind("/cas/", 0) == 0) bytes += "damaged";
  }
}

}  // namespace sls::e2e
