// A deliberately small HTTP/1.1 client for the Lambda Runtime API, which is plain HTTP on a
// loopback address. One connection per request ("Connection: close"): a kept-alive socket could
// be stale after the instance is frozen, and reconnecting on loopback costs microseconds.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <sls/fields.hpp>

namespace sls::runtime {

struct HttpResponse {
  int status = 0;
  Fields headers;  // names as received
  std::string body;

  // First value of header `name`, case-insensitively; empty when absent.
  std::string header(std::string_view name) const;
};

// Either a response or a description of what failed (connect, send, parse).
struct HttpResult {
  std::optional<HttpResponse> response;
  std::string error;
};

class HttpClient {
public:
  HttpClient(std::string host, std::string port);
  // "127.0.0.1:9001" or "[::1]:9001"; nullopt when there is no port.
  static std::optional<HttpClient> from_host_port(std::string_view host_port);

  // No timeout: the Runtime API's /next blocks until there is work, and the process may be frozen
  // inside the call.
  HttpResult get(std::string_view target);
  HttpResult post(std::string_view target, std::string_view body, const Fields& headers = {});

private:
  HttpResult request(std::string_view method, std::string_view target, const Fields& headers, std::string_view body);

  std::string m_host;
  std::string m_port;
};

}  // namespace sls::runtime
