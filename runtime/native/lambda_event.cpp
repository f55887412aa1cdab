#include "lambda_event.hpp"

#include <nlohmann/json.hpp>

#include "../common/invocation.hpp"
#include "../common/url.hpp"
#include "base64.hpp"
#include "utf8.hpp"

namespace sls::runtime {

namespace {
using nlohmann::json;

std::string string_at(const json& object, const char* key, const char* fallback) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return fallback;
  return it->get<std::string>();  // throws type_error for a non-string: a malformed event
}

Fields string_map(const json& object, const char* key) {
  Fields out;
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return out;
  if (!it->is_object()) throw std::invalid_argument(std::string(key) + " is not an object");
  for (const auto& [name, value] : it->items()) out.emplace_back(name, value.get<std::string>());
  return out;
}

std::string http_method(const json& event) {
  const auto context = event.find("requestContext");
  if (context == event.end() || !context->contains("http")) return "GET";
  return string_at(context->at("http"), "method", "GET");
}

Fields event_headers(const json& event) {
  Fields headers = string_map(event, "headers");
  const auto cookies = event.find("cookies");
  if (cookies != event.end() && !cookies->is_null()) {
    if (!cookies->is_array()) throw std::invalid_argument("cookies is not an array");
    std::string joined;
    for (const auto& cookie : *cookies) joined += (joined.empty() ? "" : "; ") + cookie.get<std::string>();
    if (!joined.empty()) headers.emplace_back("cookie", joined);
  }
  return headers;
}

Request build_request(const json& event, const detail::FunctionInfo& info) {
  if (!event.is_object()) throw std::invalid_argument("the event is not a JSON object");
  auto path = string_at(event, "rawPath", "/");
  auto body = string_at(event, "body", "");
  if (event.value("isBase64Encoded", false)) {
    auto decoded = base64_decode(body);
    if (!decoded) throw std::invalid_argument("isBase64Encoded is true but body is not base64");
    body = std::move(*decoded);
  }
  auto params = string_map(event, "pathParameters");
  if (params.empty()) params = route_params(info, path);
  return Request(http_method(event), std::move(path), parse_query(string_at(event, "rawQueryString", "")),
                 event_headers(event), std::move(body), std::move(params));
}

void add_header(json& headers, json& cookies, const std::string& name, const std::string& value) {
  if (iequals(name, "set-cookie")) {
    cookies.push_back(value);
  } else if (headers.contains(name)) {
    headers[name] = headers[name].get<std::string>() + ", " + value;  // RFC 9110 list syntax
  } else {
    headers[name] = value;
  }
}
}  // namespace

EventParseResult request_from_event(std::string_view event_json, const detail::FunctionInfo& info) {
  EventParseResult result;
  const json event = json::parse(event_json, nullptr, /*allow_exceptions=*/false);
  if (event.is_discarded()) {
    result.error = "the event is not valid JSON";
    return result;
  }
  try {
    result.request = build_request(event, info);
  } catch (const std::exception& error) {
    result.error = std::string("malformed HTTP API event: ") + error.what();
  }
  return result;
}

std::string response_to_event_json(const Response& response) {
  json headers = json::object();
  json cookies = json::array();
  for (const auto& [name, value] : response.headers) add_header(headers, cookies, name, value);
  const bool binary = !is_valid_utf8(response.body);
  json out = {{"statusCode", response.status},
              {"headers", headers},
              {"body", binary ? base64_encode(response.body) : response.body},
              {"isBase64Encoded", binary}};
  if (!cookies.empty()) out["cookies"] = cookies;
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace sls::runtime
