// Given writes to literal paths, we should report those outside /tmp and not
// reads, /tmp writes, /dev paths or paths we cannot see.
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>

#include <sls/function.hpp>

constexpr const char* k_log_path = "/var/log/app.log";

sls::Response handle(const sls::Request& request, sls::Context& context) {
  FILE* out = std::fopen("results.json", "w");             // expect: error sls-write-outside-tmp
  std::ofstream log(k_log_path);                           // expect: error sls-write-outside-tmp
  int fd = open("/var/task/cache.bin", O_WRONLY | O_CREAT, 0644);  // expect: error sls-write-outside-tmp
  mkdir("/opt/data", 0755);                                // expect: error sls-write-outside-tmp
  std::filesystem::create_directories(std::string("output/") + request.path());  // expect: error sls-write-outside-tmp
  FILE* scratch = std::fopen("/tmp/scratch.json", "w");    // expect: warning sls-tmp-lifecycle
  FILE* config = std::fopen("config/app.json", "r");       // a read of a shipped file
  FILE* sink = std::fopen("/dev/null", "w");
  std::ofstream dynamic(request.path());                   // not a literal: may land anywhere  // expect: note sls-dynamic-path
  int rd = open("data/table.bin", O_RDONLY);
  std::ofstream tmp_out(std::string("/tmp/") + request.query("id"));
  (void)out, (void)fd, (void)scratch, (void)config, (void)sink, (void)rd;
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)
