// GET /api/pidfd: calls pidfd_open, which glibc added in 2.36 — newer than provided.al2023's 2.34.
#include <sls/function.hpp>

#include <unistd.h>
extern "C" {  // glibc 2.36's <sys/pidfd.h> lacks the C++ guard
#include <sys/pidfd.h>
}

#include <string>

sls::Response own_pidfd(const sls::Request&, sls::Context&) {
  int fd = pidfd_open(getpid(), 0);
  return sls::Response::text(200, std::to_string(fd));
}
SLS_HANDLER(own_pidfd)
