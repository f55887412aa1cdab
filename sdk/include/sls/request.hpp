// One HTTP request, already decoded from whatever the platform delivered (a Lambda event or CGI).
// Include guards, not #pragma once: see function.hpp.
#ifndef SLS_REQUEST_HPP
#define SLS_REQUEST_HPP

#include <string>
#include <string_view>

#include <sls/fields.hpp>

namespace sls {

class Request {
public:
  Request() = default;
  // `query` is already URL-decoded, `headers` names are lower-case, `body` is raw bytes.
  // Public so that function authors can build requests in their own unit tests.
  Request(std::string method, std::string path, Fields query, Fields headers, std::string body, Fields params = {});

  const std::string& method() const noexcept { return m_method; }
  // The raw path, without the query string.
  const std::string& path() const noexcept { return m_path; }

  // First value of query parameter `name`; empty when absent.
  std::string query(std::string_view name) const;
  const Fields& query_params() const noexcept { return m_query; }

  // First value of header `name`, compared case-insensitively; empty when absent.
  std::string header(std::string_view name) const;
  const Fields& headers() const noexcept { return m_headers; }

  // Raw body bytes (base64 transport encoding already removed).
  const std::string& body() const noexcept { return m_body; }

  // Route parameter: route "/api/users/:id" and path "/api/users/42" give param("id") == "42".
  std::string param(std::string_view name) const;
  const Fields& params() const noexcept { return m_params; }

private:
  std::string m_method = "GET";
  std::string m_path = "/";
  Fields m_query;
  Fields m_headers;
  std::string m_body;
  Fields m_params;
};

}  // namespace sls

#endif  // SLS_REQUEST_HPP
