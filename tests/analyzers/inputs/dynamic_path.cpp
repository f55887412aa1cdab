// Given files opened by literal and computed paths, we should note the
// computed ones the tracer cannot see, and resolve helpers called with literals.
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <string>

#include <sls/function.hpp>

static std::string read_all(const std::string& path) {
  std::ifstream in(path);  // every caller passes a literal: traced through them
  return {};
}

static FILE* open_any(const char* path) {
  return std::fopen(path, "r");  // expect: note sls-dynamic-path
}

sls::Response handle(const sls::Request& request, sls::Context& context) {
  read_all("data/pokedex.json");
  read_all("data/moves.json");
  open_any(request.query("file"));
  std::ifstream rom(std::string("roms/") + request.query("game"));  // expect: note sls-dynamic-path
  int fd = open(request.path(), O_RDONLY);                           // expect: note sls-dynamic-path
  const char* art = sls::asset(request.query("sprite"));             // expect: note sls-dynamic-path
  const char* logo = sls::asset("public/logo.png");
  FILE* table = std::fopen("data/table.bin", "rb");
  std::string scratch = std::string("/tmp/") + request.query("id");
  FILE* temp = std::fopen(scratch.c_str(), "r");                     // runtime file under /tmp: not shipped
  FILE* proc = std::fopen("/proc/self/status", "r");
  for (const auto& entry : std::filesystem::directory_iterator("data/levels")) (void)entry;
  (void)fd, (void)art, (void)logo, (void)table, (void)temp, (void)proc;
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)
