#include "dev/lambda_event.hpp"

#include <ctime>

#include <nlohmann/json.hpp>

#include "dev/base64.hpp"
#include "dev/url.hpp"

namespace sls::dev {
namespace {
using nlohmann::json;

// "cookie: a=1; b=2" becomes ["a=1", "b=2"], as API Gateway moves cookies out of the headers.
std::vector<std::string> split_cookies(std::string_view header) {
  std::vector<std::string> cookies;
  while (!header.empty()) {
    auto semicolon = header.find(';');
    std::string_view cookie = header.substr(0, semicolon);
    header = semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    while (!cookie.empty() && cookie.front() == ' ') cookie.remove_prefix(1);
    while (!cookie.empty() && cookie.back() == ' ') cookie.remove_suffix(1);
    if (!cookie.empty()) cookies.emplace_back(cookie);
  }
  return cookies;
}

json joined(const std::vector<std::pair<std::string, std::string>>& pairs, const char* separator) {
  json object = json::object();
  for (const auto& [name, value] : pairs) {
    if (object.contains(name))
      object[name] = object[name].get<std::string>() + separator + value;
    else
      object[name] = value;
  }
  return object;
}

// "12/Mar/2020:19:03:58 +0000", requestContext.time's format.
std::string clf_time(std::chrono::system_clock::time_point time) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  char text[64];
  std::strftime(text, sizeof text, "%d/%b/%Y:%H:%M:%S +0000", &utc);
  return text;
}

json request_context(const HttpRequest& request, const EventContext& context) {
  auto epoch_ms = std::chrono::duration_cast<std::chrono::milliseconds>(context.time.time_since_epoch()).count();
  std::string host = request.header("host").empty() ? "localhost" : request.header("host");
  return {{"accountId", "000000000000"},
          {"apiId", "sls-dev"},
          {"domainName", host},
          {"domainPrefix", host.substr(0, host.find('.'))},
          {"http",
           {{"method", request.method},
            {"path", request.path()},
            {"protocol", "HTTP/1.1"},
            {"sourceIp", request.remote_address},
            {"userAgent", request.header("user-agent")}}},
          {"requestId", context.request_id},
          {"routeKey", "$default"},
          {"stage", "$default"},
          {"time", clf_time(context.time)},
          {"timeEpoch", epoch_ms}};
}

}  // namespace

std::string http_api_event(const HttpRequest& request, const EventContext& context) {
  HeaderList headers;
  std::vector<std::string> cookies;
  for (const auto& [name, value] : request.headers) {
    if (name == "cookie") {
      for (std::string& cookie : split_cookies(value)) cookies.push_back(std::move(cookie));
    } else {
      headers.emplace_back(name, value);
    }
  }
  json event = {{"version", "2.0"},
                {"routeKey", "$default"},
                {"rawPath", request.path()},
                {"rawQueryString", request.query()},
                {"headers", joined(headers, ",")},
                {"requestContext", request_context(request, context)},
                {"isBase64Encoded", false}};
  if (!cookies.empty()) event["cookies"] = cookies;
  if (auto query = parse_query(request.query()); !query.empty()) event["queryStringParameters"] = joined(query, ",");
  if (!context.path_parameters.empty()) event["pathParameters"] = joined(context.path_parameters, ",");
  if (!request.body.empty()) {
    bool text = is_valid_utf8(request.body);
    event["body"] = text ? request.body : base64_encode(request.body);
    event["isBase64Encoded"] = !text;
  }
  return event.dump();
}

namespace {

HttpResponse plain_payload(std::string body) { return {200, {{"content-type", "application/json"}}, std::move(body)}; }

std::string header_value(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

HttpResponse structured_response(const json& payload) {
  HttpResponse response;
  const json& status = payload["statusCode"];
  response.status = status.is_number_integer() ? status.get<int>() : 500;
  if (payload.contains("headers") && payload["headers"].is_object())
    for (const auto& [name, value] : payload["headers"].items())
      response.headers.emplace_back(name, header_value(value));
  if (payload.contains("cookies") && payload["cookies"].is_array())
    for (const json& cookie : payload["cookies"]) response.headers.emplace_back("set-cookie", header_value(cookie));
  if (payload.contains("body")) {
    const json& body = payload["body"];
    response.body = body.is_string() ? body.get<std::string>() : body.dump();
  }
  if (payload.value("isBase64Encoded", false)) {
    auto decoded = base64_decode(response.body);
    if (!decoded) return HttpResponse::text(502, "the function's body is marked isBase64Encoded but is not base64\n");
    response.body = std::move(*decoded);
  }
  return response;
}

}  // namespace

HttpResponse response_from_payload(std::string_view payload) {
  json parsed = json::parse(payload, nullptr, false);
  if (parsed.is_discarded()) return plain_payload(std::string(payload));
  if (parsed.is_string()) return plain_payload(parsed.get<std::string>());
  if (parsed.is_object() && parsed.contains("statusCode")) return structured_response(parsed);
  return plain_payload(std::string(payload));
}

}  // namespace sls::dev
