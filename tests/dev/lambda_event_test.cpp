// http_api_event and response_from_payload (dev/lambda_event.hpp): an HTTP request as Lambda's
// HTTP API v2 event, and a function's payload back as API Gateway reads it.
#include "dev/lambda_event.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dev/base64.hpp"
#include "dev/function_host.hpp"

namespace sls::dev {
namespace {
using nlohmann::json;

HttpRequest sample_request() {
  HttpRequest request;
  request.method = "POST";
  request.target = "/api/users/42?name=Ada+L&tag=a&tag=b";
  request.headers = {{"host", "127.0.0.1:3000"},
                     {"x-test", "1"},
                     {"x-test", "2"},
                     {"cookie", "s=1; t=2"},
                     {"user-agent", "curl/7.88"}};
  request.body = "{\"a\":1}";
  request.remote_address = "127.0.0.1";
  return request;
}

TEST(LambdaEventTest, RequestBecomesAVersionTwoEvent) {
  // Given a POST with a query, a repeated header, cookies and a route parameter, we should write
  // every field of the v2 event the way API Gateway does.
  json event = json::parse(http_api_event(sample_request(), {"req-1", {{"id", "42"}}}));
  EXPECT_EQ(event["version"], "2.0");
  EXPECT_EQ(event["rawPath"], "/api/users/42");
  EXPECT_EQ(event["rawQueryString"], "name=Ada+L&tag=a&tag=b");
  EXPECT_EQ(event["queryStringParameters"], json({{"name", "Ada L"}, {"tag", "a,b"}}));
  EXPECT_EQ(event["pathParameters"], json({{"id", "42"}}));
  EXPECT_EQ(event["headers"]["x-test"], "1,2");
  EXPECT_FALSE(event["headers"].contains("cookie"));
  EXPECT_EQ(event["cookies"], json({"s=1", "t=2"}));
  EXPECT_EQ(event["requestContext"]["http"]["method"], "POST");
  EXPECT_EQ(event["requestContext"]["http"]["path"], "/api/users/42");
  EXPECT_EQ(event["requestContext"]["http"]["sourceIp"], "127.0.0.1");
  EXPECT_EQ(event["requestContext"]["http"]["userAgent"], "curl/7.88");
  EXPECT_EQ(event["requestContext"]["requestId"], "req-1");
  EXPECT_EQ(event["body"], "{\"a\":1}");
  EXPECT_EQ(event["isBase64Encoded"], false);
}

TEST(LambdaEventTest, BinaryBodyTravelsAsBase64) {
  // Given a body that is not UTF-8, we should send it base64-encoded with isBase64Encoded set.
  HttpRequest request = sample_request();
  request.body = std::string("\xff\x00\x01", 3);
  json event = json::parse(http_api_event(request, {"req-2", {}}));
  EXPECT_EQ(event["isBase64Encoded"], true);
  EXPECT_EQ(base64_decode(event["body"].get<std::string>()), request.body);
  EXPECT_FALSE(event.contains("pathParameters"));
}

TEST(LambdaEventTest, StructuredResponseGivesStatusHeadersCookiesAndBody) {
  // Given a payload with statusCode, headers, cookies and a base64 body, we should answer with all of them.
  HttpResponse response = response_from_payload(
      R"({"statusCode":201,"headers":{"content-type":"image/png","x-n":5},"cookies":["a=1","b=2"],)"
      R"("body":")" +
      base64_encode("PNG\x01") + R"(","isBase64Encoded":true})");
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.header("content-type"), "image/png");
  EXPECT_EQ(response.header("x-n"), "5");
  EXPECT_EQ(response.body, "PNG\x01");
  int cookies = 0;
  for (const auto& [name, value] : response.headers) cookies += name == "set-cookie";
  EXPECT_EQ(cookies, 2);
}

TEST(LambdaEventTest, PlainPayloadsAreTheBodyWithStatus200) {
  // Given payloads that are not a structured response (text, a JSON string, an object without
  // statusCode), we should answer 200 with the payload as the body, as API Gateway does.
  HttpResponse text = response_from_payload("hello, not JSON");
  EXPECT_EQ(text.status, 200);
  EXPECT_EQ(text.body, "hello, not JSON");
  EXPECT_EQ(response_from_payload(R"("just a string")").body, "just a string");
  HttpResponse object = response_from_payload(R"({"ok":true})");
  EXPECT_EQ(object.status, 200);
  EXPECT_EQ(object.body, R"({"ok":true})");
  EXPECT_EQ(object.header("content-type"), "application/json");
}

TEST(LambdaEventTest, FailedInvocationsAre502AndTimeoutsAre504) {
  // Given each way an invocation can end without a payload, we should answer as API Gateway does.
  using Kind = InvocationOutcome::Kind;
  EXPECT_EQ(response_for_outcome({Kind::FunctionError, R"({"errorType":"x"})", "x"}).status, 502);
  EXPECT_EQ(response_for_outcome({Kind::InitError, "", ""}).status, 502);
  EXPECT_EQ(response_for_outcome({Kind::Exited, "", ""}).status, 502);
  EXPECT_EQ(response_for_outcome({Kind::TimedOut, "", ""}).status, 504);
}

}  // namespace
}  // namespace sls::dev
