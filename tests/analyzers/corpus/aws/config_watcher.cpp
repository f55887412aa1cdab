// Routing rules for the edge proxy (aws-lambda-cpp). A watcher thread
// re-reads the rules file every 30 seconds so operators can change them live.
#include <aws/lambda-runtime/runtime.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace aws::lambda_runtime;

namespace {

std::mutex rules_mutex;
std::condition_variable rules_changed;
std::vector<std::string> rules;
std::thread watcher;

std::vector<std::string> read_rules() {
  std::vector<std::string> out;
  const char* path = std::getenv("ROUTING_RULES_FILE");
  std::ifstream in(path ? path : "config/rules.txt");
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

void watch() {
  std::unique_lock<std::mutex> lock(rules_mutex);
  for (;;) {
    rules = read_rules();
    rules_changed.wait_for(lock, std::chrono::seconds(30));
  }
}

std::string match(const std::vector<std::string>& table, const std::string& path) {
  for (const auto& r : table) {
    if (path.compare(0, r.find(' '), r, 0, r.find(' ')) == 0) return r.substr(r.find(' ') + 1);
  }
  return "default";
}

invocation_response route(invocation_request const& req) {
  std::lock_guard<std::mutex> lock(rules_mutex);
  return invocation_response::success("{\"backend\":\"" + match(rules, req.payload) + "\"}", "application/json");
}

}  // namespace

int main() {
  watcher = std::thread(watch);
  run_handler(route);
  return 0;
}
