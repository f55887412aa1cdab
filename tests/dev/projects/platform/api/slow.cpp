// GET /api/slow: takes a second. With concurrency = 4 one instance serves four at once.
#include <sls/function.hpp>

#include <unistd.h>

#include <string>

sls::Response slow(const sls::Request&, sls::Context&) {
  usleep(1000 * 1000);
  return sls::Response::text(200, "slow done in process " + std::to_string(getpid()));
}
SLS_HANDLER(slow)
