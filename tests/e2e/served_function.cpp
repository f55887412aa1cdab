#include "tests/e2e/served_function.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "tests/e2e/quickstart_build.hpp"

namespace sls::e2e {

using nlohmann::json;
using namespace std::chrono_literals;

namespace {
constexpr auto k_wait = 60s;  // only bounds a hang: a bootstrap answers in milliseconds (under qemu, well under a second)
}

namespace {
std::vector<std::string> launched_bootstrap(std::vector<std::string> launcher, const std::filesystem::path& dir) {
  launcher.push_back((dir / "bootstrap").string());
  return launcher;
}
}  // namespace

ServedFunction::ServedFunction(const std::filesystem::path& bundle, const std::string& function,
                               const std::vector<std::string>& launcher)
    : m_dir(extract_bundle(bundle)),
      m_child(test::ProcessSpec{launched_bootstrap(launcher, m_dir),
                                test::inherited_env({{"AWS_LAMBDA_RUNTIME_API", m_server.address()},
                                                     {"AWS_LAMBDA_FUNCTION_NAME", function},
                                                     {"LAMBDA_TASK_ROOT", m_dir.string()}}),
                                {},
                                m_dir},
              m_dir) {}

ServedFunction::~ServedFunction() {
  m_server.stop();
  m_child.kill();
}

std::vector<test::InvocationResult> ServedFunction::invoke(const std::vector<json>& events) {
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

json response_of(const test::InvocationResult& result) {
  EXPECT_EQ(result.kind, test::ResultKind::response) << result.body;
  return json::parse(result.body, nullptr, false);
}

}  // namespace sls::e2e
