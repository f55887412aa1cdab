// The Response helpers: each sets the status, one content-type and the body.
#include <algorithm>

#include <sls/response.hpp>

namespace sls {

Response& Response::set_header(std::string_view name, std::string value) {
  std::erase_if(headers, [&](const Field& field) { return iequals(field.first, name); });
  headers.emplace_back(std::string(name), std::move(value));
  return *this;
}

namespace {
Response with_type(int status, std::string body, const char* content_type) {
  Response response;
  response.status = status;
  response.headers.emplace_back("content-type", content_type);
  response.body = std::move(body);
  return response;
}
}  // namespace

Response Response::text(int status, std::string body) {
  return with_type(status, std::move(body), "text/plain; charset=utf-8");
}

Response Response::json(int status, std::string body) { return with_type(status, std::move(body), "application/json"); }

Response Response::html(int status, std::string body) {
  return with_type(status, std::move(body), "text/html; charset=utf-8");
}

}  // namespace sls
