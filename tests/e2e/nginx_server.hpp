#pragma once
// A real nginx serving a folder over HTTP with WebDAV PUT, the remote cache
// set-up of docs/configuration.md, on a free port of 127.0.0.1. Everything it
// writes (data, temp files, pid, logs) stays in its own temporary folder, so
// it runs as any user; the destructor stops it.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "tests/e2e/server_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace sls::e2e {

class NginxServer {
public:
  NginxServer();  // started and accepting connections, or running() is false

  bool running() const { return m_process && m_process->running(); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
  // The folder it serves: /cas/... and /ac/... are files under it.
  std::filesystem::path data_dir() const { return m_dir.root() / "data"; }
  // Requests "METHOD /prefix..." it answered so far, from its access log.
  std::size_t count(const std::string& method, const std::string& prefix) const;
  std::string error_log() const;
  void kill_now() {
    if (m_process) m_process->kill_now();
  }

private:
  std::filesystem::path write_config() const;
  testing::TempDir m_dir{"sls-nginx"};
  std::uint16_t m_port = 0;
  std::unique_ptr<ServerProcess> m_process;
};

}  // namespace sls::e2e
