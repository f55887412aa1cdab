// The native bootstrap, compiled as sls compiles it, against the fake Lambda Runtime API.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "built_functions.hpp"
#include "lambda_runtime_server.hpp"
#include "native/base64.hpp"

using nlohmann::json;
using namespace std::chrono_literals;

namespace sls::test {
namespace {

constexpr auto k_wait = 20s;

json http_event(const std::string& method, const std::string& path, const std::string& query = "") {
  return {{"version", "2.0"},
          {"rawPath", path},
          {"rawQueryString", query},
          {"headers", json::object()},
          {"requestContext", {{"http", {{"method", method}, {"path", path}}}}},
          {"isBase64Encoded", false}};
}

class NativeLambdaTest : public ::testing::Test {
protected:
  // Starts the bootstrap of `handler_file` pointed at m_server, with `extra_env` added.
  std::unique_ptr<Child> start(const std::string& handler_file, const std::string& runtime_api = "",
                               std::vector<std::pair<std::string, std::string>> extra_env = {}) {
    const auto build = BuiltFunctions::get(Target::native, handler_file);
    EXPECT_TRUE(build.ok) << build.log;
    ProcessSpec spec{{build.artifact.string()},
                     {{"AWS_LAMBDA_RUNTIME_API", runtime_api.empty() ? m_server.address() : runtime_api},
                      {"AWS_REGION", "eu-west-1"},
                      {"PATH", "/usr/bin:/bin"}},
                     "",
                     {}};
    spec.env.insert(spec.env.end(), extra_env.begin(), extra_env.end());
    return std::make_unique<Child>(spec, BuiltFunctions::scratch());
  }

  // The one result for `id`, parsed; fails the test when it never came.
  json response_for(const std::string& id, std::size_t expected_results) {
    EXPECT_TRUE(m_server.wait_for_results(expected_results, k_wait));
    const auto result = m_server.result_for(id);
    if (!result) {
      ADD_FAILURE() << "no result for " << id;
      return json();
    }
    EXPECT_EQ(result->kind, ResultKind::response) << result->body;
    return json::parse(result->body);
  }

