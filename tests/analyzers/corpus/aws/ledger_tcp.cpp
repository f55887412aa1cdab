// Posts ledger entries to the legacy ledger daemon over its line protocol
// (aws-lambda-cpp). The TCP connection is opened once, in main.
#include <aws/lambda-runtime/runtime.h>

#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

using namespace aws::lambda_runtime;

namespace ledger {

int sock = -1;

int dial(const char* ip, unsigned short port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  inet_pton(AF_INET, ip, &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

bool post_entry(const std::string& account, long cents) {
  const std::string line = "POST " + account + " " + std::to_string(cents) + "\n";
  if (send(sock, line.data(), line.size(), 0) != static_cast<ssize_t>(line.size())) return false;
  char ack[16] = {};
  return recv(sock, ack, sizeof ack - 1, 0) > 0 && std::strncmp(ack, "OK", 2) == 0;
}

invocation_response handle(invocation_request const& req) {
  auto entry = nlohmann::json::parse(req.payload, nullptr, false);
  if (entry.is_discarded()) return invocation_response::failure("bad json", "InvalidEvent");
  if (!post_entry(entry.value("account", ""), entry.value("cents", 0L))) {
    return invocation_response::failure("ledger rejected the entry", "LedgerError");
  }
  return invocation_response::success("{\"posted\":true}", "application/json");
}

}  // namespace ledger

int main() {
  ledger::sock = ledger::dial("10.0.4.20", 7070);
  if (ledger::sock < 0) return 1;
  run_handler(ledger::handle);
  return 0;
}
