// Given threads that are detached, kept in globals or joined, we should report
// the ones that outlive the invocation.
#include <pthread.h>
#include <thread>
#include <vector>

#include <sls/function.hpp>

static void work() {}
static void* run(void*) { return nullptr; }

static std::thread g_flusher;       // expect: error sls-detached-thread; warning sls-global-mutable-state
static std::thread g_worker;        // joined by the handler: fine  // expect: warning sls-global-mutable-state
static std::vector<std::thread> g_pool;  // expect: error sls-detached-thread; warning sls-global-mutable-state

sls::Response handle(const sls::Request& request, sls::Context& context) {
  std::thread background(work);
  background.detach();                  // expect: error sls-detached-thread
  std::thread([] { work(); }).detach(); // expect: error sls-detached-thread
  pthread_t id;
  pthread_create(&id, nullptr, run, nullptr);
  pthread_detach(id);                   // expect: error sls-detached-thread
  pthread_t lost;
  pthread_create(&lost, nullptr, run, nullptr);  // expect: error sls-detached-thread
  pthread_t joined;
  pthread_create(&joined, nullptr, run, nullptr);
  pthread_join(joined, nullptr);
  std::thread helper(work);
  helper.join();
  std::jthread scoped(work);            // joins when the scope ends
  g_flusher = std::thread(work);
  g_worker = std::thread(work);
  g_worker.join();
  g_pool.emplace_back(work);  // expect: warning sls-unbounded-global-growth
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)
