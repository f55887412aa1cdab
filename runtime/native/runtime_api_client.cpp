#include "runtime_api_client.hpp"

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

namespace sls::runtime {

namespace {
constexpr std::string_view k_base = "/2018-06-01/runtime";

std::chrono::system_clock::time_point parse_deadline(const std::string& millis) {
  if (millis.empty()) return std::chrono::system_clock::time_point::max();
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(std::strtoll(millis.c_str(), nullptr, 10)));
}

// Header values cannot carry line breaks; a hostile type name must not split the request.
std::string header_safe(std::string text) {
  for (char& c : text) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return text;
}

bool accepted(const HttpResult& result, std::string_view what) {
  if (result.response && result.response->status / 100 == 2) return true;
  const std::string detail = result.response ? "status " + std::to_string(result.response->status) : result.error;
  std::fprintf(stderr, "sls: runtime API refused %.*s: %s\n", static_cast<int>(what.size()), what.data(),
               detail.c_str());
  return false;
}
}  // namespace

std::optional<Invocation> RuntimeApiClient::next(std::string& error) {
  auto result = m_http.get(std::string(k_base) + "/invocation/next");
  if (!result.response) {
    error = result.error;
    return std::nullopt;
  }
  const auto& response = *result.response;
  Invocation invocation{response.header("Lambda-Runtime-Aws-Request-Id"),
                        response.header("Lambda-Runtime-Invoked-Function-Arn"),
                        response.header("Lambda-Runtime-Trace-Id"),
                        parse_deadline(response.header("Lambda-Runtime-Deadline-Ms")), response.body};
  if (response.status != 200 || invocation.request_id.empty()) {
    error = "/invocation/next answered status " + std::to_string(response.status) + " without a request id";
    return std::nullopt;
  }
  return invocation;
}

bool RuntimeApiClient::post_response(std::string_view request_id, std::string_view response_json) {
  const auto target = std::string(k_base) + "/invocation/" + std::string(request_id) + "/response";
  return accepted(m_http.post(target, response_json, {{"Content-Type", "application/json"}}), target);
}

bool RuntimeApiClient::post_error(std::string_view request_id, const ErrorReport& report) {
  return post_report(std::string(k_base) + "/invocation/" + std::string(request_id) + "/error", report);
}

bool RuntimeApiClient::post_init_error(const ErrorReport& report) {
  return post_report(std::string(k_base) + "/init/error", report);
}

bool RuntimeApiClient::post_report(const std::string& target, const ErrorReport& report) {
  const nlohmann::json body = {
      {"errorMessage", report.message}, {"errorType", report.type}, {"stackTrace", nlohmann::json::array()}};
  const Fields headers = {{"Content-Type", "application/json"},
                          {"Lambda-Runtime-Function-Error-Type", header_safe(report.type)}};
  const auto text = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return accepted(m_http.post(target, text, headers), target);
}

}  // namespace sls::runtime
