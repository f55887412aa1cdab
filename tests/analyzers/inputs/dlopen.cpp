// Given dlopen calls, we should report libraries the tracer cannot see and
// not self handles, RTLD_NOLOAD probes or libraries every runtime provides.
#include <dlfcn.h>
#include <string>

#include <sls/function.hpp>

sls::Response handle(const sls::Request& request, sls::Context& context) {
  void* plugin = dlopen("libplugin.so", RTLD_NOW);                     // expect: warning sls-dlopen
  std::string name = std::string("libcodec-") + request.query("c") + ".so";
  void* codec = dlopen(name.c_str(), RTLD_LAZY);                       // expect: warning sls-dlopen; note sls-dynamic-path
  void* lazy = dlopen("./lib/libextra.so.1", RTLD_LAZY | RTLD_GLOBAL); // expect: warning sls-dlopen
  void* self = dlopen(nullptr, RTLD_NOW);
  void* probe = dlopen("libssl.so.3", RTLD_NOW | RTLD_NOLOAD);
  void* libm = dlopen("libm.so.6", RTLD_NOW);
  void* symbol = dlsym(RTLD_DEFAULT, "malloc");
  (void)plugin, (void)codec, (void)lazy, (void)self, (void)probe, (void)libm, (void)symbol;
  return sls::Response::text(200, "ok");
}
SLS_HANDLER(handle)
