// A function that defines its own main (docs/sdk.md, "bring your own runtime"):
// built without sls's glue, packaged like any other, and served by the fake
// Lambda Runtime API (tests/support) through its own hand-written loop.
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "lambda_runtime_server.hpp"
#include "process.hpp"
#include "tests/tree_shaking/tree_shaking_e2e.hpp"

namespace sls::e2e {
namespace {

using namespace std::chrono_literals;

fs::path project_fixture(const std::string& name) { return fs::path(SLS_TREE_SHAKING_PROJECTS) / name; }

TEST(OwnRuntimeTest, AFunctionWithItsOwnMainIsBuiltWithoutTheGlueAndServesTheRuntimeApi) {
  // Given api/loop.cpp with its own main speaking the Runtime API, we should build it (no duplicate main), and its
  // bootstrap should answer an event queued on the Runtime API server.
  BuiltProject built = build_copy(project_fixture("own-runtime"));
  ASSERT_EQ(built.build.exit_code, 0) << built.build.err;
  fs::path dir = extract(built.bundle("api/loop"));
  test::LambdaRuntimeServer server;
  test::Child bootstrap(
      {{(dir / "bootstrap").string()}, test::inherited_env({{"AWS_LAMBDA_RUNTIME_API", server.address()}}), {}, dir},
      dir);
  std::string id =
      server.enqueue(R"({"version":"2.0","rawPath":"/api/loop","requestContext":{"http":{"method":"GET"}}})");
  ASSERT_TRUE(server.wait_for_results(1, 20s)) << bootstrap.err();
  auto result = server.result_for(id);
  ASSERT_TRUE(result);
  EXPECT_NE(result->body.find("own loop saw /api/loop"), std::string::npos) << result->body;
  server.stop();
  bootstrap.kill();
}

TEST(OwnRuntimeTest, ASourceWithNeitherHandlerNorMainIsRefusedWithTheFix) {
  // Given a C function that registers nothing, we should refuse it naming the function and showing SLS_HANDLER.
  testing::TempDir project("sls-no-entry");
  project.write("api/helper.c", "int helper(void) { return 1; }\n");
  SlsRun build = run_sls({"build", project.root().string()});
  EXPECT_EQ(build.exit_code, 1);
  EXPECT_NE(build.err.find("function 'api/helper' registers no handler and defines no main"), std::string::npos)
      << build.err;
  EXPECT_NE(build.err.find("SLS_HANDLER(handle)"), std::string::npos) << build.err;
}

}  // namespace
}  // namespace sls::e2e
