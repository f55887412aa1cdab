// Where libcurl finds CA certificates on the runtime.
//
// Debian's libcurl looks for them at the path it was built with,
// /etc/ssl/certs/ca-certificates.crt; Amazon Linux 2023 (provided.al2023)
// keeps its bundle at /etc/pki/tls/certs/ca-bundle.crt. A function linked
// against Debian's libcurl would fail every HTTPS request there. sls links
// this file only into functions that link libcurl, with
// -Wl,--wrap=curl_easy_init: every handle the function (or a library such as
// aws-lambda-cpp) creates gets CURLOPT_CAINFO set to the bundle that exists,
// unless the built-in path exists (nothing changes on Debian) or the handle's
// owner sets its own afterwards. SSL_CERT_FILE, when set, wins.
//
// Declared by hand rather than with <curl/curl.h>: the glue is compiled once
// for every function, and a host without libcurl's headers must still build it.
#include <sys/stat.h>

#include <cstdlib>
#include <initializer_list>

extern "C" {
void* __real_curl_easy_init(void);
int curl_easy_setopt(void* handle, int option, ...);
}

namespace {

constexpr int k_curlopt_cainfo = 10065;  // CURLOPTTYPE_STRINGPOINT (10000) + 65

bool exists(const char* path) {
  struct stat info;
  return ::stat(path, &info) == 0;
}

// The CA bundle to use, or nullptr to keep libcurl's built-in one.
const char* ca_bundle() {
  const char* chosen = std::getenv("SSL_CERT_FILE");
  if (chosen != nullptr && *chosen != '\0') return chosen;
  if (exists("/etc/ssl/certs/ca-certificates.crt")) return nullptr;  // Debian's own path
  for (const char* path : {"/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem", "/etc/pki/tls/cacert.pem"})
    if (exists(path)) return path;
  return nullptr;
}

}  // namespace

extern "C" void* __wrap_curl_easy_init(void) {
  void* handle = __real_curl_easy_init();
  static const char* const bundle = ca_bundle();  // the file system does not change under a running function
  if (handle != nullptr && bundle != nullptr) curl_easy_setopt(handle, k_curlopt_cainfo, bundle);
  return handle;
}
