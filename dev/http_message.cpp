#include "dev/http_message.hpp"

#include <algorithm>

namespace sls::dev {

void add_default_cache_control(HttpResponse& response, const std::string& cache_control) {
  if (cache_control.empty() || response.status >= 400 || !response.header("cache-control").empty()) return;
  response.headers.emplace_back("cache-control", cache_control);
}

std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string HttpRequest::path() const { return target.substr(0, target.find('?')); }

std::string HttpRequest::query() const {
  auto mark = target.find('?');
  return mark == std::string::npos ? std::string() : target.substr(mark + 1);
}

std::string HttpRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (key == name) return value;
  return {};
}

HttpResponse HttpResponse::text(int status, std::string body) {
  return {status, {{"content-type", "text/plain; charset=utf-8"}}, std::move(body)};
}

std::string HttpResponse::header(std::string_view name) const {
  std::string wanted = lower_case(std::string(name));
  for (const auto& [key, value] : headers)
    if (lower_case(key) == wanted) return value;
  return {};
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 411:
      return "Length Required";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Unknown";
  }
}

std::string serialize_response(const HttpResponse& response, bool head_only) {
  std::string out =
      "HTTP/1.1 " + std::to_string(response.status) + " " + std::string(reason_phrase(response.status)) + "\r\n";
  for (const auto& [name, value] : response.headers) {
    std::string key = lower_case(name);
    if (key == "content-length" || key == "connection" || key == "transfer-encoding") continue;
    out += name + ": " + value + "\r\n";
  }
  // 304 and 204 carry no body, and say nothing about its length.
  if (response.status != 304 && response.status != 204)
    out += "content-length: " + std::to_string(response.body.size()) + "\r\n";
  out += "connection: close\r\n\r\n";
  if (!head_only && response.status != 304 && response.status != 204) out += response.body;
  return out;
}

}  // namespace sls::dev
