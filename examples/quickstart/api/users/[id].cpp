// GET /api/users/:id -> the user as JSON; a dynamic route segment.
#include <sls/function.hpp>

#include <cctype>

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
  return sls::Response::json(200, R"({"id":)" + id + R"(,"function":")" + ctx.function_name() + R"("})");
}
SLS_HANDLER(get_user)
