// Given files under /tmp, we should report fixed names written per request and
// unchecked reads, and not caches that check first, mkstemp, or checked reads.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <sls/function.hpp>

static void download_model(const char*) {}

static void write_report() {
  std::ofstream out("/tmp/report.csv");  // expect: warning sls-tmp-lifecycle
  out << "a,b\n";
}

static std::string read_state() {
  std::ifstream in("/tmp/state.json");  // expect: warning sls-tmp-lifecycle
  std::string text;
  std::getline(in, text);
  return text;
}

static void cached_model() {
  if (access("/tmp/model.bin", F_OK) != 0) download_model("/tmp/model.bin");
  FILE* model = std::fopen("/tmp/model.bin", "r");
  (void)model;
}

static void cache_with_filesystem() {
  if (!std::filesystem::exists("/tmp/index.db")) {
    std::ofstream create("/tmp/index.db");
  }
}

static std::string checked_read() {
  FILE* f = std::fopen("/tmp/last.txt", "r");
  if (!f) return "";
  char buffer[64] = {};
  std::fgets(buffer, sizeof buffer, f);
  std::fclose(f);
  return buffer;
}

static bool stream_checked() {
  std::ifstream in("/tmp/flag");
  return in.is_open();
}

static void unique_scratch() {
  char name[] = "/tmp/upload-XXXXXX";
  int fd = mkstemp(name);
  close(fd);
  unlink(name);
  FILE* anonymous = tmpfile();
  (void)anonymous;
}

static void append_log() {
  FILE* log = std::fopen("/tmp/requests.log", "a");  // expect: warning sls-tmp-lifecycle
  std::fputs("x\n", log);
}

static int g_init = [] {  // expect: note sls-global-mutable-state
  FILE* seed = std::fopen("/tmp/seeded", "w");  // written at init, once per instance
  (void)seed;
  return 0;
}();

sls::Response handle(const sls::Request& request, sls::Context& context) {
  write_report();
  read_state();
  cached_model();
  cache_with_filesystem();
  checked_read();
  stream_checked();
  unique_scratch();
  append_log();
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)
