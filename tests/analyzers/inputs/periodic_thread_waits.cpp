// Given threads paced by a timed wait or a timed poll, started with
// std::async, with a capturing lambda, or as a jthread that lives in main
// around run_handler, we should report them as periodic; a worker that polls
// without a timeout and is joined stays clean.
#include <chrono>
#include <future>
#include <poll.h>
#include <pthread.h>
#include <string>
#include <thread>

#include <aws/lambda-runtime/runtime.h>

using namespace std::chrono_literals;

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_stop = PTHREAD_COND_INITIALIZER;

static void* renew(void*) {
  timespec until{};
  for (;;) pthread_cond_timedwait(&g_stop, &g_lock, &until);
  return nullptr;
}

static void refresher(int fd) {
  pollfd p{fd, POLLIN, 0};
  while (true) poll(&p, 1, 10000);
}

static void drain(int fd) {
  pollfd p{fd, POLLIN, 0};
  while (poll(&p, 1, -1) > 0) {
  }
}

static void keep_alive(std::string doc) {
  while (!doc.empty()) std::this_thread::sleep_for(1s);
}

static void control(std::stop_token stop) {
  while (!stop.stop_requested()) std::this_thread::sleep_for(500ms);
}

static aws::lambda_runtime::invocation_response serve(const aws::lambda_runtime::invocation_request& request) {
  std::string tag = request.payload;
  std::thread beat([tag] {  // expect: warning sls-periodic-thread
    while (true) std::this_thread::sleep_for(15s);
  });
  beat.detach();  // expect: error sls-detached-thread
  auto task = std::async(std::launch::async, keep_alive, tag);  // expect: warning sls-periodic-thread
  std::thread worker(drain, 3);
  worker.join();
  return aws::lambda_runtime::invocation_response::success("ok", "text/plain");
}

int main() {
  pthread_t renewer;
  pthread_create(&renewer, nullptr, renew, nullptr);  // expect: warning sls-periodic-thread; error sls-detached-thread
  std::thread poller(refresher, 4);  // expect: warning sls-periodic-thread
  poller.detach();  // expect: error sls-detached-thread
  std::jthread watcher(control);  // expect: warning sls-periodic-thread
  aws::lambda_runtime::run_handler(serve);
  return 0;
}
