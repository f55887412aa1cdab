// Keeps a count in a global: a warm instance serves several invocations from one process, so the
// count goes up (the very behaviour sls-global-mutable-state warns about).
#include <sls/function.hpp>

#include <string>

namespace {
int g_invocations = 0;
}

sls::Response count(const sls::Request&, sls::Context&) {
  ++g_invocations;
  return sls::Response::text(200, std::to_string(g_invocations));
}

SLS_HANDLER(count)
