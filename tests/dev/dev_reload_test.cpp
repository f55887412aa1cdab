// sls dev while the project is edited: a save changes the answer without a restart, a new
// folder's function appears, a failed build keeps the last good bundle serving; and Ctrl-C
// leaves no process, temp folder or listening port behind.
#include <signal.h>

#include <thread>

#include <gtest/gtest.h>

#include "tests/dev/dev_session.hpp"
#include "tests/dev/http_client.hpp"

namespace sls::testing {
namespace {
using namespace std::chrono_literals;
namespace fs = std::filesystem;

std::string hello_source(const std::string& greeting) {
  return "#include <sls/function.hpp>\n"
         "sls::Response handle(const sls::Request&, sls::Context&) {\n"
         "  return sls::Response::text(200, \"" +
         greeting +
         "\");\n"
         "}\n"
         "SLS_HANDLER(handle)\n";
}

// Polls until `target` answers `body` (a rebuild and swap take a moment), up to `timeout`.
bool answers(std::uint16_t port, const std::string& target, const std::string& body, std::chrono::seconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (http_get(port, target).body == body) return true;
    std::this_thread::sleep_for(100ms);
  }
  return false;
}

TEST(DevReloadTest, ASaveChangesTheAnswerAndAFailedBuildKeepsTheLastGoodOne) {
  // Given a running sls dev, we should serve the new answer after a save, serve a function added
  // in a new folder, and keep serving the last good bundle when a save does not compile.
  TempDir project("sls-dev-reload");
  project.write("api/hello.cpp", hello_source("first"));
  DevSession session(project.path());
  ASSERT_TRUE(session.serving()) << session.log();
  EXPECT_EQ(http_get(session.port(), "/api/hello").body, "first");

  project.write("api/hello.cpp", hello_source("second"));
  EXPECT_TRUE(session.wait_for_log("sls: api/hello rebuilt", 60s)) << session.log();
  EXPECT_TRUE(answers(session.port(), "/api/hello", "second", 10s)) << session.log();

  project.write("api/more/extra.cpp", hello_source("extra"));
  EXPECT_TRUE(answers(session.port(), "/api/more/extra", "extra", 60s)) << session.log();

  project.write("api/hello.cpp", hello_source("third") + "this does not compile\n");
  EXPECT_TRUE(session.wait_for_log("api/hello failed to build; still serving its last good bundle", 60s))
      << session.log();
  EXPECT_EQ(http_get(session.port(), "/api/hello").body, "second");
}

TEST(DevReloadTest, CtrlCStopsEveryInstanceAndRemovesItsFolders) {
  // Given sls dev with two warm (frozen) instances, we should, on SIGINT, exit 0 with no child
  // process left, no temp folder left in its TMPDIR and the port closed.
  TempDir project("sls-dev-stop");
  copy_example("quickstart", project.path());
  DevSession session(project.path());
  ASSERT_TRUE(session.serving()) << session.log();
  EXPECT_EQ(http_get(session.port(), "/api/hello").status, 200);
  EXPECT_EQ(http_get(session.port(), "/api/visits").status, 200);
  std::vector<pid_t> instances = children_of(session.pid());
  EXPECT_EQ(instances.size(), 2u);
  fs::path tmp = session.temp_dir() / "tmp";
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp), fs::directory_iterator()), 2);  // one folder per instance

  EXPECT_EQ(session.interrupt(20s), 0) << session.log();
  for (pid_t instance : instances) EXPECT_NE(::kill(instance, 0), 0) << "instance " << instance << " survived";
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp), fs::directory_iterator()), 0) << "temp folders left behind";
  EXPECT_FALSE(port_is_open(session.port()));
  EXPECT_NE(session.log().find("sls: stopped"), std::string::npos);
}

}  // namespace
}  // namespace sls::testing
