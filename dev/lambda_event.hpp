#pragma once
// An HTTP request as the HTTP API v2 / function URL event Lambda hands a function, and the
// function's answer (payload format 2.0) back as an HTTP response, the way API Gateway reads it.

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dev/http_message.hpp"

namespace sls::dev {

struct EventContext {
  std::string request_id;
  std::vector<std::pair<std::string, std::string>> path_parameters;  // from the route, decoded
  std::chrono::system_clock::time_point time = std::chrono::system_clock::now();
};

// The event JSON: version "2.0", rawPath, rawQueryString, lower-case headers (repeats joined with
// ","), cookies taken out of the cookie header, queryStringParameters, pathParameters,
// requestContext.http, and the body (base64 with isBase64Encoded when it is not UTF-8).
std::string http_api_event(const HttpRequest& request, const EventContext& context);

// The function's response payload: an object with statusCode is a structured response (headers,
// cookies as set-cookie, body, isBase64Encoded); a JSON string is the body; anything else (other
// JSON, or text that is not JSON) is the body as it is, with status 200 and application/json.
HttpResponse response_from_payload(std::string_view payload);

}  // namespace sls::dev