  LambdaRuntimeServer m_server;
};

TEST_F(NativeLambdaTest, GetWithQueryHeadersCookiesAndRouteParams) {
  // Given a GET event with a query, mixed-case header lookups and cookies, we should answer a 200
  // whose body shows every field decoded, the route param taken from the route define, and the
  // Lambda context filled in.
  auto event = http_event("GET", "/api/users/42", "name=Ada+L%21&tag=a&tag=b");
  event["headers"] = {{"x-test", "v1"}, {"content-type", "text/plain"}};
  event["cookies"] = {"s=1", "t=2"};
  QueuedEvent queued{event.dump(), std::nullopt, "Root=1-abc", "arn:aws:lambda:eu-west-1:0:function:f"};
  const auto id = m_server.enqueue(queued);
  auto child = start("echo.cpp");
  const auto response = response_for(id, 1);
  EXPECT_EQ(response["statusCode"], 200);
  EXPECT_EQ(response["isBase64Encoded"], false);
  EXPECT_EQ(response["headers"]["content-type"], "text/plain; charset=utf-8");
  EXPECT_EQ(response["headers"]["x-echo"], "yes");
  EXPECT_EQ(response["cookies"], json({"a=1", "b=2"}));
  EXPECT_EQ(response["body"],
            "method=GET\npath=/api/users/42\nname=Ada L!\nquery=[name=Ada L!][tag=a][tag=b]\n"
            "x-test=v1\ncookie=s=1; t=2\ncontent-type=text/plain\nid=42\nparams=[id=42]\nbody=\n"
            "request_id=" +
                id + "\nfunction=api/users/[id]\nregion=eu-west-1\ntrace=Root=1-abc\nhas_time=yes\n");
}

TEST_F(NativeLambdaTest, PostBase64BodyIsDecodedAndBinaryAnswerIsEncoded) {
  // Given a POST whose body is base64 (text, then raw bytes echoed back), we should see the decoded
  // body, and a non-UTF-8 answer should come back base64-encoded with isBase64Encoded true.
  auto text_event = http_event("POST", "/api/users/1");
  text_event["body"] = runtime::base64_encode("payload=yes");
  text_event["isBase64Encoded"] = true;
  const std::string bytes("\xff\x00\x01binary\xfe", 10);
  auto binary_event = http_event("POST", "/api/users/1", "binary=1");
  binary_event["body"] = runtime::base64_encode(bytes);
  binary_event["isBase64Encoded"] = true;
  const auto text_id = m_server.enqueue(text_event.dump());
  const auto binary_id = m_server.enqueue(binary_event.dump());
  auto child = start("echo.cpp");
  EXPECT_NE(response_for(text_id, 2)["body"].get<std::string>().find("\nbody=payload=yes\n"), std::string::npos);
  const auto binary = response_for(binary_id, 2);
  EXPECT_EQ(binary["isBase64Encoded"], true);
  EXPECT_EQ(runtime::base64_decode(binary["body"].get<std::string>()), bytes);
}

TEST_F(NativeLambdaTest, EventPathParametersWinOverTheRouteDefine) {
  // Given an event that carries pathParameters (an API Gateway route), we should use them rather
  // than matching rawPath against the compiled-in route.
  auto event = http_event("GET", "/somewhere/else");
  event["pathParameters"] = {{"id", "from-gateway"}};
  const auto id = m_server.enqueue(event.dump());
  auto child = start("echo.cpp");
  EXPECT_NE(response_for(id, 1)["body"].get<std::string>().find("\nid=from-gateway\n"), std::string::npos);
}

TEST_F(NativeLambdaTest, ThrowingHandlerIsReportedAndTheProcessServesOn) {
  // Given a handler that throws a std and then a user exception type, we should post two /error
  // reports naming the readable types, and the same process should then answer the next event.
  const auto std_id = m_server.enqueue(http_event("GET", "/api/users/1", "fail=std").dump());
  const auto custom_id = m_server.enqueue(http_event("GET", "/api/users/1", "fail=custom").dump());
  const auto ok_id = m_server.enqueue(http_event("GET", "/api/users/1").dump());
  auto child = start("throwing.cpp");
  ASSERT_TRUE(m_server.wait_for_results(3, k_wait)) << child->err();
  const auto std_error = m_server.result_for(std_id);
  ASSERT_TRUE(std_error && std_error->kind == ResultKind::error);
  EXPECT_EQ(std_error->error_type, "std::runtime_error");
  const auto report = json::parse(std_error->body);
  EXPECT_EQ(report["errorType"], "std::runtime_error");
  EXPECT_EQ(report["errorMessage"], "boom from the handler");
  EXPECT_EQ(report["stackTrace"], json::array());
  EXPECT_EQ(m_server.result_for(custom_id).value().error_type, "app::QuotaExceeded");
  EXPECT_EQ(response_for(ok_id, 3)["body"], "fine");
  EXPECT_FALSE(child->wait(0ms)) << "the bootstrap exited after an error";
}

TEST_F(NativeLambdaTest, WarmInvocationsShareOneProcess) {
  // Given two invocations of a function that counts in a global, we should see 1 then 2: one
  // process serves both, as a warm Lambda instance does.
  const auto first = m_server.enqueue(http_event("GET", "/").dump());
  const auto second = m_server.enqueue(http_event("GET", "/").dump());
  auto child = start("counter.cpp");
  EXPECT_EQ(response_for(first, 2)["body"], "1");
  EXPECT_EQ(response_for(second, 2)["body"], "2");
}

TEST_F(NativeLambdaTest, MaxConcurrencyRunsThatManyWorkersAtOnce) {
  // Given AWS_LAMBDA_MAX_CONCURRENCY=3 and three queued events, we should see the glue pull all three
  // at once (three /next long-polls) and the handler run three times side by side, well within the
  // second a sequential loop would spend per event.
  ASSERT_TRUE(BuiltFunctions::get(Target::native, "concurrent.cpp").ok);  // compiled before the clock starts
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(m_server.enqueue(http_event("GET", "/api/users/1").dump()));
  const auto started = std::chrono::steady_clock::now();
  auto child = start("concurrent.cpp", "", {{"AWS_LAMBDA_MAX_CONCURRENCY", "3"}});
  for (const std::string& id : ids) EXPECT_EQ(response_for(id, 3)["body"], "peak=3");
  EXPECT_LT(std::chrono::steady_clock::now() - started, 900ms);
  EXPECT_EQ(m_server.delivered(), 3u);
}

TEST_F(NativeLambdaTest, WithoutMaxConcurrencyOneEventRunsAtATime) {
  // Given no AWS_LAMBDA_MAX_CONCURRENCY and two queued events, we should serve them one after the
  // other: the handler never sees a second invocation beside it.
  const auto first = m_server.enqueue(http_event("GET", "/api/users/1").dump());
  const auto second = m_server.enqueue(http_event("GET", "/api/users/1").dump());
  auto child = start("concurrent.cpp", "", {{"AWS_LAMBDA_MAX_CONCURRENCY", "1"}});
  EXPECT_EQ(response_for(first, 2)["body"], "peak=1");
  EXPECT_EQ(response_for(second, 2)["body"], "peak=1");
}

TEST_F(NativeLambdaTest, MalformedEventIsAnErrorNotACrash) {
  // Given an event that is not JSON and one with a wrongly typed field, we should post two
  // Runtime.MalformedEvent errors and still answer the valid event after them.
  const auto garbage = m_server.enqueue("this is not json");
  auto wrong = http_event("GET", "/");
  wrong["headers"] = 5;
  const auto wrong_id = m_server.enqueue(wrong.dump());
  const auto good = m_server.enqueue(http_event("GET", "/").dump());
  auto child = start("counter.cpp");
  ASSERT_TRUE(m_server.wait_for_results(3, k_wait));
  EXPECT_EQ(m_server.result_for(garbage).value().error_type, "Runtime.MalformedEvent");
  EXPECT_EQ(m_server.result_for(wrong_id).value().error_type, "Runtime.MalformedEvent");
  EXPECT_EQ(response_for(good, 3)["body"], "1");
}

TEST_F(NativeLambdaTest, TraceIdAndDeadlineArePerInvocation) {
  // Given one invocation with a trace id and a passed deadline, then one with neither, we should
  // see the trace id only in the first and no time left only in the first.
  QueuedEvent traced{http_event("GET", "/").dump(), std::chrono::system_clock::now() - 1s, "Root=1-first", "arn:x"};
  const auto first = m_server.enqueue(traced);
  const auto second = m_server.enqueue(http_event("GET", "/").dump());
  auto child = start("echo.cpp");
  const auto first_body = response_for(first, 2)["body"].get<std::string>();
  const auto second_body = response_for(second, 2)["body"].get<std::string>();
  EXPECT_NE(first_body.find("\ntrace=Root=1-first\nhas_time=no\n"), std::string::npos) << first_body;
  EXPECT_NE(second_body.find("\ntrace=\nhas_time=yes\n"), std::string::npos) << second_body;
}

TEST_F(NativeLambdaTest, MissingHandlerIsAnInitError) {
  // Given a function without SLS_HANDLER, we should post /runtime/init/error and exit non-zero
  // without asking for an invocation.
  m_server.enqueue(http_event("GET", "/").dump());
  auto child = start("no_handler.cpp");
  ASSERT_TRUE(m_server.wait_for_init_errors(1, k_wait));
  EXPECT_EQ(m_server.init_errors()[0].error_type, "Runtime.NoHandler");
  EXPECT_NE(json::parse(m_server.init_errors()[0].body)["errorMessage"].get<std::string>().find("SLS_HANDLER"),
            std::string::npos);
  const auto code = child->wait(k_wait);
  ASSERT_TRUE(code);
  EXPECT_NE(*code, 0);
  EXPECT_EQ(m_server.delivered(), 0u);
}

TEST_F(NativeLambdaTest, UnreachableRuntimeApiExitsNonZero) {
  // Given a Runtime API address where nothing listens, we should exit non-zero promptly instead of
  // spinning.
  std::string dead_address;
  {
    LambdaRuntimeServer gone;
    dead_address = gone.address();
  }
  auto child = start("echo.cpp", dead_address);
  const auto code = child->wait(k_wait);
  ASSERT_TRUE(code);
  EXPECT_NE(*code, 0);
  EXPECT_NE(child->err().find("cannot"), std::string::npos) << child->err();
}

}  // namespace
}  // namespace sls::test
