#include "tests/dx/redis_server.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "tests/support/loopback.hpp"

namespace sls::dx {
using testing::free_loopback_port;
using testing::loopback_address;
using namespace std::chrono_literals;

RedisServer::RedisServer(const std::filesystem::path& scratch) : m_scratch(scratch), m_port(free_loopback_port()) {}

RedisServer::~RedisServer() { stop(); }

bool RedisServer::start() {
  test::ProcessSpec spec{{"redis-server", "--port", std::to_string(m_port), "--bind", "127.0.0.1", "--save", "",
                          "--appendonly", "no", "--dir", m_scratch.string()},
                         test::inherited_env(),
                         {},
                         m_scratch};
  m_child = std::make_unique<test::Child>(spec, m_scratch);
  for (auto deadline = std::chrono::steady_clock::now() + 10s; std::chrono::steady_clock::now() < deadline;) {
    if (answers_ping()) return true;
    if (m_child->wait(0ms)) return false;  // exited: port taken, or not installed
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

void RedisServer::stop() {
  if (!m_child) return;
  m_child->kill();
  m_child->wait(5s);
  m_child.reset();
}

bool RedisServer::answers_ping() const {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = loopback_address(m_port);
  timeval timeout{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 && write(fd, "PING\r\n", 6) == 6;
  char reply[8] = {};
  ok = ok && read(fd, reply, 5) == 5 && std::string(reply, 5) == "+PONG";
  close(fd);
  return ok;
}

}  // namespace sls::dx
