// Given generators seeded during initialisation from random_device, the clock
// or a clock-derived seed variable, we should report the seed (a snapshot
// restore copies it into every clone); seeds made per request are fine.
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <random>

#include <sls/function.hpp>

static std::mt19937 g_from_device{std::random_device{}()};  // expect: warning sls-global-mutable-state; warning sls-init-unique-value; warning sls-userspace-prng
static std::default_random_engine g_from_clock(  // expect: warning sls-global-mutable-state; warning sls-userspace-prng
    static_cast<unsigned>(std::chrono::system_clock::now().time_since_epoch().count()));  // expect: warning sls-init-unique-value
static std::minstd_rand g_seeded_later = [] {  // expect: warning sls-global-mutable-state; warning sls-userspace-prng
  std::minstd_rand engine;
  engine.seed(static_cast<unsigned>(time(nullptr)));  // expect: warning sls-init-unique-value
  return engine;
}();
static unsigned g_state;  // expect: warning sls-global-mutable-state

__attribute__((constructor)) static void seed_state() {
  g_state = static_cast<unsigned>(time(nullptr));  // expect: warning sls-init-unique-value
}

sls::Response handle(const sls::Request& request, sls::Context& context) {
  std::mt19937 fresh(static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count()));
  unsigned local_state = static_cast<unsigned>(time(nullptr));
  const int a = rand_r(&g_state);  // expect: warning sls-userspace-prng
  const int b = rand_r(&local_state);
  const auto c = g_from_device() + g_from_clock() + g_seeded_later() + fresh();
  return sls::Response::text(200, std::to_string(a + b + static_cast<int>(c)).c_str());
}
SLS_HANDLER(handle)
