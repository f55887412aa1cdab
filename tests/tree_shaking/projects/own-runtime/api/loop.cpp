// A function that brings its own runtime: a hand-written AWS Lambda Runtime API
// loop over a plain socket (what aws-lambda-cpp's run_handler does, in small).
// sls builds it without its glue; the answer names the path of each event.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

// One HTTP/1.1 exchange with the Runtime API ("host:port"); the whole reply.
std::string exchange(const std::string& api, const std::string& request) {
  std::string host = api.substr(0, api.find(':'));
  int port = std::atoi(api.substr(api.find(':') + 1).c_str());
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, host.c_str(), &address.sin_addr);
  std::string reply;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
    char buffer[4096];
    for (ssize_t got; (got = read(fd, buffer, sizeof buffer)) > 0;) reply.append(buffer, static_cast<size_t>(got));
  }
  close(fd);
  return reply;
}

std::string header_value(const std::string& reply, const std::string& name) {
  std::size_t at = reply.find(name + ": ");
  if (at == std::string::npos) return "";
  at += name.size() + 2;
  return reply.substr(at, reply.find("\r\n", at) - at);
}

std::string json_field(const std::string& body, const std::string& name) {
  std::size_t at = body.find("\"" + name + "\":\"");
  if (at == std::string::npos) return "";
  at += name.size() + 4;
  return body.substr(at, body.find('"', at) - at);
}

}  // namespace

int main() {
  const char* api = std::getenv("AWS_LAMBDA_RUNTIME_API");
  if (api == nullptr) {
    std::printf("status: 500\ncontent-type: text/plain\n\nthis function runs only under the Runtime API\n");
    return 0;
  }
  for (;;) {
    std::string next = exchange(api, "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    if (next.empty()) return 1;
    std::string id = header_value(next, "Lambda-Runtime-Aws-Request-Id");
    std::string body = next.substr(next.find("\r\n\r\n") + 4);
    std::string answer = "{\"statusCode\":200,\"body\":\"own loop saw " + json_field(body, "rawPath") + "\"}";
    exchange(api, "POST /2018-06-01/runtime/invocation/" + id + "/response HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                  "Content-Length: " + std::to_string(answer.size()) + "\r\n\r\n" + answer);
  }
}
