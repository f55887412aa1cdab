// serve_static and the ETag helpers (dev/static_site.hpp).
#include "dev/static_site.hpp"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.hpp"

namespace sls::dev {
namespace {

const StaticFile k_page{"index.html", "abc123", "text/html; charset=utf-8", 5};

HttpRequest get(std::string if_none_match = "") {
  HttpRequest request{"GET", "/index.html", {}, "", "127.0.0.1"};
  if (!if_none_match.empty()) request.headers.emplace_back("if-none-match", if_none_match);
  return request;
}

TEST(StaticSiteTest, EtagMatchingFollowsIfNoneMatch) {
  // Given the forms a client may send, we should match the exact tag, a weak copy of it, a list holding it and *.
  EXPECT_TRUE(etag_matches("\"abc123\"", "\"abc123\""));
  EXPECT_TRUE(etag_matches("W/\"abc123\"", "\"abc123\""));
  EXPECT_TRUE(etag_matches("\"x\", \"abc123\"", "\"abc123\""));
  EXPECT_TRUE(etag_matches("*", "\"abc123\""));
  EXPECT_FALSE(etag_matches("\"abc12\"", "\"abc123\""));
  EXPECT_FALSE(etag_matches("", "\"abc123\""));
}

TEST(StaticSiteTest, FileIsServedWithTypeAndEtagThen304) {
  // Given a file, we should serve it with its content type and ETag, and answer 304 when the client has it.
  testing::TempDir dir;
  dir.write("index.html", "<p>hi");
  HttpResponse first = serve_static(k_page, dir.path(), get());
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, "<p>hi");
  EXPECT_EQ(first.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(first.header("etag"), "\"abc123\"");
  HttpResponse again = serve_static(k_page, dir.path(), get(first.header("etag")));
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST(StaticSiteTest, CacheControlFromTheManifestIsSent) {
  // Given a file with a policy in the manifest, we should send it; without one, no-cache.
  testing::TempDir dir;
  dir.write("index.html", "<p>hi");
  StaticFile cached = k_page;
  cached.cache_control = "public, max-age=0, must-revalidate";
  EXPECT_EQ(serve_static(cached, dir.path(), get()).header("cache-control"), "public, max-age=0, must-revalidate");
  EXPECT_EQ(serve_static(k_page, dir.path(), get()).header("cache-control"), "no-cache");
}

TEST(StaticSiteTest, FunctionCacheControlIsAddedOnlyWhereTheEdgeWould) {
  // Given a function's cache_control, we should add it to a 200 without one, and leave alone a
  // response that set its own and an error.
  HttpResponse plain = HttpResponse::text(200, "hi");
  add_default_cache_control(plain, "public, max-age=60");
  EXPECT_EQ(plain.header("cache-control"), "public, max-age=60");
  HttpResponse own = HttpResponse::text(200, "hi");
  own.headers.emplace_back("Cache-Control", "no-store");
  add_default_cache_control(own, "public, max-age=60");
  EXPECT_EQ(own.header("cache-control"), "no-store");
  EXPECT_EQ(own.headers.size(), plain.headers.size());
  HttpResponse failed = HttpResponse::text(500, "boom");
  add_default_cache_control(failed, "public, max-age=60");
  EXPECT_EQ(failed.header("cache-control"), "");
}

TEST(StaticSiteTest, OnlyGetAndHeadAreAnswered) {
  // Given a POST to a static file, we should answer 405 naming the allowed methods.
  testing::TempDir dir;
  dir.write("index.html", "<p>hi");
  HttpRequest post = get();
  post.method = "POST";
  HttpResponse response = serve_static(k_page, dir.path(), post);
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.header("allow"), "GET, HEAD");
}

}  // namespace
}  // namespace sls::dev
