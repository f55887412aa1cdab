// lint-profile: snapshot
// Given entropy and ids made during initialisation and per request, we should
// report the init-time ones, as errors under the snapshot profile.
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <sys/random.h>

#include <aws/lambda-runtime/runtime.h>

static unsigned g_seed = std::random_device{}();  // expect: error sls-init-unique-value; note sls-global-mutable-state

static std::string make_instance_id() {
  unsigned char bytes[16];
  getrandom(bytes, sizeof bytes, 0);  // expect: error sls-init-unique-value
  return std::string(reinterpret_cast<char*>(bytes), 16);
}
static const std::string g_instance_id = make_instance_id();

static std::string make_request_id() {
  unsigned char bytes[16];
  getrandom(bytes, sizeof bytes, 0);  // per request: unique
  return std::string(reinterpret_cast<char*>(bytes), 16);
}

__attribute__((constructor)) static void seed_at_load() {
  srand(static_cast<unsigned>(time(nullptr)));  // expect: error sls-init-unique-value
}

static aws::lambda_runtime::invocation_response handler(const aws::lambda_runtime::invocation_request& request) {
  std::random_device device;
  unsigned fresh = device();  // per request: unique
  std::string id = make_request_id();
  return aws::lambda_runtime::invocation_response::success(id.c_str(), "text/plain");
}

int main() {
  std::random_device device;
  unsigned boot_nonce = device();  // expect: error sls-init-unique-value
  aws::lambda_runtime::run_handler(handler);
  unsigned after = device();       // after the loop: shutdown, not init
  return static_cast<int>(boot_nonce + after);
}
