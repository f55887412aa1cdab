// The Runtime API hands the glue whatever event the caller sent: parsing it into a Request, and
// answering with a response built from its fields, must never crash the function's process.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "native/lambda_event.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view event(reinterpret_cast<const char*>(data), size);
  sls::detail::FunctionInfo info{"api/users/[id]", "/api/users/:id"};
  sls::runtime::EventParseResult parsed = sls::runtime::request_from_event(event, info);
  if (!parsed.request) return 0;
  sls::Response response;
  response.body = parsed.request->body();
  response.headers = parsed.request->headers();
  (void)sls::runtime::response_to_event_json(response);
  return 0;
}
