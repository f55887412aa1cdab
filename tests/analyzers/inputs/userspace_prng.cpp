// Given rand()-family calls and <random> engines, we should report the
// process-wide generators and static engines, and not per-request engines.
#include <cstdlib>
#include <random>

#include <sls/function.hpp>

static std::mt19937 g_engine(std::random_device{}());   // expect: warning sls-userspace-prng; warning sls-global-mutable-state; warning sls-init-unique-value
static std::minstd_rand g_fast;                          // expect: warning sls-userspace-prng; warning sls-global-mutable-state
static std::mt19937_64 g_reseeded;                       // reseeded per request: fine  // expect: warning sls-global-mutable-state

static int roll() {
  static std::default_random_engine engine;             // expect: warning sls-userspace-prng; warning sls-global-mutable-state
  return static_cast<int>(engine() % 6);
}

sls::Response handle(const sls::Request& request, sls::Context& context) {
  int a = rand();                                        // expect: warning sls-userspace-prng
  long b = random();                                     // expect: warning sls-userspace-prng
  double c = drand48();                                  // expect: warning sls-userspace-prng
  std::random_device device;
  std::mt19937 local(device());                          // a local engine, fresh seed
  g_reseeded.seed(device());
  std::uniform_int_distribution<int> dice(1, 6);
  int d = dice(local) + dice(g_reseeded) + roll() + static_cast<int>(g_engine() + g_fast());
  unsigned state = device();
  int e = rand_r(&state);                                // local state: fine
  return sls::Response::text(200, (a + b + c + d + e) > 0 ? "ok" : "no");
}
SLS_HANDLER(handle)
