// Given every kind of static storage (handles, threads, engines, signal flags,
// static inline members, singletons handed out by reference, buffers filled
// through pointers), we should report each one: a warning when code that runs
// per request (the handler, a signal handler the file installs) can change
// it, a note when only initialisation or lazy first-use initialisation does.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include <sls/function.hpp>

struct Store {
  void put(int value);
  int get() const;
};

struct Limits {
  static inline int s_calls = 0;  // expect: warning sls-global-mutable-state
  static inline int s_max = 10;   // expect: note sls-global-mutable-state
};

static FILE* g_log = std::fopen("/tmp/x.log", "a");  // expect: note sls-global-mutable-state; warning sls-tmp-lifecycle
static std::thread g_worker;                         // expect: note sls-global-mutable-state; error sls-detached-thread
static std::mt19937 g_engine;                        // expect: warning sls-global-mutable-state; warning sls-userspace-prng
static volatile sig_atomic_t g_timed_out = 0;        // expect: warning sls-global-mutable-state
static std::atomic<bool> g_warmed{false};            // an init-done flag: only ever set to true
static std::atomic<bool> g_busy{false};              // expect: warning sls-global-mutable-state
static std::once_flag g_once;
static char g_buffer[256];                           // expect: warning sls-global-mutable-state
static std::size_t g_used = 0;                       // expect: warning sls-global-mutable-state
static std::map<std::string, int> g_counts;          // expect: warning sls-global-mutable-state
static void* g_plugin = nullptr;                     // expect: note sls-global-mutable-state
static void* g_codec = nullptr;                      // expect: note sls-global-mutable-state
static int g_sock = -1;                              // expect: warning sls-global-mutable-state
using decode_fn = int (*)(int);
static decode_fn g_decode = nullptr;                 // expect: note sls-global-mutable-state
static decode_fn g_fallback = nullptr;               // expect: note sls-global-mutable-state

static void on_timeout(int) { g_timed_out = 1; }

static void background() {}

static Store& store() {
  static Store instance;  // expect: warning sls-global-mutable-state
  return instance;
}

static void* open_plugin(const char*) { return nullptr; }
static bool alive(int fd) { return fd >= 0; }
static int dial() { return 3; }

static bool load_codec() {
  if (g_codec) return true;  // after this, the code below ran once already
  g_plugin = open_plugin("libplugin.so");
  g_codec = open_plugin("libcodec.so");
  return g_codec != nullptr;
}

int boot = [] {  // expect: note sls-global-mutable-state
  std::signal(SIGALRM, on_timeout);  // expect: error sls-posix-timer
  g_worker = std::thread(background);
  Limits::s_max = 20;
  g_decode = [](int x) { return x; };
  return 0;
}();

sls::Response handle(const sls::Request& request, sls::Context& context) {
  ++Limits::s_calls;
  std::uniform_int_distribution<int> pick(0, 9);
  int n = pick(g_engine);
  if (!g_warmed.exchange(true)) n += 1;
  g_busy.store(true);
  g_busy = false;
  std::memcpy(g_buffer + g_used, "x", 1);
  g_used += 1;
  int& slot = g_counts.at("hits");
  ++slot;
  store().put(n);
  load_codec();
  if (!alive(g_sock)) g_sock = dial();  // a reconnect, not a one-time initialisation
  std::fputs("x", g_log);  // a handle used, not changed
  decode_fn fn = g_decode;  // a copy of the pointer, moved to another function below
  if (!fn) fn = g_fallback;
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)
