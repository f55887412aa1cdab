// Every quickstart bootstrap, extracted from its bundle, served through a
// Lambda Runtime API server on 127.0.0.1 (tests/support), as AWS would run it.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "lambda_runtime_server.hpp"
#include "process.hpp"
#include "tests/e2e/http_event.hpp"
#include "tests/e2e/quickstart_build.hpp"

namespace sls::e2e {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr auto k_wait = 30s;

// One bootstrap process serving invocations from its own fake Runtime API.
class ServedFunction {
public:
  explicit ServedFunction(const std::string& function)
      : m_dir(extract_bundle(quickstart().bundle(function))),
        m_child(test::ProcessSpec{{(m_dir / "bootstrap").string()},
                                  test::inherited_env({{"AWS_LAMBDA_RUNTIME_API", m_server.address()},
                                                       {"AWS_LAMBDA_FUNCTION_NAME", function},
                                                       {"LAMBDA_TASK_ROOT", m_dir.string()}}),
                                  {},
                                  m_dir},
                m_dir) {}

  // Queues the events, waits for all results, returns them in queue order.
  std::vector<test::InvocationResult> invoke(const std::vector<json>& events) {
    std::vector<std::string> ids;
    for (const json& event : events) ids.push_back(m_server.enqueue(event.dump()));
    std::vector<test::InvocationResult> results;
    for (const std::string& id : ids) {
      auto deadline = std::chrono::steady_clock::now() + k_wait;
      while (!m_server.result_for(id) && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
      auto result = m_server.result_for(id);
      EXPECT_TRUE(result) << "no result for " << id << "; bootstrap stderr: " << m_child.err();
      results.push_back(result.value_or(test::InvocationResult{}));
    }
    return results;
  }

  ~ServedFunction() {
    m_server.stop();
    m_child.kill();
  }

private:
  test::LambdaRuntimeServer m_server;
  fs::path m_dir;
  test::Child m_child;
};

json response_of(const test::InvocationResult& result) {
  EXPECT_EQ(result.kind, test::ResultKind::response) << result.body;
  return json::parse(result.body, nullptr, false);
}

TEST(LambdaRuntimeTest, GetWithQuery) {
  // Given a GET with a query string, we should answer through /response with the query applied.
  ServedFunction hello("api/hello");
  auto results = hello.invoke({http_event("GET", "/api/hello", "name=Ada%20L")});
  json response = response_of(results[0]);
  EXPECT_EQ(response["statusCode"], 200);
  EXPECT_EQ(response["body"], "hello Ada L");
  EXPECT_EQ(response["headers"]["content-type"], "text/plain; charset=utf-8");
}

TEST(LambdaRuntimeTest, LibFunctionAndDynamicRoute) {
  // Given lib/ code and a [id] route, we should see both at work through the Runtime API.
  ServedFunction greet("api/greet");
  EXPECT_EQ(response_of(greet.invoke({http_event("GET", "/api/greet", "name=Grace&lang=fr")})[0])["body"],
            "bonjour Grace");
  ServedFunction user("api/users/[id]");
  EXPECT_EQ(response_of(user.invoke({http_event("GET", "/api/users/42")})[0])["body"],
            R"({"id":42,"function":"api/users/[id]"})");
}

TEST(LambdaRuntimeTest, PostWithBase64Body) {
  // Given a base64-encoded binary POST body, we should hand the decoded bytes to the handler and back.
  ServedFunction echo("api/echo");
  std::string encoded = "AAH/Zm9v";  // 00 01 ff 'f' 'o' 'o'
  auto results =
      echo.invoke({http_event("POST", "/api/echo", "", encoded, true, {{"content-type", "application/octet-stream"}})});
  json response = response_of(results[0]);
  EXPECT_EQ(response["statusCode"], 200);
  EXPECT_EQ(response["headers"]["x-body-length"], "6");
  EXPECT_EQ(response["isBase64Encoded"], true);  // not UTF-8, so it goes back encoded
  EXPECT_EQ(response["body"], encoded);
}

TEST(LambdaRuntimeTest, ThrowingHandlerReportsErrorAndKeepsServing) {
  // Given a handler that throws, we should see /error with errorType and the next request still served.
  ServedFunction user("api/users/[id]");
  auto results =
      user.invoke({http_event("GET", "/api/users/99999999999999999999999"), http_event("GET", "/api/users/7")});
  EXPECT_EQ(results[0].kind, test::ResultKind::error);
  EXPECT_EQ(results[0].error_type, "std::out_of_range");
  json error = json::parse(results[0].body, nullptr, false);
  EXPECT_EQ(error["errorType"], "std::out_of_range");
  EXPECT_TRUE(error.contains("errorMessage"));
  EXPECT_EQ(response_of(results[1])["body"], R"({"id":7,"function":"api/users/[id]"})");
}

TEST(LambdaRuntimeTest, WarmInstanceKeepsGlobalState) {
  // Given two invocations served by one process, we should see the global counter carried over.
  ServedFunction visits("api/visits");
  auto results = visits.invoke({http_event("GET", "/api/visits"), http_event("GET", "/api/visits")});
  EXPECT_EQ(response_of(results[0])["body"], "visits on this instance: 1");
  EXPECT_EQ(response_of(results[1])["body"], "visits on this instance: 2");
}

}  // namespace
}  // namespace sls::e2e
