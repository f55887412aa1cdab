// sls dev --arch arm64 on a copy of examples/quickstart: the arm64 bootstraps
// run under qemu-aarch64 (docs/targets.md), answer like the x86_64 ones, and
// keep their state between requests while frozen and thawed.
#include <gtest/gtest.h>

#include "core/file_system.hpp"
#include "tests/dev/dev_session.hpp"
#include "tests/dev/http_client.hpp"

namespace sls::testing {
namespace {
using namespace std::chrono_literals;

// The command lines of `parent`'s children, NUL bytes as spaces.
std::vector<std::string> child_command_lines(pid_t parent) {
  std::vector<std::string> lines;
  for (pid_t child : children_of(parent)) {
    auto text = read_file("/proc/" + std::to_string(child) + "/cmdline");
    if (!text) continue;
    for (char& c : *text) c = c == '\0' ? ' ' : c;
    lines.push_back(*text);
  }
  return lines;
}

TEST(DevArm64Test, Arm64FunctionsAnswerUnderQemu) {
  // Given --arch arm64, we should build arm64 bootstraps, start them under qemu-aarch64 and get
  // the quickstart's answers, with a warm instance keeping its count.
  TempDir project("sls-dev-arm64");
  copy_example("quickstart", project.path());
  DevSession session(project.path(), {"--arch", "arm64"});
  ASSERT_TRUE(session.serving()) << session.log();
  EXPECT_EQ(http_get(session.port(), "/api/hello?name=Ada").body, "hello Ada");
  EXPECT_EQ(http_get(session.port(), "/api/users/42").body, R"({"id":42,"function":"api/users/[id]"})");
  EXPECT_EQ(http_get(session.port(), "/api/visits").body, "visits on this instance: 1");
  EXPECT_EQ(http_get(session.port(), "/api/visits").body, "visits on this instance: 2");
  std::vector<std::string> commands = child_command_lines(session.pid());
  std::size_t under_qemu = 0;
  for (const std::string& line : commands) under_qemu += line.find("qemu-aarch64 -L ") != std::string::npos;
  EXPECT_EQ(under_qemu, 3u) << session.log();  // hello, users/[id] and visits are running
  auto json = read_file(project.path() / ".sls" / "output" / "manifest.json");
  ASSERT_TRUE(json);
  EXPECT_NE(json->find("\"arch\": \"arm64\""), std::string::npos) << *json;
}

}  // namespace
}  // namespace sls::testing
