// The native bootstrap without AWS_LAMBDA_RUNTIME_API: one CGI request per process.
#include <gtest/gtest.h>

#include "built_functions.hpp"
#include "cgi_runner.hpp"

namespace sls::test {
namespace {

const BuildResult& echo_native() {
  static const auto build = BuiltFunctions::get(Target::native, "echo.cpp");
  return build;
}

TEST(NativeCgiTest, EnvironmentAndStdinBecomeTheRequest) {
  // Given CGI variables, an HTTP_* header and a body on stdin, we should print the status line,
  // the handler's headers in order and a body that shows every field decoded.
  ASSERT_TRUE(echo_native().ok) << echo_native().log;
  const Env env = {{"REQUEST_METHOD", "POST"},
                   {"PATH_INFO", "/api/users/7"},
                   {"QUERY_STRING", "name=Bo%20b&x"},
                   {"CONTENT_TYPE", "application/json"},
                   {"CONTENT_LENGTH", "8"},
                   {"HTTP_X_TEST", "hdr"},
                   {"HTTP_COOKIE", "c=1"},
                   {"AWS_REGION", "us-east-2"}};
  const auto result = run_cgi_native(echo_native(), env, "{\"a\":1}\n+ignored");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "status: 200\ncontent-type: text/plain; charset=utf-8\nx-echo: yes\nset-cookie: a=1\n"
            "set-cookie: b=2\n\n"
            "method=POST\npath=/api/users/7\nname=Bo b\nquery=[name=Bo b][x=]\nx-test=hdr\ncookie=c=1\n"
            "content-type=application/json\nid=7\nparams=[id=7]\nbody={\"a\":1}\n\n"
            "request_id=\nfunction=api/users/[id]\nregion=us-east-2\ntrace=\nhas_time=yes\n");
}

TEST(NativeCgiTest, EmptyPathInfoFallsBackToRawPathInfo) {
  // Given an empty PATH_INFO and X_RAW_PATH_INFO set, we should route on X_RAW_PATH_INFO.
  ASSERT_TRUE(echo_native().ok) << echo_native().log;
  const auto result = run_cgi_native(echo_native(),
                                     {{"REQUEST_METHOD", "GET"},
                                      {"PATH_INFO", ""},
                                      {"X_RAW_PATH_INFO", "/api/users/99"},
                                      {"QUERY_STRING", "status=404"}},
                                     "");
  EXPECT_TRUE(result.out.starts_with("status: 404\n")) << result.out;
  EXPECT_NE(result.out.find("\nid=99\n"), std::string::npos) << result.out;
}

TEST(NativeCgiTest, EscapingExceptionIsA500AndExitZero) {
  // Given a handler that throws, we should print status 500 with a body naming the exception type
  // and message, and still exit 0 as CGI/WAGI expect.
  const auto build = BuiltFunctions::get(Target::native, "throwing.cpp");
  ASSERT_TRUE(build.ok) << build.log;
  const auto result = run_cgi_native(build, {{"REQUEST_METHOD", "GET"}, {"QUERY_STRING", "fail=std"}}, "");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(result.out.starts_with("status: 500\n")) << result.out;
  EXPECT_NE(result.out.find("std::runtime_error: boom from the handler"), std::string::npos) << result.out;
}

TEST(NativeCgiTest, MissingHandlerIsA500NamingTheFix) {
  // Given a function without SLS_HANDLER, we should answer 500 with a body that says to add it.
  const auto build = BuiltFunctions::get(Target::native, "no_handler.cpp");
  ASSERT_TRUE(build.ok) << build.log;
  const auto result = run_cgi_native(build, {{"REQUEST_METHOD", "GET"}}, "");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(result.out.starts_with("status: 500\n")) << result.out;
  EXPECT_NE(result.out.find("SLS_HANDLER"), std::string::npos);
}

}  // namespace
}  // namespace sls::test
