#pragma once
// A real redis-server for the stateful-redis template's tests: 127.0.0.1, a
// free port, no persistence (so a restart starts empty), killed when the
// object goes out of scope. Every wait is bounded.

#include <cstdint>
#include <filesystem>
#include <memory>

#include "process.hpp"

namespace sls::dx {

class RedisServer {
public:
  explicit RedisServer(const std::filesystem::path& scratch);
  ~RedisServer();
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  // Both return false (and stop() kills) within a few seconds at most.
  bool start();
  void stop();
  std::uint16_t port() const { return m_port; }

private:
  bool answers_ping() const;

  std::filesystem::path m_scratch;
  std::uint16_t m_port = 0;
  std::unique_ptr<test::Child> m_child;
};

}  // namespace sls::dx
