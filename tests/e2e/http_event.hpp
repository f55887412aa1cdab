#pragma once
// The HTTP API v2 / function URL event (docs/design.md) the end-to-end tests send through the
// Lambda Runtime API test server.

#include <string>

#include <nlohmann/json.hpp>

namespace sls::e2e {

inline nlohmann::json http_event(const std::string& method, const std::string& path, const std::string& query = "",
                                 const std::string& body = "", bool base64 = false,
                                 nlohmann::json headers = nlohmann::json::object()) {
  return {{"version", "2.0"},
          {"rawPath", path},
          {"rawQueryString", query},
          {"headers", std::move(headers)},
          {"body", body},
          {"isBase64Encoded", base64},
          {"requestContext", {{"http", {{"method", method}, {"path", path}}}}}};
}

}  // namespace sls::e2e
