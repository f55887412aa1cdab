#include "common/cgi_adapter.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace sls::runtime {
namespace {

const detail::FunctionInfo k_info{"api/items/[id]", "/api/items/:id"};

Response describe(const Request& request, Context& context) {
  return Response::text(200, request.method() + " " + request.path() + " " + request.param("id") + " " +
                                 request.header("x-forwarded-for") + " " + context.function_name());
}

Response no_content_type(const Request&, Context&) { return Response{204, {}, ""}; }

Response throws(const Request&, Context&) { throw std::logic_error("nope"); }

TEST(CgiAdapterTest, HeadersComeFromHttpVariables) {
  // Given HTTP_* variables in any order, we should expose them lower-case with '-', sorted by name.
  const CgiInput input{{{"HTTP_X_FORWARDED_FOR", "1.2.3.4"}, {"HTTP_ACCEPT", "*/*"}, {"CONTENT_TYPE", "a/b"}}, "", ""};
  const auto request = request_from_cgi(input, k_info);
  EXPECT_EQ(request.headers(), (Fields{{"accept", "*/*"}, {"content-type", "a/b"}, {"x-forwarded-for", "1.2.3.4"}}));
}

TEST(CgiAdapterTest, FullInvocationFormatsStatusHeadersAndBody) {
  // Given a request for /api/items/5, we should print "status:", the headers, a blank line and the
  // body, and fill the route param and function name.
  const CgiInput input{
      {{"REQUEST_METHOD", "DELETE"}, {"SCRIPT_NAME", "/api/items/5"}, {"HTTP_X_FORWARDED_FOR", "ip"}}, "", ""};
  EXPECT_EQ(run_cgi(input, {&describe, k_info}),
            "status: 200\ncontent-type: text/plain; charset=utf-8\n\nDELETE /api/items/5 5 ip api/items/[id]");
}

TEST(CgiAdapterTest, ResponseWithoutContentTypeGetsOne) {
  // Given a response with no content-type, we should add one, since WAGI rejects output without it.
  EXPECT_EQ(run_cgi({{}, "", ""}, {&no_content_type, k_info}),
            "status: 204\ncontent-type: application/octet-stream\n\n");
}

TEST(CgiAdapterTest, ExceptionBecomesA500) {
  // Given a handler that throws std::logic_error, we should answer 500 naming type and message.
  const auto out = run_cgi({{}, "", ""}, {&throws, k_info});
  EXPECT_TRUE(out.starts_with("status: 500\n")) << out;
  EXPECT_NE(out.find("std::logic_error: nope"), std::string::npos) << out;
}

TEST(CgiAdapterTest, TheTestBinaryHasNoHandlerSoTheFallbackReportsIt) {
  // Given a program linked without SLS_HANDLER (this test binary), we should see the weak
  // fallback: the binding is unregistered and a CGI run answers 500 naming SLS_HANDLER.
  EXPECT_FALSE(linked_handler().registered());
  const auto out = run_cgi({{}, "", ""}, linked_handler());
  EXPECT_TRUE(out.starts_with("status: 500\n")) << out;
  EXPECT_NE(out.find("SLS_HANDLER"), std::string::npos);
}

}  // namespace
}  // namespace sls::runtime
