#pragma once
// A stand-in for bazel-remote's HTTP cache, for tests, written from its
// documented layout: GET/PUT /cas/<sha256> (an upload whose bytes do not hash
// to its name is refused, as bazel-remote does) and GET/PUT /ac/<key>. It
// listens on 127.0.0.1 with an ephemeral port and answers one connection at a
// time ("Connection: close"); every request is logged for assertions.

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sls::e2e {

class RemoteCacheServer {
public:
  RemoteCacheServer();  // throws std::runtime_error when it cannot listen
  ~RemoteCacheServer();
  RemoteCacheServer(const RemoteCacheServer&) = delete;
  RemoteCacheServer& operator=(const RemoteCacheServer&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

  std::vector<std::string> requests() const;  // "PUT /cas/ab12...", in arrival order
  std::size_t count(const std::string& method, const std::string& prefix) const;
  // Replaces every stored /cas/ blob with other bytes (a damaged server).
  void damage_contents();

private:
  void serve();
  std::string answer(const std::string& method, const std::string& path, const std::string& body);

  int m_listen_fd = -1;
  std::uint16_t m_port = 0;
  mutable std::mutex m_mutex;
  std::map<std::string, std::string> m_blobs;  // path -> bytes
  std::vector<std::string> m_log;
  std::thread m_thread;
};

}  // namespace sls::e2e
