// Accessors of sls::Request that need a loop; the trivial ones live in the header.
#include <sls/request.hpp>

namespace sls {

Request::Request(std::string method, std::string path, Fields query, Fields headers, std::string body, Fields params)
    : m_method(std::move(method)),
      m_path(std::move(path)),
      m_query(std::move(query)),
      m_headers(std::move(headers)),
      m_body(std::move(body)),
      m_params(std::move(params)) {}

std::string Request::query(std::string_view name) const { return first_value(m_query, name); }

std::string Request::header(std::string_view name) const {
  for (const auto& [field_name, value] : m_headers) {
    if (iequals(field_name, name)) return value;
  }
  return {};
}

std::string Request::param(std::string_view name) const { return first_value(m_params, name); }

}  // namespace sls
