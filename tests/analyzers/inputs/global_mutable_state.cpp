// Given globals and statics that handler code writes, only reads, writes only
// at init, or fills lazily, we should warn about the state the handler
// mutates and note the rest.
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <sls/function.hpp>

struct Emulator {
  void press(int button);
  int frame() const;
};

static Emulator g_emulator;             // expect: warning sls-global-mutable-state
static int g_hits = 0;                  // expect: warning sls-global-mutable-state
std::atomic<long> g_requests{0};        // expect: warning sls-global-mutable-state
static const int k_limit = 10;          // const: never reported
constexpr double k_ratio = 0.5;
static std::string g_banner = "hello";  // expect: note sls-global-mutable-state
static int g_config_level = 0;          // expect: note sls-global-mutable-state
static std::mutex g_lock;               // synchronisation objects are meant to be shared
static std::once_flag g_once;
static std::unique_ptr<std::string> g_lazy;  // expect: note sls-global-mutable-state
static std::map<std::string, int> g_table;   // expect: note sls-global-mutable-state
static bool g_loaded = false;                // expect: note sls-global-mutable-state
static std::string g_config;                 // expect: note sls-global-mutable-state

struct Writer {
  Writer& value(const char* text);
  Writer& drain_into(std::string& out);
};
static const char* g_revision = "r0";  // expect: note sls-global-mutable-state
static std::string g_spill;            // expect: warning sls-global-mutable-state

struct Settings {
  static int s_counter;
};
int Settings::s_counter = 0;  // expect: warning sls-global-mutable-state

static int load_level() { return 3; }
static int g_level_at_init = (g_config_level = load_level());  // expect: note sls-global-mutable-state

static const std::string& lazy_value() {
  if (!g_lazy) g_lazy = std::make_unique<std::string>("value");
  return *g_lazy;
}

static void fill_table() {
  std::call_once(g_once, [] { g_table["a"] = 1; });
}

static void load_config() {
  if (!g_loaded) {
    g_config = "loaded";
    g_loaded = true;
  }
}

static int next_ticket() {
  static int ticket = 0;  // expect: warning sls-global-mutable-state
  return ++ticket;
}

static int cached_square(int x) {
  static const int table[] = {0, 1, 4, 9};  // const table: fine
  return table[x % 4];
}

sls::Response handle(const sls::Request& request, sls::Context& context) {
  std::lock_guard<std::mutex> guard(g_lock);
  g_emulator.press(1);
  ++g_hits;
  g_requests.fetch_add(1);
  Settings::s_counter += 1;
  int local = 0;  // locals are per invocation
  local += g_emulator.frame() + k_limit + static_cast<int>(g_banner.size()) + g_config_level;
  lazy_value();
  fill_table();
  load_config();
  next_ticket();
  cached_square(local);
  Writer writer;  // a local writer: its non-const methods change it, not their arguments
  writer.value(g_revision).drain_into(g_spill);
  return sls::Response::text(200, g_banner.c_str());
}
SLS_HANDLER(handle)
