#include "bundler/output/manifest.hpp"

#include <list>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/planned_function.hpp"

namespace sls {
namespace {

// The manifest refers to planned functions; these outlive every test.
ManifestFunction function(const std::string& name, const std::string& route) {
  static std::list<testing::PlannedFixture> planned;
  testing::PlannedFixture& fixture = planned.emplace_back(name, route);
  fixture.planned.regions = {"iad1"};
  ManifestFunction f;
  f.planned = &fixture.planned;
  f.bundle.path = "functions/" + name + ".zip";
  return f;
}

TEST(ManifestTest, RoutesListStaticBeforeDynamic) {
  // Given a dynamic and a static function, we should list static routes first, then dynamic ones.
  Manifest manifest{"demo",
                    {"iad1"},
                    {function("api/a/[id]", "/api/a/:id"), function("api/b", "/api/b")},
                    {{"index.html", 5, "abc"}}};
  auto json = nlohmann::json::parse(render_manifest(manifest));
  ASSERT_EQ(json["routes"].size(), 3u);
  EXPECT_EQ(json["routes"][0]["route"], "/api/b");
  EXPECT_EQ(json["routes"][1]["route"], "/index.html");
  EXPECT_EQ(json["routes"][2]["route"], "/api/a/:id");
  EXPECT_EQ(json["static"][0]["content_type"], "text/html; charset=utf-8");
  EXPECT_EQ(json["functions"][1]["runtime"], "provided.al2023");
}

TEST(ManifestTest, RecordsRuntimeAndCachePolicies) {
  // Given a provided.al2 function with a cache_control and static files with and without a policy,
  // we should record the runtime and each policy, and no cache_control key where there is none.
  ManifestFunction f = function("api/old", "/api/old");
  const_cast<PlannedFunction*>(f.planned)->native_runtime = "provided.al2";
  const_cast<PlannedFunction*>(f.planned)->cache_control = "public, max-age=60";
  Manifest manifest{"demo", {"iad1"}, {f}, {{"index.html", 5, "abc", "public, max-age=0, must-revalidate"}, {"a.txt", 1, "d"}}};
  auto json = nlohmann::json::parse(render_manifest(manifest));
  EXPECT_EQ(json["functions"][0]["runtime"], "provided.al2");
  EXPECT_EQ(json["functions"][0]["cache_control"], "public, max-age=60");
  EXPECT_EQ(json["static"][0]["cache_control"], "public, max-age=0, must-revalidate");
  EXPECT_FALSE(json["static"][1].contains("cache_control"));
}

TEST(ManifestTest, FailedFunctionKeepsStaleBundleMarked) {
  // Given a failed function with a previous bundle, we should mark it failed and stale.
  ManifestFunction failed = function("api/x", "/api/x");
  failed.bundle.status = FunctionStatus::Failed;
  failed.bundle.stale = true;
  auto json = nlohmann::json::parse(render_manifest(Manifest{"demo", {"iad1"}, {failed}, {}}));
  EXPECT_EQ(json["functions"][0]["status"], "failed");
  EXPECT_EQ(json["functions"][0]["stale"], true);
}

TEST(ManifestTest, RenderingIsStable) {
  // Given the same manifest twice, we should render the same bytes (keys sorted).
  Manifest manifest{"demo", {"iad1"}, {function("api/b", "/api/b")}, {}};
  EXPECT_EQ(render_manifest(manifest), render_manifest(manifest));
}

TEST(ManifestTest, ContentTypes) {
  // Given common static extensions in any case, we should pick the usual types.
  EXPECT_EQ(content_type_for("a/b.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("x.wasm"), "application/wasm");
  EXPECT_EQ(content_type_for("noext"), "application/octet-stream");
}

}  // namespace
}  // namespace sls
