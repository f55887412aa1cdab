// Given threads that loop with sleeps, loop without sleeping, sleep once, or
// are joined before the handler returns, we should report only the periodic
// ones left running.
#include <chrono>
#include <pthread.h>
#include <thread>
#include <unistd.h>

#include <aws/lambda-runtime/runtime.h>

using namespace std::chrono_literals;

static bool g_running = true;  // expect: warning sls-global-mutable-state

static void flush_metrics() {}

static void heartbeat() {
  while (g_running) {
    flush_metrics();
    std::this_thread::sleep_for(5s);
  }
}

static void pause_briefly() { usleep(1000); }

static void* poller(void*) {
  for (;;) pause_briefly();
  return nullptr;
}

static void compute() {
  for (int i = 0; i < 10; ++i) flush_metrics();
}

static void warm_up() {
  std::this_thread::sleep_for(1ms);
  flush_metrics();
}

static aws::lambda_runtime::invocation_response handler(const aws::lambda_runtime::invocation_request& request) {
  std::thread retry([] {
    for (int attempt = 0; attempt < 3; ++attempt) std::this_thread::sleep_for(10ms);
  });
  retry.join();                  // a bounded retry, joined: fine
  std::thread crunch(compute);   // loops, never sleeps: not periodic
  crunch.join();
  g_running = false;
  return aws::lambda_runtime::invocation_response::success("ok", "text/plain");
}

int main() {
  std::thread beat(heartbeat);  // expect: warning sls-periodic-thread
  beat.detach();                // expect: error sls-detached-thread
  pthread_t id;
  pthread_create(&id, nullptr, poller, nullptr);  // expect: warning sls-periodic-thread; error sls-detached-thread
  std::thread lambda_beat([] {  // expect: warning sls-periodic-thread
    while (true) sleep(60);
  });
  lambda_beat.detach();         // expect: error sls-detached-thread
  std::thread once(warm_up);    // sleeps once, no loop
  once.join();
  aws::lambda_runtime::run_handler(handler);
  return 0;
}
