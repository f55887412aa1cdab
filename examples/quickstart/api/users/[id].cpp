// GET /api/users/:id -> the user as JSON; a dynamic route segment.
//
// An id too large for a 64-bit number makes std::stoll throw; the exception
// escapes the handler on purpose, to show what happens then: the runtime
// reports it to the platform (errorType "std::out_of_range") and the same
// process goes on serving the next request.
#include <sls/function.hpp>

#include <cctype>
#include <string>

namespace {

bool is_number(const std::string& text) {
  if (text.empty()) return false;
  for (unsigned char c : text) {
    if (!std::isdigit(c)) return false;
  }
  return true;
}

}  // namespace

sls::Response get_user(const sls::Request& req, sls::Context& ctx) {
  std::string id = req.param("id");
  if (!is_number(id)) return sls::Response::json(400, R"({"error":"id must be a number"})");
  long long number = std::stoll(id);
  return sls::Response::json(200, R"({"id":)" + std::to_string(number) + R"(,"function":")" + ctx.function_name() + R"("})");
}
SLS_HANDLER(get_user)
