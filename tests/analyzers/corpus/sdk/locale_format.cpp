// Formats numbers and dates for a locale. The formatting backend is a shared
// library; the collation helper is only needed for sort requests.
#include <sls/function.hpp>

#include <dlfcn.h>
#include <string>

namespace {

using format_fn = int (*)(const char* locale, double value, char* out, int cap);
using collate_fn = int (*)(const char* locale, const char* a, const char* b);

void* const formatter_lib = dlopen("libfmt-locale.so.1", RTLD_NOW);
const format_fn format_number =
    formatter_lib ? reinterpret_cast<format_fn>(dlsym(formatter_lib, "fmt_locale_number")) : nullptr;

int collate(const std::string& locale, const std::string& a, const std::string& b) {
  void* lib = dlopen("libcollate-lite.so", RTLD_NOW | RTLD_LOCAL);
  if (!lib) return 0;
  auto fn = reinterpret_cast<collate_fn>(dlsym(lib, "collate"));
  const int order = fn ? fn(locale.c_str(), a.c_str(), b.c_str()) : 0;
  dlclose(lib);
  return order;
}

}  // namespace

sls::Response handle(const sls::Request& req, sls::Context&) {
  const std::string locale = req.query("locale").empty() ? "en-US" : req.query("locale");
  if (!req.query("a").empty()) {
    const int order = collate(locale, req.query("a"), req.query("b"));
    return sls::Response::json(200, "{\"order\":" + std::to_string(order) + "}");
  }
  if (!format_number) return sls::Response::text(503, "formatter missing");
  char out[64];
  const int n = format_number(locale.c_str(), std::stod(req.query("value").empty() ? "0" : req.query("value")), out, sizeof out);
  if (n < 0) return sls::Response::text(400, "unknown locale");
  return sls::Response::json(200, "{\"formatted\":\"" + std::string(out, static_cast<size_t>(n)) + "\"}");
}

SLS_HANDLER(handle)
