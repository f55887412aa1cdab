// The native `bootstrap` entry point. Under Lambda (AWS_LAMBDA_RUNTIME_API set) it runs the
// Runtime API loop; anywhere else it answers one CGI request, which is how `sls invoke` and the
// tests drive it locally.
#include <cstdio>
#include <cstdlib>

#include "../common/cgi_io.hpp"
#include "../common/invocation.hpp"
#include "runtime_api_loop.hpp"

int main() {
  const char* runtime_api = std::getenv("AWS_LAMBDA_RUNTIME_API");
  if (runtime_api != nullptr && *runtime_api != '\0') {
    // Lambda collects stdout/stderr as logs; a block-buffered line could sit in the buffer while
    // the instance is frozen, or be lost if it is killed.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    return sls::runtime::run_runtime_api_loop(runtime_api, sls::runtime::linked_handler());
  }
  return sls::runtime::run_cgi_process("");
}
