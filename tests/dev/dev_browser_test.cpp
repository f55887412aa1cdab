// A real browser on sls dev: headless Chromium loads the quickstart's page, whose script asks
// /api/hello for a greeting and writes it into the page; the rendered DOM must hold the answer.
#include <gtest/gtest.h>

#include "core/process.hpp"
#include "tests/dev/dev_session.hpp"

namespace sls::testing {
namespace {
using namespace std::chrono_literals;

TEST(DevBrowserTest, ThePageShowsWhatTheFunctionAnswered) {
  // Given the quickstart page served by sls dev, we should find "hello browser" (api/hello's
  // answer to the page's fetch) in the DOM Chromium rendered.
  auto chromium = find_on_path("chromium");
  // A missing browser is a failure, not a skip: scripts/install-deps.sh installs it.
  ASSERT_TRUE(chromium) << "chromium is not installed (scripts/install-deps.sh installs it)";
  TempDir project("sls-dev-browser");
  copy_example("quickstart", project.path());
  DevSession session(project.path());
  ASSERT_TRUE(session.serving()) << session.log();
  TempDir profile("sls-dev-chromium");
  std::string url = "http://127.0.0.1:" + std::to_string(session.port()) + "/";
  SystemProcessRunner runner;
  ProcessSpec spec{{chromium->string(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile.path().string(), "--virtual-time-budget=5000", "--dump-dom", url},
                   std::nullopt,
                   "",
                   {},
                   60s};
  auto result = runner.run(spec);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_FALSE(result->timed_out);
  EXPECT_NE(result->stdout_data.find(R"(<p id="greeting">hello browser</p>)"), std::string::npos)
      << result->stdout_data << "\n"
      << result->stderr_data.substr(0, 2000);
  EXPECT_TRUE(session.wait_for_log("GET /api/hello?name=browser 200 api/hello#1 cold", 5s)) << session.log();
}

}  // namespace
}  // namespace sls::testing
