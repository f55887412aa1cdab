#pragma once
// A bootstrap extracted from its bundle, served through a Lambda Runtime API
// server on 127.0.0.1 (tests/support), as AWS would run it.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lambda_runtime_server.hpp"
#include "process.hpp"
#include "tests/e2e/http_event.hpp"

namespace sls::e2e {

// One bootstrap process serving invocations from its own Runtime API server.
// `launcher` goes before the bootstrap's path (qemu-aarch64 for an arm64 one).
class ServedFunction {
public:
  ServedFunction(const std::filesystem::path& bundle, const std::string& function,
                 const std::vector<std::string>& launcher = {});
  ~ServedFunction();

  // Queues the events, waits for all results, returns them in queue order.
  std::vector<test::InvocationResult> invoke(const std::vector<nlohmann::json>& events);

private:
  test::LambdaRuntimeServer m_server;
  std::filesystem::path m_dir;
  test::Child m_child;
};

// The response document of a result that must be a /response.
nlohmann::json response_of(const test::InvocationResult& result);

}  // namespace sls::e2e
