#include "native/lambda_event.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace sls::runtime {
namespace {

const detail::FunctionInfo k_info{"api/users/[id]", "/api/users/:id"};

TEST(LambdaEventTest, FieldsOfAnHttpApiV2Event) {
  // Given a v2 event with method, path, query, headers, cookies and a base64 body, we should build
  // the matching request, with the route param from the compiled-in route.
  const json event = {{"rawPath", "/api/users/3"},
                      {"rawQueryString", "q=a+b"},
                      {"headers", {{"accept", "*/*"}}},
                      {"cookies", {"x=1", "y=2"}},
                      {"requestContext", {{"http", {{"method", "PUT"}}}}},
                      {"body", "aGk="},
                      {"isBase64Encoded", true}};
  const auto parsed = request_from_event(event.dump(), k_info);
  ASSERT_TRUE(parsed.request) << parsed.error;
  EXPECT_EQ(parsed.request->method(), "PUT");
  EXPECT_EQ(parsed.request->query("q"), "a b");
  EXPECT_EQ(parsed.request->header("Accept"), "*/*");
  EXPECT_EQ(parsed.request->header("cookie"), "x=1; y=2");
  EXPECT_EQ(parsed.request->body(), "hi");
  EXPECT_EQ(parsed.request->param("id"), "3");
}

TEST(LambdaEventTest, MalformedEventsAreRejectedWithAReason) {
  // Given a non-object, bad JSON, a wrongly typed field and a bad base64 body, we should refuse each
  // with a message instead of throwing.
  for (const char* text :
       {"[1,2]", "{", R"({"rawPath": 5})", R"({"cookies": "x"})", R"({"body": "!!", "isBase64Encoded": true})"}) {
    const auto parsed = request_from_event(text, k_info);
    EXPECT_FALSE(parsed.request) << text;
    EXPECT_FALSE(parsed.error.empty()) << text;
  }
}

TEST(LambdaEventTest, ResponseJsonFoldsRepeatsAndCookies) {
  // Given repeated headers and two set-cookie headers, we should join the repeats and move the
  // cookies to the "cookies" array; a valid UTF-8 body stays text.
  Response response{404, {{"x-a", "1"}, {"x-a", "2"}, {"Set-Cookie", "s=1"}, {"set-cookie", "t=2"}}, "nö"};
  const auto out = json::parse(response_to_event_json(response));
  EXPECT_EQ(out["statusCode"], 404);
  EXPECT_EQ(out["headers"], json({{"x-a", "1, 2"}}));
  EXPECT_EQ(out["cookies"], json({"s=1", "t=2"}));
  EXPECT_EQ(out["body"], "nö");
  EXPECT_EQ(out["isBase64Encoded"], false);
}

}  // namespace
}  // namespace sls::runtime
