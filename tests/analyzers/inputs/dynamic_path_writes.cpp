// Given files written through paths built at run time, we should note those
// that can land outside /tmp, and not those under /tmp or the temporary
// directory; a library dlopen'ed through a computed name is noted too.
#include <dlfcn.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <sls/function.hpp>

namespace fs = std::filesystem;

sls::Response handle(const sls::Request& request, sls::Context& context) {
  const std::string name = request.query("name");
  std::ofstream out("exports/" + name);                         // expect: error sls-write-outside-tmp
  std::ofstream report("report-" + name);                       // expect: note sls-dynamic-path
  std::FILE* log = std::fopen(request.header("x-log"), "a");  // expect: note sls-dynamic-path
  const fs::path dir = fs::temp_directory_path() / name;
  fs::create_directory(dir);
  std::ofstream part(dir / "part.bin");
  std::ifstream back(dir / "part.bin");
  fs::remove_all(dir);
  std::ifstream config(sls::asset("config/app.json"));
  void* plugin = dlopen(("plugins/" + name + ".so").c_str(), RTLD_NOW);  // expect: note sls-dynamic-path; warning sls-dlopen
  (void)log, (void)plugin;
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)
