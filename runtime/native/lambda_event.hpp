// Translation between the HTTP API v2 / function URL payload (payload format 2.0) and the SDK's
// Request/Response.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <sls/function.hpp>

namespace sls::runtime {

struct EventParseResult {
  std::optional<Request> request;
  std::string error;  // why the event is malformed, when request is empty
};

// rawPath, rawQueryString, headers, cookies (-> one "cookie" header), requestContext.http.method,
// body + isBase64Encoded, pathParameters (else route params from info.route). Missing fields take
// neutral defaults; a non-object event, a field of the wrong type or a bad base64 body is malformed.
EventParseResult request_from_event(std::string_view event_json, const detail::FunctionInfo& info);

// {"statusCode","headers","body","isBase64Encoded"} plus "cookies" for set-cookie headers (a JSON
// object cannot repeat them). A body that is not valid UTF-8 is sent base64-encoded.
std::string response_to_event_json(const Response& response);

}  // namespace sls::runtime
